import Foundation
import Testing
@testable import SignalProp

/// Inputs of unequal norms, with a parallel pair (rows 0 and 3) and an antiparallel one (0, 4).
let kernelInputs = Matrix([[1, 0, 0.5], [0.6, 0.8, -0.2], [-0.3, 2.0, 1.1], [2, 0, 1], [-0.5, 0, -0.25]])

@Suite struct KernelTests {
    static func maxRelativeDifference(_ a: Matrix, _ b: Matrix) -> Double {
        zip(a.values, b.values).map { abs($0 - $1) / max(1, abs($0), abs($1)) }.max() ?? 0
    }

    /// The closed forms (arc-cosine, arcsine, sin) against the panelled quadrature through four
    /// hidden layers, NNGP and NTK: two independent methods, to 1e-13.
    @Test(arguments: [Activation.relu, .erf, .abs, .leakyReLU(alpha: 0.1), .sin])
    func closedFormsMatchQuadratureAtDepthFour(_ activation: Activation) {
        let parameters = KernelParameters(activation: activation, depth: 4, sw2: 1.7, sb2: 0.1, sw2First: 2.5, sb2First: 0.3)
        let exact = NeuralKernels(parameters).compute(kernelInputs)
        let numeric = NeuralKernels(parameters, method: .quadrature).compute(kernelInputs)
        #expect(Self.maxRelativeDifference(exact.nngp, numeric.nngp) <= 1e-13, "\(activation) NNGP")
        #expect(Self.maxRelativeDifference(exact.ntk, numeric.ntk) <= 1e-13, "\(activation) NTK")
    }

    /// Arora et al. 2019: with σw² = 2, σb² = 0 and σw₁² = d, a ReLU network's NTK(x, x) is
    /// depth + 1 for unit x (each layer adds K = 1 and the relu slope factor σw²/2 = 1). Exact up
    /// to rounding: 1e-14.
    @Test(arguments: [1, 3, 6])
    func aroraNormalisation(_ depth: Int) {
        let d = 3
        let unit = Matrix([[1, 0, 0], [0.6, 0.8, 0], [0, 0.28, 0.96]])
        let kernels = NeuralKernels(KernelParameters(activation: .relu, depth: depth, sw2: 2, sb2: 0, sw2First: Double(d), sb2First: 0))
        let result = kernels.compute(unit)
        for i in 0..<3 {
            #expect(abs(result.ntk[i, i] - Double(depth + 1)) <= 1e-14)
            #expect(abs(result.nngp[i, i] - 1) <= 1e-15)
        }
    }

    /// Symmetric kernels are exactly symmetric, and the cross kernel with x2 = x is the same
    /// matrix to the accuracy target, 1e-13 (different paths: the diagonal through the
    /// one-variable map or the pair map at c = 1, Mehler series over different variance sets).
    @Test func symmetryAndCrossKernels() {
        let kernels = NeuralKernels(KernelParameters(activation: .tanh, depth: 2, sw2: 1.5, sb2: 0.05))
        let alone = kernels.compute(kernelInputs), crossed = kernels.compute(kernelInputs, kernelInputs)
        #expect(alone.ntk == alone.ntk.transposed && alone.nngp == alone.nngp.transposed)
        #expect(Self.maxRelativeDifference(alone.nngp, crossed.nngp) <= 1e-13)
        #expect(Self.maxRelativeDifference(alone.ntk, crossed.ntk) <= 1e-13)
    }

    /// Analytic φ without a closed form go through Mehler series once the matrix has more than
    /// 16 entries; against the two-dimensional quadrature (an independent method) to 1e-13.
    @Test(arguments: [Activation.tanh, .sigmoid, .gelu, .swish, .softplus])
    func mehlerSeriesMatchQuadrature(_ activation: Activation) {
        let parameters = KernelParameters(activation: activation, depth: 3, sw2: 1.6, sb2: 0.2, sw2First: 2, sb2First: 0.1)
        let series = NeuralKernels(parameters).compute(kernelInputs)
        let numeric = NeuralKernels(parameters, method: .quadrature).compute(kernelInputs)
        #expect(Self.maxRelativeDifference(series.nngp, numeric.nngp) <= 1e-13, "\(activation) NNGP")
        #expect(Self.maxRelativeDifference(series.ntk, numeric.ntk) <= 1e-13, "\(activation) NTK")
    }

