import RealModule

/// The eigenvalues of a dot-product kernel k(x·x') on the sphere S^(d−1): k(x·x') =
/// Σ_l μ_l Σ_m Y_lm(x)Y_lm(x'), the Y orthonormal under the uniform probability measure, so
/// μ_l = c_d ∫₋₁¹ k(t) P_l(t) (1 − t²)^((d−3)/2) dt with c_d = Γ(d/2)/(√π Γ((d−1)/2)) and P_l
/// the Gegenbauer polynomial normalised to P_l(1) = 1; mode l has multiplicity
/// N(d, l) = (2l + d − 2)/l · C(l + d − 3, l − 1), and Σ_l N(d, l) μ_l = k(1).
public struct SphereSpectrum: Sendable {
    public let dimension: Int
    public let maximumDegree: Int

    public init(dimension: Int, maximumDegree: Int) {
        precondition(dimension >= 2 && maximumDegree >= 0)
        self.dimension = dimension
        self.maximumDegree = maximumDegree
    }

    /// N(d, l) for l = 0…lmax, by the ratio N(d, l+1)/N(d, l) to stay finite for large d.
    public var multiplicities: [Double] {
        let d = Double(dimension)
        return (0...maximumDegree).map { l -> Double in
            if l == 0 { return 1 }
            // (2l + d − 2)/l · Γ(l + d − 2)/(Γ(d − 1) Γ(l)), through log-gamma.
            let l = Double(l)
            if dimension == 2 { return 2 }
            let logBinomial = Double.logGamma(l + d - 2) - Double.logGamma(d - 1) - Double.logGamma(l)
            return ((2 * l + d - 2) / l * Double.exp(logBinomial)).rounded()
        }
    }

    /// c_d = Γ(d/2)/(√π Γ((d−1)/2)).
    var normalisation: Double {
        let d = Double(dimension)
        return Double.exp(Double.logGamma(d / 2) - Double.logGamma((d - 1) / 2)) / Double.pi.squareRoot()
    }

    /// μ_0…μ_lmax of k. The integral is taken over θ with t = cos θ, which turns the weight into
    /// sin^(d−2)θ and the arc-cosine kernels' endpoint singularities (√(1 − t²), arccos t) into
    /// smooth functions of θ; 20-point Gauss–Legendre panels resolve P_l's oscillations (at
    /// most ~1 radian/(l+1) wide), end at θ = π/2 (where |t| has its kink), and are graded
    /// geometrically toward θ = 0 and π for whatever remains singular there.
    public func eigenvalues(_ k: (Double) -> Double) -> [Double] {
        let rule = GaussLegendre.standard
        let width = Swift.min(Double.pi / 8, 4.0 / Double(maximumDegree + 1))
        var edges: [Double] = [0]
        // Graded toward 0: π·2^−40 … (the first regular panel).
        for power in stride(from: 40, through: 1, by: -1) { edges.append(width * Double.pow(2, -power)) }
        var theta = width
        while theta < Double.pi / 2 - 1e-12 {
            edges.append(theta)
            theta += width
        }
        let half = edges + [Double.pi / 2]
        let all = half + half.reversed().dropFirst().map { Double.pi - $0 }
        var sums = [Double](repeating: 0, count: maximumDegree + 1)
        let d = Double(dimension)
        for (a, b) in zip(all, all.dropFirst()) where b > a {
            let center = 0.5 * (a + b), halfWidth = 0.5 * (b - a)
            for (x, w) in zip(rule.nodes, rule.weights) {
                let theta = center + halfWidth * x
                let t = Double.cos(theta)
                let weight = w * halfWidth * Double.pow(Double.sin(theta), d - 2) * k(t)
                // P_0 = 1, P_1 = t, (l + d − 2) P_(l+1) = (2l + d − 2) t P_l − l P_(l−1).
                var previous = 1.0, current = t
                sums[0] += weight
                if maximumDegree >= 1 { sums[1] += weight * t }
                if maximumDegree >= 2 {
                    for l in 1..<maximumDegree {
                        let l = Double(l)
                        let next = ((2 * l + d - 2) * t * current - l * previous) / (l + d - 2)
                        previous = current
                        current = next
                        sums[Int(l) + 1] += weight * current
                    }
                }
            }
        }
        let c = normalisation
        return sums.map { $0 * c }
    }
}
