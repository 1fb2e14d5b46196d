import Foundation
import Testing
@testable import SignalProp

// Monte Carlo checks of the mean-field calculator against finite random networks (spec,
// "Accuracy": "a finite-width random network simulation vs the mean-field trajectory") and of
// the Jacobian moments (Pennington et al. 2017) against sampled products of random layer
// Jacobians. The simulations use Foundation's tanh, not `Activation.evaluate`, so they share no
// code with the library. Every random number comes from a fixed seed: the tests are
// deterministic, and the tolerances below are chosen so that the seeds are not special (a
// false failure would need a ≥ 5-standard-error excursion).

/// Mean and standard deviation (n − 1 denominator) of a sample.
private func meanAndDeviation(_ xs: [Double]) -> (mean: Double, deviation: Double) {
    let n = Double(xs.count)
    let mean = xs.reduce(0, +) / n
    let ss = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (mean, (ss / (n - 1)).squareRoot())
}

@Suite struct SimulationTests {
    // MARK: - Finite-width network vs the mean-field trajectory

    /// One setting of the network test: weights, biases and the two inputs' covariance.
    struct NetworkSetting: Sendable, CustomTestStringConvertible {
        var name: String
        var sw2: Double
        var sb2: Double
        var q11: Double
        var q22: Double
        var c: Double
        var seed: UInt64
        var q12: Double { c * (q11 * q22).squareRoot() }
        var testDescription: String { name }
    }

    /// Chaotic (χ₁ > 1: c decays to c* < 1) and ordered (χ₁ < 1: c → 1); tanh's critical σw²
    /// at σb² = 0.05 is ≈ 1.76. The inputs have different lengths, so q₁₁ and q₂₂ approach q*
    /// from opposite sides.
    static let chaotic = NetworkSetting(
        name: "chaotic tanh sw2=2.5 sb2=0.05", sw2: 2.5, sb2: 0.05, q11: 0.5, q22: 2.0, c: 0.9, seed: 11)
    static let ordered = NetworkSetting(
        name: "ordered tanh sw2=1.3 sb2=0.05", sw2: 1.3, sb2: 0.05, q11: 3.0, q22: 0.3, c: 0.2, seed: 12)

    static let width = 2000
    static let depth = 30
    /// Independent networks in the ensemble.
    static let networks = 100
    static let quantityNames = ["q11", "q22", "c"]

    /// Per layer 0…depth: the empirical q₁₁ = |h¹|²/N, q₂₂ = |h²|²/N and c = h¹·h²/(|h¹||h²|).
    struct LayerStatistics: Sendable {
        var values: [[Double]] = [[], [], []]  // [quantity][layer], quantities as quantityNames

        mutating func record(_ h1: UnsafePointer<Double>, _ h2: UnsafePointer<Double>, width n: Int) {
            var a = 0.0, b = 0.0, ab = 0.0
            var i = 0
            while i < n { a += h1[i] * h1[i]; b += h2[i] * h2[i]; ab += h1[i] * h2[i]; i += 1 }
            values[0].append(a / Double(n))
            values[1].append(b / Double(n))
            values[2].append(ab / (a * b).squareRoot())
        }
    }

    /// Two inputs in R^N with exactly |x¹|²/N = q₁₁, |x²|²/N = q₂₂, x¹·x²/N = q₁₂: an orthonormal
    /// pair (Gram–Schmidt of two Gaussian vectors, scaled to |e|² = N) combined as
    /// x¹ = √q₁₁ e₁, x² = √q₂₂ (c e₁ + √(1−c²) e₂). Their entries are approximately N(0, q), as
    /// the mean field assumes of layer 0 (trajectory's layer 0 is the input itself, and its
    /// layer 1 is σw²·E[φ(√q₀ z)²] + σb²).
    static func inputs(_ s: NetworkSetting, width n: Int, random: inout TestRandom) -> ([Double], [Double]) {
        var e1 = random.normals(n), e2 = random.normals(n)
        let norm1 = (e1.reduce(0) { $0 + $1 * $1 } / Double(n)).squareRoot()
        for i in 0..<n { e1[i] /= norm1 }
        let overlap = zip(e1, e2).reduce(0) { $0 + $1.0 * $1.1 } / Double(n)
        for i in 0..<n { e2[i] -= overlap * e1[i] }
        let norm2 = (e2.reduce(0) { $0 + $1 * $1 } / Double(n)).squareRoot()
        for i in 0..<n { e2[i] /= norm2 }
        let s1 = s.q11.squareRoot(), s2 = s.q22.squareRoot(), orthogonal = (1 - s.c * s.c).squareRoot()
        return (e1.map { s1 * $0 }, (0..<n).map { s2 * (s.c * e1[$0] + orthogonal * e2[$0]) })
    }

