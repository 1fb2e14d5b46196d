import RealModule

/// Gaussian pair expectations of an analytic φ as Mehler series, for kernels over many inputs.
///
/// With hₖ = Heₖ/√k! the orthonormal Hermite polynomials and αₖ(q) = E[φ(√q z)hₖ(z)],
/// βₖ(q) = E[φ'(√q z)hₖ(z)], Mehler's formula gives for (u, v) with variances q₁, q₂ and
/// correlation c
///
///     E[φ(u)φ(v)] = Σₖ αₖ(q₁)αₖ(q₂)cᵏ,   E[φ'(u)φ'(v)] = Σₖ βₖ(q₁)βₖ(q₂)cᵏ.
///
/// So one layer of an n×n kernel needs the coefficients at n variances, not n² quadratures,
/// and each entry is then a sum of K terms. For φ analytic in a strip (tanh, sigmoid,
/// softplus, swish, gelu) the coefficients decay like exp(−2d√(2k)), d the strip's half-width
/// in z, so K is chosen until the last terms' squares are below 1e-17 of the sum — which bounds
/// the truncation error at every |c| ≤ 1. The coefficients are computed by panelled
/// Gauss–Legendre on [−12, 12] (hₖ(z)√φ(z) is bounded by ~1, so the rest weighs e^(−36)) with
/// panels narrow enough for hₖ's oscillations and φ's strip, and interpolated in √q across the
/// layer's variances by Chebyshev polynomials, checked against a direct computation.
struct MehlerSeries {
    let activation: Activation
    /// Number of terms.
    let terms: Int
    /// αₖ and βₖ for each variance asked for, row i = variance i, flattened.
    let valueCoefficients: [Double]
    let slopeCoefficients: [Double]

    static let largestTerms = 2048
    static let cutoff = 12.0

    /// Series for φ at each of `variances`, or nil if φ is not analytic (kinks make the series
    /// converge algebraically) or K would exceed `largestTerms` (q too large for the strip).
    init?(_ activation: Activation, variances: [Double]) {
        guard activation.kinks.isEmpty, let strip = activation.singularity?.distance, !variances.isEmpty else { return nil }
        self.activation = activation
        let roots = variances.map { $0.squareRoot() }
        let low = roots.min()!, high = roots.max()!

        // Terms: enough at the largest variance (the slowest decay).
        var terms = 64
        while true {
            let (alpha, beta) = Self.coefficients(activation, root: high, terms: terms, strip: strip)
            if Self.hasConverged(alpha) && Self.hasConverged(beta) { break }
            terms *= 2
            if terms > Self.largestTerms { return nil }
        }
        self.terms = terms

        // Interpolate in √q between the extremes, checked at a point between the nodes.
        var values = [Double](), slopes = [Double]()
        values.reserveCapacity(variances.count * terms)
        slopes.reserveCapacity(variances.count * terms)
        if high - low <= 1e-14 * high || variances.count <= 8 {
            for root in roots {
                let (alpha, beta) = Self.coefficients(activation, root: root, terms: terms, strip: strip)
                values += alpha
                slopes += beta
            }
        } else {
            var accepted: (ChebyshevVectorInterpolant, ChebyshevVectorInterpolant)? = nil
            for points in [12, 24, 48] {
                let samples = (0..<points).map { k -> ([Double], [Double]) in
                    let s = low + (high - low) * (1 + Double.cos(Double.pi * (Double(k) + 0.5) / Double(points))) / 2
                    return Self.coefficients(activation, root: s, terms: terms, strip: strip)
                }
                let alphaSeries = ChebyshevVectorInterpolant(samples: samples.map(\.0), on: low, high)
                let betaSeries = ChebyshevVectorInterpolant(samples: samples.map(\.1), on: low, high)
                let check = low + 0.37 * (high - low)
                let (alpha, beta) = Self.coefficients(activation, root: check, terms: terms, strip: strip)
                let scale = alpha.reduce(0) { $0 + $1 * $1 }.squareRoot() + beta.reduce(0) { $0 + $1 * $1 }.squareRoot()
                let error = zip(alphaSeries.values(at: check), alpha).map { Swift.abs($0 - $1) }.max()! +
                    zip(betaSeries.values(at: check), beta).map { Swift.abs($0 - $1) }.max()!
                // The coefficients carry ~1e-15 of rounding (sums of O(1) terms); interpolation
                // is accepted once it adds no more than a few times that.
                if error <= 1e-14 * scale {
                    accepted = (alphaSeries, betaSeries)
                    break
                }
            }
            guard let (alphaSeries, betaSeries) = accepted else { return nil }
            for root in roots {
                values += alphaSeries.values(at: root)
                slopes += betaSeries.values(at: root)
            }
        }
        valueCoefficients = values
        slopeCoefficients = slopes
    }

