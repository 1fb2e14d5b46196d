/// A point of the boundary curve in the (σw², σb²) plane.
public struct PhasePlanePoint: Sendable, Equatable {
    public var sw2: Double
    public var sb2: Double
    public init(sw2: Double, sb2: Double) {
        self.sw2 = sw2
        self.sb2 = sb2
    }
}

extension OrderChaosBoundary {
    /// The boundary χ₁ = 1 as curves to draw over a window of the (σw², σb²) plane: the
    /// parametrisation (σw², σb²) = (1/W(q), q − V(q)/W(q)) over the same geometric scan of q*
    /// as `crossings`, split where σb² < 0 (no network has it) and subdivided, where it passes
    /// through the window, until consecutive points are within `resolution` in both
    /// coordinates (one dot of the drawing), so the drawn line is the exact curve to a dot.
    /// Homogeneous φ give the vertical line σw² = 2/(a² + b²); the q* = 0 branch at σb² = 0 is
    /// the curve's end as q → 0.
    public func curves(
        sw2 window: ClosedRange<Double>, sb2 sb2Window: ClosedRange<Double>, resolution: (sw2: Double, sb2: Double)
    ) -> [[PhasePlanePoint]] {
        if let (a, b) = activation.homogeneousSlopes {
            let sw2 = 2 / (a * a + b * b)
            return [[PhasePlanePoint(sw2: sw2, sb2: Swift.max(0, sb2Window.lowerBound)), PhasePlanePoint(sw2: sw2, sb2: sb2Window.upperBound)]]
        }
        let margin = (sw2: 2 * resolution.sw2, sb2: 2 * resolution.sb2)
        /// Whether the box spanned by two points (or one) meets the window, widened by the margin.
        func nearWindow(_ a: PhasePlanePoint, _ b: PhasePlanePoint) -> Bool {
            Swift.max(a.sw2, b.sw2) >= window.lowerBound - margin.sw2 && Swift.min(a.sw2, b.sw2) <= window.upperBound + margin.sw2
                && Swift.max(a.sb2, b.sb2) >= sb2Window.lowerBound - margin.sb2 && Swift.min(a.sb2, b.sb2) <= sb2Window.upperBound + margin.sb2
        }
        func point(_ q: Double) -> PhasePlanePoint? {
            let p = sample(q)
            return p.sw2.isFinite && p.sb2.isFinite && p.sb2 >= 0 ? PhasePlanePoint(sw2: p.sw2, sb2: p.sb2) : nil
        }

        var pieces: [[PhasePlanePoint]] = []
        var current: [PhasePlanePoint] = []
        var previous: (q: Double, point: PhasePlanePoint)?
        /// Points strictly between qa and qb (geometric midpoints), in order.
        func refine(_ qa: Double, _ a: PhasePlanePoint, _ qb: Double, _ b: PhasePlanePoint, depth: Int) -> [PhasePlanePoint] {
            guard depth < 20, nearWindow(a, b),
                  Swift.abs(a.sw2 - b.sw2) > resolution.sw2 || Swift.abs(a.sb2 - b.sb2) > resolution.sb2 else { return [] }
            let qm = (qa * qb).squareRoot()
            guard let m = point(qm) else { return [] }
            return refine(qa, a, qm, m, depth: depth + 1) + [m] + refine(qm, m, qb, b, depth: depth + 1)
        }
        let largest = Self.largestQScale * Swift.max(1, sb2Window.upperBound)
        var q = Self.smallestQ
        while q <= largest {
            if let p = point(q) {
                if let previous { current += refine(previous.q, previous.point, q, p, depth: 0) }
                current.append(p)
                previous = (q, p)
            } else {
                if current.count > 1 { pieces.append(current) }
                current = []
                previous = nil
            }
            q *= Self.scanRatio
        }
        if current.count > 1 { pieces.append(current) }
        // Only the pieces that come near the window.
        return pieces.filter { piece in zip(piece, piece.dropFirst()).contains { nearWindow($0, $1) } }
    }
}

extension OrderChaosBoundary {
    /// The rest of the boundary for φ that are asymptotically linear but not homogeneous
    /// (softplus, gelu, swish, elu, selu): above σw²∞ = 2/(a² + b²) the lengths can grow without
    /// bound, and where they do the phase changes at σw²∞ itself, with χ₁ → 1 as q* → ∞, a
    /// boundary that the finite-q* parametrisation of `curves` never reaches (softplus at small
    /// σb², where `crossings` finds none). Returns σw²∞ and the σb² intervals of the window,
    /// sampled every `step`, where the phase just left of it is ordered and just right of it
    /// chaotic; nil for bounded and homogeneous φ.
    public func divergenceBoundary(
        sb2 window: ClosedRange<Double>, step: Double, q0: Double = 1, tolerance: Double = 1e-8
    ) -> (sw2: Double, intervals: [ClosedRange<Double>])? {
        guard activation.homogeneousSlopes == nil, let (a, b) = activation.asymptoticSlopes, a * a + b * b > 0 else { return nil }
        let sw2 = 2 / (a * a + b * b)
        let rows = Swift.max(1, Swift.min(400, Int(((window.upperBound - window.lowerBound) / step).rounded(.up))))
        let height = (window.upperBound - window.lowerBound) / Double(rows)
        func phase(_ w: Double, _ sb2: Double) -> Phase {
            let chi1 = MeanField(MeanFieldParameters(activation: activation, sw2: w, sb2: sb2, q0: q0, tolerance: tolerance)).lengthSummary().chi1
            return Phase(chi1: chi1, tolerance: tolerance)
        }
        var intervals: [ClosedRange<Double>] = []
        for row in 0..<rows {
            let sb2 = window.lowerBound + (Double(row) + 0.5) * height
            guard phase(sw2 * (1 - 1e-6), sb2) == .ordered, phase(sw2 * (1 + 1e-6), sb2) == .chaotic else { continue }
            let low = window.lowerBound + Double(row) * height, high = low + height
            if let last = intervals.last, last.upperBound >= low - height / 2 {
                intervals[intervals.count - 1] = last.lowerBound...high
            } else {
                intervals.append(low...high)
            }
        }
        return (sw2, intervals)
    }
}
