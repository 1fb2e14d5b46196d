/// What iterating the length map F(q) = σw²·V(q) + σb² from q₀ converges to.
public enum LengthFixedPoint: Sendable, Equatable {
    /// A finite, positive fixed point.
    case finite(Double)
    /// σb² = 0, φ(0) = 0 and F contracts to 0 (flag `qstar_zero`).
    case zero
    /// No finite fixed point: q grows without bound (flag `diverges`).
    case diverges
    /// Homogeneous φ, σb² = 0, critical σw²: F(q) = q for every q (flag `q0_is_fixed_point`).
    case everyQFixed

    /// q* as a number: +∞ when diverging, q₀ when every q is fixed.
    public func value(q0: Double) -> Double {
        switch self {
        case .finite(let q): q
        case .zero: 0
        case .diverges: .infinity
        case .everyQFixed: q0
        }
    }
}

/// Finds q*: F is increasing, so iterating from q₀ reaches the nearest root of F(q) = q in the
/// direction of F(q₀) − q₀. The root is bracketed by a geometric scan from q₀ (steps of 2^(1/8),
/// coarsening to 2 after 64 steps) and refined to full precision; it never iterates F.
struct LengthFixedPointSolver {
    let activation: Activation
    let sw2: Double
    let sb2: Double
    let q0: Double
    /// Within this of 1, σw²·E[φ'²] counts as critical (homogeneous φ only).
    let tolerance: Double

    /// Beyond this multiple of max(q₀, 1) an unbounded φ whose growth rate σw²·A is ≥ 1 is
    /// declared divergent: there F(q) − q ≈ (σw²A − 1)q + σb² + o(1) no longer changes sign.
    static let divergenceScale = 0x1p40
    /// Below this multiple of q₀ a map with F(0) = 0 is declared to contract to 0 if its slope
    /// at 0 is at most 1.
    static let zeroScale = 0x1p-100

    /// F(q) − q is computed to about this many times q: a sign within it is rounding. (A map
    /// as flat as hardtanh's at σw² = 1, σb² = 0, where F(q) − q ≈ −e^(−1/2q), would otherwise
    /// show fixed points that are not there.)
    static let noise = 16 * Double.ulpOfOne

    /// `integrals(q)` gives V(q) and V'(q). A sweep over σw² may pass `start`, a point known to
    /// lie between q₀ and q* (the previous root), with `upward`, the known sign of F(q₀) − q₀.
    func solve(_ integrals: (Double) -> SingleMoments, start: Double? = nil, upward: Bool? = nil) -> LengthFixedPoint {
        if let (a, b) = activation.homogeneousSlopes { return homogeneous(a, b) }
        func g(_ q: Double) -> (value: Double, slope: Double) {
            let m = integrals(q)
            return (sw2 * m.valueSquared + sb2 - q, sw2 * m.lengthSlope - 1)
        }
        let isUpward: Bool
        if let upward {
            isUpward = upward
        } else {
            let atStart = g(q0).value
            if atStart == 0 { return .finite(q0) }
            isUpward = atStart > 0
        }
        let first = RootFinding.Sample(start.map { isUpward ? Swift.max($0, q0) : Swift.min($0, q0) } ?? q0, g)
        if first.value == 0 { return .finite(first.x) }
        // From a previous root, Newton's estimate of the new one, overshot by half, usually
        // brackets it at once.
        let hint = start == nil || first.slope >= 0 ? nil : first.x - 1.5 * first.value / first.slope
        if isUpward {
            // The nearest root above q₀: F(q) > q on [q₀, q*).
            let growth = activation.asymptoticSlopes.map { sw2 * ($0.positive * $0.positive + $0.negative * $0.negative) / 2 }
            let divergeAbove = Self.divergenceScale * Swift.max(q0, 1)
            let scan = RootFinding.scan(
                from: first, upward: true, firstStep: hint,
                limit: { q in !q.isFinite || (q > divergeAbove && (growth ?? 0) >= 1) },
                isBeyond: { $0.value < -Self.noise * $0.x }, g)
            guard let (inside, beyond) = scan else { return .diverges }
            return .finite(RootFinding.refine(inside, beyond, g))
        }
        // The nearest root below q₀: F(q) < q on (q*, q₀]. Every root is ≥ F(0).
        let floor = sw2 * activation.valueAtZero * activation.valueAtZero + sb2
        let zeroBelow = Self.zeroScale * q0
        let slopeAtZero = sw2 * activation.slopePowerAtZero(1)
        let scan = RootFinding.scan(
            from: first, upward: false, firstStep: hint,
            limit: { q in floor == 0 && q < zeroBelow && slopeAtZero <= 1 },
            isBeyond: { $0.x <= 0 || $0.value > Self.noise * $0.x }, g)
        guard let (inside, beyond) = scan, beyond.x > 0 else { return .zero }
        return .finite(RootFinding.refine(beyond, inside, g))
    }

    /// φ(x) = a·x (x > 0), b·x (x < 0): V(q) = A·q with A = (a² + b²)/2, so F is affine.
    private func homogeneous(_ a: Double, _ b: Double) -> LengthFixedPoint {
        let gain = sw2 * (a * a + b * b) / 2
        if sb2 == 0 {
            if Swift.abs(gain - 1) <= tolerance { return .everyQFixed }
            return gain < 1 ? .zero : .diverges
        }
        return gain < 1 ? .finite(sb2 / (1 - gain)) : .diverges
    }
}