    static func hasConverged(_ coefficients: [Double]) -> Bool {
        let total = coefficients.reduce(0) { $0 + $1 * $1 }
        let tail = coefficients.suffix(4).reduce(0) { $0 + $1 * $1 }
        return tail <= 1e-17 * total || total == 0
    }

    /// αₖ and βₖ, k < terms, at q = root².
    static func coefficients(_ activation: Activation, root: Double, terms: Int, strip: Double) -> ([Double], [Double]) {
        var alpha = [Double](repeating: 0, count: terms), beta = [Double](repeating: 0, count: terms)
        // Panels: hₖ oscillates with wavelength ≈ 2π/√(2k+1); φ(√q z) is analytic within
        // strip/√q of the axis.
        let width = Swift.min(0.5, 2.5 / (2 * Double(terms) + 1).squareRoot(), root > 0 ? strip / root : .infinity)
        let panels = Int((2 * cutoff / width).rounded(.up))
        let h = 2 * cutoff / Double(panels)
        let rule = GaussLegendre.standard
        let normalization = 1 / (2 * Double.pi).squareRoot()
        // √(k) and 1/√(k+1) for the recurrence h_{k+1} = (z hₖ − √k h_{k−1})/√(k+1).
        let roots = (0...terms).map { Double($0).squareRoot() }
        alpha.withUnsafeMutableBufferPointer { a in
            beta.withUnsafeMutableBufferPointer { b in
                for panel in 0..<panels {
                    let center = -cutoff + (Double(panel) + 0.5) * h
                    for (x, w) in zip(rule.nodes, rule.weights) {
                        let z = center + 0.5 * h * x
                        let weight = w * 0.5 * h * Double.exp(-0.5 * z * z) * normalization
                        let (value, slope) = activation.evaluate(root * z)
                        let fv = weight * value, fs = weight * slope
                        var previous = 0.0, current = 1.0
                        for k in 0..<terms {
                            a[k] += fv * current
                            b[k] += fs * current
                            let next = (z * current - roots[k] * previous) / roots[k + 1]
                            previous = current
                            current = next
                        }
                    }
                }
            }
        }
        return (alpha, beta)
    }

    /// E[φ(u)φ(v)] and E[φ'(u)φ'(v)] for variances i and j at correlation c.
    @inline(__always)
    func pair(_ i: Int, _ j: Int, c: Double) -> (product: Double, slopeProduct: Double) {
        var product = 0.0, slopeProduct = 0.0
        valueCoefficients.withUnsafeBufferPointer { v in
            slopeCoefficients.withUnsafeBufferPointer { s in
                let a = v.baseAddress! + i * terms, b = v.baseAddress! + j * terms
                let p = s.baseAddress! + i * terms, r = s.baseAddress! + j * terms
                var k = terms - 1
                while k >= 0 {
                    product = product * c + a[k] * b[k]
                    slopeProduct = slopeProduct * c + p[k] * r[k]
                    k -= 1
                }
            }
        }
        return (product, slopeProduct)
    }
}

/// Vector-valued Chebyshev interpolation on [low, high], from samples at the n Chebyshev points
/// x_k = low + (high − low)(1 + cos(π(k + ½)/n))/2.
struct ChebyshevVectorInterpolant {
    let low: Double
    let high: Double
    /// coefficients[j][m]: the j-th Chebyshev coefficient of component m.
    let coefficients: [[Double]]

    init(samples: [[Double]], on low: Double, _ high: Double) {
        self.low = low
        self.high = high
        let n = samples.count, count = samples[0].count
        coefficients = (0..<n).map { j in
            var sum = [Double](repeating: 0, count: count)
            for k in 0..<n {
                let weight = Double.cos(Double.pi * Double(j) * (Double(k) + 0.5) / Double(n)) * (j == 0 ? 1 : 2) / Double(n)
                for m in 0..<count { sum[m] += weight * samples[k][m] }
            }
            return sum
        }
    }

    func values(at x: Double) -> [Double] {
        let t = (2 * x - low - high) / (high - low)
        let count = coefficients[0].count
        var b1 = [Double](repeating: 0, count: count), b2 = b1
        for j in stride(from: coefficients.count - 1, through: 1, by: -1) {
            for m in 0..<count {
                let b0 = coefficients[j][m] + 2 * t * b1[m] - b2[m]
                b2[m] = b1[m]
                b1[m] = b0
            }
        }
        return (0..<count).map { coefficients[0][$0] + t * b1[$0] - b2[$0] }
    }
}
