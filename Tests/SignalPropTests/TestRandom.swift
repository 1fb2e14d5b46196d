import Foundation

/// A small, seeded, reproducible random source for the simulation tests: xoshiro256** (Blackman
/// and Vigna 2018) seeded through SplitMix64, with normals by Marsaglia's polar method. The same
/// seed gives the same numbers on every platform, so a simulation test with a fixed seed is
/// deterministic.
///
/// The tests are built in debug mode, so the hot paths avoid what is slow there: integer to
/// floating-point conversion (random bits go straight into a mantissa instead) and smart shifts
/// (`&>>`, `&<<` instead).
struct TestRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z &>> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) &<< 7 | (s1 &* 5) &>> 57) &* 9
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 &<< 45 | s3 &>> 19
        return result
    }

    /// Uniform on the open interval (0, 1): 52 random bits as the mantissa of a double in
    /// [1, 2), shifted down by 1 − 2⁻⁵³ (so neither 0 nor 1 can occur).
    mutating func uniform() -> Double {
        Double(bitPattern: 0x3FF0_0000_0000_0000 | next() &>> 12) - (1 - 0x1p-53)
    }

    /// `count` independent N(0, scale²) values.
    mutating func normals(_ count: Int, scale: Double = 1) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        out.withUnsafeMutableBufferPointer { fillNormals($0, scale: scale) }
        return out
    }

    /// Fills `buffer` with independent N(0, scale²) values (Marsaglia's polar method: one log and
    /// one square root per pair, no trigonometry). The generator's state is kept in locals in the
    /// loop, which is much faster in debug builds.
    mutating func fillNormals(_ buffer: UnsafeMutableBufferPointer<Double>, scale: Double = 1) {
        let count = buffer.count
        guard count > 0, let base = buffer.baseAddress else { return }
        var (a, b, c, d) = (s0, s1, s2, s3)
        var i = 0
        while i < count {
            // Two xoshiro256** outputs as uniforms on [−1, 1): 52 random bits as the mantissa of
            // a double in [2, 4), minus 3.
            var r = ((b &* 5) &<< 7 | (b &* 5) &>> 57) &* 9
            var t = b &<< 17
            c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = d &<< 45 | d &>> 19
            let u = Double(bitPattern: 0x4000_0000_0000_0000 | r &>> 12) - 3
            r = ((b &* 5) &<< 7 | (b &* 5) &>> 57) &* 9
            t = b &<< 17
            c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = d &<< 45 | d &>> 19
            let v = Double(bitPattern: 0x4000_0000_0000_0000 | r &>> 12) - 3
            let s = u * u + v * v
            if s >= 1 || s == 0 { continue }
            let f = scale * (-2 * Foundation.log(s) / s).squareRoot()
            base[i] = u * f
            if i + 1 < count { base[i + 1] = v * f }
            i += 2
        }
        (s0, s1, s2, s3) = (a, b, c, d)
    }
}

/// The standard normal quantile Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation
/// (relative error < 1.2e-9) polished by one Halley step on Φ(x) = p, which brings it to
/// about machine precision.
func inverseNormalCDF(_ p: Double) -> Double {
    precondition(p > 0 && p < 1)
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
             1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
             6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
             -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
             3.754408661907416e+00]
    let low = 0.02425
    var x: Double
    if p < low || p > 1 - low {
        let q = (-2 * Foundation.log(p < low ? p : 1 - p)).squareRoot()
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        if p > low { x = -x }
    } else {
        let q = p - 0.5, r = q * q
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
    // Halley's step: e = Φ(x) − p, u = e/ϕ(x).
    let e = 0.5 * Foundation.erfc(-x / 2.0.squareRoot()) - p
    let u = e * (2 * Double.pi).squareRoot() * Foundation.exp(x * x / 2)
    x -= u / (1 + x * u / 2)
    return x
}

/// Dense square matrices, row-major in one contiguous [Double]: just what the simulations need.
/// Inner loops are `while` loops over unsafe pointers (the fastest form in debug builds).
struct SquareMatrix {
    let n: Int
    var entries: [Double]

    init(n: Int, entries: [Double]) {
        precondition(entries.count == n * n)
        self.n = n
        self.entries = entries
    }

    /// diag(d).
    static func diagonal(_ d: [Double]) -> SquareMatrix {
        let n = d.count
        var entries = [Double](repeating: 0, count: n * n)
        for i in 0..<n { entries[i * n + i] = d[i] }
        return SquareMatrix(n: n, entries: entries)
    }

    /// Entries iid N(0, variance).
    static func gaussian(_ n: Int, variance: Double, random: inout TestRandom) -> SquareMatrix {
        SquareMatrix(n: n, entries: random.normals(n * n, scale: variance.squareRoot()))
    }

