import RealModule

/// V(q) = E[φ(√q z)²], W(q) = E[φ'(√q z)²] and V'(q) as Chebyshev interpolants on the dyadic
/// panels [2^j, 2^(j+1)], built from the quadrature once a panel has been asked for often
/// enough to repay its 24 quadratures.
///
/// The length map depends on (σw², σb²) only through V, so one accurate representation of V
/// serves a whole phase grid: a grid point then costs a few Clenshaw sums instead of a few
/// quadratures. V and W are analytic for q > 0 (a kink at x = k sits at z = k/√q, which moves
/// analytically with q), so on a panel whose nearest singularity is at q ≤ 0 the Bernstein
/// parameter is ρ ≥ 3 + √8 ≈ 5.8 and 24 points reach ρ^(−24) ≈ 1e-18. Each panel checks its
/// last coefficients; one that has not converged is not used, and its q fall back to the
/// quadrature, so the table is never less accurate than the quadrature it stands for.
/// Activations with closed forms skip the table.
///
/// Not thread-safe (panels are built lazily); use one table per thread.
public final class LengthMapTable {
    public let expectations: GaussianExpectations
    private let hasClosedForm: Bool

    public static let points = 24
    /// Panels cover q ∈ [2^−64, 2^64); outside that range the quadrature is used directly.
    static let lowestExponent = -64
    static let panelCount = 128
    /// A panel is used only if its last two coefficients are this small relative to its largest.
    static let convergence = 1e-16
    /// Requests a panel answers by quadrature before it is built: by default its own cost in
    /// quadratures, so a scan passing through costs at most twice what building would.
    let requestsBeforeBuilding: Int

    private enum State: UInt8 { case unbuilt, interpolant, direct }
    private var states = [State](repeating: .unbuilt, count: panelCount)
    private var requests = [Int](repeating: 0, count: panelCount)
    /// For panel p and degree j, V, W and V' coefficients at 3·(p·points + j) + 0, 1, 2.
    private let coefficients: UnsafeMutablePointer<Double>

    public init(_ expectations: GaussianExpectations, requestsBeforeBuilding: Int = LengthMapTable.points) {
        self.expectations = expectations
        self.requestsBeforeBuilding = requestsBeforeBuilding
        hasClosedForm = ClosedForms.single(expectations.activation, q: 1) != nil && expectations.method == .automatic
        let count = 3 * Self.points * Self.panelCount
        coefficients = .allocate(capacity: count)
        coefficients.initialize(repeating: 0, count: count)
    }

    deinit {
        coefficients.deallocate()
    }

    public func moments(_ q: Double) -> SingleMoments {
        // q = 2^e·s with s ∈ [1, 2), read from the bits: t = 2s − 3 ∈ [−1, 1].
        let bits = q.bitPattern
        let panel = Int((bits >> 52) & 0x7ff) - 1023 - Self.lowestExponent
        guard !hasClosedForm, q.isNormal, q > 0, panel >= 0, panel < Self.panelCount else {
            return expectations.single(q: q)
        }
        switch states[panel] {
        case .interpolant:
            break
        case .direct:
            return expectations.single(q: q)
        case .unbuilt:
            requests[panel] += 1
            guard requests[panel] > requestsBeforeBuilding else { return expectations.single(q: q) }
            build(panel)
            if states[panel] == .direct { return expectations.single(q: q) }
        }
        let significand = Double(bitPattern: (bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000)
        let values = clenshaw(panel, at: 2 * significand - 3)
        return SingleMoments(
            valueSquared: values[0], slopeSquared: values[1], lengthSlope: values[2], slopeFourth: .nan)
    }

    private func build(_ panel: Int) {
        let n = Self.points
        let low = Double(sign: .plus, exponent: panel + Self.lowestExponent, significand: 1)
        var samples: [SIMD3<Double>] = []
        for k in 0..<n {
            let t = Double.cos(Double.pi * (Double(k) + 0.5) / Double(n))
            let m = expectations.single(q: low * (1.5 + 0.5 * t))
            samples.append(SIMD3(m.valueSquared, m.slopeSquared, m.lengthSlope))
        }
        var series = [SIMD3<Double>](repeating: .zero, count: n)
        var largest = SIMD3<Double>.zero
        for j in 0..<n {
            var sum = SIMD3<Double>.zero
            for k in 0..<n {
                sum += Double.cos(Double.pi * Double(j) * (Double(k) + 0.5) / Double(n)) * samples[k]
            }
            sum *= (j == 0 ? 1 : 2) / Double(n)
            series[j] = sum
            largest = pointwiseMax(largest, sum.replacing(with: -sum, where: sum .< 0))
        }
        let tail = pointwiseMax(series[n - 1].replacing(with: -series[n - 1], where: series[n - 1] .< 0),
                                series[n - 2].replacing(with: -series[n - 2], where: series[n - 2] .< 0))
        let converged = all(tail .<= Self.convergence * Double(n) * largest)
        if converged {
            let base = coefficients + 3 * n * panel
            for j in 0..<n {
                for component in 0..<3 { base[3 * j + component] = series[j][component] }
            }
        }
        states[panel] = converged ? .interpolant : .direct
    }

    /// Σ c_j T_j(t) for the panel's three interleaved series at once.
    @inline(__always)
    private func clenshaw(_ panel: Int, at t: Double) -> SIMD3<Double> {
        let c = coefficients + 3 * Self.points * panel
        var b1 = SIMD3<Double>.zero, b2 = SIMD3<Double>.zero
        let twoT = 2 * t
        var j = Self.points - 1
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