    /// One network of width N, propagated with the exact law of h^{l+1} = W tanh(h^l) + b given
    /// layer l, for the two inputs (same W, b). Given layer l, the rows W_i are iid
    /// N(0, σw²/N·I) and the b_i iid N(0, σb²), independent of the past, so the pairs
    /// (h¹_i, h²_i) of layer l+1 are iid over i and bivariate normal with covariance σw²·G + σb²,
    /// G the 2×2 Gram matrix tanh(hᵃ)·tanh(hᵇ)/N. Sampling those pairs directly is exactly the
    /// finite-width network's distribution (not the mean-field approximation: G is the empirical
    /// Gram matrix of this network's layer), at O(N) instead of O(N²) per layer.
    /// `explicitNetworkMatchesTrajectory` checks it against a network with W materialised.
    static func network(
        _ s: NetworkSetting, width n: Int, depth: Int, random: inout TestRandom
    ) -> LayerStatistics {
        var (h1, h2) = inputs(s, width: n, random: &random)
        var stats = LayerStatistics()
        var z = [Double](repeating: 0, count: 2 * n)
        h1.withUnsafeMutableBufferPointer { b1 in
            h2.withUnsafeMutableBufferPointer { b2 in
                z.withUnsafeMutableBufferPointer { zb in
                    let x = b1.baseAddress!, y = b2.baseAddress!, z = zb.baseAddress!
                    stats.record(x, y, width: n)
                    for _ in 0..<depth {
                        var g11 = 0.0, g22 = 0.0, g12 = 0.0
                        var i = 0
                        while i < n {
                            let a = Foundation.tanh(x[i]), b = Foundation.tanh(y[i])
                            g11 += a * a; g22 += b * b; g12 += a * b
                            i += 1
                        }
                        let nn = Double(n)
                        let s11 = s.sw2 * g11 / nn + s.sb2, s22 = s.sw2 * g22 / nn + s.sb2
                        let s12 = s.sw2 * g12 / nn + s.sb2
                        // Cholesky factor of [[s11, s12], [s12, s22]].
                        let l11 = s11.squareRoot(), l21 = s12 / l11, l22 = max(0, s22 - l21 * l21).squareRoot()
                        random.fillNormals(zb)
                        i = 0
                        while i < n {
                            x[i] = l11 * z[2 * i]
                            y[i] = l21 * z[2 * i] + l22 * z[2 * i + 1]
                            i += 1
                        }
                        stats.record(x, y, width: n)
                    }
                }
            }
        }
        return stats
    }

    /// The literal network: W (N×N, entries N(0, σw²/N)) and b (entries N(0, σb²)) drawn for
    /// every layer, h^{l+1} = W tanh(h^l) + b for both inputs.
    static func explicitNetwork(
        _ s: NetworkSetting, width n: Int, depth: Int, random: inout TestRandom
    ) -> LayerStatistics {
        var (h1, h2) = inputs(s, width: n, random: &random)
        var stats = LayerStatistics()
        h1.withUnsafeBufferPointer { x in
            h2.withUnsafeBufferPointer { y in stats.record(x.baseAddress!, y.baseAddress!, width: n) }
        }
        var w = [Double](repeating: 0, count: n * n)
        let weightScale = (s.sw2 / Double(n)).squareRoot()
        for _ in 0..<depth {
            let a1 = h1.map { Foundation.tanh($0) }, a2 = h2.map { Foundation.tanh($0) }
            let bias = random.normals(n, scale: s.sb2.squareRoot())
            w.withUnsafeMutableBufferPointer { wb in
                random.fillNormals(wb, scale: weightScale)
                a1.withUnsafeBufferPointer { xb in
                    a2.withUnsafeBufferPointer { yb in
                        h1.withUnsafeMutableBufferPointer { o1 in
                            h2.withUnsafeMutableBufferPointer { o2 in
                                let x = xb.baseAddress!, y = yb.baseAddress!
                                for i in 0..<n {
                                    let row = wb.baseAddress! + i * n
                                    var u = 0.0, v = 0.0
                                    var j = 0
                                    while j < n { u += row[j] * x[j]; v += row[j] * y[j]; j += 1 }
                                    o1[i] = u + bias[i]
                                    o2[i] = v + bias[i]
                                }
                                stats.record(o1.baseAddress!, o2.baseAddress!, width: n)
                            }
                        }
                    }
                }
            }
        }
        return stats
    }

