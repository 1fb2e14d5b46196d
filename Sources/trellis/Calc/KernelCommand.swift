import ArgumentParser
import SignalProp

struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Infinite-width NNGP and NTK matrices of a deep network (neural-tangents' conventions).")

    @OptionGroup var network: NetworkOptions
    @OptionGroup var inputs: KernelInputs
    @Flag(help: "Also report every layer's K and Θ.") var perLayer = false
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        _ = try network.parameters()
        _ = try inputs.matrices()
    }

    func run() throws {
        let parameters = try network.parameters()
        let (x, x2) = try inputs.matrices()
        let result = NeuralKernels(parameters).compute(x, x2, perLayer: perLayer)
        if json {
            var object = NetworkOptions.echo(parameters)
            object.merge(inputs.echo()) { _, new in new }
            object["nngp"] = .matrix(result.nngp)
            object["ntk"] = .matrix(result.ntk)
            if let layers = result.layers {
                object["layers"] = .array(layers.enumerated().map { index, layer in
                    .object(["l": .number(index + 1), "nngp": .matrix(layer.nngp), "ntk": .matrix(layer.ntk)])
                })
            }
            Output.print(JSON.object(object).rendered())
        } else {
            var lines = ["Kernels: \(parameters.activation.name), depth \(parameters.depth), σw² = \(CalcFormat.number(parameters.sw2)), σb² = \(CalcFormat.number(parameters.sb2))"
                + ", first layer σw² = \(CalcFormat.number(parameters.sw2First)), σb² = \(CalcFormat.number(parameters.sb2First))"]
            lines += ["", "NNGP K (\(result.nngp.rows)×\(result.nngp.columns)):"] + CalcFormat.matrix(result.nngp)
            lines += ["", "NTK Θ (\(result.ntk.rows)×\(result.ntk.columns)):"] + CalcFormat.matrix(result.ntk)
            if let layers = result.layers {
                for (index, layer) in layers.enumerated() {
                    lines += ["", "layer \(index + 1): K"] + CalcFormat.matrix(layer.nngp) + ["layer \(index + 1): Θ"] + CalcFormat.matrix(layer.ntk)
                }
            }
            Output.print(lines)
        }
    }

}

/// `--phi`, `--alpha`, `--depth`, `--sw2`, `--sb2`, `--sw2-first`, `--sb2-first`: the network
/// of the kernel calculators.
struct NetworkOptions: ParsableArguments {
    @OptionGroup var activation: ActivationOptions
    @Option(parsing: .unconditional, help: "Number of hidden nonlinear layers.") var depth: Int
    @Option(parsing: .unconditional, help: "Weight variance σw² of the hidden and readout layers.") var sw2: Double
    @Option(parsing: .unconditional, help: "Bias variance σb².") var sb2: Double
    @Option(parsing: .unconditional, help: "The first layer's σw² (default: --sw2); Arora et al.'s normalisation is d.") var sw2First: Double?
    @Option(parsing: .unconditional, help: "The first layer's σb² (default: --sb2).") var sb2First: Double?

    static let largestDepth = 1000

    func parameters() throws -> KernelParameters {
        try Self.parameters(try activation.activation(), depth: depth, sw2: sw2, sb2: sb2, sw2First: sw2First, sb2First: sb2First)
    }

    /// The checked parameters; each failure names its option.
    static func parameters(
        _ activation: Activation, depth: Int, sw2: Double, sb2: Double, sw2First: Double?, sb2First: Double?
    ) throws -> KernelParameters {
        try CalcInput.variance(sw2, "--sw2")
        try CalcInput.variance(sb2, "--sb2")
        if let sw2First { try CalcInput.variance(sw2First, "--sw2-first") }
        if let sb2First { try CalcInput.variance(sb2First, "--sb2-first") }
        guard (1...largestDepth).contains(depth) else {
            throw ValidationError("--depth must be between 1 and \(largestDepth), not \(depth)")
        }
        return KernelParameters(activation: activation, depth: depth, sw2: sw2, sb2: sb2, sw2First: sw2First, sb2First: sb2First)
    }

    /// The network as echoed in JSON.
    static func echo(_ p: KernelParameters) -> [String: JSON] {
        var echo: [String: JSON] = [
            "phi": .string(p.activation.name), "depth": .number(p.depth), "sw2": .double(p.sw2), "sb2": .double(p.sb2),
            "sw2_first": .double(p.sw2First), "sb2_first": .double(p.sb2First),
        ]
        if let alpha = p.activation.alpha { echo["alpha"] = .double(alpha) }
        return echo
    }
}

/// `--x`/`--x-file` and `--x2`/`--x2-file`.
struct KernelInputs: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Inputs as a JSON list of rows, e.g. '[[1,0],[0.6,0.8]]'.", valueName: "json")) var x: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Second inputs as a JSON list of rows (default: the first).", valueName: "json")) var x2: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Inputs from a CSV file, one input per row.", valueName: "file")) var xFile: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Second inputs from a CSV file.", valueName: "file")) var x2File: String?

    func matrices() throws -> (x: Matrix, x2: Matrix?) {
        let x = try Self.one(json: self.x, file: xFile, names: ("--x", "--x-file"), required: true)!
        let x2 = try Self.one(json: self.x2, file: x2File, names: ("--x2", "--x2-file"), required: false)
        if let x2, x2.columns != x.columns {
            throw ValidationError("--x2: inputs have dimension \(x2.columns) but --x has \(x.columns)")
        }
        return (x, x2)
    }

    static func one(json: String?, file: String?, names: (String, String), required: Bool) throws -> Matrix? {
        switch (json, file) {
        case (let json?, nil): return try MatrixInput.parse(json: json, option: names.0)
        case (nil, let file?): return try MatrixInput.parse(file: file, option: names.1)
        case (nil, nil):
            if required { throw ValidationError("\(names.0) or \(names.1) is required") }
            return nil
        case (_?, _?): throw ValidationError("give \(names.0) or \(names.1), not both")
        }
    }

    /// The inputs as given: inline matrices echoed, files by path.
    func echo() -> [String: JSON] {
        var echo: [String: JSON] = [:]
        if let x = try? MatrixInput.parse(json: x ?? "", option: "") { echo["x"] = .matrix(x) }
        if let x2 = try? MatrixInput.parse(json: x2 ?? "", option: "") { echo["x2"] = .matrix(x2) }
        if let xFile { echo["x_file"] = .string(xFile) }
        if let x2File { echo["x2_file"] = .string(x2File) }
        return echo
    }
}

extension JSON {
    /// A matrix as a list of rows.
    static func matrix(_ m: Matrix) -> JSON { .array(m.rowArrays.map { .array($0.map(JSON.quantity)) }) }
}
