import ArgumentParser
import Figures
import Foundation
import Plot
import Screen
import SignalProp
import Terminal

/// The figures as the calculator panes will redraw them: computed and drawn into a buffer of
/// 120×40 cells, release build. The target: a Braille phase diagram with its exact
/// boundary (240×160 dots) in ≤ 30 ms.
struct PlotBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Measure computing and drawing the figures at 120×40 (the phase diagram's target: 30 ms).")

    @Option(help: "Timed runs of each figure.") var runs = 31

    static let size = Size(width: 120, height: 40)

    func run() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        print("plot: figures computed and drawn into a \(Self.size.width)×\(Self.size.height) buffer, \(runs) runs each, release build;"
              + " \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("wall ms on the monotonic clock")
        print("")
        print(Table.row(["figure", "runs", "median", "min", "max", "target"], widths: [52, 5, 9, 9, 9, 7]))

        let shaded = PlotOptions(), solid = PlotOptions(heatStyle: .solid)
        let tanh = PhaseDiagram(activation: .tanh, point: PhasePlanePoint(sw2: 1.5, sb2: 0.05))
        measure("phase diagram, tanh, Braille, shaded", target: 30) { tanh.plot(size: Self.size, options: shaded).render(size: Self.size, options: shaded) }
        measure("phase diagram, tanh, Braille, solid (2 rows a cell)", target: 30) {
            tanh.plot(size: Self.size, options: solid).render(size: Self.size, options: solid)
        }
        let (x, y) = tanh.skeleton(size: Self.size, options: shaded).layout(for: Self.size, options: shaded)!.heatSamples(shaded)
        measure("  of which the heat map's \(x.count)×\(y.count) values") { tanh.values(sw2: x, sb2: y) }
        measure("  of which the exact boundary") { tanh.boundaryCurves(size: Self.size, options: shaded) }
        let drawn = tanh.plot(size: Self.size, options: solid)
        measure("  of which drawing (solid)") { drawn.render(size: Self.size, options: solid) }
        let buffer = drawn.render(size: Self.size, options: solid)
        measure("  printing it as 256-colour text") { AnsiText.lines(buffer, depth: .full256) }
        measure("phase diagram, relu, Braille, shaded", target: 30) {
            let relu = PhaseDiagram(activation: .relu)
            return relu.plot(size: Self.size, options: shaded).render(size: Self.size, options: shaded)
        }
        measure("phase diagram, tanh, χ₁ (colour bar)", target: 30) {
            PhaseDiagram(activation: .tanh, quantity: .chi1).plot(size: Self.size, options: shaded).render(size: Self.size, options: shaded)
        }
        measure("phase diagram, tanh, ξ_c (a fixed point per cell)") {
            PhaseDiagram(activation: .tanh, quantity: .xiC).plot(size: Self.size, options: shaded).render(size: Self.size, options: shaded)
        }
        measure("trajectory, tanh, depth 100") {
            TrajectoryFigure(parameters: MeanFieldParameters(activation: .tanh, sw2: 1.5, sb2: 0.05), depth: 100).stack()
                .render(size: Self.size, options: shaded)
        }
        measure("kernel, tanh, depth 5 (all depths, K and Θ)") {
            KernelFigure(parameters: KernelParameters(activation: .tanh, depth: 5, sw2: 1.5, sb2: 0.05)).stack()
                .render(size: Self.size, options: shaded)
        }
        measure("spectrum, relu NTK depth 2, d = 3, lmax 40") {
            let kernel = SphereKernel(NeuralKernels(KernelParameters(activation: .relu, depth: 2, sw2: 2, sb2: 0)), radius: 1, dimension: 3)
            let mu = SphereSpectrum(dimension: 3, maximumDegree: 40).eigenvalues { kernel($0).ntk }
            return SpectrumFigure(mu: mu, dimension: 3, description: "relu NTK").plot().render(size: Self.size, options: shaded)
        }
        measure("learning curve, 100 modes, 200 n") {
            let eigenvalues = (1...100).map { pow(Double($0), -2) }
            return LearningCurveFigure(
                eigenvalues: eigenvalues, power: eigenvalues, multiplicities: Array(repeating: 1, count: 100), samples: 1...10_000,
                ridge: 1e-3, noise: 0, modeNames: (1...100).map(String.init)
            ).plot().render(size: Self.size, options: shaded)
        }
        measure("depth scales, tanh, σb² = 0.05 (one σw² per dot)") {
            DepthScalesFigure(activation: .tanh, sb2: 0.05).plot(size: Self.size, options: shaded).render(size: Self.size, options: shaded)
        }
    }

    private func measure<T>(_ name: String, target: Double? = nil, _ body: () -> T) {
        _ = body()  // warm-up: first-touch allocations and lazily built tables
        var times: [Double] = []
        for _ in 0..<runs { times.append(Measure.milliseconds { body() }.1) }
        let stats = Stats(times)
        print(Table.row(
            [name, String(runs), Table.number(stats.median, digits: 2), Table.number(stats.min, digits: 2), Table.number(stats.max, digits: 2),
             target.map { "≤ \(Int($0))" } ?? ""],
            widths: [52, 5, 9, 9, 9, 7]))
        fflush(nil)
    }
}