    /// An ensemble of independent networks and the mean-field trajectory of the same setting.
    struct NetworkReference: Sendable {
        /// Ensemble mean and per-network standard deviation, [quantity][layer].
        var mean: [[Double]]
        var deviation: [[Double]]
        var count: Int
        /// `MeanField.trajectory`, [quantity][layer].
        var theory: [[Double]]

        init(_ s: NetworkSetting) {
            var random = TestRandom(seed: s.seed)
            let runs = (0..<networks).map { _ in network(s, width: width, depth: depth, random: &random) }
            var mean: [[Double]] = [], deviation: [[Double]] = []
            for quantity in 0..<3 {
                let perLayer = (0...depth).map { l in meanAndDeviation(runs.map { $0.values[quantity][l] }) }
                mean.append(perLayer.map(\.mean))
                deviation.append(perLayer.map(\.deviation))
            }
            (self.mean, self.deviation, count) = (mean, deviation, networks)
            let layers = MeanField(MeanFieldParameters(activation: .tanh, sw2: s.sw2, sb2: s.sb2))
                .trajectory(q11: s.q11, q22: s.q22, q12: s.q12, depth: depth)
            theory = [layers.map(\.q11), layers.map(\.q22), layers.map { $0.correlation ?? .nan }]
        }
    }

    // Computed once (lazily, thread-safely) and shared by the tests that need them.
    static let chaoticReference = NetworkReference(chaotic)
    static let orderedReference = NetworkReference(ordered)

