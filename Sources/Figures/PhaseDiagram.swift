import Dispatch
import Plot
import Screen
import SignalProp

/// What the phase diagram's heat map shows.
public enum PhaseQuantity: String, CaseIterable, Sendable {
    /// Ordered (χ₁ < 1) or chaotic (χ₁ > 1).
    case phase
    case chi1
    /// The correlation depth scale ξ_c, on a log colour scale.
    case xiC = "xi_c"
    case qstar
}

/// The order-to-chaos phase diagram over (σw², σb²) (Poole et al. 2016, Schoenholz et al.
/// 2017): a heat map of the phase, χ₁, ξ_c or q* computed at the centres of the cells it fills,
/// the exact boundary χ₁ = 1 from `OrderChaosBoundary` drawn over it (not a threshold of the
/// grid), and optionally a marked point with its values in the legend.
public struct PhaseDiagram: Sendable {
    public var activation: Activation
    public var sw2: ClosedRange<Double>
    public var sb2: ClosedRange<Double>
    public var quantity: PhaseQuantity
    public var point: PhasePlanePoint?
    public var q0: Double
    public var tolerance: Double

    public init(
        activation: Activation, sw2: ClosedRange<Double> = 0.5...4, sb2: ClosedRange<Double> = 0...4,
        quantity: PhaseQuantity = .phase, point: PhasePlanePoint? = nil, q0: Double = 1, tolerance: Double = 1e-8
    ) {
        self.activation = activation
        self.sw2 = Self.window(sw2)
        self.sb2 = Self.window(sb2)
        self.quantity = quantity
        self.point = point
        self.q0 = q0
        self.tolerance = tolerance
    }

    /// The figure at `size`, computed at exactly the points it shows.
    public func plot(size: Size, options: PlotOptions) -> Plot {
        plot(size: size, options: options, isCancelled: { false })!
    }

    /// As `plot(size:options:)`, or nil when `isCancelled` turns true first (checked per row
    /// of ξ_c, which takes seconds). With `coarseness` n > 1 the values are computed once per
    /// n×n block of samples, at its centre, and each fills its block: n² times fewer fixed
    /// points, for a pane that must answer quickly.
    public func plot(size: Size, options: PlotOptions, coarseness: Int = 1, isCancelled: @Sendable () -> Bool) -> Plot? {
        var plot = skeleton(size: size, options: options)
        guard let layout = plot.layout(for: size, options: options) else { return plot }
        var (xs, ys) = layout.heatSamples(options)
        if coarseness > 1 {
            let centres = { (values: [Double]) in
                stride(from: 0, to: values.count, by: coarseness).map { start in
                    let block = values[start..<min(start + coarseness, values.count)]
                    return block.reduce(0, +) / Double(block.count)
                }
            }
            (xs, ys) = (centres(xs), centres(ys))
        }
        guard let values = values(sw2: xs, sb2: ys, isCancelled: isCancelled) else { return nil }
        plot.heatMap = HeatMap(x: xs, y: ys, values: values, scale: colorScale)
        return plot
    }

    /// The figure of a grid already computed (`trellis calc grid`): each cell shows the grid
    /// point nearest its centre, under the same exact boundary.
    public func plot(grid: PhaseGrid, size: Size, options: PlotOptions) -> Plot {
        var plot = skeleton(size: size, options: options)
        plot.heatMap = HeatMap(x: grid.sw2, y: grid.sb2, values: grid.phase.map { $0.map(Self.category) }, scale: colorScale)
        // Each point is drawn half-way to its neighbours (half a cell at least), so a grid of
        // one row or column is a strip and the rest of the window stays blank.
        if grid.sb2.count == 1 { plot.notes.append(PlotText("one σb² value: the grid is the strip at σb² = \(FigureNumber.given(grid.sb2[0]))")) }
        if grid.sw2.count == 1 { plot.notes.append(PlotText("one σw² value: the grid is the strip at σw² = \(FigureNumber.given(grid.sw2[0]))")) }
        if grid.phase.joined().contains(.critical) { plot.notes.append("blank: critical (χ₁ = 1 within the tolerance)") }
        return plot
    }

    /// A range as a window to draw: a single value (a grid with one row) widened by 10% of
    /// itself, at least 0.05, each way (not below 0).
    static func window(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        guard range.upperBound <= range.lowerBound else { return range }
        let value = range.lowerBound, margin = max(0.05, 0.1 * abs(value))
        return max(0, value - margin)...(value + margin)
    }

    // MARK: - Parts

    /// Everything but the heat map's values: axes, title, the boundary, the point, the notes.
    public func skeleton(size: Size, options: PlotOptions) -> Plot {
        let boundary = boundaryCurves(size: size, options: options)
        var notes: [PlotText] = []
        if boundary.isEmpty { notes.append("χ₁ = 1 is not crossed in this window") }
        if let divergence = divergenceBoundary(size: size, options: options) {
            notes.append(PlotText("at σw² = \(FigureNumber.short(divergence.sw2)) the phases meet as q* → ∞ (χ₁ → 1)"))
        }
        switch quantity {
        case .qstar where activation.asymptoticSlopes != nil: notes.append("blank: q* = ∞ (the lengths grow without bound)")
        case .xiC: notes.append("blank: no ξ_c (q* = 0 or q* = ∞) or ξ_c = ∞ (critical)")
        default: break
        }
        let curves = boundary.enumerated().map { index, piece in
            Series(index == 0 ? "χ₁ = 1 (exact boundary)" : "", x: piece.map(\.sw2), y: piece.map(\.sb2), role: .highlight)
        }
        return Plot(
            title: PlotText("\(activation.name): \(Self.titles[quantity]!)"),
            x: Axis(PlotText("σw²", ascii: "sw2"), range: sw2),
            y: Axis(PlotText("σb²", ascii: "sb2"), range: sb2),
            series: curves.isEmpty ? [Series("χ₁ = 1 (exact boundary)", [], role: .highlight)] : curves,
            heatMap: HeatMap(x: [], y: [], values: [], scale: colorScale),
            markers: point.map { [marker($0)] } ?? [],
            notes: notes)
    }

