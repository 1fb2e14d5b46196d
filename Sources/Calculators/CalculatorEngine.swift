import Foundation
import Figures
import Plot
import Screen
import SignalProp

/// The window of the phase-diagram pane over (σw², σb²).
public struct PhaseWindow: Sendable, Equatable {
    public var sw2: ClosedRange<Double>
    public var sb2: ClosedRange<Double>

    public init(sw2: ClosedRange<Double> = 0.5...4, sb2: ClosedRange<Double> = 0...4) {
        self.sw2 = sw2
        self.sb2 = sb2
    }

    /// Zoomed by `factor` (< 1 in, > 1 out) about `point`, which keeps its place on screen;
    /// σ² stays ≥ 0 and the window at most 1e6 wide.
    public func zoomed(by factor: Double, about point: (sw2: Double, sb2: Double)) -> PhaseWindow {
        func scale(_ range: ClosedRange<Double>, _ centre: Double) -> ClosedRange<Double> {
            let c = Swift.min(Swift.max(centre, range.lowerBound), range.upperBound)
            let width = (range.upperBound - range.lowerBound) * factor
            guard width > 1e-9, width < 1e6 else { return range }
            var low = c - (c - range.lowerBound) * factor
            var high = low + width
            if low < 0 { (low, high) = (0, width) }
            return low...high
        }
        return PhaseWindow(sw2: scale(sw2, point.sw2), sb2: scale(sb2, point.sb2))
    }

    /// Moved so that it contains `point` (a point leaving it drags the window along).
    public func following(_ point: (sw2: Double, sb2: Double)) -> PhaseWindow {
        func follow(_ range: ClosedRange<Double>, _ value: Double) -> ClosedRange<Double> {
            let width = range.upperBound - range.lowerBound
            if value < range.lowerBound { return Swift.max(0, value)...(Swift.max(0, value) + width) }
            if value > range.upperBound { return (value - width)...value }
            return range
        }
        return PhaseWindow(sw2: follow(sw2, point.sw2), sb2: follow(sb2, point.sb2))
    }
}

/// One computation a pane asks for: its settings, the size of its figure, and for the phase
/// diagram the window and whether only the point's numbers are wanted (a move of the point
/// keeps the grid).
public struct CalculatorRequest: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        /// The numbers and the figure.
        case everything
        /// The numbers only (the phase diagram's point moved).
        case numbers
    }

    public var settings: CalculatorSettings
    public var figureSize: Size
    public var window: PhaseWindow
    public var part: Part
    public var ascii: Bool

    public init(settings: CalculatorSettings, figureSize: Size, window: PhaseWindow = PhaseWindow(), part: Part = .everything, ascii: Bool = false) {
        self.settings = settings
        self.figureSize = figureSize
        self.window = window
        self.part = part
        self.ascii = ascii
    }

    /// How figures are drawn in the panes: shaded heat maps (legible with 16 colours or none).
    public var plotOptions: PlotOptions { PlotOptions(ascii: ascii, heatStyle: .shaded) }
}

/// What a computation gives a pane: rows of results and a figure (nil when only the numbers
/// were asked for).
public struct CalculatorOutput: Sendable {
    public var rows: [MeanFieldReport.Row]
    public var figure: PlotStack?

    public init(rows: [MeanFieldReport.Row], figure: PlotStack?) {
        self.rows = rows
        self.figure = figure
    }
}

/// Runs requests: `SignalProp`'s numbers and `Figures`' plots, nothing computed a second way.
/// Pure and synchronous; the browser runs it off its main loop.
public enum CalculatorEngine {
    public static func run(_ request: CalculatorRequest) -> CalculatorOutput {
        run(request, isCancelled: { false })!
    }

