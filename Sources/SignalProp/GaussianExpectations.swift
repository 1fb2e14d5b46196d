import RealModule

/// Gaussian expectations of one pre-activation u = √q z.
public struct SingleMoments: Sendable, Equatable {
    /// E[φ(u)²], the length map's integral V(q).
    public var valueSquared: Double
    /// E[φ'(u)²]: χ₁ = σw²·this, and μ₁ of the Jacobian spectrum.
    public var slopeSquared: Double
    /// dV/dq = E[z φ(u) φ'(u)]/√q (Stein's form, valid for kinked φ too).
    public var lengthSlope: Double
    /// E[φ'(u)⁴], μ₂ of the Jacobian spectrum.
    public var slopeFourth: Double

    public init(valueSquared: Double, slopeSquared: Double, lengthSlope: Double, slopeFourth: Double) {
        self.valueSquared = valueSquared
        self.slopeSquared = slopeSquared
        self.lengthSlope = lengthSlope
        self.slopeFourth = slopeFourth
    }
}

/// Gaussian expectations of a correlated pair (u₁, u₂) with variances q₁, q₂ and correlation c.
public struct PairMoments: Sendable, Equatable {
    /// E[φ(u₁)φ(u₂)].
    public var product: Double
    /// E[φ'(u₁)φ'(u₂)] (by Price's theorem, d/dΣ₁₂ of `product`).
    public var slopeProduct: Double

    public init(product: Double, slopeProduct: Double) {
        self.product = product
        self.slopeProduct = slopeProduct
    }
}

/// The one engine behind every calculator: Gaussian expectations of φ and φ', by closed form
/// where one exists and by panelled quadrature (`GaussianQuadrature`) otherwise.
public struct GaussianExpectations: Sendable {
    public enum Method: Sendable {
        /// Closed forms where they exist, quadrature for the rest.
        case automatic
        /// Quadrature always (to test the closed forms against, and vice versa).
        case quadrature
    }

    public let activation: Activation
    public let method: Method
    public let quadrature: GaussianQuadrature

    public init(_ activation: Activation, method: Method = .automatic, rule: GaussLegendre = .standard) {
        self.activation = activation
        self.method = method
        self.quadrature = GaussianQuadrature(rule: rule)
    }

    /// Above this variance an unbounded φ is its linear asymptotes φ∞ to double precision: the
    /// difference φ − φ∞ (integrable for softplus, gelu, swish; tending to a constant for elu and
    /// selu) changes every moment by O(1/√q) relative, below 1e-17 here; and quadrature at such
    /// q would need ~log₂√q levels of panels.
    static let asymptoticVariance = 1e34

    /// Whether pairs (and single variables) come from closed forms rather than quadrature.
    var usesClosedForms: Bool {
        method == .automatic && ClosedForms.pair(activation, q1: 1, q2: 1, c: 0.5) != nil
    }

    // MARK: - One variable

    /// Moments of u = √q z, q ≥ 0.
    public func single(q: Double) -> SingleMoments {
        precondition(q >= 0, "variance must be non-negative")
        if q == 0 { return limitAtZero() }
        if method == .automatic, let exact = ClosedForms.single(activation, q: q) { return exact }
        if q >= Self.asymptoticVariance, let (a, b) = activation.asymptoticSlopes {
            return ClosedForms.homogeneousSingle(a, b, q: q)
        }
        return singleByQuadrature(q: q)
    }

    /// The q → 0 limits (φ kinked at 0 contributes the mean of its one-sided slopes).
    private func limitAtZero() -> SingleMoments {
        let slope2 = activation.slopePowerAtZero(1)
        let phi0 = activation.valueAtZero
        return SingleMoments(
            valueSquared: phi0 * phi0,
            slopeSquared: slope2,
            // dV/dq(0) = E[(φ²)''(0)]/2 = φ'(0)² + φ(0)φ''(0) (Stein), with the one-sided
            // mean for φ kinked at 0 (where φ(0) = 0).
            lengthSlope: slope2 + phi0 * activation.curvatureAtZero,
            slopeFourth: activation.slopePowerAtZero(2))
    }