    /// An input and its negative are exactly anticorrelated: with σb² = 0 the kernels there must
    /// equal the single-pair recursion at t = −1 (no ulp of the Gram turned into 1e-8 by the
    /// arc-cosine kernel's √(1 + c)). Exact up to rounding: 1e-14.
    @Test(arguments: [Activation.relu, .abs, .leakyReLU(alpha: 0.1)])
    func antiparallelInputs(_ activation: Activation) {
        let kernels = NeuralKernels(KernelParameters(activation: activation, depth: 3, sw2: 1.7, sb2: 0))
        let x = [-0.3, 2.0, 1.1]
        let result = kernels.compute(Matrix([x, x.map { -$0 }]))
        let radius = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let expected = kernels.onSphere(t: -1, radius: radius, dimension: 3)
        #expect(abs(result.ntk[0, 1] - expected.ntk) <= 1e-14 * max(1, expected.ntk))
        #expect(abs(result.nngp[0, 1] - expected.nngp) <= 1e-14 * max(1, abs(expected.nngp)))
    }

    /// Per-layer output: layer 1 is σw₁²⟨x,x'⟩/d + σb₁², the last is the result.
    @Test func perLayerKernels() throws {
        let parameters = KernelParameters(activation: .erf, depth: 3, sw2: 1.2, sb2: 0.2, sw2First: 2, sb2First: 0.5)
        let result = NeuralKernels(parameters).compute(kernelInputs, perLayer: true)
        let layers = try #require(result.layers)
        #expect(layers.count == 4)
        #expect(abs(layers[0].nngp[0, 1] - (2 * (0.6 - 0.1) / 3 + 0.5)) <= 1e-15)
        #expect(layers[0].ntk == layers[0].nngp)
        #expect(layers[3].nngp == result.nngp && layers[3].ntk == result.ntk)
    }
}

@Suite struct PredictionTests {
    static let train = Matrix([[1, 0], [0, 1], [0.6, 0.8], [-0.7, 0.3]])
    static let targets = [1.0, -1, 0.5, 2]

    /// Without ridge both predictors interpolate: at the training inputs the mean is the targets
    /// (≤ 1e-10, the condition number here is < 1e3) and the covariance vanishes.
    @Test(arguments: PredictionKernel.allCases)
    func ridgelessPredictionsInterpolate(_ kernel: PredictionKernel) throws {
        let predictor = Predictor(KernelParameters(activation: .erf, depth: 2, sw2: 1.5, sb2: 0.1))
        let prediction = try predictor.predict(kernel: kernel, train: Self.train, targets: Self.targets, test: Self.train)
        for (mean, target) in zip(prediction.mean, Self.targets) {
            #expect(abs(mean - target) <= 1e-10)
        }
        for value in prediction.covariance.values { #expect(abs(value) <= 1e-10) }
    }

    /// The relative ridge is ridge·tr(K)/n of the kernel being inverted.
    @Test func relativeRidge() throws {
        let parameters = KernelParameters(activation: .relu, depth: 1, sw2: 2, sb2: 0.1)
        let predictor = Predictor(parameters)
        let prediction = try predictor.predict(kernel: .ntk, train: Self.train, targets: Self.targets, test: Self.train, ridge: 0.1, relative: true)
        let trace = NeuralKernels(parameters).compute(Self.train).ntk.trace
        #expect(abs(prediction.ridge - 0.1 * trace / 4) <= 1e-15 * trace)
    }

    /// Duplicate training inputs make the kernel singular: a clear failure, not garbage.
    @Test func singularKernelIsReported() {
        let predictor = Predictor(KernelParameters(activation: .relu, depth: 1, sw2: 2, sb2: 0))
        let twice = Matrix([[1, 0], [1, 0]])
        #expect(throws: LinearAlgebra.Failure.self) {
            try predictor.predict(kernel: .nngp, train: twice, targets: [1, 1], test: twice)
        }
    }
}

@Suite struct SphereTests {
    /// I_ν(r) by its power series Σ (r/2)^(2k+ν)/(k! Γ(k+ν+1)), an independent method.
    static func besselI(_ nu: Double, _ r: Double) -> Double {
        var sum = 0.0
        for k in 0..<60 {
            sum += exp((2 * Double(k) + nu) * log(r / 2) - lgamma(Double(k) + 1) - lgamma(Double(k) + nu + 1))
        }
        return sum
    }

    /// k(t) = exp(r t): μ_l = Γ(d/2)(2/r)^((d−2)/2) I_(l+(d−2)/2)(r) (the spec's closed form), to
    /// 1e-13 relative, for d = 3, 5, 10; μ_l far below k(1) are sums of O(k(1)) terms that cancel,
    /// so they carry an absolute error ~1e-16·k(1): the tolerance adds 1e-15·k(1).
    @Test(arguments: [3, 5, 10])
    func exponentialKernelMatchesBessel(_ d: Int) throws {
        let r = 1.7
        let mu = SphereSpectrum(dimension: d, maximumDegree: 8).eigenvalues { exp(r * $0) }
        let nu = Double(d - 2) / 2
        for (l, value) in mu.enumerated() {
            let expected = exp(lgamma(Double(d) / 2)) * pow(2 / r, nu) * Self.besselI(Double(l) + nu, r)
            #expect(abs(value - expected) <= 1e-13 * expected + 1e-15 * exp(r), "d=\(d) l=\(l): \(value) vs \(expected)")
        }
    }

