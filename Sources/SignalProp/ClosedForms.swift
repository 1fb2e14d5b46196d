import RealModule

/// Gaussian expectations in closed form, written to keep full precision where the textbook form
/// cancels (near c = ±1, for large or small q). Sources: Cho & Saul 2009 (arc-cosine kernels),
/// Williams 1997 (the arcsine kernel of erf); the sin and hardtanh forms follow from
/// E[cos(az)] = e^(−a²/2) and from integrating the Gaussian piecewise.
enum ClosedForms {
    static func single(_ activation: Activation, q: Double) -> SingleMoments? {
        if let (a, b) = activation.homogeneousSlopes { return homogeneousSingle(a, b, q: q) }
        switch activation {
        case .erf:
            let r = (1 + 4 * q).squareRoot()
            return SingleMoments(
                valueSquared: 2 / Double.pi * Double.atan2(y: 2 * q, x: r),
                slopeSquared: 4 / Double.pi / r,
                lengthSlope: 4 / Double.pi / ((1 + 2 * q) * r),
                slopeFourth: 16 / (Double.pi * Double.pi) / (1 + 8 * q).squareRoot())
        case .sin:
            let e2 = Double.exp(-2 * q)
            return SingleMoments(
                valueSquared: -Double.expMinusOne(-2 * q) / 2,
                slopeSquared: (1 + e2) / 2,
                lengthSlope: e2,
                slopeFourth: (3 + 4 * e2 + Double.exp(-8 * q)) / 8)
        case .hardtanh:
            // With a = 1/√q: φ(u)² = q z² on |z| < a and 1 outside; φ' is the indicator of |z| < a.
            let a = 1 / q.squareRoot()
            let inside = Double.erf(a / 2.0.squareRoot())
            let outside = Double.erfc(a / 2.0.squareRoot())
            let secondMoment = truncatedSecondMoment(a)
            return SingleMoments(
                valueSquared: q * secondMoment + outside, slopeSquared: inside,
                lengthSlope: secondMoment, slopeFourth: inside)
        default:
            return nil
        }
    }

    /// φ(x) = a·x for x > 0 and b·x for x < 0.
    static func homogeneousSingle(_ a: Double, _ b: Double, q: Double) -> SingleMoments {
        let slope2 = (a * a + b * b) / 2
        return SingleMoments(
            valueSquared: q * slope2, slopeSquared: slope2, lengthSlope: slope2,
            slopeFourth: (a * a * a * a + b * b * b * b) / 2)
    }

    /// E[z²; |z| < a] = erf(a/√2) − 2aφ(a), by its Taylor series where that difference cancels.
    static func truncatedSecondMoment(_ a: Double) -> Double {
        let density = Double.exp(-a * a / 2) / (2 * Double.pi).squareRoot()
        guard a < 1 else { return Double.erf(a / 2.0.squareRoot()) - 2 * a * density }
        // 2φ(0) Σ_k (−1)^k a^(2k+3) / (2^k k! (2k+3)); the terms fall by a²/2k.
        var sum = 0.0, term = a * a * a
        for k in 0..<40 {
            let contribution = term / Double(2 * k + 3)
            sum += contribution
            if Swift.abs(contribution) < 1e-18 * Swift.abs(sum) { break }
            term *= -a * a / (2 * Double(k + 1))
        }
        return 2 * sum / (2 * Double.pi).squareRoot()
    }

    /// φ(x) = a·x for x > 0 and b·x for x < 0, i.e. a·relu(x) − b·relu(−x); κ₁ and κ₀ are the
    /// arc-cosine kernels of degree 1 and 0, with θ = arccos c taken from atan2 so that it stays
    /// accurate near c = ±1.
    static func homogeneousPair(_ a: Double, _ b: Double, q1: Double, q2: Double, c: Double) -> PairMoments {
        let s = ((1 - c) * (1 + c)).squareRoot()
        let theta = Double.atan2(y: s, x: c)
        let kappa1 = (s + (Double.pi - theta) * c) / (2 * Double.pi)
        let kappa1Opposite = (s - theta * c) / (2 * Double.pi)
        let kappa0 = (Double.pi - theta) / (2 * Double.pi)
        let kappa0Opposite = theta / (2 * Double.pi)
        return PairMoments(
            product: q1.squareRoot() * q2.squareRoot() * ((a * a + b * b) * kappa1 - 2 * a * b * kappa1Opposite),
            slopeProduct: (a * a + b * b) * kappa0 + 2 * a * b * kappa0Opposite)
    }

    static func pair(_ activation: Activation, q1: Double, q2: Double, c: Double) -> PairMoments? {
        let s = ((1 - c) * (1 + c)).squareRoot()
        let scale = q1.squareRoot() * q2.squareRoot()
        if let (a, b) = activation.homogeneousSlopes {
            return homogeneousPair(a, b, q1: q1, q2: q2, c: c)
        }
        switch activation {
        case .erf:
            // det(I + 2Σ) = 1 + 2q₁ + 2q₂ + 4q₁q₂(1 − c²).
            let determinant = 1 + 2 * q1 + 2 * q2 + 4 * q1 * q2 * s * s
            let root = determinant.squareRoot()
            return PairMoments(
                product: 2 / Double.pi * Double.atan2(y: 2 * c * scale, x: root),
                slopeProduct: 4 / Double.pi / root)
        case .sin:
            // E[sin u sin v] = (e^(−Var(u−v)/2) − e^(−Var(u+v)/2))/2, cos with a plus.
            let spread = (q1.squareRoot() - q2.squareRoot()) * (q1.squareRoot() - q2.squareRoot())
            let difference = (spread + 2 * scale * (1 - c)) / 2
            let sum = (spread + 2 * scale * (1 + c)) / 2
            let near = Double.exp(-difference)
            return PairMoments(
                product: -near * Double.expMinusOne(difference - sum) / 2,
                slopeProduct: (near + Double.exp(-sum)) / 2)
        default:
            return nil
        }
    }
}
