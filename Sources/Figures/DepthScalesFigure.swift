import Dispatch
import Plot
import Screen
import SignalProp

/// The depth scales ξ_q, ξ_c and |ξ_∇| against σw² at a fixed σb² (Schoenholz et al. 2017,
/// Fig. 1): ξ_c diverges at the critical σw², marked with a line from the boundary solver (or,
/// where the phases meet as q* → ∞, at σw²∞).
/// Log y axis; ξ_q or ξ_c that are negative or infinite cannot be drawn there.
public struct DepthScalesFigure: Sendable {
    public var activation: Activation
    public var sb2: Double
    public var sw2: ClosedRange<Double>
    public var q0: Double
    public var tolerance: Double

    public init(activation: Activation, sb2: Double, sw2: ClosedRange<Double> = 0.5...4, q0: Double = 1, tolerance: Double = 1e-8) {
        self.activation = activation
        self.sb2 = sb2
        self.sw2 = sw2
        self.q0 = q0
        self.tolerance = tolerance
    }

    /// The critical σw² in the window (usually one).
    public var criticalPoints: [Double] {
        (OrderChaosBoundary(activation).crossings(sb2: [sb2]).first?.points ?? []).map(\.sw2).filter { sw2.contains($0) }
    }

    /// The figure at `size`, with one sample of σw² per dot column.
    public func plot(size: Size, options: PlotOptions) -> Plot {
        var plot = skeleton()
        guard let layout = plot.layout(for: size, options: options) else { return plot }
        let across = (options.ascii ? CanvasKind.ascii : options.canvas).dotsPerCell.across
        let x = layout.x.centres(layout.area.width * across)
        let scales = values(x)
        plot.series[0].points = zip(x, scales).map { Point($0, $1.xiQ) }
        plot.series[1].points = zip(x, scales).map { Point($0, $1.xiC) }
        plot.series[2].points = zip(x, scales).map { Point($0, abs($1.xiGrad)) }
        return plot
    }

    func skeleton() -> Plot {
        var plot = Plot(
            title: PlotText("\(activation.name), σb² = \(FigureNumber.short(sb2)): depth scales of signal propagation"),
            x: Axis(PlotText("σw²", ascii: "sw2"), range: sw2),
            y: Axis("depth scale (layers)", scale: .log10),
            series: [
                Series(PlotText("ξ_q", ascii: "xi_q"), [], labelAtEnd: true),
                Series(PlotText("ξ_c", ascii: "xi_c"), [], labelAtEnd: true),
                Series(PlotText("|ξ_∇|", ascii: "|xi_grad|"), [], labelAtEnd: true),
            ],
            notes: [PlotText("|ξ_∇| = 1/|ln χ₁|: gradients vanish (χ₁ < 1) or explode (χ₁ > 1)")])
        for critical in criticalPoints {
            plot.referenceLines.append(ReferenceLine(.vertical, at: critical, label: PlotText("σw² = \(FigureNumber.short(critical)): χ₁ = 1"), role: .highlight))
        }
        if let divergence = divergencePoint {
            plot.referenceLines.append(ReferenceLine(.vertical, at: divergence, label: PlotText("σw² = \(FigureNumber.short(divergence)): χ₁ → 1 as q* → ∞"), role: .highlight))
        }
        return plot
    }

    /// Where the phases meet at σw²∞ = 2/(a² + b²) through q* → ∞ (asymptotically linear φ
    /// such as softplus at small σb², where χ₁ = 1 is never crossed at finite q*), when that is
    /// in the window; nil otherwise.
    public var divergencePoint: Double? {
        guard let line = OrderChaosBoundary(activation).divergenceBoundary(sb2: sb2...sb2, step: 1, q0: q0, tolerance: tolerance),
              sw2.contains(line.sw2), !line.intervals.isEmpty else { return nil }
        return line.sw2
    }

    /// (ξ_q, ξ_c, ξ_∇) at each σw²; NaN where undefined.
    func values(_ x: [Double]) -> [(xiQ: Double, xiC: Double, xiGrad: Double)] {
        var result = [(xiQ: Double, xiC: Double, xiGrad: Double)](repeating: (.nan, .nan, .nan), count: x.count)
        let (activation, sb2, q0, tolerance) = (activation, sb2, q0, tolerance)
        result.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let target = buffer
            DispatchQueue.concurrentPerform(iterations: x.count) { j in
                let r = MeanField(MeanFieldParameters(activation: activation, sw2: x[j], sb2: sb2, q0: q0, tolerance: tolerance)).compute(countLengthLayers: false)
                target[j] = (r.xiQ ?? .nan, r.xiC ?? .nan, r.xiGrad ?? .nan)
            }
        }
        return result
    }
}