    /// k(t) = t²: μ₀ = 1/d, μ₂ = 2/(d(d+2)), every other μ_l = 0 (t² = 1/d + (1 − 1/d)P₂).
    @Test(arguments: [2, 3, 7])
    func squareHasTwoModes(_ d: Int) {
        let mu = SphereSpectrum(dimension: d, maximumDegree: 5).eigenvalues { $0 * $0 }
        let dd = Double(d)
        #expect(abs(mu[0] - 1 / dd) <= 1e-15)
        #expect(abs(mu[2] - 2 / (dd * (dd + 2))) <= 1e-15)
        for l in [1, 3, 4, 5] { #expect(abs(mu[l]) <= 1e-15) }
    }

    /// A tanh network's kernel on the sphere through the layers' Mehler series against the
    /// same through two-dimensional quadrature, eigenvalue by eigenvalue, to 1e-13·k(1).
    @Test func networkKernelSpectrumBySeriesAndByQuadrature() {
        let parameters = KernelParameters(activation: .tanh, depth: 1, sw2: 1.5, sb2: 0.1)
        let spectrum = SphereSpectrum(dimension: 3, maximumDegree: 4)
        let fast = SphereKernel(NeuralKernels(parameters), radius: 1, dimension: 3)
        let slow = SphereKernel(NeuralKernels(parameters, method: .quadrature), radius: 1, dimension: 3)
        let a = spectrum.eigenvalues { fast($0).ntk }, b = spectrum.eigenvalues { slow($0).ntk }
        let scale = fast(1).ntk
        for l in 0...4 { #expect(abs(a[l] - b[l]) <= 1e-13 * scale, "l=\(l): \(a[l]) vs \(b[l])") }
    }

    /// Multiplicities: N(3, l) = 2l + 1, N(2, l) = 2, and N(d, 1) = d.
    @Test func multiplicities() {
        #expect(SphereSpectrum(dimension: 3, maximumDegree: 5).multiplicities == [1, 3, 5, 7, 9, 11])
        #expect(SphereSpectrum(dimension: 2, maximumDegree: 3).multiplicities == [1, 2, 2, 2])
        #expect(SphereSpectrum(dimension: 10, maximumDegree: 2).multiplicities == [1, 10, 54])
    }

    /// The sum rule Σ N(d,l) μ_l = k(1) for a network kernel whose spectrum decays fast
    /// (erf NNGP): with lmax = 60 the tail is below 1e-12.
    @Test func sumRule() {
        let kernels = NeuralKernels(KernelParameters(activation: .erf, depth: 2, sw2: 1.5, sb2: 0.1))
        let spectrum = SphereSpectrum(dimension: 4, maximumDegree: 60)
        let mu = spectrum.eigenvalues { kernels.onSphere(t: $0, radius: 1, dimension: 4).nngp }
        let total = zip(mu, spectrum.multiplicities).reduce(0) { $0 + $1.0 * $1.1 }
        let atOne = kernels.onSphere(t: 1, radius: 1, dimension: 4).nngp
        #expect(abs(total - atOne) <= 1e-12 * atOne)
    }
}

@Suite struct EigenlearningTests {
    /// The conservation law Σ m_i L_i + δ/κ = n holds at the computed κ to 1e-12.
    @Test(arguments: [(0.0, 2.0), (0.1, 2.0), (0.01, 30.0), (1.0, 0.5)])
    func conservationLaw(_ ridge: Double, _ n: Double) {
        let eigenvalues = (0..<50).map { pow(Double($0) + 1, -1.5) }
        let multiplicities = (0..<50).map { Double($0 % 3 + 1) }
        let problem = Eigenlearning(eigenvalues: eigenvalues, power: eigenvalues, multiplicities: multiplicities, samples: n, ridge: ridge)
        let result = problem.solve()
        let used = zip(multiplicities, result.learnabilities).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(used + ridge / result.kappa - n) <= 1e-12 * n)
    }

    /// δ = 0 with at most n nonzero modes: κ = 0, every L = 1, E₀ = n/(n − M).
    @Test func interpolationLimit() {
        let result = Eigenlearning(eigenvalues: [1, 0.5, 0], power: [1, 1, 1], samples: 5).solve()
        #expect(result.kappa == 0 && result.learnabilities == [1, 1, 0])
        #expect(result.overfittingFactor == 5.0 / 3.0)
        // The zero mode is never learned: test MSE = E₀·P₃.
        #expect(abs(result.testMSE - 5.0 / 3.0) <= 1e-15 && result.trainMSE == 0)
    }
}
