import Foundation
import Plot
import Screen
import SignalProp
import Testing
@testable import Figures

/// The line figures against the calculators, by independent routes where there is one.
@Suite struct FigureTests {
    // MARK: Trajectory

    @Test func trajectoryDrawsTheCalculatorsLayers() {
        let parameters = MeanFieldParameters(activation: .tanh, sw2: 1.5, sb2: 0.05, q0: 2, c0: 0.3)
        let stack = TrajectoryFigure(parameters: parameters, depth: 25).stack()
        let field = MeanField(parameters)
        let layers = field.trajectory(q11: 2, q22: 2, q12: 0.6, depth: 25)
        #expect(stack.plots[0].series[0].points.map(\.y) == layers.map(\.q11))
        #expect(stack.plots[1].series[0].points.map(\.y) == layers.map { $0.correlation! })
        let result = field.compute()
        #expect(stack.plots[0].referenceLines.map(\.value) == [result.qstar])
        #expect(stack.plots[1].referenceLines.map(\.value) == [result.cstar!])
        #expect(stack.plots[0].y.scale == .linear)
    }

    /// relu in its chaotic phase: q* = ∞, the lengths on a log axis, no q* line.
    @Test func explodingLengthsGoOnALogAxis() {
        let stack = TrajectoryFigure(parameters: MeanFieldParameters(activation: .relu, sw2: 2.5, sb2: 0.1), depth: 60).stack()
        #expect(stack.plots[0].y.scale == .log10 && stack.plots[0].referenceLines.isEmpty)
        #expect(stack.plots[0].notes.map(\.unicode) == ["q* = ∞: the lengths grow without bound"])
    }

    // MARK: Kernels

    /// K and Θ against θ from the sphere path (one variance sequence per layer, Mehler series
    /// for tanh) against the matrix path (`NeuralKernels.compute` on two inputs in R², with
    /// ⟨x,x⟩/2 = 1 and ⟨x,x'⟩/2 = cos θ; two-dimensional quadrature for tanh), every layer:
    /// tolerance 1e-12 relative.
    @Test(arguments: [Activation.relu, .erf, .tanh])
    func kernelCurvesEqualTheKernelMatrices(activation: Activation) {
        let parameters = KernelParameters(activation: activation, depth: 3, sw2: 1.7, sb2: 0.2)
        let stack = KernelFigure(parameters: parameters).stack()
        for degrees in [0, 60, 90, 120, 180] {
            let theta = Double(degrees) * .pi / 180
            let root2 = 2.0.squareRoot()
            let x = Matrix([[root2, 0], [root2 * cos(theta), root2 * sin(theta)]])
            let layers = NeuralKernels(parameters).compute(x, perLayer: true).layers!
            for depth in 1...3 {
                let k = layers[depth].nngp[0, 1], t = layers[depth].ntk[0, 1]
                let curveK = stack.plots[0].series[depth - 1].points[degrees].y
                let curveT = stack.plots[1].series[depth - 1].points[degrees].y
                #expect(abs(curveK - k) <= 1e-12 * max(1, abs(k)), "\(activation) θ = \(degrees)°, depth \(depth): \(curveK) vs \(k)")
                #expect(abs(curveT - t) <= 1e-12 * max(1, abs(t)), "\(activation) θ = \(degrees)°, depth \(depth): \(curveT) vs \(t)")
            }
        }
    }

    @Test func manyDepthsAreThinnedAndSaidSo() {
        let figure = KernelFigure(parameters: KernelParameters(activation: .relu, depth: 40, sw2: 2, sb2: 0))
        #expect(figure.depths == [1, 2, 4, 9, 19, 40])
        #expect(figure.stack().plots.last!.notes.map(\.unicode) == ["depths 1, 2, 4, 9, 19, 40 of 1…40"])
        let final = KernelFigure(parameters: KernelParameters(activation: .relu, depth: 40, sw2: 2, sb2: 0), kind: .ntk, finalOnly: true)
        #expect(final.depths == [40] && final.stack().plots.count == 1)
    }

    // MARK: Spectra

    /// The arc-cosine kernel of degree 1 (relu NNGP, depth 1, σb² = 0) has no odd harmonics
    /// beyond l = 1 (Cho & Saul 2009; Bach 2017); erf's arcsine kernel with σb² = 0 is odd in t,
    /// so its even harmonics vanish. Both are said in a note, not drawn.
    @Test func vanishingModesAreNamed() {
        func mu(_ activation: Activation) -> [Double] {
            let kernel = SphereKernel(NeuralKernels(KernelParameters(activation: activation, depth: 1, sw2: 2, sb2: 0)), radius: 1, dimension: 3)
            return SphereSpectrum(dimension: 3, maximumDegree: 12).eigenvalues { kernel($0).nngp }
        }
        let relu = SpectrumFigure(mu: mu(.relu), dimension: 3, description: "relu").plot()
        #expect(relu.notes.count == 1 && relu.notes[0].unicode.hasPrefix("μ_l ≈ 0 (within the quadrature's noise, |μ_l| ≤ "))
        #expect(relu.notes[0].unicode.hasSuffix(" at odd l from 3 to 11: not drawn"))
        #expect(relu.series[0].points.map(\.x) == [0, 1, 2, 4, 6, 8, 10, 12])
        let erf = SpectrumFigure(mu: mu(.erf), dimension: 3, description: "erf").plot()
        #expect(erf.notes.count == 1 && erf.notes[0].unicode.hasSuffix(" at even l from 0 to 12: not drawn"))
        #expect(SpectrumFigure.describe([2, 3, 5]) == "l = 2, 3, 5")
    }

