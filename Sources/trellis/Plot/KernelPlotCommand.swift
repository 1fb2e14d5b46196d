import ArgumentParser
import Figures
import SignalProp

struct KernelPlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "NNGP K and NTK Θ of two unit inputs against the angle θ between them, one curve per depth.")

    @OptionGroup var network: NetworkOptions
    @Option(parsing: .unconditional, help: "nngp, ntk or both.") var kind = "both"
    @Flag(help: "Only the final depth's curve.") var final = false
    @OptionGroup var output: PlotOutputOptions

    func validate() throws { _ = try figure() }

    func figure() throws -> KernelFigure {
        guard let which = KernelKind(rawValue: kind) else {
            throw ValidationError("--kind must be nngp, ntk or both, not '\(kind)'")
        }
        return KernelFigure(parameters: try network.parameters(), kind: which, finalOnly: final)
    }

    func run() throws {
        let stack = try figure().stack()
        try output.print { size, options in stack.drawing(size, options) }
    }
}
