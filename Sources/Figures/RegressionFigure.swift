import Foundation
import Plot
import SignalProp

/// A 1-D regression on the circle with an infinitely wide network: training inputs at a few
/// angles θ_i of the circle ⟨x,x⟩/d = 1 in R², targets sin 2θ_i, and the prediction on the
/// whole circle with a ±2σ band — the NNGP posterior (Bayesian inference with the network's
/// prior) or the NTK ensemble after infinite training time (Lee et al. 2019). Both from
/// `Predictor`, the computation of `trellis calc predict`.
public struct RegressionFigure: Sendable {
    public var parameters: KernelParameters
    public var kernel: PredictionKernel

    /// The training angles (radians): irregular, with a gap, so the band visibly widens.
    public static let trainingAngles = [0.4, 1.1, 1.6, 3.3, 4.1, 5.6]
    public static let testPoints = 181

    public init(parameters: KernelParameters, kernel: PredictionKernel) {
        self.parameters = parameters
        self.kernel = kernel
    }

    /// The input at angle θ: (√2 cos θ, √2 sin θ), so that ⟨x,x⟩/d = 1 with d = 2.
    static func input(_ theta: Double) -> [Double] { [Double(2).squareRoot() * cos(theta), Double(2).squareRoot() * sin(theta)] }

    public static func target(_ theta: Double) -> Double { sin(2 * theta) }

    /// The test angles: evenly over [0, 2π], and the training angles themselves (where the
    /// noiseless posterior must pass through the targets with no spread).
    public static var testAngles: [Double] {
        ((0..<testPoints).map { 2 * Double.pi * Double($0) / Double(testPoints - 1) } + trainingAngles).sorted()
    }

    /// The prediction at `testAngles`, or why it could not be made (a singular kernel).
    public func prediction() throws(LinearAlgebra.Failure) -> Prediction {
        let train = Matrix(Self.trainingAngles.map(Self.input))
        let test = Matrix(Self.testAngles.map(Self.input))
        // A relative ridge of 1e-10: noiseless data, kept invertible to double precision.
        return try Predictor(parameters).predict(
            kernel: kernel, train: train, targets: Self.trainingAngles.map(Self.target), test: test, ridge: 1e-10, relative: true)
    }

    public func plot() -> Plot {
        let name = kernel == .nngp ? "NNGP posterior mean" : "NTK ensemble mean"
        var plot = Plot(
            title: PlotText("\(parameters.activation.name), depth \(parameters.depth), σw² = \(FigureNumber.short(parameters.sw2)), σb² = \(FigureNumber.short(parameters.sb2)): fitting sin 2θ on the circle",
                            ascii: "\(parameters.activation.name), depth \(parameters.depth), sw2 = \(FigureNumber.short(parameters.sw2)), sb2 = \(FigureNumber.short(parameters.sb2)): fitting sin 2theta on the circle"),
            x: Axis(PlotText("angle θ of the input", ascii: "angle theta of the input"), range: 0...(2 * Double.pi), ticks: Self.angleTicks),
            y: Axis("f(θ)"))
        let theta = Self.testAngles
        plot.series.append(Series("training points", x: Self.trainingAngles, y: Self.trainingAngles.map(Self.target), style: .markers(.cross), role: .highlight))
        do {
            let prediction = try prediction()
            let sd = (0..<theta.count).map { max(0, prediction.covariance[$0, $0]).squareRoot() }
            plot.series.append(Series(PlotText(name), x: theta, y: prediction.mean, role: .series1))
            plot.series.append(Series("± 2σ", x: theta, y: zip(prediction.mean, sd).map { $0 + 2 * $1 }, role: .reference))
            plot.series.append(Series("", x: theta, y: zip(prediction.mean, sd).map { $0 - 2 * $1 }, role: .reference))
            plot.series.append(Series("sin 2θ", x: theta, y: theta.map(Self.target), role: .series2))
        } catch {
            plot.notes.append(PlotText("no prediction: \(error)"))
        }
        return plot
    }

    static let angleTicks: [Tick] = [
        Tick(0, "0"), Tick(Double.pi / 2, "π/2"), Tick(Double.pi, "π"), Tick(3 * Double.pi / 2, "3π/2"), Tick(2 * Double.pi, "2π"),
    ]
}