    /// Small eigenvalues above the noise are drawn: exp(t) on S² has μ_l ∝ I_(l+1/2)(1), which
    /// falls below 1e-13 of μ₀ by l = 12 and is still far above rounding (Bessel closed form,
    /// the spec's check of the sphere spectra).
    @Test func smallEigenvaluesAboveTheNoiseAreDrawn() {
        let mu = SphereSpectrum(dimension: 3, maximumDegree: 13).eigenvalues { exp($0) }
        let plot = SpectrumFigure(mu: mu, dimension: 3, description: "exp(t)").plot()
        #expect(plot.series[0].points.map(\.x) == (0...13).map(Double.init))
        #expect(plot.notes.isEmpty)
        #expect(mu[12] < 1e-12 * mu[0] && mu[12] > 0)
    }

    /// The noise floor is read from rounding of the sign opposite to the kernel's: −exp(t)'s
    /// spectrum is exp(t)'s negated (linearity of the Funk–Hecke integral), so it has the same
    /// floor (0, every mode above rounding), its modes are all named negative and none is hidden
    /// as noise; the relu spectrum negated hides the same odd modes as the relu one.
    @Test func aNegativeKernelHasTheSameFloorAsItsNegation() {
        let mu = SphereSpectrum(dimension: 3, maximumDegree: 13).eigenvalues { exp($0) }
        let negated = mu.map { -$0 }
        #expect(SpectrumFigure.noiseFloor(negated) == SpectrumFigure.noiseFloor(mu))
        let plot = SpectrumFigure(mu: negated, dimension: 3, description: "-exp(t)").plot()
        #expect(plot.notes.map(\.unicode) == ["μ_l < 0 (not drawn on a log axis) at l = 0, 1, 2, 3, 4, 5, 6, 7, …"])
        let kernel = SphereKernel(NeuralKernels(KernelParameters(activation: .relu, depth: 1, sw2: 2, sb2: 0)), radius: 1, dimension: 3)
        let relu = SphereSpectrum(dimension: 3, maximumDegree: 12).eigenvalues { kernel($0).nngp }
        #expect(SpectrumFigure(mu: relu.map { -$0 }, dimension: 3, description: "").skipped.noise
                == SpectrumFigure(mu: relu, dimension: 3, description: "").skipped.noise)
        // The zero kernel: every μ_l is exactly 0, said as such (not "|μ_l| ≤ 0").
        let zero = SpectrumFigure(mu: Array(repeating: 0, count: 4), dimension: 3, description: "0").plot()
        #expect(zero.notes.map(\.unicode) == ["μ_l = 0 (not drawn on a log axis) at l = 0, 1, 2, 3"])
    }

    // MARK: Learning curves

    /// At every n the curves satisfy eigenlearning's defining equation Σ m_i L_i + δ/κ = n
    /// (κ recovered from L_1 = λ_1/(λ_1 + κ)), the learnabilities grow with n, and the test
    /// error of a noiseless target falls.
    @Test func learningCurvesSatisfyTheirEquation() {
        let eigenvalues = [1, 0.5, 0.25, 0.125, 0.0625]
        let figure = LearningCurveFigure(
            eigenvalues: eigenvalues, power: [1, 1, 1, 1, 1], multiplicities: [1, 2, 3, 4, 5], samples: 0.5...1000, ridge: 0.01,
            noise: 0, modeNames: ["1", "2", "3", "4", "5"])
        let plot = figure.plot()
        let learnabilities = (1...4).map { plot.series[$0].points.map(\.y) }
        for index in 0..<LearningCurveFigure.points {
            let n = plot.series[0].points[index].x
            let kappa = eigenvalues[0] * (1 / learnabilities[0][index] - 1)
            let sum = zip(eigenvalues, [1.0, 2, 3, 4, 5]).reduce(0) { $0 + $1.1 * $1.0 / ($1.0 + kappa) } + 0.01 / kappa
            #expect(abs(sum - n) <= 1e-9 * n, "n = \(n)")
        }
        for curve in learnabilities { #expect(zip(curve, curve.dropFirst()).allSatisfy { $1 >= $0 }) }
        let test = plot.series[0].points.map(\.y)
        #expect(zip(test, test.dropFirst()).allSatisfy { $1 <= $0 })
        #expect(plot.series.map(\.name.unicode) == ["test MSE", "L(1)", "L(2)", "L(3)", "L(4)"])
    }

    /// Without ridge and noise, n ≥ the number of modes learns every mode: a zero error, which a
    /// log axis cannot show.
    @Test func zeroErrorIsNoted() {
        let plot = LearningCurveFigure(
            eigenvalues: [1, 0.5], power: [1, 1], multiplicities: [1, 1], samples: 0.1...10, ridge: 0, noise: 0, modeNames: ["1", "2"]
        ).plot()
        #expect(plot.notes.map(\.unicode) == ["test MSE = 0 for n ≥ 2 (the number of modes, no ridge or noise): not drawn"])
        #expect(plot.title.unicode.hasPrefix("Eigenlearning, 2 modes"))
    }

    // MARK: Depth scales

    /// Schoenholz et al.'s figure: for tanh at σb² = 0.05 the line is at the critical σw²
    /// (1.76 published), ξ_c peaks next to it, and each ξ_c is −1/ln χ_c from the calculator.
    @Test func depthScalesPeakAtTheCriticalPoint() {
        let figure = DepthScalesFigure(activation: .tanh, sb2: 0.05)
        let size = Size(width: 80, height: 24)
        let plot = figure.plot(size: size, options: PlotOptions())
        #expect(plot.referenceLines.count == 1)
        let critical = plot.referenceLines[0].value
        #expect(abs(critical - 1.76) < 0.005)
        let xiC = plot.series[1].points
        let peak = xiC.filter { $0.y.isFinite }.max { $0.y < $1.y }!
        #expect(peak.y > 50 && abs(peak.x - critical) < 0.05, "peak \(peak)")
        for point in xiC.enumerated().filter({ $0.offset % 17 == 0 }).map(\.element) {
            let direct = MeanField(MeanFieldParameters(activation: .tanh, sw2: point.x, sb2: 0.05)).compute()
            let expected = direct.chiC.map { -1 / log($0) } ?? .nan
            #expect(point.y == expected || abs(point.y - expected) <= 1e-12 * abs(expected), "σw² \(point.x)")
        }
    }

    /// Softplus at σb² = 0.05 never crosses χ₁ = 1 at finite q*, yet its phases meet at
    /// σw²∞ = 2/(a² + b²) = 2 (a = 1, b = 0), where q* starts to diverge: the line is drawn
    /// there; tanh, bounded, has no such line and relu (homogeneous) has its χ₁ = 1 line at 2.
    @Test func depthScalesMarkWhereTheLengthsDiverge() {
        let softplus = DepthScalesFigure(activation: .softplus, sb2: 0.05).plot(size: Size(width: 80, height: 24), options: PlotOptions())
        #expect(softplus.referenceLines.map(\.value) == [2])
        #expect(softplus.referenceLines[0].label.unicode == "σw² = 2: χ₁ → 1 as q* → ∞")
        #expect(DepthScalesFigure(activation: .tanh, sb2: 0.05).divergencePoint == nil)
        #expect(DepthScalesFigure(activation: .relu, sb2: 0.05).divergencePoint == nil)
        #expect(DepthScalesFigure(activation: .softplus, sb2: 0.05, sw2: 2.5...4).divergencePoint == nil)
    }
}

