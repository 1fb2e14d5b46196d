import CLapack

/// Cholesky factorisation, triangular solves and symmetric eigendecomposition from Debian's
/// LAPACK (through LAPACKE), not hand-rolled.
public enum LinearAlgebra {
    public enum Failure: Error, Equatable {
        /// The matrix is not (numerically) positive definite: LAPACK's leading minor `order`
        /// is not positive.
        case notPositiveDefinite(order: Int)
        case lapack(routine: String, info: Int)
    }

    private static let upper = CChar(UInt8(ascii: "U"))
    private static let lower = CChar(UInt8(ascii: "L"))
    private static let vectors = CChar(UInt8(ascii: "V"))
    private static let valuesOnly = CChar(UInt8(ascii: "N"))

    /// The lower Cholesky factor L of a symmetric positive-definite A = LLᵀ (dpotrf).
    public static func cholesky(_ a: Matrix) throws(Failure) -> Matrix {
        precondition(a.rows == a.columns)
        var factor = a
        let n = Int32(a.rows)
        let info = factor.values.withUnsafeMutableBufferPointer { buffer in
            LAPACKE_dpotrf(LAPACK_ROW_MAJOR, lower, n, buffer.baseAddress, n)
        }
        if info > 0 { throw .notPositiveDefinite(order: Int(info)) }
        if info < 0 { throw .lapack(routine: "dpotrf", info: Int(info)) }
        // dpotrf leaves the strict upper triangle as it was: clear it.
        for i in 0..<a.rows {
            for j in (i + 1)..<a.columns { factor[i, j] = 0 }
        }
        return factor
    }

    /// X with A·X = B, given A's lower Cholesky factor (dpotrs).
    public static func solve(cholesky factor: Matrix, _ b: Matrix) throws(Failure) -> Matrix {
        precondition(factor.rows == b.rows)
        var x = b
        let info = x.values.withUnsafeMutableBufferPointer { xBuffer in
            factor.values.withUnsafeBufferPointer { fBuffer in
                LAPACKE_dpotrs(
                    LAPACK_ROW_MAJOR, lower, Int32(factor.rows), Int32(b.columns),
                    fBuffer.baseAddress, Int32(factor.columns), xBuffer.baseAddress, Int32(b.columns))
            }
        }
        if info != 0 { throw .lapack(routine: "dpotrs", info: Int(info)) }
        return x
    }

    /// The eigenvalues of a symmetric matrix in ascending order, and (if asked) the
    /// orthonormal eigenvectors as the columns of a matrix (dsyevd).
    public static func symmetricEigen(_ a: Matrix, vectors wantVectors: Bool = false) throws(Failure) -> (values: [Double], vectors: Matrix?) {
        precondition(a.rows == a.columns)
        var work = a
        var eigenvalues = [Double](repeating: 0, count: a.rows)
        let n = Int32(a.rows)
        let info = work.values.withUnsafeMutableBufferPointer { buffer in
            eigenvalues.withUnsafeMutableBufferPointer { values in
                LAPACKE_dsyevd(LAPACK_ROW_MAJOR, wantVectors ? vectors : valuesOnly, upper, n, buffer.baseAddress, n, values.baseAddress)
            }
        }
        if info != 0 { throw .lapack(routine: "dsyevd", info: Int(info)) }
        return (eigenvalues, wantVectors ? work : nil)
    }

    /// The 2-norm condition number λmax/λmin of a symmetric positive semi-definite matrix
    /// (+∞ if λmin ≤ 0).
    public static func conditionNumber(_ a: Matrix) throws(Failure) -> Double {
        let values = try symmetricEigen(a).values
        guard let smallest = values.first, let largest = values.last else { return 1 }
        return smallest > 0 ? largest / smallest : .infinity
    }

    /// op(A)·op(B), op being the transpose where asked (BLAS dgemm).
    public static func multiply(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
        let m = transposeA ? a.columns : a.rows, k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        precondition(k == (transposeB ? b.columns : b.rows), "shapes do not match")
        var result = Matrix(rows: m, columns: n)
        guard m > 0, n > 0, k > 0 else { return result }
        a.values.withUnsafeBufferPointer { aBuffer in
            b.values.withUnsafeBufferPointer { bBuffer in
                result.values.withUnsafeMutableBufferPointer { cBuffer in
                    cblas_dgemm(
                        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1, aBuffer.baseAddress, Int32(a.columns),
                        bBuffer.baseAddress, Int32(b.columns), 0, cBuffer.baseAddress, Int32(n))
                }
            }
        }
        return result
    }
}
