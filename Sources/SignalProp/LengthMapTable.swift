import RealModule

/// V(q) = E[φ(√q z)²], W(q) = E[φ'(√q z)²] and V'(q) as Chebyshev interpolants on the dyadic
/// panels [2^j, 2^(j+1)], built on first use from the quadrature.
///
/// The length map depends on (σw², σb²) only through V, so one accurate representation of V
/// serves a whole phase grid: a grid point then costs a few Clenshaw sums instead of a few
/// quadratures. V and W are analytic for q > 0 (a kink at x = k sits at z = k/√q, which moves
/// analytically with q), so on a panel whose nearest singularity is at q ≤ 0 the Bernstein
/// parameter is ρ ≥ 3 + √8 ≈ 5.8 and 24 points reach ρ^(−24) ≈ 1e-18. Each panel checks its
/// last coefficients; one that has not converged is not used, and its q fall back to the
/// quadrature, so the table is never less accurate than the quadrature it stands for.
///
/// Not thread-safe (panels are built lazily); use one table per thread.
public final class LengthMapTable {
    public let expectations: GaussianExpectations

    static let points = 24
    /// Panels cover q ∈ [2^−64, 2^64); outside that range the quadrature is used directly.
    static let lowestExponent = -64
    static let highestExponent = 64
    /// A panel is used only if its last two coefficients are this small relative to its largest.
    static let convergence = 1e-16

    private enum Panel {
        /// V, W and V' coefficients, interleaved: c[3k], c[3k+1], c[3k+2].
        case interpolant([Double])
        case direct
    }

    private var panels: [Panel?]

    public init(_ expectations: GaussianExpectations) {
        self.expectations = expectations
        panels = Array(repeating: nil, count: Self.highestExponent - Self.lowestExponent)
    }

    public func moments(_ q: Double) -> SingleMoments {
        guard q >= 0x1p-64, q < 0x1p64 else { return expectations.single(q: q) }
        let index = Int(q.exponent) - Self.lowestExponent
        let panel = panels[index] ?? build(index)
        guard case .interpolant(let coefficients) = panel else { return expectations.single(q: q) }
        // q = 2^j·s with s ∈ [1, 2): t = 2s − 3 ∈ [−1, 1].
        let t = 2 * q.significand - 3
        let values = Self.clenshaw(coefficients, at: t)
        return SingleMoments(
            valueSquared: values[0], slopeSquared: values[1], lengthSlope: values[2], slopeFourth: .nan)
    }

    private func build(_ index: Int) -> Panel {
        let n = Self.points
        let low = Double(sign: .plus, exponent: index + Self.lowestExponent, significand: 1)
        var samples: [SIMD4<Double>] = []
        for k in 0..<n {
            let t = Double.cos(Double.pi * (Double(k) + 0.5) / Double(n))
            let m = expectations.single(q: low * (1.5 + 0.5 * t))
            samples.append(SIMD4(m.valueSquared, m.slopeSquared, m.lengthSlope, 0))
        }
        var coefficients = [Double](repeating: 0, count: 3 * n)
        var largest = SIMD4<Double>(repeating: 0)
        for j in 0..<n {
            var sum = SIMD4<Double>(repeating: 0)
            for k in 0..<n {
                sum += Double.cos(Double.pi * Double(j) * (Double(k) + 0.5) / Double(n)) * samples[k]
            }
            sum *= (j == 0 ? 1 : 2) / Double(n)
            for component in 0..<3 { coefficients[3 * j + component] = sum[component] }
            largest = pointwiseMax(largest, sum.replacing(with: -sum, where: sum .< 0))
        }
        var converged = true
        for component in 0..<3 {
            let tail = Swift.max(Swift.abs(coefficients[3 * (n - 1) + component]), Swift.abs(coefficients[3 * (n - 2) + component]))
            if tail > Self.convergence * largest[component] * Double(n) { converged = false }
        }
        let panel: Panel = converged ? .interpolant(coefficients) : .direct
        panels[index] = panel
        return panel
    }

    /// Σ c_j T_j(t) for the three interleaved series at once.
    @inline(__always)
    static func clenshaw(_ c: [Double], at t: Double) -> SIMD3<Double> {
        var b1 = SIMD3<Double>(repeating: 0), b2 = SIMD3<Double>(repeating: 0)
        let twoT = 2 * t
        var j = c.count / 3 - 1
        while j >= 1 {
            let cj = SIMD3(c[3 * j], c[3 * j + 1], c[3 * j + 2])
            let b0 = cj + twoT * b1 - b2
            b2 = b1
            b1 = b0
            j -= 1
        }
        return SIMD3(c[0], c[1], c[2]) + t * b1 - b2
    }
}