/// The kernel pane's regression demo: a noiseless GP posterior interpolates its data.
@Suite struct RegressionFigureTests {
    /// At the training angles the NNGP posterior mean equals the targets and its variance
    /// vanishes (exact interpolation; the relative ridge 1e-10 allows ~1e-8 of the scale);
    /// between far-apart points the band is open; the NTK ensemble interpolates too (Lee et
    /// al. 2019, eq. 16 at t → ∞).
    @Test(arguments: [PredictionKernel.nngp, .ntk])
    func posteriorInterpolatesTheData(kernel: PredictionKernel) throws {
        let figure = RegressionFigure(parameters: KernelParameters(activation: .relu, depth: 3, sw2: 2, sb2: 0.1), kernel: kernel)
        let prediction = try figure.prediction()
        let angles = RegressionFigure.testAngles
        let prior = KernelParameters(activation: .relu, depth: 3, sw2: 2, sb2: 0.1)
        let scale = SphereKernel(NeuralKernels(prior), radius: 1, dimension: 1)(1).nngp
        for theta in RegressionFigure.trainingAngles {
            let index = try #require(angles.firstIndex(of: theta))
            #expect(abs(prediction.mean[index] - RegressionFigure.target(theta)) <= 1e-6, "θ = \(theta)")
            #expect(abs(prediction.covariance[index, index]) <= 1e-6 * scale, "θ = \(theta)")
        }
        // Midway across the widest gap (1.6 to 3.3) the prediction is uncertain.
        let gap = try #require(angles.firstIndex { $0 > 2.4 })
        #expect(prediction.covariance[gap, gap] > 1e-3 * scale)
        // The figure draws the data, the mean and the band.
        let plot = figure.plot()
        #expect(plot.series.map(\.name.unicode) == ["training points", kernel == .nngp ? "NNGP posterior mean" : "NTK ensemble mean", "± 2σ", "", "sin 2θ"])
    }
}