    /// Q · self for a fresh Haar-distributed orthogonal Q, without forming Q (N³ multiply-adds,
    /// half the cost of generating Q and multiplying). Stewart's method (1980, "The efficient
    /// generation of random orthogonal matrices..."; Mezzadri 2007, §5): Householder QR of a
    /// Gaussian matrix G = QR sees, at step k, an (N−k)-vector that is again iid Gaussian and
    /// independent of the earlier steps, so Q = H₀H₁⋯H_{N−2}·S with H_k the reflection built
    /// from an independent N(0, I_{N−k}) vector v_k, and S = diag(sign R_kk) the correction
    /// that makes R's diagonal positive (R_kk = −sign(v_k0)·|v_k| for k < N−1, and a fair sign
    /// for the last one). Applied right to left: S, then H_{N−2}, …, H₀.
    mutating func applyHaarOrthogonal(random: inout TestRandom) {
        let n = self.n
        // Draw all the reflections first (v_k of length n − k, stored back to back).
        var vectors = random.normals(n * (n + 1) / 2)
        let lastSign: Double = random.next() & 1 == 0 ? 1 : -1
        var w = [Double](repeating: 0, count: n)
        entries.withUnsafeMutableBufferPointer { buffer in
            vectors.withUnsafeMutableBufferPointer { vBuffer in
                w.withUnsafeMutableBufferPointer { wBuffer in
                    let p = buffer.baseAddress!, vs = vBuffer.baseAddress!, w = wBuffer.baseAddress!
                    // Turn each v_k into u_k = v_k − R_kk·e₁ (R_kk = −sign(v₀)|v|) and record S.
                    var signs = [Double](repeating: 1, count: n)
                    var offset = 0
                    for k in 0..<n {
                        let u = vs + offset, length = n - k
                        offset += length
                        if k == n - 1 {
                            signs[k] = lastSign
                            break
                        }
                        var norm2 = 0.0
                        var i = 0
                        while i < length { norm2 += u[i] * u[i]; i += 1 }
                        let sign: Double = u[0] >= 0 ? 1 : -1
                        u[0] += sign * norm2.squareRoot()  // u = v − R_kk e₁ with R_kk = −sign·|v|
                        signs[k] = -sign
                    }
                    // S · self.
                    for i in 0..<n {
                        let row = p + i * n, si = signs[i]
                        var j = 0
                        while j < n { row[j] *= si; j += 1 }
                    }
                    // H_k · self for k = n−2 down to 0; H_k = I − 2uuᵀ/|u|² on rows k…n−1.
                    var k = n - 2
                    while k >= 0 {
                        let length = n - k
                        let start = k * n - k * (k - 1) / 2  // Σ_{j<k} (n − j)
                        let u = vs + start
                        var unorm2 = 0.0
                        var i = 0
                        while i < length { unorm2 += u[i] * u[i]; i += 1 }
                        // w = uᵀ · rows k…n−1.
                        var j = 0
                        while j < n { w[j] = 0; j += 1 }
                        i = 0
                        while i < length {
                            let ui = u[i], row = p + (k + i) * n
                            j = 0
                            while j < n { w[j] += ui * row[j]; j += 1 }
                            i += 1
                        }
                        // rows −= (2/|u|²) u wᵀ.
                        let beta = 2 / unorm2
                        i = 0
                        while i < length {
                            let f = beta * u[i], row = p + (k + i) * n
                            j = 0
                            while j < n { row[j] -= f * w[j]; j += 1 }
                            i += 1
                        }
                        k -= 1
                    }
                }
            }
        }
    }

    /// self · other.
    func multiplied(by other: SquareMatrix) -> SquareMatrix {
        precondition(n == other.n)
        let n = self.n
        var out = [Double](repeating: 0, count: n * n)
        entries.withUnsafeBufferPointer { aBuffer in
            other.entries.withUnsafeBufferPointer { bBuffer in
                out.withUnsafeMutableBufferPointer { cBuffer in
                    let a = aBuffer.baseAddress!, b = bBuffer.baseAddress!, c = cBuffer.baseAddress!
                    // i-k-j order: the inner loop runs along contiguous rows of b and c.
                    for i in 0..<n {
                        let ci = c + i * n
                        for k in 0..<n {
                            let aik = a[i * n + k]
                            let bk = b + k * n
                            var j = 0
                            while j < n { ci[j] += aik * bk[j]; j += 1 }
                        }
                    }
                }
            }
        }
        return SquareMatrix(n: n, entries: out)
    }

    /// diag(d) · self: row i times d[i].
    mutating func scaleRows(by d: [Double]) {
        let n = self.n
        precondition(d.count == n)
        entries.withUnsafeMutableBufferPointer { buffer in
            let p = buffer.baseAddress!
            for i in 0..<n {
                let row = p + i * n, di = d[i]
                var j = 0
                while j < n { row[j] *= di; j += 1 }
            }
        }
    }

    /// ‖self‖²_F = tr(self·selfᵀ).
    var frobeniusSquared: Double {
        entries.withUnsafeBufferPointer { p in
            var sum = 0.0
            var k = 0
            while k < p.count { sum += p[k] * p[k]; k += 1 }
            return sum
        }
    }

    /// ‖self·selfᵀ‖²_F = tr((self·selfᵀ)²), from the upper triangle of the Gram matrix of the
    /// rows (n³/2 multiply-adds).
    var gramFrobeniusSquared: Double {
        let n = self.n
        return entries.withUnsafeBufferPointer { buffer in
            let p = buffer.baseAddress!
            var sum = 0.0
            for i in 0..<n {
                let ri = p + i * n
                for j in i..<n {
                    let rj = p + j * n
                    var dot = 0.0
                    var k = 0
                    while k < n { dot += ri[k] * rj[k]; k += 1 }
                    sum += (i == j ? 1 : 2) * dot * dot
                }
            }
            return sum
        }
    }

    /// max |(self·selfᵀ − I)_ij|: how far from orthogonal.
    var orthogonalityError: Double {
        let n = self.n
        return entries.withUnsafeBufferPointer { buffer in
            let p = buffer.baseAddress!
            var worst = 0.0
            for i in 0..<n {
                for j in i..<n {
                    var dot = 0.0
                    var k = 0
                    while k < n { dot += p[i * n + k] * p[j * n + k]; k += 1 }
                    worst = max(worst, abs(dot - (i == j ? 1 : 0)))
                }
            }
            return worst
        }
    }
}
