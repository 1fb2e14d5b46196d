import Dispatch

/// The network of the kernels (neural-tangents' `stax` NTK parameterisation):
/// `[Dense(W_std = √σw², b_std = √σb²), φ] × depth, Dense(√σw², √σb²)`, where the first layer's
/// weights are scaled by 1/d (d the input dimension) and may have their own variances.
public struct KernelParameters: Sendable, Equatable {
    public var activation: Activation
    /// The number of hidden nonlinear layers (≥ 1).
    public var depth: Int
    public var sw2: Double
    public var sb2: Double
    public var sw2First: Double
    public var sb2First: Double

    public init(activation: Activation, depth: Int, sw2: Double, sb2: Double, sw2First: Double? = nil, sb2First: Double? = nil) {
        self.activation = activation
        self.depth = depth
        self.sw2 = sw2
        self.sb2 = sb2
        self.sw2First = sw2First ?? sw2
        self.sb2First = sb2First ?? sb2
    }
}

/// NNGP and NTK matrices, and optionally every layer's.
public struct KernelMatrices: Sendable {
    /// K^(depth+1) and Θ^(depth+1).
    public var nngp: Matrix
    public var ntk: Matrix
    /// (K^l, Θ^l) for l = 1…depth+1 when asked for; layer 1 is the first dense layer's.
    public var layers: [(nngp: Matrix, ntk: Matrix)]?
}

/// The infinite-width kernels (Lee et al. 2018, Jacot et al. 2018, Arora et al. 2019):
/// K¹ = σw₁²⟨x,x'⟩/d + σb₁², Θ¹ = K¹, and for each hidden layer
/// K^(l+1) = σw²·E[φ(u)φ(v)] + σb², Θ^(l+1) = K^(l+1) + σw²·E[φ'(u)φ'(v)]·Θ^l over
/// (u, v) ~ N(0, [[K^l(x,x), K^l(x,x')], [·, K^l(x',x')]]) — exact for inputs of unequal norms.
public struct NeuralKernels: Sendable {
    public let parameters: KernelParameters
    public let expectations: GaussianExpectations

    public init(_ parameters: KernelParameters, method: GaussianExpectations.Method = .automatic) {
        self.parameters = parameters
        self.expectations = GaussianExpectations(parameters.activation, method: method)
    }

    /// The kernels between the rows of `x` and those of `x2` (or of `x` itself, when the result
    /// is exactly symmetric: only the upper triangle is computed).
    public func compute(_ x: Matrix, _ x2: Matrix? = nil, perLayer: Bool = false) -> KernelMatrices {
        let other = x2 ?? x
        precondition(x.columns == other.columns, "inputs of different dimensions")
        let symmetric = x2 == nil
        let n = x.rows, m = other.rows
        let d = Double(x.columns)
        let p = parameters

        // Layer 1: the first dense layer.
        let gram = LinearAlgebra.multiply(x, other, transposeB: true)
        var k = Matrix(rows: n, columns: m)
        for index in 0..<(n * m) { k.values[index] = p.sw2First * gram.values[index] / d + p.sb2First }
        var theta = k  // Θ¹ = K¹
        // The diagonal of a symmetric kernel is the Gram's own, so that an input's correlation
        // with itself, or with ±2^k times itself, comes out exactly ±1.
        var diagonal1 = (0..<n).map { i in symmetric ? k[i, i] : p.sw2First * Self.squaredNorm(x, i) / d + p.sb2First }
        var diagonal2 = symmetric ? diagonal1 : (0..<m).map { j in p.sw2First * Self.squaredNorm(other, j) / d + p.sb2First }
        var thetaDiagonal1 = diagonal1, thetaDiagonal2 = diagonal2
        var layers: [(nngp: Matrix, ntk: Matrix)]? = perLayer ? [(k, theta)] : nil

        for _ in 0..<p.depth {
            (k, theta) = nextLayer(k, theta, diagonal1, diagonal2, symmetric: symmetric)
            (diagonal1, thetaDiagonal1) = nextDiagonal(diagonal1, thetaDiagonal1)
            if symmetric {
                (diagonal2, thetaDiagonal2) = (diagonal1, thetaDiagonal1)
                for i in 0..<n {
                    k[i, i] = diagonal1[i]
                    theta[i, i] = thetaDiagonal1[i]
                }
            } else {
                (diagonal2, thetaDiagonal2) = nextDiagonal(diagonal2, thetaDiagonal2)
            }
            layers?.append((k, theta))
        }
        return KernelMatrices(nngp: k, ntk: theta, layers: layers)
    }

    /// covariance/scale as a correlation: clamped to [−1, 1], and snapped to ±1 within 4 ulps,
    /// where the Gram and the norms (computed by different summations) may disagree in the last
    /// bit for parallel inputs, and the kernels' √(1 − |c|) terms would turn that ulp into ~1e-8.
    @inline(__always)
    static func correlation(_ covariance: Double, _ scale: Double) -> Double {
        guard scale > 0 else { return 0 }
        let c = covariance / scale
        if c >= 1 - 4 * Double.ulpOfOne { return 1 }
        if c <= -1 + 4 * Double.ulpOfOne { return -1 }
        return c
    }

    static func squaredNorm(_ x: Matrix, _ row: Int) -> Double {
        var sum = 0.0
        for j in 0..<x.columns { sum += x[row, j] * x[row, j] }
        return sum
    }

