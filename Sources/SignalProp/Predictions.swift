/// Which kernel a prediction uses.
public enum PredictionKernel: String, Sendable, CaseIterable {
    /// The NNGP posterior (Bayesian inference with the infinite-width prior).
    case nngp
    /// The infinite-time gradient-descent ensemble (Lee et al. 2019).
    case ntk
}

/// Mean and covariance of the predictions on test inputs.
public struct Prediction: Sendable {
    public var mean: [Double]
    public var covariance: Matrix
    /// The ridge actually added to the training kernel's diagonal.
    public var ridge: Double
    /// The 2-norm condition number of the regularised training kernel that was inverted.
    public var conditionNumber: Double
}

public struct Predictor: Sendable {
    public let kernels: NeuralKernels

    public init(_ parameters: KernelParameters) {
        kernels = NeuralKernels(parameters)
    }

    /// Condition numbers above this lose more than ~4 of double's 16 digits: callers warn.
    public static let illConditioned = 1e12

    /// NNGP: mean = K*(K + rI)⁻¹y, cov = K** − K*(K + rI)⁻¹K*ᵀ.
    /// NTK: mean = Θ*(Θ + rI)⁻¹y, cov = K** + Θ*(Θ + rI)⁻¹K(Θ + rI)⁻¹Θ*ᵀ − (Θ*(Θ + rI)⁻¹K*ᵀ + transpose).
    /// The ridge r is absolute, or with `relative` r·tr(kernel)/n of the kernel being inverted
    /// (neural-tangents' `diag_reg`).
    public func predict(
        kernel: PredictionKernel, train: Matrix, targets: [Double], test: Matrix, ridge: Double = 0, relative: Bool = false
    ) throws(LinearAlgebra.Failure) -> Prediction {
        precondition(targets.count == train.rows && train.columns == test.columns)
        let n = train.rows
        let trainTrain = kernels.compute(train)
        let testTrain = kernels.compute(test, train)
        let testTest = kernels.compute(test)
        let inverted = kernel == .nngp ? trainTrain.nngp : trainTrain.ntk
        let r = relative ? ridge * inverted.trace / Double(n) : ridge
        var regularised = inverted
        for i in 0..<n { regularised[i, i] += r }
        let condition = try LinearAlgebra.conditionNumber(regularised)
        let factor = try LinearAlgebra.cholesky(regularised)
        let y = Matrix(rows: n, columns: 1, values: targets)

        switch kernel {
        case .nngp:
            let kStar = testTrain.nngp
            let mean = LinearAlgebra.multiply(kStar, try LinearAlgebra.solve(cholesky: factor, y))
            // K*(K + rI)⁻¹K*ᵀ = K*·X with X = (K + rI)⁻¹K*ᵀ.
            let x = try LinearAlgebra.solve(cholesky: factor, kStar.transposed)
            var covariance = testTest.nngp
            let explained = LinearAlgebra.multiply(kStar, x)
            for index in covariance.values.indices { covariance.values[index] -= explained.values[index] }
            return Prediction(mean: mean.values, covariance: covariance.symmetrised, ridge: r, conditionNumber: condition)
        case .ntk:
            let thetaStar = testTrain.ntk, kStar = testTrain.nngp
            let mean = LinearAlgebra.multiply(thetaStar, try LinearAlgebra.solve(cholesky: factor, y))
            // A = Θ*(Θ + rI)⁻¹ (t×n), from (Θ + rI)⁻¹Θ*ᵀ by symmetry.
            let a = try LinearAlgebra.solve(cholesky: factor, thetaStar.transposed).transposed
            let aK = LinearAlgebra.multiply(a, trainTrain.nngp)
            let middle = LinearAlgebra.multiply(aK, a, transposeB: true)
            let cross = LinearAlgebra.multiply(a, kStar, transposeB: true)
            var covariance = testTest.nngp
            for i in 0..<covariance.rows {
                for j in 0..<covariance.columns {
                    covariance[i, j] += middle[i, j] - cross[i, j] - cross[j, i]
                }
            }
            return Prediction(mean: mean.values, covariance: covariance.symmetrised, ridge: r, conditionNumber: condition)
        }
    }
}

extension Matrix {
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns)
        self.init(rows: rows, columns: columns)
        self.values = values
    }

    /// (A + Aᵀ)/2: a covariance computed in floating point, made exactly symmetric.
    var symmetrised: Matrix {
        var result = self
        for i in 0..<rows {
            for j in (i + 1)..<columns {
                let average = 0.5 * (self[i, j] + self[j, i])
                result[i, j] = average
                result[j, i] = average
            }
        }
        return result
    }
}