    func singleByQuadrature(q: Double) -> SingleMoments {
        let root = q.squareRoot()
        var plan = PanelPlan()
        plan.add(activation, mean: 0, scale: root)
        let phi = activation
        let sums = quadrature.expectation(plan) { z -> SIMD4<Double> in
            let (value, slope) = phi.evaluate(root * z)
            let slope2 = slope * slope
            return SIMD4(value * value, slope2, z * value * slope, slope2 * slope2)
        }
        return SingleMoments(
            valueSquared: sums[0], slopeSquared: sums[1], lengthSlope: sums[2] / root, slopeFourth: sums[3])
    }

    /// E[φ(m + τz)] and E[φ'(m + τz)]: a Gaussian smoothing of φ, the inner integral of `pair`.
    func smoothed(mean m: Double, scale tau: Double) -> SIMD2<Double> {
        if tau == 0 {
            let (value, slope) = activation.evaluate(m)
            return SIMD2(value, slope)
        }
        var plan = PanelPlan()
        plan.add(activation, mean: m, scale: tau)
        let phi = activation
        return quadrature.expectation(plan) { z -> SIMD2<Double> in
            let (value, slope) = phi.evaluate(m + tau * z)
            return SIMD2(value, slope)
        }
    }

    // MARK: - Two variables

    /// Moments of (u₁, u₂) with Var u₁ = q₁, Var u₂ = q₂, corr = c ∈ [−1, 1]. Taking c rather
    /// than the covariance keeps 1 − c² exact near c = ±1. A correlation computed as a ratio
    /// may exceed 1 by rounding; up to 1e-12 beyond ±1 it is clamped.
    public func pair(q1: Double, q2: Double, c: Double) -> PairMoments {
        precondition(q1 >= 0 && q2 >= 0 && Swift.abs(c) <= 1 + 1e-12, "not a covariance")
        let c = Swift.min(Swift.max(c, -1), 1)
        if q1 == 0 || q2 == 0 { return degeneratePair(q1: q1, q2: q2) }
        if method == .automatic, let exact = ClosedForms.pair(activation, q1: q1, q2: q2, c: c) { return exact }
        if Swift.min(q1, q2) >= Self.asymptoticVariance, let (a, b) = activation.asymptoticSlopes {
            return ClosedForms.homogeneousPair(a, b, q1: q1, q2: q2, c: c)
        }
        return pairByQuadrature(q1: q1, q2: q2, c: c)
    }

    /// One variance zero: that variable is the constant 0.
    private func degeneratePair(q1: Double, q2: Double) -> PairMoments {
        let zero = activation.evaluate(0)
        let mean = smoothed(mean: 0, scale: Swift.max(q1, q2).squareRoot())
        return PairMoments(product: zero.value * mean[0], slopeProduct: zero.slope * mean[1])
    }

    /// u₁ = √q₁ z₁, u₂ = ρz₁ + τz₂ with ρ = c√q₂, τ = √(q₂(1 − c²)): the outer integral over z₁
    /// of φ(u₁) times the Gaussian smoothing of φ at mean ρz₁ and scale τ.
    func pairByQuadrature(q1: Double, q2: Double, c: Double) -> PairMoments {
        let root1 = q1.squareRoot(), root2 = q2.squareRoot()
        let rho = c * root2
        let tau = root2 * ((1 - c) * (1 + c)).squareRoot()
        var plan = PanelPlan()
        plan.add(activation, mean: 0, scale: root1)
        if rho != 0 {
            plan.addSmoothed(activation, slope: rho, smoothing: tau / Swift.abs(rho))
        }
        let phi = activation
        let sums = quadrature.expectation(plan) { z -> SIMD2<Double> in
            let (value, slope) = phi.evaluate(root1 * z)
            let inner = smoothed(mean: rho * z, scale: tau)
            return SIMD2(value * inner[0], slope * inner[1])
        }
        return PairMoments(product: sums[0], slopeProduct: sums[1])
    }
}
