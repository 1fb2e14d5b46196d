import Foundation

/// Nice tick values by the extended Wilkinson algorithm: Talbot, Lin & Hanrahan, "An Extension
/// of Wilkinson's Algorithm for Positioning Tick Labels on Axes", IEEE InfoVis 2010.
///
/// A candidate is k labels l_min, l_min + s, …, with step s = j·q·10^z (q from a list of nice
/// steps, j a skip factor). It is scored by a weighted sum of
/// - simplicity 1 − i/(|Q|−1) − j + v (i the index of q; v = 1 when 0 is a label),
/// - coverage 1 − ½((d_max − l_max)² + (d_min − l_min)²)/(0.1(d_max − d_min))²,
/// - density 2 − max(r/r_t, r_t/r) (r the candidate's labels per unit, r_t the target's),
/// - legibility: here 1, or the candidate is dropped when its labels would overlap;
/// with weights (0.25, 0.2, 0.5, 0.05), and the search stops a loop as soon as the loop's best
/// possible score (each term at its bound) cannot beat the best found. Labels are kept as
/// integer multiples of q·10^z, so they print exactly (never 0.30000000000000004).
struct ExtendedWilkinson {
    static let niceSteps: [Double] = [1, 5, 2, 2.5, 4, 3]
    static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    /// One set of labels: the values n·q·10^z for n = first, first + skip, … (count of them).
    struct Labels: Equatable {
        var first: Int
        var skip: Int
        var count: Int
        var q: Double
        var z: Int

        var values: [Double] { (0..<count).map { value(first + $0 * skip) } }
        var lower: Double { value(first) }
        var upper: Double { value(first + (count - 1) * skip) }
        var step: Double { Double(skip) * q * ExtendedWilkinson.power10(z) }

        /// n·q·10^z, divided rather than multiplied by 10^−z so that 3·0.1 is 0.3.
        func value(_ n: Int) -> Double {
            z >= 0 ? Double(n) * q * ExtendedWilkinson.power10(z) : Double(n) * q / ExtendedWilkinson.power10(-z)
        }
    }

    let lower: Double
    let upper: Double
    /// The number of labels wanted (≥ 2).
    let target: Int
    /// Keep every label within [lower, upper] (an explicit range); otherwise labels may reach
    /// past the data and the axis grows to them.
    let onlyInside: Bool
    /// Only whole-number steps (layers, degrees).
    var integers = false

    /// The best-scoring candidate that `legible` accepts, or nil if none does.
    func best(legible: (Labels) -> Bool) -> Labels? {
        let w = Self.weights
        let range = upper - lower
        guard range > 0, range.isFinite, target >= 2 else { return nil }
        let n = Double(Self.niceSteps.count)
        let largestCount = max(10, 3 * target)
        // Beyond this power the step exceeds the whole range.
        let largestPower = Int(Foundation.log10(range).rounded(.up)) + 1
        var best: Labels?
        var bestScore = -Double.infinity

        skipLoop: for j in 1...9 {
            for (i, q) in Self.niceSteps.enumerated() {
                let simplicityBound = 2 - Double(i) / (n - 1) - Double(j)
                if w.simplicity * simplicityBound + w.coverage + w.density + w.legibility < bestScore { break skipLoop }
                for k in 2...largestCount {
                    let densityBound = k >= target ? 2 - Double(k - 1) / Double(target - 1) : 1
                    if w.simplicity * simplicityBound + w.coverage + w.density * densityBound + w.legibility < bestScore { break }
                    let delta = range / Double(k + 1) / Double(j) / q
                    var z = Int(Foundation.log10(delta).rounded(.up))
                    while z <= largestPower {
                        let unit = q * Self.power10(z)
                        let step = Double(j) * unit
                        if integers && (z < 0 || (q == 2.5 && z == 0)) {
                            z += 1
                            continue
                        }
                        let coverageBound = Self.coverageBound(lower, upper, span: step * Double(k - 1))
                        if w.simplicity * simplicityBound + w.coverage * coverageBound + w.density * densityBound + w.legibility < bestScore {
                            break
                        }
                        // Start values (in units of q·10^z) whose labels could cover the data.
                        let lowestStart = Int((upper / step).rounded(.down)) * j - (k - 1) * j
                        let highestStart = Int((lower / step).rounded(.up)) * j
                        if lowestStart <= highestStart {
                            for start in lowestStart...highestStart {
                                let labels = Labels(first: start, skip: j, count: k, q: q, z: z)
                                let lmin = labels.lower, lmax = labels.upper
                                if onlyInside && (lmin < lower - range * 1e-9 || lmax > upper + range * 1e-9) { continue }
                                let zeroIsALabel = start <= 0 && start + (k - 1) * j >= 0 && start % j == 0
                                let simplicity = simplicityBound - 1 + (zeroIsALabel ? 1 : 0)
                                let coverage = Self.coverage(lower, upper, lmin, lmax)
                                let density = Self.density(k, target, lower, upper, lmin, lmax)
                                let score = w.simplicity * simplicity + w.coverage * coverage + w.density * density + w.legibility
                                if score > bestScore && legible(labels) {
                                    best = labels
                                    bestScore = score
                                }
                            }
                        }
                        z += 1
                    }
                }
            }
        }
        return best
    }

    /// Distances are measured in units of the data's range before squaring, so that values
    /// near 1e200 do not overflow to a NaN score.
    static func coverage(_ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let range = dmax - dmin
        let above = (dmax - lmax) / range, below = (dmin - lmin) / range
        return 1 - 0.5 * (above * above + below * below) / 0.01
    }

    /// The best coverage labels spanning `span` can have: centred on the data.
    static func coverageBound(_ dmin: Double, _ dmax: Double, span: Double) -> Double {
        let range = dmax - dmin
        guard span > range else { return 1 }
        let half = (span - range) / 2 / range
        return 1 - half * half / 0.01
    }

    static func density(_ k: Int, _ m: Int, _ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = Double(k - 1) / (lmax - lmin)
        let rt = Double(m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / rt, rt / r)
    }

    /// 10^z, exact for the powers a Double holds exactly (|z| ≤ 22).
    static func power10(_ z: Int) -> Double {
        z >= 0 && z <= 22 ? exactPowers[z] : Foundation.pow(10, Double(z))
    }

    private static let exactPowers: [Double] = (0...22).reduce(into: []) { powers, z in powers.append(z == 0 ? 1 : powers[z - 1] * 10) }
}
