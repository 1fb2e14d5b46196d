import Foundation
import Plot
import SignalProp

/// Which kernel a figure shows.
public enum KernelKind: String, CaseIterable, Sendable {
    case nngp, ntk, both
}

/// The NNGP K and NTK Θ of two inputs with ⟨x,x⟩/d = 1 against the angle θ ∈ [0, π] between
/// them: one curve per depth 1…L (at most six, spread over the depths), or the final depth
/// only. Both kernels: two panels.
public struct KernelFigure: Sendable {
    public var parameters: KernelParameters
    public var kind: KernelKind
    public var finalOnly: Bool
    /// Angles computed: every degree.
    public static let angles = 181

    public init(parameters: KernelParameters, kind: KernelKind = .both, finalOnly: Bool = false) {
        self.parameters = parameters
        self.kind = kind
        self.finalOnly = finalOnly
    }

    /// The depths drawn: all up to six, else six spread geometrically from 1 to L.
    public var depths: [Int] {
        let depth = parameters.depth
        if finalOnly { return [depth] }
        if depth <= 6 { return Array(1...depth) }
        var chosen: [Int] = []
        for k in 0..<6 {
            let value = Int((pow(Double(depth), Double(k) / 5)).rounded())
            if chosen.last.map({ value > $0 }) ?? true { chosen.append(value) }
        }
        return chosen
    }

    public func stack() -> PlotStack {
        // On the sphere of radius 1 in dimension 1, K¹ = σw₁²·cos θ + σb₁²: ⟨x,x'⟩/d = cos θ.
        let sphere = SphereKernel(NeuralKernels(parameters), radius: 1, dimension: 1)
        let theta = (0..<Self.angles).map { Double.pi * Double($0) / Double(Self.angles - 1) }
        let layers = theta.map { sphere.layers(cos($0)) }
        let depths = depths
        let kinds: [KernelKind] = kind == .both ? [.nngp, .ntk] : [kind]
        let p = parameters
        let plots = kinds.enumerated().map { index, which -> Plot in
            let series = depths.map { l in
                Series(PlotText("L = \(l)"), x: theta, y: layers.map { which == .nngp ? $0[l].nngp : $0[l].ntk }, labelAtEnd: true)
            }
            let name = which == .nngp ? "NNGP K(θ)" : "NTK Θ(θ)"
            // Kernels that grow by orders of magnitude with depth (σw² above criticality) go on a
            // log axis, as exploding lengths do.
            let values = series.flatMap { $0.points.map(\.y) }
            let spread = (values.max() ?? 1) / (values.min() ?? 1)
            let scale: AxisScale = values.allSatisfy({ $0 > 0 }) && spread > 1e4 ? .log10 : .linear
            var plot = Plot(
                title: index == 0 ? PlotText("\(p.activation.name), σw² = \(FigureNumber.short(p.sw2)), σb² = \(FigureNumber.short(p.sb2)): two inputs with ⟨x,x⟩/d = 1 at angle θ", ascii: "\(p.activation.name), sw2 = \(FigureNumber.short(p.sw2)), sb2 = \(FigureNumber.short(p.sb2)): two inputs with <x,x>/d = 1 at angle theta") : "",
                x: Axis(index == kinds.count - 1 ? PlotText("angle θ between the inputs") : "", range: 0...Double.pi, ticks: Self.angleTicks),
                y: Axis(PlotText(name), scale: scale), series: series)
            if index == kinds.count - 1, !finalOnly, depths.count < p.depth {
                plot.notes.append(PlotText("depths \(depths.map(String.init).joined(separator: ", ")) of 1…\(p.depth)"))
            }
            return plot
        }
        return PlotStack(plots)
    }

    static let angleTicks: [Tick] = [
        Tick(0, "0"), Tick(Double.pi / 4, "π/4"), Tick(Double.pi / 2, "π/2"), Tick(3 * Double.pi / 4, "3π/4"), Tick(Double.pi, "π"),
    ]
}
