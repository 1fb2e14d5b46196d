import ArgumentParser
import Figures
import SignalProp

struct PhasePlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase",
        abstract: "The order-to-chaos phase diagram over (σw², σb²), with the exact critical line χ₁ = 1.")

    @OptionGroup var activation: ActivationOptions
    @Option(parsing: .unconditional, help: ArgumentHelp("The σw² range FROM:TO.", valueName: "range")) var sw2 = "0.5:4"
    @Option(parsing: .unconditional, help: ArgumentHelp("The σb² range FROM:TO.", valueName: "range")) var sb2 = "0:4"
    @Option(parsing: .unconditional, help: ArgumentHelp("What the colours show: phase, chi1, xi_c or qstar.", valueName: "name"))
    var quantity = "phase"
    @Option(parsing: .unconditional, help: ArgumentHelp("A point SW2,SB2 to mark, with its values in the legend.", valueName: "point"))
    var point: String?
    @Option(parsing: .unconditional, help: "Initial length q₀.") var q0: Double = 1
    @Option(parsing: .unconditional, help: "|χ₁ − 1| ≤ tol counts as critical.") var tol: Double = 1e-8
    @OptionGroup var output: PlotOutputOptions

    func validate() throws { _ = try diagram() }

    func diagram() throws -> PhaseDiagram {
        let phi = try activation.activation()
        guard let which = PhaseQuantity(rawValue: quantity) else {
            throw ValidationError("--quantity must be one of \(PhaseQuantity.allCases.map(\.rawValue).joined(separator: ", ")), not '\(quantity)'")
        }
        try CalcInput.variance(q0, "--q0", positive: true)
        try CalcInput.tolerance(tol)
        return PhaseDiagram(
            activation: phi, sw2: try PlotRange.parse(sw2, option: "--sw2", variance: true),
            sb2: try PlotRange.parse(sb2, option: "--sb2", variance: true), quantity: which,
            point: try point.map(Self.point), q0: q0, tolerance: tol)
    }

    /// SW2,SB2.
    static func point(_ text: String) throws -> PhasePlanePoint {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let sw2 = Double(parts[0].trimmingCharacters(in: .whitespaces)),
              let sb2 = Double(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("--point: expected SW2,SB2 such as 1.5,0.05, got '\(text)'")
        }
        try CalcInput.variance(sw2, "--point")
        try CalcInput.variance(sb2, "--point")
        return PhasePlanePoint(sw2: sw2, sb2: sb2)
    }

    func run() throws {
        let diagram = try diagram()
        try output.print { size, options in diagram.plot(size: size, options: options).drawing(size, options) }
    }
}