    static let titles: [PhaseQuantity: String] = [
        .phase: "ordered and chaotic phases", .chi1: "χ₁, the gradient growth per layer",
        .xiC: "correlation depth scale ξ_c", .qstar: "fixed-point length q*",
    ]

    var colorScale: ColorScale {
        switch quantity {
        case .phase: return .categories(["ordered (χ₁ < 1)", "chaotic (χ₁ > 1)"])
        case .chi1: return .continuous(title: PlotText("χ₁", ascii: "chi1"), scale: .linear, range: nil)
        case .xiC: return .continuous(title: PlotText("ξ_c", ascii: "xi_c"), scale: .log10, range: nil)
        case .qstar: return .continuous(title: "q*", scale: .linear, range: nil)
        }
    }

    /// Ordered 0, chaotic 1; a point within the tolerance of χ₁ = 1 is left blank (the exact
    /// line runs through it).
    static func category(_ phase: Phase) -> Double {
        switch phase {
        case .ordered: return 0
        case .chaotic: return 1
        case .critical: return .nan
        }
    }

    /// The boundary to about one dot of the drawing at this size.
    public func boundaryCurves(size: Size, options: PlotOptions) -> [[PhasePlanePoint]] {
        let dots = (options.ascii ? CanvasKind.ascii : options.canvas).dotsPerCell
        let resolution = (
            sw2: (sw2.upperBound - sw2.lowerBound) / Double(max(1, size.width * dots.across)),
            sb2: (sb2.upperBound - sb2.lowerBound) / Double(max(1, size.height * dots.down)))
        guard resolution.sw2 > 0, resolution.sb2 > 0 else { return [] }
        let boundary = OrderChaosBoundary(activation)
        var pieces = boundary.curves(sw2: sw2, sb2: sb2, resolution: resolution)
        if let divergence = divergenceBoundary(size: size, options: options) {
            pieces += divergence.intervals.map { [PhasePlanePoint(sw2: divergence.sw2, sb2: $0.lowerBound), PhasePlanePoint(sw2: divergence.sw2, sb2: $0.upperBound)] }
        }
        return pieces.filter { piece in piece.contains { sw2.contains($0.sw2) && sb2.contains($0.sb2) } }
    }

    /// Where the phases meet at σw²∞ through q* → ∞ (asymptotically linear φ), one sample per
    /// cell row; nil when σw²∞ is outside the window or φ has no such line.
    func divergenceBoundary(size: Size, options: PlotOptions) -> (sw2: Double, intervals: [ClosedRange<Double>])? {
        let step = (sb2.upperBound - sb2.lowerBound) / Double(max(1, size.height))
        guard let line = OrderChaosBoundary(activation).divergenceBoundary(sb2: sb2, step: step, q0: q0, tolerance: tolerance),
              sw2.contains(line.sw2), !line.intervals.isEmpty else { return nil }
        return line
    }

    /// The point with its values in the legend.
    func marker(_ point: PhasePlanePoint) -> Marker {
        let result = MeanField(MeanFieldParameters(activation: activation, sw2: point.sw2, sb2: point.sb2, q0: q0, tolerance: tolerance))
            .compute()
        // χ₁ to six digits: near the line four would print 1 beside "ordered".
        var text = "σw² = \(FigureNumber.given(point.sw2)), σb² = \(FigureNumber.given(point.sb2)): "
            + "χ₁ = \(FigureNumber.short(result.chi1, significant: 6)), \(result.phase.rawValue)"
        switch quantity {
        case .xiC: text += ", ξ_c = \(FigureNumber.short(result.xiC))"
        case .qstar: text += ", q* = \(FigureNumber.short(result.qstar))"
        case .phase, .chi1: break
        }
        if !sw2.contains(point.sw2) || !sb2.contains(point.sb2) { text += " (outside the window)" }
        return Marker(Point(point.sw2, point.sb2), legend: PlotText(text))
    }

    /// The quantity at every (sw2[j], sb2[i]).
    public func values(sw2 xs: [Double], sb2 ys: [Double]) -> [[Double]] {
        values(sw2: xs, sb2: ys, isCancelled: { false })!
    }

    /// As `values(sw2:sb2:)`, or nil when cancelled.
    public func values(sw2 xs: [Double], sb2 ys: [Double], isCancelled: @Sendable () -> Bool) -> [[Double]]? {
        switch quantity {
        case .phase, .chi1, .qstar:
            let grid = PhaseGrid(activation: activation, sw2: xs, sb2: ys, q0: q0, tolerance: tolerance)
            switch quantity {
            case .phase: return grid.phase.map { $0.map(Self.category) }
            case .chi1: return grid.chi1
            default: return grid.qstar
            }
        case .xiC:
            // One correlation fixed point per cell: rows shared between the cores.
            var rows = [[Double]](repeating: [], count: ys.count)
            let parameters = (activation, q0, tolerance)
            rows.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let target = buffer
                DispatchQueue.concurrentPerform(iterations: ys.count) { i in
                    guard !isCancelled() else { return }
                    target[i] = xs.map { x in
                        let field = MeanField(MeanFieldParameters(activation: parameters.0, sw2: x, sb2: ys[i], q0: parameters.1, tolerance: parameters.2))
                        return field.compute(countLengthLayers: false).xiC ?? .nan
                    }
                }
            }
            return isCancelled() ? nil : rows
        }
    }
}
