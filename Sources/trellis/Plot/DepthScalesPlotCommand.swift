import ArgumentParser
import Figures
import SignalProp

struct DepthScalesPlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "depth-scales",
        abstract: "The depth scales ξ_q, ξ_c and |ξ_∇| against σw² at one σb², with the critical σw² marked.")

    @OptionGroup var activation: ActivationOptions
    @Option(parsing: .unconditional, help: "Bias variance σb².") var sb2: Double
    @Option(parsing: .unconditional, help: ArgumentHelp("The σw² range FROM:TO.", valueName: "range")) var sw2 = "0.5:4"
    @Option(parsing: .unconditional, help: "Initial length q₀.") var q0: Double = 1
    @Option(parsing: .unconditional, help: "|χ − 1| ≤ tol counts as critical.") var tol: Double = 1e-8
    @OptionGroup var output: PlotOutputOptions

    func validate() throws { _ = try figure() }

    func figure() throws -> DepthScalesFigure {
        let phi = try activation.activation()
        try CalcInput.variance(sb2, "--sb2")
        try CalcInput.variance(q0, "--q0", positive: true)
        try CalcInput.tolerance(tol)
        return DepthScalesFigure(activation: phi, sb2: sb2, sw2: try PlotRange.parse(sw2, option: "--sw2", variance: true), q0: q0, tolerance: tol)
    }

    func run() throws {
        let figure = try figure()
        try output.print { size, options in figure.plot(size: size, options: options).drawing(size, options) }
    }
}
