import ArgumentParser
import SignalProp

struct SphereCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sphere",
        abstract: "Eigenvalues μ_l and multiplicities of a dot-product kernel on the sphere S^(d−1).")

    @Option(parsing: .unconditional, help: "Input dimension d ≥ 2 (the sphere S^(d−1) in R^d).") var d: Int
    @Option(parsing: .unconditional, help: "Highest degree l.") var lmax: Int
    @OptionGroup var kernel: SphereKernelOptions
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        try SphereKernelOptions.degrees(d: d, lmax: lmax)
        _ = try kernel.source()
    }

    func run() throws {
        let source = try kernel.source()
        let (mu, atOne) = try kernel.spectrum(source, dimension: d, maximumDegree: lmax)
        let multiplicity = SphereSpectrum(dimension: d, maximumDegree: lmax).multiplicities
        let captured = zip(mu, multiplicity).reduce(0) { $0 + $1.0 * $1.1 }
        if json {
            var object: [String: JSON] = ["d": .number(d), "lmax": .number(lmax)]
            switch source {
            case .expression: object["fn"] = .string(kernel.fn!)
            case .network(let kernels, let which):
                object.merge(NetworkOptions.echo(kernels.parameters)) { _, new in new }
                object["kernel"] = .string(which.rawValue)
                object["radius"] = .double(kernel.radius)
            }
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
