import ArgumentParser
import SignalProp

struct TrajectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trajectory",
        abstract: "Propagate two inputs' lengths and covariance through a deep network, layer by layer.")

    @OptionGroup var activation: ActivationOptions
    @Option(parsing: .unconditional, help: "Weight variance σw².") var sw2: Double
    @Option(parsing: .unconditional, help: "Bias variance σb².") var sb2: Double
    @Option(parsing: .unconditional, help: "First input's length q₁₁ at layer 0.") var q11: Double = 1
    @Option(parsing: .unconditional, help: "Second input's length q₂₂ at layer 0.") var q22: Double = 1
    @Option(parsing: .unconditional, help: "Their covariance q₁₂ at layer 0 (q₁₂² ≤ q₁₁q₂₂).") var q12: Double
    @Option(parsing: .unconditional, help: "Number of layers.") var depth: Int
    @Flag(help: "Print one JSON object.") var json = false

    static let largestDepth = 10_000

    func validate() throws {
        _ = try activation.activation()
        try CalcInput.variance(sw2, "--sw2")
        try CalcInput.variance(sb2, "--sb2")
        try CalcInput.variance(q11, "--q11")
        try CalcInput.variance(q22, "--q22")
        try CalcInput.finite(q12, "--q12")
        // |q₁₂| ≤ √(q₁₁q₂₂), allowing the last bit of rounding in the inputs.
        guard q12 * q12 <= q11 * q22 * (1 + 4 * Double.ulpOfOne) else {
            throw ValidationError("--q12: a covariance needs q12² ≤ q11·q22, but \(q12)² > \(q11)·\(q22)")
        }
        guard (1...Self.largestDepth).contains(depth) else {
            throw ValidationError("--depth must be between 1 and \(Self.largestDepth), not \(depth)")
        }
    }

    func run() throws {
        let phi = try activation.activation()
        let field = MeanField(MeanFieldParameters(activation: phi, sw2: sw2, sb2: sb2))
        let layers = field.trajectory(q11: q11, q22: q22, q12: q12, depth: depth)
        if json {
            var object = activation.echo(phi)
            object.merge([
                "sw2": .double(sw2), "sb2": .double(sb2), "q11": .double(q11), "q22": .double(q22),
                "q12": .double(q12), "depth": .number(depth),
                "layers": .array(layers.map { layer in
                    .object([
                        "l": .number(layer.layer), "q11": .quantity(layer.q11), "q22": .quantity(layer.q22),
                        "q12": .quantity(layer.q12), "c": .quantity(layer.correlation),
                    ])
                }),
            ]) { _, new in new }
            Output.print(JSON.object(object).rendered())
        } else {
            var lines = ["Trajectory: \(phi.name), σw² = \(CalcFormat.number(sw2)), σb² = \(CalcFormat.number(sb2))", ""]
            let rows = [("l", "q₁₁", "q₂₂", "q₁₂", "c")] + layers.map { layer in
                (String(layer.layer), CalcFormat.number(layer.q11), CalcFormat.number(layer.q22),
                 CalcFormat.number(layer.q12), CalcFormat.number(layer.correlation))
            }
            let widths = [rows.map { $0.0.count }.max()!, rows.map { $0.1.count }.max()!, rows.map { $0.2.count }.max()!,
                          rows.map { $0.3.count }.max()!]
            for row in rows {
                let cells = [row.0, row.1, row.2, row.3]
                lines.append("  " + zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                    .joined(separator: "  ") + "  " + row.4)
            }
            Output.print(lines)
        }
    }
}