    /// One hidden layer on the diagonal: K(x,x) and Θ(x,x) through the one-variable map.
    func nextDiagonal(_ k: [Double], _ theta: [Double]) -> ([Double], [Double]) {
        let p = parameters
        var nextK = k, nextTheta = theta
        for i in k.indices {
            let m = expectations.single(q: k[i])
            nextK[i] = p.sw2 * m.valueSquared + p.sb2
            nextTheta[i] = nextK[i] + p.sw2 * m.slopeSquared * theta[i]
        }
        return (nextK, nextTheta)
    }

    /// One hidden layer off the diagonal, rows shared between the cores.
    func nextLayer(_ k: Matrix, _ theta: Matrix, _ diagonal1: [Double], _ diagonal2: [Double], symmetric: Bool) -> (Matrix, Matrix) {
        let n = k.rows, m = k.columns
        let p = parameters
        let expectations = self.expectations
        // Analytic φ without a closed form: one Mehler series per layer instead of n·m
        // two-dimensional quadratures (see `MehlerSeries`).
        let series: MehlerSeries? =
            expectations.method == .automatic && !expectations.usesClosedForms && n * m > 16
            ? MehlerSeries(p.activation, variances: diagonal1 + diagonal2) : nil
        var nextK = Matrix(rows: n, columns: m), nextTheta = Matrix(rows: n, columns: m)
        nextK.values.withUnsafeMutableBufferPointer { kOut in
            nextTheta.values.withUnsafeMutableBufferPointer { thetaOut in
                let kPointer = kOut.baseAddress!, thetaPointer = thetaOut.baseAddress!
                nonisolated(unsafe) let (kTarget, thetaTarget) = (kPointer, thetaPointer)
                DispatchQueue.concurrentPerform(iterations: n) { i in
                    for j in (symmetric ? i : 0)..<m {
                        let q1 = diagonal1[i], q2 = diagonal2[j]
                        let covariance = k[i, j]
                        let scale = (q1 * q2).squareRoot()
                        let c = Self.correlation(covariance, scale)
                        let moments = series.map { $0.pair(i, n + j, c: c) }
                            ?? { let m = expectations.pair(q1: q1, q2: q2, c: c); return (m.product, m.slopeProduct) }()
                        let nextCovariance = p.sw2 * moments.product + p.sb2
                        let nextTangent = nextCovariance + p.sw2 * moments.slopeProduct * theta[i, j]
                        kTarget[i * m + j] = nextCovariance
                        thetaTarget[i * m + j] = nextTangent
                        if symmetric {
                            kTarget[j * m + i] = nextCovariance
                            thetaTarget[j * m + i] = nextTangent
                        }
                    }
                }
            }
        }
        return (nextK, nextTheta)
    }
}

extension NeuralKernels {
    /// NNGP and NTK of two inputs on the sphere of radius r in R^d with x·x' = r²t: equal norms,
    /// so one diagonal sequence serves both, and the first layer is K¹ = σw₁²r²t/d + σb₁².
    public func onSphere(t: Double, radius: Double, dimension: Int) -> (nngp: Double, ntk: Double) {
        SphereKernel(self, radius: radius, dimension: dimension).callAsFunction(t)
    }
}

/// A network's kernels on a sphere as functions of t = x·x'/r², for the many t a spectrum
/// needs: each layer's variance is the same for every pair, so it and (for analytic φ without a
/// closed form) the layer's Mehler series are computed once.
public struct SphereKernel: Sendable {
    let kernels: NeuralKernels
    let scale: Double
    /// q_l for l = 1…depth (the input variance of hidden layer l).
    let variances: [Double]
    let series: [MehlerSeries?]

    public init(_ kernels: NeuralKernels, radius: Double, dimension: Int) {
        self.kernels = kernels
        let p = kernels.parameters
        scale = p.sw2First * radius * radius / Double(dimension)
        var q = scale + p.sb2First
        var variances: [Double] = []
        for _ in 0..<p.depth {
            variances.append(q)
            q = p.sw2 * kernels.expectations.single(q: q).valueSquared + p.sb2
        }
        self.variances = variances
        let useSeries = kernels.expectations.method == .automatic && !kernels.expectations.usesClosedForms
        series = variances.map { useSeries ? MehlerSeries(p.activation, variances: [$0]) : nil }
    }

    public func callAsFunction(_ t: Double) -> (nngp: Double, ntk: Double) {
        layers(t).last!
    }

    /// (K^l, Θ^l) at t for l = 1…depth+1: layer 1 is the first dense layer's, layer l + 1 the
    /// output of a network with l hidden layers.
    public func layers(_ t: Double) -> [(nngp: Double, ntk: Double)] {
        let p = kernels.parameters
        var k = scale * t + p.sb2First
        var theta = k
        var result = [(nngp: k, ntk: theta)]
        for (layer, q) in variances.enumerated() {
            let c = NeuralKernels.correlation(k, q)
            let moments = series[layer].map { $0.pair(0, 0, c: c) }
                ?? { let m = kernels.expectations.pair(q1: q, q2: q, c: c); return (m.product, m.slopeProduct) }()
            k = p.sw2 * moments.product + p.sb2
            theta = k + p.sw2 * moments.slopeProduct * theta
            result.append((k, theta))
        }
        return result
    }
}
