import ArgumentParser
import SignalProp

struct SphereCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sphere",
        abstract: "Eigenvalues μ_l and multiplicities of a dot-product kernel on the sphere S^(d−1).")

    @Option(parsing: .unconditional, help: "Input dimension d ≥ 2 (the sphere S^(d−1) in R^d).") var d: Int
    @Option(parsing: .unconditional, help: "Highest degree l.") var lmax: Int
    @Option(parsing: .unconditional, help: ArgumentHelp("The kernel as a function of t = x·x'/r², e.g. 'exp(t)'.", valueName: "expression")) var fn: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The network's activation φ (instead of --fn).", valueName: "name")) var phi: String?
    @Option(parsing: .unconditional, help: "leaky_relu's negative slope or elu's α.") var alpha: Double?
    @Option(parsing: .unconditional, help: "Number of hidden nonlinear layers.") var depth: Int?
    @Option(parsing: .unconditional, help: "Weight variance σw².") var sw2: Double?
    @Option(parsing: .unconditional, help: "Bias variance σb².") var sb2: Double?
    @Option(parsing: .unconditional, help: "The first layer's σw² (default: --sw2).") var sw2First: Double?
    @Option(parsing: .unconditional, help: "The first layer's σb² (default: --sb2).") var sb2First: Double?
    @Option(parsing: .unconditional, help: "nngp or ntk.") var kernel: String?
    @Option(parsing: .unconditional, help: "Radius r of the sphere the inputs lie on.") var radius: Double = 1
    @Flag(help: "Print one JSON object.") var json = false

    static let largestDimension = 100_000
    static let largestDegree = 2000

    enum Source {
        case expression(Expression)
        case network(NeuralKernels, PredictionKernel)
    }

    func validate() throws { _ = try source() }

    func source() throws -> Source {
        guard (2...Self.largestDimension).contains(d) else {
            throw ValidationError("--d must be between 2 and \(Self.largestDimension), not \(d)")
        }
        guard (0...Self.largestDegree).contains(lmax) else {
            throw ValidationError("--lmax must be between 0 and \(Self.largestDegree), not \(lmax)")
        }
        let networkOptions: [(String, Bool)] = [
            ("--phi", phi != nil), ("--depth", depth != nil), ("--sw2", sw2 != nil), ("--sb2", sb2 != nil), ("--kernel", kernel != nil),
        ]
        if let fn {
            if let (name, _) = networkOptions.first(where: { $0.1 }) {
                throw ValidationError("give --fn or a network (\(name) …), not both")
            }
            do {
                return .expression(try Expression(parsing: fn))
            } catch {
                throw ValidationError("--fn: \(error) in '\(fn)'")
            }
        }
        if let (name, _) = networkOptions.first(where: { !$0.1 }) {
            throw ValidationError("\(name) is required (or give the kernel as --fn 'exp(t)')")
        }
        let activation = try ActivationOptions.parse(["--phi", phi!] + (alpha.map { ["--alpha", String($0)] } ?? [])).activation()
        try CalcInput.variance(radius, "--radius", positive: true)
        guard let which = PredictionKernel(rawValue: kernel!) else {
            throw ValidationError("--kernel must be nngp or ntk, not '\(kernel!)'")
        }
        let parameters = try NetworkOptions.parameters(activation, depth: depth!, sw2: sw2!, sb2: sb2!, sw2First: sw2First, sb2First: sb2First)
        return .network(NeuralKernels(parameters), which)
    }

    func run() throws {
        let source = try source()
        let spectrum = SphereSpectrum(dimension: d, maximumDegree: lmax)
        let k: (Double) -> Double
        var object: [String: JSON] = ["d": .number(d), "lmax": .number(lmax)]
        switch source {
        case .expression(let expression):
            k = { expression.evaluate($0) }
            object["fn"] = .string(fn!)
        case .network(let kernels, let which):
            let sphereKernel = SphereKernel(kernels, radius: radius, dimension: d)
            k = { t in
                let value = sphereKernel(t)
                return which == .nngp ? value.nngp : value.ntk
            }
            object.merge(NetworkOptions.echo(kernels.parameters)) { _, new in new }
            object["kernel"] = .string(which.rawValue)
            object["radius"] = .double(radius)
        }
        let atOne = k(1)
        guard atOne.isFinite else {
            throw RuntimeError("the kernel is not finite at t = 1 (k(1) = \(atOne)); its spectrum is undefined")
        }
        let mu = spectrum.eigenvalues(k)
        let multiplicity = spectrum.multiplicities
        if let bad = mu.firstIndex(where: { !$0.isFinite }) {
            throw RuntimeError("μ_\(bad) is not finite: the kernel is not integrable on [−1, 1]")
        }
        let captured = zip(mu, multiplicity).reduce(0) { $0 + $1.0 * $1.1 }
        if json {
            object["mu"] = .array(mu.map(JSON.quantity))
            object["multiplicity"] = .array(multiplicity.map(JSON.quantity))
            object["k1"] = .quantity(atOne)
            object["sum_captured"] = .quantity(captured)
            Output.print(JSON.object(object).rendered())
        } else {
            var lines = ["Sphere spectrum on S^\(d - 1): μ_l with multiplicity N(d, l)", ""]
            lines += CalcFormat.table([("l", "μ_l", "N(d, l)")] + mu.indices.map { l in
                (String(l), CalcFormat.number(mu[l]), CalcFormat.number(multiplicity[l]))
            })
            lines += ["", "Σ N μ over l ≤ \(lmax) = \(CalcFormat.number(captured)) of k(1) = \(CalcFormat.number(atOne))"]
            Output.print(lines)
        }
    }
}
