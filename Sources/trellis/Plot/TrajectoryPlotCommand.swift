import ArgumentParser
import Figures
import SignalProp

struct TrajectoryPlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trajectory",
        abstract: "Two inputs' length q_l and correlation c_l against depth, with q* and c*.")

    @OptionGroup var activation: ActivationOptions
    @Option(parsing: .unconditional, help: "Weight variance σw².") var sw2: Double
    @Option(parsing: .unconditional, help: "Bias variance σb².") var sb2: Double
    @Option(parsing: .unconditional, help: "The inputs' length q₀ at layer 0.") var q0: Double = 1
    @Option(parsing: .unconditional, help: "Their correlation c₀ at layer 0.") var c0: Double = 0.5
    @Option(parsing: .unconditional, help: "Number of layers.") var depth: Int
    @OptionGroup var output: PlotOutputOptions

    func validate() throws { _ = try figure() }

    func figure() throws -> TrajectoryFigure {
        let phi = try activation.activation()
        try CalcInput.variance(sw2, "--sw2")
        try CalcInput.variance(sb2, "--sb2")
        try CalcInput.variance(q0, "--q0", positive: true)
        try CalcInput.finite(c0, "--c0")
        guard (-1...1).contains(c0) else { throw ValidationError("--c0 must be between -1 and 1 (a correlation), not \(c0)") }
        guard (1...TrajectoryCommand.largestDepth).contains(depth) else {
            throw ValidationError("--depth must be between 1 and \(TrajectoryCommand.largestDepth), not \(depth)")
        }
        return TrajectoryFigure(parameters: MeanFieldParameters(activation: phi, sw2: sw2, sb2: sb2, q0: q0, c0: c0), depth: depth)
    }

    func run() throws {
        let stack = try figure().stack()
        try output.print { size, options in stack.drawing(size, options) }
    }
}