    /// As `run(_:)`, or nil when `isCancelled` turns true before the work is done (checked
    /// between steps, and per row of a slow grid). When the figure is asked for, `numbers`
    /// first receives the rows alone, so that a pane shows new numbers before its figure.
    public static func run(
        _ request: CalculatorRequest, isCancelled: @Sendable () -> Bool, numbers: ((CalculatorOutput) -> Void)? = nil
    ) -> CalculatorOutput? {
        func early(_ rows: [MeanFieldReport.Row]) {
            if request.part == .everything, !isCancelled() { numbers?(CalculatorOutput(rows: rows, figure: nil)) }
        }
        let settings = request.settings
        switch settings.kind {
        case .meanField:
            let parameters = MeanFieldParameters(
                activation: settings.activation, sw2: settings.number("sw2"), sb2: settings.number("sb2"),
                q0: settings.number("q0"), c0: settings.number("c0"))
            let result = MeanField(parameters).compute()
            let rows = MeanFieldReport.rows(result)
            guard request.part == .everything else { return CalculatorOutput(rows: rows, figure: nil) }
            early(rows)
            guard !isCancelled() else { return nil }
            return CalculatorOutput(rows: rows, figure: TrajectoryFigure(parameters: parameters, depth: settings.integer("depth")).stack(result: result))

        case .phase:
            let point = PhasePlanePoint(sw2: settings.number("sw2"), sb2: settings.number("sb2"))
            let result = MeanField(MeanFieldParameters(activation: settings.activation, sw2: point.sw2, sb2: point.sb2)).compute()
            let n = NumberFormat.number
            let rows = [
                MeanFieldReport.Row(name: "χ₁", value: n(result.chi1), meaning: "gradient factor per layer"),
                MeanFieldReport.Row(name: "phase", value: result.phase.rawValue, meaning: ""),
                MeanFieldReport.Row(name: "q*", value: n(result.qstar), meaning: "fixed point of the length map"),
                MeanFieldReport.Row(name: "ξ_c", value: n(result.xiC), meaning: "depth scale of correlations"),
            ]
            guard request.part == .everything else { return CalculatorOutput(rows: rows, figure: nil) }
            early(rows)
            guard !isCancelled() else { return nil }
            let quantity = PhaseQuantity(rawValue: settings.name("quantity")) ?? .phase
            let diagram = PhaseDiagram(activation: settings.activation, sw2: request.window.sw2, sb2: request.window.sb2, quantity: quantity)
            // ξ_c solves a correlation fixed point per value: one per 2×2 cells in a pane.
            let coarseness = quantity == .xiC ? 2 : 1
            guard let plot = diagram.plot(size: request.figureSize, options: request.plotOptions, coarseness: coarseness, isCancelled: isCancelled)
            else { return nil }
            return CalculatorOutput(rows: rows, figure: PlotStack([plot]))

        case .kernel:
            let parameters = KernelParameters(activation: settings.activation, depth: settings.integer("depth"), sw2: settings.number("sw2"), sb2: settings.number("sb2"))
            let kind = KernelKind(rawValue: settings.name("kind")) ?? .both
            // As the figure: two inputs with ⟨x,x⟩/d = 1 at angle θ, at the last layer.
            let sphere = SphereKernel(NeuralKernels(parameters), radius: 1, dimension: 1)
            let (sameInput, orthogonal) = (sphere(1), sphere(0))
            let n = NumberFormat.number
            let rows = [
                MeanFieldReport.Row(name: "K(0)", value: n(sameInput.nngp), meaning: "NNGP of an input with itself (θ = 0)"),
                MeanFieldReport.Row(name: "K(π/2)", value: n(orthogonal.nngp), meaning: "NNGP of orthogonal inputs"),
                MeanFieldReport.Row(name: "Θ(0)", value: n(sameInput.ntk), meaning: "NTK at θ = 0"),
                MeanFieldReport.Row(name: "Θ(π/2)", value: n(orthogonal.ntk), meaning: "NTK of orthogonal inputs"),
            ]
            guard request.part == .everything else { return CalculatorOutput(rows: rows, figure: nil) }
            guard !isCancelled() else { return nil }
            if settings.name("view") == "regression" {
                // The NNGP posterior, or the NTK ensemble when the NTK alone is chosen.
                let regression = RegressionFigure(parameters: parameters, kernel: kind == .ntk ? .ntk : .nngp)
                return CalculatorOutput(rows: rows, figure: PlotStack([regression.plot()]))
            }
            return CalculatorOutput(rows: rows, figure: KernelFigure(parameters: parameters, kind: kind).stack())

        case .eigenlearning where settings.name("source") == "power":
            // λ_i = i^−α and target power v_i² = i^−β for i = 1…1000 (one mode each).
            let modes = 1...1000
            return learningCurve(
                eigenvalues: modes.map { pow(Double($0), -settings.number("decay")) }, power: modes.map { pow(Double($0), -settings.number("target")) },
                multiplicities: Array(repeating: 1, count: modes.count), modeNames: modes.map { "i = \($0)" }, request)

        case .spectrum, .eigenlearning:
            let d = settings.integer("d"), lmax = settings.integer("lmax")
            let parameters = KernelParameters(activation: settings.activation, depth: settings.integer("depth"), sw2: settings.number("sw2"), sb2: settings.number("sb2"))
            let sphere = SphereKernel(NeuralKernels(parameters), radius: 1, dimension: d)
            let ntk = settings.name("kind") == "ntk"
            let spectrum = SphereSpectrum(dimension: d, maximumDegree: lmax)
            let mu = spectrum.eigenvalues { t in ntk ? sphere(t).ntk : sphere(t).nngp }
            let description = "\(parameters.activation.name) \(ntk ? "NTK" : "NNGP"), depth \(parameters.depth)"
            let n = NumberFormat.number
            if settings.kind == .spectrum {
                // Modes within the quadrature's noise (relu's odd l ≥ 3) are 0, said as such.
                let floor = SpectrumFigure.noiseFloor(mu)
                let rows = (0...Swift.min(3, lmax)).map { l in
                    MeanFieldReport.Row(name: "μ_\(l)", value: abs(mu[l]) <= floor ? "0 (to rounding)" : n(mu[l]),
                                        meaning: "multiplicity \(NumberFormat.parameter(spectrum.multiplicities[l]))")
                }
                guard request.part == .everything else { return CalculatorOutput(rows: rows, figure: nil) }
                return CalculatorOutput(rows: rows, figure: PlotStack([SpectrumFigure(mu: mu, dimension: d, description: description).plot()]))
            }
            // A target drawn from the kernel's own prior, P_l = N(d, l)·μ_l, as `plot learning-curve` does.
            let clean = SpectrumFigure.cleaned(mu)
            return learningCurve(
                eigenvalues: clean, power: zip(clean, spectrum.multiplicities).map { $0 * $1 }, multiplicities: spectrum.multiplicities,
                modeNames: (0...lmax).map { "l = \($0)" }, request)
        }
    }

    /// Eigenlearning's predicted test MSE at n = 10, 100, 1000, and (when asked for) the
    /// learning curve over n = 1…10⁴ with the ridge and noise of the settings.
    private static func learningCurve(
        eigenvalues: [Double], power: [Double], multiplicities: [Double], modeNames: [String], _ request: CalculatorRequest
    ) -> CalculatorOutput {
        let ridge = request.settings.number("ridge"), noise = request.settings.number("noise")
        let rows = [10.0, 100, 1000].map { samples -> MeanFieldReport.Row in
            let result = Eigenlearning(eigenvalues: eigenvalues, power: power, multiplicities: multiplicities, samples: samples, ridge: ridge, noise: noise).solve()
            return MeanFieldReport.Row(name: "n = \(Int(samples))", value: NumberFormat.number(result.testMSE), meaning: "predicted test MSE")
        }
        guard request.part == .everything else { return CalculatorOutput(rows: rows, figure: nil) }
        let figure = LearningCurveFigure(
            eigenvalues: eigenvalues, power: power, multiplicities: multiplicities, samples: 1...10_000, ridge: ridge, noise: noise,
            modeNames: modeNames).plot()
        return CalculatorOutput(rows: rows, figure: PlotStack([figure]))
    }
}
