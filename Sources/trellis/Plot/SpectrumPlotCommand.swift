import ArgumentParser
import Figures
import SignalProp

struct SpectrumPlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spectrum",
        abstract: "Eigenvalues μ_l of a dot-product kernel on S^(d−1) against the degree l (log scale).")

    @Option(parsing: .unconditional, help: "Input dimension d ≥ 2 (the sphere S^(d−1) in R^d).") var d: Int
    @Option(parsing: .unconditional, help: "Highest degree l.") var lmax: Int
    @OptionGroup var kernel: SphereKernelOptions
    @OptionGroup var output: PlotOutputOptions

    func validate() throws {
        try SphereKernelOptions.degrees(d: d, lmax: lmax)
        _ = try kernel.source()
    }

    func run() throws {
        let source = try kernel.source()
        let (mu, _) = try kernel.spectrum(source, dimension: d, maximumDegree: lmax)
        let plot = SpectrumFigure(mu: mu, dimension: d, description: kernel.description(source)).plot()
        try output.print { size, options in plot.drawing(size, options) }
    }
}
