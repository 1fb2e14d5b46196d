import Foundation
import Plot
import SignalProp

/// Eigenlearning's predicted test error of kernel ridge regression against the number of
/// samples n (Simon et al. 2021), log–log, with the learnabilities L_i(n) of the first modes.
public struct LearningCurveFigure: Sendable {
    public var eigenvalues: [Double]
    public var power: [Double]
    public var multiplicities: [Double]
    public var samples: ClosedRange<Double>
    public var ridge: Double
    public var noise: Double
    /// How the modes are named ("1", "2", … or "l = 0", …).
    public var modeNames: [String]
    /// How many learnability curves are drawn.
    public static let modesShown = 4
    public static let points = 200

    public init(
        eigenvalues: [Double], power: [Double], multiplicities: [Double], samples: ClosedRange<Double>, ridge: Double,
        noise: Double, modeNames: [String]
    ) {
        self.eigenvalues = eigenvalues
        self.power = power
        self.multiplicities = multiplicities
        self.samples = samples
        self.ridge = ridge
        self.noise = noise
        self.modeNames = modeNames
    }

    /// "5 modes", or "21 eigenvalues, 441 modes" when they have multiplicities.
    var modeCount: String {
        let total = multiplicities.reduce(0, +)
        return multiplicities.allSatisfy({ $0 == 1 })
            ? "\(eigenvalues.count) modes" : "\(eigenvalues.count) eigenvalues, \(FigureNumber.short(total)) modes"
    }

    public func plot() -> Plot {
        let n = (0..<Self.points).map { i in
            samples.lowerBound * pow(samples.upperBound / samples.lowerBound, Double(i) / Double(Self.points - 1))
        }
        let results = n.map {
            Eigenlearning(eigenvalues: eigenvalues, power: power, multiplicities: multiplicities, samples: $0, ridge: ridge, noise: noise).solve()
        }
        let modes = eigenvalues.indices.filter { eigenvalues[$0] > 0 }.prefix(Self.modesShown)
        var series = [Series("test MSE", x: n, y: results.map(\.testMSE), labelAtEnd: true)]
        for mode in modes {
            series.append(Series(PlotText("L(\(modeNames[mode]))"), x: n, y: results.map { $0.learnabilities[mode] }, labelAtEnd: true))
        }
        var plot = Plot(
            title: PlotText("Eigenlearning, \(modeCount), δ = \(FigureNumber.short(ridge)), ε² = \(FigureNumber.short(noise))"),
            x: Axis("samples n", scale: .log10, range: samples),
            y: Axis("MSE, L", scale: .log10),
            series: series)
        if results.contains(where: { $0.testMSE <= 0 }) {
            // With δ = 0 every mode is learned exactly once n reaches the number of modes M
            // (κ = 0; Simon et al.), and without noise the error is then 0.
            let modes = zip(eigenvalues, multiplicities).reduce(0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
            plot.notes.append(PlotText("test MSE = 0 for n ≥ \(FigureNumber.short(modes)) (the number of modes, no ridge or noise): not drawn"))
        }
        return plot
    }
}
