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
            title: PlotText("Eigenlearning, \(eigenvalues.count) modes, δ = \(FigureNumber.short(ridge)), ε² = \(FigureNumber.short(noise))"),
            x: Axis("samples n", scale: .log10, range: samples),
            y: Axis("MSE, L", scale: .log10),
            series: series)
        if let first = zip(n, results).first(where: { $0.1.testMSE <= 0 }) {
            plot.notes.append(PlotText("test MSE = 0 from n = \(FigureNumber.short(first.0)) (no ridge, no noise, every mode learned): not drawn"))
        }
        return plot
    }
}
