import Plot
import SignalProp

/// Two inputs of length q₀ and correlation c₀ through a deep network (Poole et al. 2016):
/// q_l against l with q* as a reference line, and c_l against l with c*, in two panels (their
/// scales differ). The lengths go on a log axis when they grow without bound.
public struct TrajectoryFigure: Sendable {
    public var parameters: MeanFieldParameters
    public var depth: Int

    public init(parameters: MeanFieldParameters, depth: Int) {
        self.parameters = parameters
        self.depth = depth
    }

    /// The figure; `result` is `MeanField(parameters).compute()` when the caller has it.
    public func stack(result known: MeanFieldResult? = nil) -> PlotStack {
        let field = MeanField(parameters)
        let result = known ?? field.compute()
        let q0 = parameters.q0
        let layers = field.trajectory(q11: q0, q22: q0, q12: parameters.c0 * q0, depth: depth)
        let l = layers.map { Double($0.layer) }
        let q = layers.map(\.q11)
        let c = layers.map { $0.correlation ?? .nan }
        let growing = result.fixedPoint == .diverges || (q.allSatisfy { $0 > 0 } && (q.max() ?? 1) > 1000 * (q.min() ?? 1))

        var lengths = Plot(
            title: PlotText("\(parameters.activation.name), σw² = \(FigureNumber.short(parameters.sw2)), σb² = \(FigureNumber.short(parameters.sb2)): two inputs with q₀ = \(FigureNumber.short(q0)), c₀ = \(FigureNumber.short(parameters.c0))"),
            x: Axis(range: 0...Double(depth), integers: true),
            y: Axis("q_l", scale: growing ? .log10 : .linear),
            series: [Series("q_l, the length", x: l, y: q)])
        if result.qstar.isFinite {
            lengths.referenceLines.append(ReferenceLine(.horizontal, at: result.qstar, label: PlotText("q* = \(FigureNumber.short(result.qstar))")))
        } else {
            lengths.notes.append("q* = ∞: the lengths grow without bound")
        }
        var correlations = Plot(
            x: Axis("layer l", range: 0...Double(depth), integers: true), y: Axis("c_l"),
            series: [Series("c_l, the correlation", x: l, y: c, role: .series2)])
        if let cstar = result.cstar {
            correlations.referenceLines.append(ReferenceLine(.horizontal, at: cstar, label: PlotText("c* = \(FigureNumber.short(cstar))")))
        }
        if c.contains(where: \.isNaN) { correlations.notes.append("c_l undefined where a length is 0 or ∞: not drawn") }
        return PlotStack([lengths, correlations])
    }
}