    /// The ensemble of 100 independent width-2000, depth-30 tanh networks against
    /// `MeanField.trajectory`: q₁₁, q₂₂ and c at every layer.
    ///
    /// Expected value: the trajectory (the N → ∞ limit). Tolerance: 5 standard errors of the
    /// ensemble mean, SE = s/√K with s the sample standard deviation over the K = 100 networks.
    /// s is set by the O(1/√N) finite-width fluctuations (≈ 3–4% of q at N = 2000, of the
    /// order of √(2/N)·q; for c, 1–18% of 1 − c), so the tolerance is ≈ 1.6–2.3% of q and at
    /// most 9% of 1 − c. With 99 degrees of freedom a
    /// 5-SE excursion has probability ~1e-6 per comparison. The finite-width bias of the
    /// ensemble mean is O(1/N) (curvature of the maps times Var q ~ 2q²/N: ~5e-4 relative),
    /// ~1/30 of the tolerance, so it gets no allowance. Layer 0 is exact by construction
    /// (tolerance 1e-12).
    ///
    /// The test can fail: the same tolerance must reject the length trajectories of a σw² 10%
    /// too high or too low (iterating `lengthMap`, which is what `trajectory` does for q₁₁, q₂₂)
    /// at every layer from 2 on (they miss by 25–60 SE; a 2% error already misses by > 5 SE at
    /// every layer ≥ 2).
    @Test(arguments: [chaotic, ordered])
    func networkEnsembleMatchesTrajectory(_ s: NetworkSetting) {
        let reference = s.sw2 == Self.chaotic.sw2 ? Self.chaoticReference : Self.orderedReference
        let k = 5.0
        func tolerance(_ quantity: Int, _ layer: Int) -> Double {
            layer == 0 ? 1e-12 : k * reference.deviation[quantity][layer] / Double(reference.count).squareRoot()
        }
        for quantity in 0..<3 {
            for layer in 0...Self.depth {
                let simulated = reference.mean[quantity][layer], expected = reference.theory[quantity][layer]
                #expect(
                    abs(simulated - expected) <= tolerance(quantity, layer),
                    "\(Self.quantityNames[quantity]) at layer \(layer): networks \(simulated) vs mean field \(expected), tolerance \(tolerance(quantity, layer))")
            }
        }
        // A 10% error in σw² is detected at every layer ≥ 2.
        for factor in [0.9, 1.1] {
            let wrong = MeanField(MeanFieldParameters(activation: .tanh, sw2: s.sw2 * factor, sb2: s.sb2))
            for (quantity, q0) in [(0, s.q11), (1, s.q22)] {
                var q = q0
                for layer in 1...Self.depth {
                    q = wrong.lengthMap(q)
                    guard layer >= 2 else { continue }
                    let simulated = reference.mean[quantity][layer]
                    #expect(
                        abs(simulated - q) > tolerance(quantity, layer),
                        "σw²×\(factor) not detected: \(Self.quantityNames[quantity]) at layer \(layer), networks \(simulated) vs wrong mean field \(q), tolerance \(tolerance(quantity, layer))")
                }
            }
        }
    }

    /// One literal network, W and b materialised (width 2000, depth 30, chaotic setting),
    /// against the trajectory.
    ///
    /// Tolerance: 5 per-network standard deviations s, with s taken from the ensemble of the
    /// previous test (same width, same law): this network is a single draw of that
    /// distribution, and a 5-s excursion has probability ~1e-6 per comparison (the 93
    /// comparisons are strongly correlated). Layer 0 is exact (1e-12). Since s is the spread
    /// of the exact-law shortcut used by the ensemble, this also checks that shortcut against
    /// the literal network: a different centre or a much smaller spread would show here.
    @Test func explicitNetworkMatchesTrajectory() {
        var random = TestRandom(seed: 21)
        let sim = Self.explicitNetwork(Self.chaotic, width: Self.width, depth: Self.depth, random: &random)
        let reference = Self.chaoticReference
        for quantity in 0..<3 {
            for layer in 0...Self.depth {
                let simulated = sim.values[quantity][layer], expected = reference.theory[quantity][layer]
                let tolerance = layer == 0 ? 1e-12 : 5 * reference.deviation[quantity][layer]
                #expect(
                    abs(simulated - expected) <= tolerance,
                    "\(Self.quantityNames[quantity]) at layer \(layer): network \(simulated) vs mean field \(expected), tolerance \(tolerance)")
            }
        }
    }

    // MARK: - Jacobian spectrum moments vs sampled products of layer Jacobians

    enum Weights: String, Sendable { case orthogonal, gaussian }

    struct JacobianCase: Sendable, CustomTestStringConvertible {
        var name: String
        var sw2: Double
        var sb2: Double
        var weights: Weights
        var seed: UInt64
        var testDescription: String { "\(name), \(weights.rawValue) weights" }
    }

    /// tanh exactly at criticality, placed with the boundary's parametrisation by q*
    /// (Schoenholz et al. 2017): q* = 1, σw² = 1/E[φ'(z)²] ≈ 2.153, σb² = 1 − σw²·E[φ(z)²]
    /// ≈ 0.151; and off criticality, chaotic σw² = 2.5 (χ₁ ≈ 1.13) and ordered σw² = 1.3
    /// (χ₁ ≈ 0.88), both at σb² = 0.05.
    static let jacobianCases: [JacobianCase] = {
        let m = GaussianExpectations(.tanh).single(q: 1)
        let sw2 = 1 / m.slopeSquared, sb2 = 1 - sw2 * m.valueSquared
        return [
            JacobianCase(name: "critical tanh", sw2: sw2, sb2: sb2, weights: .orthogonal, seed: 31),
            JacobianCase(name: "critical tanh", sw2: sw2, sb2: sb2, weights: .gaussian, seed: 32),
            JacobianCase(name: "chaotic tanh sw2=2.5 sb2=0.05", sw2: 2.5, sb2: 0.05, weights: .orthogonal, seed: 33),
            JacobianCase(name: "ordered tanh sw2=1.3 sb2=0.05", sw2: 1.3, sb2: 0.05, weights: .gaussian, seed: 34),
        ]
    }()

    static let jacobianWidth = 200
    static let jacobianDepth = 6
    /// Samples per case: a Gaussian sample costs half an orthogonal one and is noisier, so it
    /// gets twice as many.
    static func jacobianSamples(_ weights: Weights) -> Int { weights == .gaussian ? 16 : 8 }

    /// √σw²·φ'(h_i) for h_i = √q*·Φ⁻¹((i + U_i)/N), U_i uniform on (0, 1): a stratified sample
    /// of N(0, q*), one point in each of N equal-probability strata. Like an iid sample it is
    /// unbiased, E[tr D²/N] = μ₁ and E[tr D⁴/N] = μ₂ exactly, but tr D²/N fluctuates by a
    /// relative 5e-4 at N = 200 (Var ∝ N⁻³) instead of 5% (iid). iid h would make each
    /// sample's m₁ fluctuate by √(L·(μ₂/μ₁² − 1)/N) ≈ 13%, against 2–5% from W alone. The
    /// order of the entries does not matter: both weight laws are permutation invariant.
    static func scaledSlopes(n: Int, sw2: Double, qstar: Double, random: inout TestRandom) -> [Double] {
        let scale = sw2.squareRoot(), q = qstar.squareRoot()
        return (0..<n).map { i in
            let t = Foundation.tanh(q * inverseNormalCDF((Double(i) + random.uniform()) / Double(n)))
            return scale * (1 - t * t)
        }
    }

    /// One sample of J = D_L W_L ⋯ D_1 W_1 (N×N), D_l = diag(φ'(h_l)): returns
    /// m₁ = tr(JJᵀ)/N and m₂ = tr((JJᵀ)²)/N. Gaussian W: entries N(0, σw²/N); orthogonal
    /// W = σw·Q, Q Haar. The σw is folded into D. For orthogonal weights JJᵀ does not depend on
    /// Q₁ (Q₁Q₁ᵀ = I), so J starts from D₁.
    static func jacobianSample(
        n: Int, depth: Int, sw2: Double, qstar: Double, weights: Weights, random: inout TestRandom
    ) -> (m1: Double, m2: Double) {
        var m: SquareMatrix
        switch weights {
        case .gaussian:
            m = .gaussian(n, variance: 1 / Double(n), random: &random)
            m.scaleRows(by: scaledSlopes(n: n, sw2: sw2, qstar: qstar, random: &random))
            for _ in 1..<depth {
                m = SquareMatrix.gaussian(n, variance: 1 / Double(n), random: &random).multiplied(by: m)
                m.scaleRows(by: scaledSlopes(n: n, sw2: sw2, qstar: qstar, random: &random))
            }
        case .orthogonal:
            m = .diagonal(scaledSlopes(n: n, sw2: sw2, qstar: qstar, random: &random))
            for _ in 1..<depth {
                m.applyHaarOrthogonal(random: &random)
                m.scaleRows(by: scaledSlopes(n: n, sw2: sw2, qstar: qstar, random: &random))
            }
        }
        return (m.frobeniusSquared / Double(n), m.gramFrobeniusSquared / Double(n))
    }

    /// The exact finite-N values of E[m₁], E[m₂] − E[m₁]² and sd(m₁) for the sampled JJᵀ, from the
    /// second moments of one layer. With M = J_{l−1}J_{l−1}ᵀ, A = D_l² (diagonal; the weights'
    /// invariance lets M be taken diagonal too), T₁ = tr A, T₂ = tr A², X₁ = E[(tr M)²],
    /// X₂ = E[tr M²], and s = σw²:
    /// - Gaussian W (entries N(0, s/N)), Wick's theorem (three pairings of four W's):
    ///   X₁' = (s/N)²[T₁²X₁ + 2T₂X₂],  X₂' = (s/N)²[T₂(X₁ + X₂) + T₁²X₂].
    /// - Haar orthogonal W = √s·Q, the orthogonal Weingarten function for two pairs,
    ///   Wg = [(N+1)δ_pq − (1 − δ_pq)]/(N(N−1)(N+2)) (Collins and Śniady 2006); with
    ///   K = s²/(N(N−1)) and R = (T₁² + 2T₂)(X₁ + 2X₂)/(N+2):
    ///   X₁' = K[T₁²X₁ + 2T₂X₂ − R],  X₂' = K[T₂(X₁ + X₂) + T₁²X₂ − R].
    /// Both tend to the free-probability recursion as N → ∞ (the normalised variance grows by
    /// μ₂/μ₁² − 1 − s₁ per layer), which is what the library implements; at N = 200, L = 6
    /// they raise the variance by ≈ 2.6% (Gaussian) and 0.7% (orthogonal). For the stratified
    /// D, E T₂ = Nμ₂ and E T₁² = N²μ₁²·(1 + 2.5e-7); the 2.5e-7 is dropped. E[m₁] = (σw²μ₁)^L
    /// exactly at every N (E[W M Wᵀ] = s·(tr M/N)·I for both laws). (These formulas were
    /// checked separately against 10⁴–6·10⁴ samples at N = 8 and 24, where they move E m₂ by
    /// 5–130%, all within 1.2 SE; at N = 8 with the Var T₁ term, 0.4% there.)
    static func finiteWidthMoments(
        mu1: Double, mu2: Double, sw2 s: Double, n: Int, depth: Int, weights: Weights
    ) -> (mean: Double, variance: Double, meanDeviation: Double) {
        let N = Double(n)
        var x1 = N * N, x2 = N  // J₀ = I
        let t11 = N * N * mu1 * mu1, t2 = N * mu2
        for _ in 0..<depth {
            switch weights {
            case .gaussian:
                let f = (s / N) * (s / N)
                (x1, x2) = (f * (t11 * x1 + 2 * t2 * x2), f * (t2 * (x1 + x2) + t11 * x2))
            case .orthogonal:
                let k = s * s / (N * (N - 1)), r = (t11 + 2 * t2) * (x1 + 2 * x2) / (N + 2)
                (x1, x2) = (k * (t11 * x1 + 2 * t2 * x2 - r), k * (t2 * (x1 + x2) + t11 * x2 - r))
            }
        }
        let mean = Double.pow(s * mu1, Double(depth))
        return (mean, x2 / N - mean * mean, (x1 / (N * N) - mean * mean).squareRoot())
    }

    /// `result.jacobian` (mean χ₁^L; varianceOrthogonal / varianceGaussian) against S sampled
    /// Jacobians (S = 8 orthogonal, 16 Gaussian) of N = 200, L = 6 layers, with h_l drawn
    /// from N(0, q*), q* from the same result.
    ///
    /// Estimators: m̄₁ for the mean; for the variance v̂ = m̄₂ − m̄₁² + s²(m₁)/S, unbiased for
    /// E m₂ − (E m₁)² (m̄₁² alone is biased up by Var m₁/S). Expected values: the mean χ₁^L is
    /// exact at any N; the variance is the library's N → ∞ value plus the exact finite-N
    /// correction δ_N = (finite-N value) − (its N → ∞ limit), +0.7% (orthogonal) and
    /// +2.0–2.6% (Gaussian) of the variance here (see `finiteWidthMoments`).
    ///
    /// Tolerances, 5 standard errors each: for the mean, SE = sd(m₁)/√S with the exact
    /// finite-N sd(m₁) from `finiteWidthMoments` (the samples' own sd agrees with it within its
    /// sampling error: ratios 0.83–1.29 here, at S = 8–16); for v̂, the SE estimated from the
    /// samples by the delta method (sd of m₂ − 2m̄₁m₁ over √S; with 7 or 15 degrees of freedom
    /// a 5-SE excursion has probability ≤ 2e-3). The sample-to-sample fluctuations of these
    /// trace statistics are O(1/N) (driven by W; the stratified D adds almost nothing). The
    /// tolerances come to ≈ 3% (orthogonal) and 5–6% (Gaussian) of the mean, and ≈ 10–11%
    /// (orthogonal) and 14% (Gaussian) of the variance; the simulations land within 2.4 SE.
    /// The test can fail: the other weight law's variance (Gaussian = orthogonal + χ₁^(2L)·L,
    /// a factor 2.7–6.7 apart here) must be rejected by the same tolerance.
    @Test(arguments: jacobianCases)
    func jacobianMomentsMatchSimulation(_ c: JacobianCase) throws {
        let (n, depth, samples) = (Self.jacobianWidth, Self.jacobianDepth, Self.jacobianSamples(c.weights))
        let result = MeanField(MeanFieldParameters(activation: .tanh, sw2: c.sw2, sb2: c.sb2))
            .compute(jacobianDepth: depth)
        let theory = try #require(result.jacobian)
        #expect(theory.depth == depth)
        var random = TestRandom(seed: c.seed)
        let draws = (0..<samples).map { _ in
            Self.jacobianSample(n: n, depth: depth, sw2: c.sw2, qstar: result.qstar, weights: c.weights, random: &random)
        }
        let S = Double(samples)
        let m1 = meanAndDeviation(draws.map(\.m1)), m2 = meanAndDeviation(draws.map(\.m2))
        let variance = m2.mean - m1.mean * m1.mean + m1.deviation * m1.deviation / S
        let varianceError = meanAndDeviation(draws.map { $0.m2 - 2 * m1.mean * $0.m1 }).deviation / S.squareRoot()
        let finite = Self.finiteWidthMoments(
            mu1: theory.mu1, mu2: theory.mu2, sw2: c.sw2, n: n, depth: depth, weights: c.weights)
        let meanError = finite.meanDeviation / S.squareRoot()

        // The finite-N correction of each weight law: exact finite-N value minus its N → ∞ limit
        // χ₁^(2L)·L·(μ₂/μ₁² − 1 − s₁).
        let L = Double(depth), spread = theory.mu2 / (theory.mu1 * theory.mu1)
        let chi2L = Double.pow(c.sw2 * theory.mu1, 2 * L)
        func correction(_ weights: Weights) -> Double {
            let finite = Self.finiteWidthMoments(
                mu1: theory.mu1, mu2: theory.mu2, sw2: c.sw2, n: n, depth: depth, weights: weights)
            return finite.variance - chi2L * L * (spread - (weights == .orthogonal ? 1 : 0))
        }
        let expectedVariance: Double, otherVariance: Double
        switch c.weights {
        case .orthogonal:
            expectedVariance = theory.varianceOrthogonal + correction(.orthogonal)
            otherVariance = theory.varianceGaussian + correction(.gaussian)
        case .gaussian:
            expectedVariance = theory.varianceGaussian + correction(.gaussian)
            otherVariance = theory.varianceOrthogonal + correction(.orthogonal)
        }

        #expect(
            abs(m1.mean - theory.mean) <= 5 * meanError,
            "mean eigenvalue: simulated \(m1.mean) ± \(meanError) vs χ₁^L = \(theory.mean)")
        #expect(
            abs(variance - expectedVariance) <= 5 * varianceError,
            "variance: simulated \(variance) ± \(varianceError) vs \(expectedVariance) (library \(expectedVariance - correction(c.weights)) + finite-N \(correction(c.weights)))")
        #expect(
            abs(variance - otherVariance) > 5 * varianceError,
            "the other weight law's variance \(otherVariance) is not rejected: simulated \(variance) ± \(varianceError)")
    }

    /// The Haar sampler behind the orthogonal weights: Q (from `applyHaarOrthogonal` on I) is
    /// orthogonal to rounding, and its trace has the Haar moments E tr Q = 0, E (tr Q)² = 1,
    /// E tr Q² = 1 (for O(N), N ≥ 2: E[Q_ij Q_kl] = δ_ik δ_jl/N). A missing sign correction
    /// would show: without it Q₁₁ ≤ 0 always, and E tr Q ≈ −0.8 at N = 4. Tolerance: 5
    /// standard errors of the 4000-sample means (SE from the sample), 1e-12 for orthogonality.
    @Test func haarSamplerHasHaarMoments() {
        var random = TestRandom(seed: 41)
        let n = 4, reps = 4000
        var trace: [Double] = [], traceSquare: [Double] = [], squareTrace: [Double] = []
        var worst = 0.0
        for _ in 0..<reps {
            var q = SquareMatrix.diagonal([Double](repeating: 1, count: n))
            q.applyHaarOrthogonal(random: &random)
            worst = max(worst, q.orthogonalityError)
            let t = (0..<n).reduce(0) { $0 + q.entries[$1 * n + $1] }
            let q2 = q.multiplied(by: q)
            trace.append(t)
            traceSquare.append(t * t)
            squareTrace.append((0..<n).reduce(0) { $0 + q2.entries[$1 * n + $1] })
        }
        #expect(worst <= 1e-12)
        for (name, values) in [("E tr Q = 0", trace), ("E (tr Q)² = 1", traceSquare), ("E tr Q² = 1", squareTrace)] {
            let m = meanAndDeviation(values), expected: Double = name.hasSuffix("0") ? 0 : 1
            let tolerance = 5 * m.deviation / Double(reps).squareRoot()
            #expect(abs(m.mean - expected) <= tolerance, "\(name): \(m.mean), tolerance \(tolerance)")
        }
    }
}
