/// q*, χ₁ and the phase on a grid of (σw², σb²), one row per σb² value.
public struct PhaseGrid: Sendable {
    public var sw2: [Double]
    public var sb2: [Double]
    /// qstar[i][j] at (sw2[j], sb2[i]); +∞ where q diverges.
    public var qstar: [[Double]]
    public var chi1: [[Double]]
    public var phase: [[Phase]]
    public var fixedPoints: [[LengthFixedPoint]]

    /// Computes the grid with one `LengthMapTable`. Along a row (fixed σb²) the fixed point is
    /// monotone in σw² (F grows with σw²), so a sweep starts each root search at the previous
    /// root: upward from q₀ over increasing σw², downward over decreasing σw².
    public init(activation: Activation, sw2: [Double], sb2: [Double], q0: Double = 1, tolerance: Double = 1e-8) {
        self.sw2 = sw2
        self.sb2 = sb2
        let expectations = GaussianExpectations(activation)
        let table = LengthMapTable(expectations)
        let integrals = { (q: Double) -> SingleMoments in table.moments(q) }
        let lengthAtStart = table.moments(q0).valueSquared
        let order = sw2.indices.sorted { sw2[$0] < sw2[$1] }
        let asymptotic = activation.asymptoticSlopes.map { ($0.positive * $0.positive + $0.negative * $0.negative) / 2 }
        let slopeAtZero = activation.slopePowerAtZero(1)

        var qstar: [[Double]] = [], chi1: [[Double]] = [], phase: [[Phase]] = [], fixed: [[LengthFixedPoint]] = []
        for bias in sb2 {
            var rowFixed = [LengthFixedPoint](repeating: .zero, count: sw2.count)
            // F(q₀) ≥ q₀ from the first index of `rising` on.
            let rising = order.firstIndex { sw2[$0] * lengthAtStart + bias - q0 >= 0 } ?? order.count
            // Once a root diverges (going up) or is 0 (going down), so are the rest of the sweep.
            for (positions, upward, terminal) in [
                (Array(order[rising...]), true, LengthFixedPoint.diverges), (order[..<rising].reversed(), false, .zero),
            ] {
                var previous: LengthFixedPoint? = nil
                for position in positions {
                    if previous == terminal {
                        rowFixed[position] = terminal
                        continue
                    }
                    let solver = LengthFixedPointSolver(activation: activation, sw2: sw2[position], sb2: bias, q0: q0, tolerance: tolerance)
                    let start: Double? = if case .finite(let q) = previous { q } else { nil }
                    let result = solver.solve(integrals, start: start, upward: upward)
                    rowFixed[position] = result
                    previous = result
                }
            }
            // Where F is nearly tangent (dF/dq near 1, close to divergence or to q* = 0), a
            // root's error is the table's ~1e-16 magnified by 1/(1 − dF/dq): polish it against
            // the quadrature.
            for (position, result) in rowFixed.enumerated() {
                guard case .finite(let root) = result else { continue }
                let w = sw2[position]
                if Swift.abs(1 - w * table.moments(root).lengthSlope) < 0.05 {
                    rowFixed[position] = .finite(Self.polish(root, sw2: w, sb2: bias, expectations))
                }
            }
            var rowQ: [Double] = [], rowChi: [Double] = [], rowPhase: [Phase] = []
            for (position, result) in rowFixed.enumerated() {
                let q = result.value(q0: q0)
                let slope2: Double =
                    switch result {
                    case .diverges: asymptotic ?? .nan
                    case .zero: slopeAtZero
                    case .finite(let q): table.moments(q).slopeSquared
                    case .everyQFixed: table.moments(q0).slopeSquared
                    }
                let chi = sw2[position] * slope2
                rowQ.append(q)
                rowChi.append(chi)
                rowPhase.append(Phase(chi1: chi, tolerance: tolerance))
            }
            qstar.append(rowQ)
            chi1.append(rowChi)
            phase.append(rowPhase)
            fixed.append(rowFixed)
        }
        self.qstar = qstar
        self.chi1 = chi1
        self.phase = phase
        self.fixedPoints = fixed
    }

    /// Newton steps on F(q) − q with the quadrature, accepted only as corrections (each below
    /// 1e-6·q), so a polish never moves to another root.
    static func polish(_ root: Double, sw2: Double, sb2: Double, _ expectations: GaussianExpectations) -> Double {
        var q = root
        for _ in 0..<3 {
            let m = expectations.single(q: q)
            let step = (sw2 * m.valueSquared + sb2 - q) / (sw2 * m.lengthSlope - 1)
            guard step.isFinite, Swift.abs(step) <= 1e-6 * q else { return q }
            q -= step
            if Swift.abs(step) <= 2 * Double.ulpOfOne * q { break }
        }
        return q
    }
}
