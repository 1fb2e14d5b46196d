import ArgumentParser
import Figures
import Foundation
import SignalProp

struct GridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grid",
        abstract: "q*, χ₁ and the phase on a (σw², σb²) grid; draws the phase diagram without --json or --out.")

    @OptionGroup var activation: ActivationOptions
    @Option(parsing: .unconditional, help: ArgumentHelp("The σw² axis: FROM:TO:COUNT (ends included) or one value.", valueName: "axis"))
    var sw2: String
    @Option(parsing: .unconditional, help: ArgumentHelp("The σb² axis: FROM:TO:COUNT (ends included) or one value.", valueName: "axis"))
    var sb2: String
    @Option(parsing: .unconditional, help: "Initial length q₀.") var q0: Double = 1
    @Option(parsing: .unconditional, help: "|χ₁ − 1| ≤ tol counts as critical.") var tol: Double = 1e-8
    @Flag(help: "Print one JSON object.") var json = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Write the grid to FILE.csv (one row per point) or FILE.json.", valueName: "file"))
    var out: String?
    @OptionGroup(title: "Picture options (the drawing only)") var picture: PlotOutputOptions

    static let largestAxis = 10_000
    static let largestGrid = 4_000_000

    func validate() throws {
        _ = try activation.activation()
        let (x, y) = try axes()
        guard x.count * y.count <= Self.largestGrid else {
            throw ValidationError("the grid has \(x.count)×\(y.count) points; at most \(Self.largestGrid) are allowed")
        }
        try CalcInput.variance(q0, "--q0", positive: true)
        try CalcInput.tolerance(tol)
        if let out, !(out.hasSuffix(".csv") || out.hasSuffix(".json")) {
            throw ValidationError("--out must name a .csv or .json file, not '\(out)'")
        }
        if json && out != nil { throw ValidationError("--json and --out cannot be used together") }
        if (json || out != nil) && picture.isGiven {
            throw ValidationError("picture options (--width, --height, --ascii, --canvas, --no-color, --color) apply only to the drawing, not to \(json ? "--json" : "--out")")
        }
    }

    func axes() throws -> (sw2: [Double], sb2: [Double]) {
        let x = try Self.axis(sw2, option: "--sw2"), y = try Self.axis(sb2, option: "--sb2")
        for value in x { try CalcInput.variance(value, "--sw2") }
        for value in y { try CalcInput.variance(value, "--sb2") }
        return (x, y)
    }

    /// FROM:TO:COUNT or a single number.
    static func axis(_ text: String, option: String) throws -> [Double] {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1, let value = Double(text) { return [value] }
        return try ValueList.evenlySpaced(parts, largestCount: largestAxis, option: option) {
            "expected FROM:TO:COUNT such as 0.5:4:200, got '\(text)'"
        }
    }

    func run() throws {
        let phi = try activation.activation()
        let (x, y) = try axes()
        let grid = PhaseGrid(activation: phi, sw2: x, sb2: y, q0: q0, tolerance: tol)
        if let out {
            let text = out.hasSuffix(".csv") ? Self.csv(grid) : JSON.object(json(grid, phi)).rendered() + "\n"
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw RuntimeError("cannot write \(out): \(error.localizedDescription)")
            }
            Output.print("wrote a \(x.count)×\(y.count) grid to \(out)")
        } else if json {
            Output.print(JSON.object(json(grid, phi)).rendered())
        } else {
            // The same picture as `trellis plot phase`: the grid's phases under the exact boundary.
            let diagram = PhaseDiagram(
                activation: phi, sw2: (x.min() ?? 0)...(x.max() ?? 0), sb2: (y.min() ?? 0)...(y.max() ?? 0), q0: q0, tolerance: tol)
            try picture.print { size, options in diagram.plot(grid: grid, size: size, options: options).drawing(size, options) }
        }
    }

    func json(_ grid: PhaseGrid, _ phi: Activation) -> [String: JSON] {
        var object = activation.echo(phi)
        object.merge([
            "q0": .double(q0), "tol": .double(tol),
            "sw2": .array(grid.sw2.map(JSON.double)), "sb2": .array(grid.sb2.map(JSON.double)),
            "qstar": .array(grid.qstar.map { .array($0.map(JSON.quantity)) }),
            "chi1": .array(grid.chi1.map { .array($0.map(JSON.quantity)) }),
            "phase": .array(grid.phase.map { .array($0.map { .string($0.rawValue) }) }),
        ]) { _, new in new }
        return object
    }

    /// One line per grid point: sb2,sw2,qstar,chi1,phase (q* may be "inf").
    static func csv(_ grid: PhaseGrid) -> String {
        var text = "sb2,sw2,qstar,chi1,phase\n"
        for (i, sb2) in grid.sb2.enumerated() {
            for (j, sw2) in grid.sw2.enumerated() {
                let q = grid.qstar[i][j]
                text += "\(sb2),\(sw2),\(q == .infinity ? "inf" : String(q)),\(grid.chi1[i][j]),\(grid.phase[i][j].rawValue)\n"
            }
        }
        return text
    }
}
