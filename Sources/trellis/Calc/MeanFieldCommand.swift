import ArgumentParser
import Calculators
import SignalProp

struct MeanFieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meanfield",
        abstract: "Fixed points q* and c*, χ₁, χ_c, depth scales and phase of a deep network.")

    @OptionGroup var activation: ActivationOptions
    @Option(parsing: .unconditional, help: "Weight variance σw².") var sw2: Double
    @Option(parsing: .unconditional, help: "Bias variance σb².") var sb2: Double
    @Option(parsing: .unconditional, help: "Initial length q₀ the length map is iterated from.") var q0: Double = 1
    @Option(parsing: .unconditional, help: "Initial correlation c₀ the correlation map is iterated from.") var c0: Double = 0.5
    @Option(parsing: .unconditional, help: "|χ₁ − 1| ≤ tol counts as critical.") var tol: Double = 1e-8
    @Flag(help: "Also count the layers c takes to come within 1e-6 of c*.") var cLayers = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Report the Jacobian spectrum's moments after L layers.", valueName: "L"))
    var jacobianDepth: Int?
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        _ = try activation.activation()
        try CalcInput.variance(sw2, "--sw2")
        try CalcInput.variance(sb2, "--sb2")
        try CalcInput.variance(q0, "--q0", positive: true)
        try CalcInput.finite(c0, "--c0")
        guard (-1...1).contains(c0) else { throw ValidationError("--c0 must be in [-1, 1], not \(c0)") }
        try CalcInput.tolerance(tol)
        if let jacobianDepth, !(1...1_000_000).contains(jacobianDepth) {
            throw ValidationError("--jacobian-depth must be between 1 and 1000000, not \(jacobianDepth)")
        }
    }

    func run() throws {
        let phi = try activation.activation()
        let parameters = MeanFieldParameters(activation: phi, sw2: sw2, sb2: sb2, q0: q0, c0: c0, tolerance: tol)
        let result = MeanField(parameters).compute(countCorrelationLayers: cLayers, jacobianDepth: jacobianDepth)
        if json {
            var object = activation.echo(phi)
            object.merge(Self.json(result, countCorrelationLayers: cLayers)) { _, new in new }
            Output.print(JSON.object(object).rendered())
        } else {
            Output.print(Self.table(result))
        }
    }

    static func json(_ result: MeanFieldResult, countCorrelationLayers: Bool) -> [String: JSON] {
        let p = result.parameters
        var object: [String: JSON] = [
            "sw2": .double(p.sw2), "sb2": .double(p.sb2), "q0": .double(p.q0), "c0": .double(p.c0),
            "tol": .double(p.tolerance),
            "qstar": .quantity(result.qstar), "chi1": .quantity(result.chi1), "cstar": .quantity(result.cstar),
            "chi_c": .quantity(result.chiC), "dFdq": .quantity(result.dFdq), "xi_q": .quantity(result.xiQ),
            "xi_c": .quantity(result.xiC), "xi_grad": .quantity(result.xiGrad),
            "q_layers": .number(result.qLayers), "phase": .string(result.phase.rawValue),
            "flags": .array(result.flags.map { .string($0.rawValue) }),
        ]
        if countCorrelationLayers { object["c_layers"] = .number(result.cLayers) }
        if let jacobian = result.jacobian {
            object["jacobian"] = .object([
                "mu1": .quantity(jacobian.mu1), "mu2": .quantity(jacobian.mu2), "depth": .number(jacobian.depth),
                "mean": .quantity(jacobian.mean), "var_orthogonal": .quantity(jacobian.varianceOrthogonal),
                "var_gaussian": .quantity(jacobian.varianceGaussian),
            ])
        }
        return object
    }

    static func table(_ result: MeanFieldResult) -> [String] {
        let p = result.parameters
        var header = "Mean field: \(p.activation.name)"
        if let alpha = p.activation.alpha { header += " (α = \(CalcFormat.number(alpha)))" }
        header += ", σw² = \(CalcFormat.number(p.sw2)), σb² = \(CalcFormat.number(p.sb2))"
        header += ", q₀ = \(CalcFormat.number(p.q0)), c₀ = \(CalcFormat.number(p.c0))"
        let n = CalcFormat.number
        let rows = MeanFieldReport.rows(result).map { ($0.name, $0.value, $0.meaning) }
        var lines = [header, ""] + CalcFormat.table(rows)
        if let jacobian = result.jacobian {
            lines += ["", "Jacobian JJᵀ after \(jacobian.depth) layers (Pennington et al. 2017):"]
            lines += CalcFormat.table([
                ("μ₁", n(jacobian.mu1), "E[φ'(h)²]"),
                ("μ₂", n(jacobian.mu2), "E[φ'(h)⁴]"),
                ("mean", n(jacobian.mean), "χ₁^L"),
                ("variance", n(jacobian.varianceOrthogonal), "orthogonal weights"),
                ("variance", n(jacobian.varianceGaussian), "Gaussian weights"),
            ])
        }
        return lines
    }
}
