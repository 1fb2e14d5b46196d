import ArgumentParser
import Figures
import SignalProp

struct LearningCurvePlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learning-curve",
        abstract: "Eigenlearning's predicted test MSE against the number of samples n, with the first modes' learnabilities.",
        discussion: """
            The modes are --eigs (with --coeffs or --power, and --mult), or a kernel's spectrum on the sphere \
            (--d, --lmax and the options of `plot spectrum`): one mode per degree l with multiplicity N(d, l). \
            There --coeffs or --power give the target per degree; without them the target is a draw from the \
            kernel's own prior (P_l = N(d, l)·μ_l).
            """)

    @Option(parsing: .unconditional, help: ArgumentHelp("Kernel eigenvalues λ_i ≥ 0 as a JSON list.", valueName: "json")) var eigs: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Target coefficients v_i in the eigenbasis (P_i = m_i·v_i²).", valueName: "json")) var coeffs: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Target power P_i per mode, given directly.", valueName: "json")) var power: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Multiplicities m_i > 0 (default all 1).", valueName: "json")) var mult: String?
    @Option(parsing: .unconditional, help: "Input dimension d ≥ 2 (with a kernel on the sphere).") var d: Int?
    @Option(parsing: .unconditional, help: "Highest degree l (with a kernel on the sphere).") var lmax: Int?
    @OptionGroup var kernel: SphereKernelOptions
    @Option(parsing: .unconditional, help: ArgumentHelp("The samples' range FROM:TO (log axis).", valueName: "range")) var n = "1:10000"
    @Option(parsing: .unconditional, help: "Ridge δ ≥ 0.") var ridge: Double = 0
    @Option(parsing: .unconditional, help: "Label-noise variance ε² ≥ 0.") var noise: Double = 0
    @OptionGroup var output: PlotOutputOptions

    func validate() throws { _ = try figure() }

    func figure() throws -> LearningCurveFigure {
        let samples = try PlotRange.parse(n, option: "--n", positive: true)
        let vector = { (json: String?, option: String) in try json.map { try MatrixInput.parseVector(json: $0, option: option) } }
        let problem: Eigenlearning
        let names: [String]
        if let eigs {
            if kernel.isGiven || d != nil || lmax != nil {
                throw ValidationError("give --eigs or a kernel on the sphere (--d, --lmax, --phi … or --fn), not both")
            }
            let eigenvalues = try MatrixInput.parseVector(json: eigs, option: "--eigs")
            problem = try EigenlearningCommand.problem(
                eigenvalues: eigenvalues, coeffs: try vector(coeffs, "--coeffs"), power: try vector(power, "--power"),
                multiplicities: try vector(mult, "--mult"), n: samples.lowerBound, ridge: ridge, noise: noise)
            names = eigenvalues.indices.map { String($0 + 1) }
        } else {
            guard let d, let lmax else {
                throw ValidationError("give --eigs with --coeffs or --power, or a kernel on the sphere with --d and --lmax")
            }
            try SphereKernelOptions.degrees(d: d, lmax: lmax)
            if mult != nil { throw ValidationError("--mult comes from the sphere (N(d, l)); give it only with --eigs") }
            let source = try kernel.source()
            // Modes within the quadrature's noise, or negative, carry nothing.
            let mu = SpectrumFigure.cleaned(try kernel.spectrum(source, dimension: d, maximumDegree: lmax).mu)
            let multiplicity = SphereSpectrum(dimension: d, maximumDegree: lmax).multiplicities
            let (coeffs, power) = (try vector(coeffs, "--coeffs"), try vector(power, "--power"))
            // Without a target, a draw from the kernel's own prior: P_l = N(d, l)·μ_l.
            let prior = coeffs == nil && power == nil ? zip(mu, multiplicity).map { $0 * $1 } : power
            problem = try EigenlearningCommand.problem(
                eigenvalues: mu, coeffs: coeffs, power: prior, multiplicities: multiplicity, n: samples.lowerBound, ridge: ridge,
                noise: noise)
            names = (0...lmax).map { "l = \($0)" }
        }
        return LearningCurveFigure(
            eigenvalues: problem.eigenvalues, power: problem.power, multiplicities: problem.multiplicities, samples: samples,
            ridge: problem.ridge, noise: problem.noise, modeNames: names)
    }

    func run() throws {
        let plot = try figure().plot()
        try output.print { size, options in plot.drawing(size, options) }
    }
}
