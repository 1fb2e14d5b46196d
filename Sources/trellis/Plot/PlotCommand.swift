import ArgumentParser
import Figures
import Plot
import Screen

/// `trellis plot …`: the calculators' figures printed to stdout (Braille or ASCII, with or
/// without colour). Options follow `trellis calc`'s names.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw a calculator's figure in the terminal: phase diagrams, trajectories, kernels, spectra, learning curves, depth scales.",
        subcommands: [
            PhasePlotCommand.self,
            TrajectoryPlotCommand.self,
            KernelPlotCommand.self,
            SpectrumPlotCommand.self,
            LearningCurvePlotCommand.self,
            DepthScalesPlotCommand.self,
        ])
}

/// `FROM:TO` ranges of the plot options.
enum PlotRange {
    /// `FROM:TO` with FROM < TO, both finite; `variance` also asks for FROM ≥ 0, `positive`
    /// for FROM > 0 (a log axis).
    static func parse(_ text: String, option: String, variance: Bool = false, positive: Bool = false) throws -> ClosedRange<Double> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let from = Double(parts[0]), let to = Double(parts[1]) else {
            throw ValidationError("\(option): expected FROM:TO such as 0.5:4, got '\(text)'")
        }
        try CalcInput.finite(from, option)
        try CalcInput.finite(to, option)
        guard from < to else { throw ValidationError("\(option): FROM must be less than TO, got '\(text)'") }
        if variance {
            try CalcInput.variance(from, option)
            try CalcInput.variance(to, option)
        }
        if positive, from <= 0 { throw ValidationError("\(option): FROM must be > 0 (a log axis), got '\(text)'") }
        return from...to
    }
}

extension Plot {
    /// The plot at a size, and whether it fits there.
    func drawing(_ size: Size, _ options: PlotOptions) -> (buffer: ScreenBuffer, fits: Bool) {
        (render(size: size, options: options), layout(for: size, options: options) != nil)
    }
}

extension PlotStack {
    func drawing(_ size: Size, _ options: PlotOptions) -> (buffer: ScreenBuffer, fits: Bool) {
        (render(size: size, options: options), zip(plots, sizes(size)).allSatisfy { $0.layout(for: $1, options: options) != nil })
    }
}
