import RealModule

/// Expectations over a standard normal z, ∫ f(z) e^(−z²/2)/√(2π) dz, by composite Gauss–Legendre
/// on panels laid out for the integrand.
///
/// **Why this converges to ~1e-15** (the full argument is in docs/calculators.md):
/// - The tails beyond |z| = 10 weigh less than 1e-22 (times the integrand's polynomial growth).
/// - Panels end exactly at every kink of the integrand, so each panel's integrand is analytic.
/// - A panel is accepted only if it is at most 2 wide (the Gaussian's own scale) and, for every
///   singularity at imaginary distance d from a real point c, at most `ratio·max(d, gap)` wide,
///   where gap is the panel's distance from c. That keeps the Bernstein ellipse of parameter
///   ρ ≈ 3 clear of the singularity, so the 20-point rule errs by at most ~(64/15)·M·3^(−40) ≈
///   1e-18·M per panel. Bisection produces exactly the geometric grading toward c this needs.
///
/// Tests check the result against closed forms, against the 40-point rule on half-size
/// panels, and against the identities of the mean-field theory.
public struct PanelPlan {
    /// A point the integrand is not analytic near: panels are graded toward `center` down to
    /// the scale `distance`.
    struct Focus {
        var center: Double
        var distance: Double
        var ratio: Double
    }

    /// Where the Gaussian weight is cut off; e^(−50) z^k is below 1e-19 for the k here.
    static let cutoff = 10.0
    /// The widest panel the Gaussian weight alone allows with 20 points: on a panel of width
    /// 4 centred at x₀, e^(−z²/2) is at most e^(b²/2 − (x₀ − a)²/2)·e^(−x₀²/2)… ≤ 35× its size on
    /// the axis over the ellipse ρ = 3 (semi-axes a = 3.33, b = 2.67), so the error is ~1e-18.
    static let gaussianWidth = 4.0

    var breakpoints: [Double] = []
    var foci: [Focus] = []
    var maximumWidth: Double = gaussianWidth

    /// The plan for g(m + τz), g = φ or φ': kinks are breakpoints, singularities are foci.
    mutating func add(_ activation: Activation, mean m: Double, scale tau: Double) {
        guard tau > 0 else { return }
        for kink in activation.kinks {
            breakpoints.append((kink - m) / tau)
        }
        if let (center, distance) = activation.singularity {
            foci.append(Focus(center: (center - m) / tau, distance: distance / tau, ratio: 1))
        }
        if let width = activation.maximumPanelWidth {
            maximumWidth = Swift.min(maximumWidth, width / tau)
        }
    }

    /// The plan for G(z) = E[g(ρz + τZ)], a Gaussian smoothing of g = φ or φ' (`smoothing` is
    /// τ/|ρ|). G is analytic in g's singular strip scaled by 1/|ρ|; at g's kinks it is rounded
    /// over the smoothing scale, and analytic only in a cone around the real axis there, hence
    /// the finer ratio. Without smoothing the kinks are exact breakpoints.
    mutating func addSmoothed(_ activation: Activation, slope rho: Double, smoothing: Double) {
        for kink in activation.kinks {
            if smoothing == 0 {
                breakpoints.append(kink / rho)
            } else {
                foci.append(Focus(center: kink / rho, distance: smoothing, ratio: 0.5))
            }
        }
        if let (center, distance) = activation.singularity {
            foci.append(Focus(center: center / rho, distance: distance / Swift.abs(rho), ratio: 1))
        }
        if let width = activation.maximumPanelWidth {
            maximumWidth = Swift.min(maximumWidth, width / Swift.abs(rho))
        }
    }

    /// Whether the 20-point rule is accurate on [a, b].
    @inline(__always)
    func accepts(_ a: Double, _ b: Double) -> Bool {
        let width = b - a
        if width > maximumWidth { return false }
        for focus in foci {
            let gap = focus.center < a ? a - focus.center : (focus.center > b ? focus.center - b : 0)
            if width > focus.ratio * Swift.max(focus.distance, gap) { return false }
        }
        return true
    }
}

public struct GaussianQuadrature: Sendable {
    public let rule: GaussLegendre
    /// The nodes and full weights (Gauss–Legendre weight × half-width × Gaussian density) of the
    /// panels a plan with no kinks or binding singularities gets: precomputed, since most
    /// inner integrals of a pair are of that kind.
    private let plain: (nodes: [Double], weights: [Double], panels: [(Double, Double)])

    public init(rule: GaussLegendre = .standard) {
        self.rule = rule
        var panels: [(Double, Double)] = []
        Self.subdivide(-PanelPlan.cutoff, PanelPlan.cutoff, PanelPlan(), into: &panels)
        var nodes: [Double] = [], weights: [Double] = []
        for (a, b) in panels {
            let half = 0.5 * (b - a), center = 0.5 * (a + b)
            for (x, w) in zip(rule.nodes, rule.weights) {
                let z = center + half * x
                nodes.append(z)
                weights.append(w * half * Double.exp(-0.5 * z * z) * Self.normalization)
            }
        }
        plain = (nodes, weights, panels)
    }

    static let normalization = 1 / (2 * Double.pi).squareRoot()

    /// E[f(z)] for z standard normal, on the panels `plan` describes.
    @inline(__always)
    func expectation<V: SIMD>(_ plan: PanelPlan, _ f: (Double) -> V) -> V where V.Scalar == Double {
        let cutoff = PanelPlan.cutoff
        if isPlain(plan) {
            var total = V()
            let nodes = plain.nodes, weights = plain.weights
            for i in 0..<nodes.count { total += weights[i] * f(nodes[i]) }
            return total
        }
        var edges = plan.breakpoints.filter { $0 > -cutoff && $0 < cutoff }
        edges.sort()
        edges.append(cutoff)
        var total = V()
        var start = -cutoff
        for edge in edges where edge > start {
            total += integrate(start, edge, plan, f)
            start = edge
        }
        return total * Self.normalization
    }

    /// Whether `plan` accepts the plain panels as they are.
    @inline(__always)
    private func isPlain(_ plan: PanelPlan) -> Bool {
        let cutoff = PanelPlan.cutoff
        for point in plan.breakpoints where point > -cutoff && point < cutoff { return false }
        for (a, b) in plain.panels where !plan.accepts(a, b) { return false }
        return true
    }

    /// The panels the plan accepts, by bisection of [a, b].
    private static func subdivide(_ a: Double, _ b: Double, _ plan: PanelPlan, into panels: inout [(Double, Double)]) {
        let middle = 0.5 * (a + b)
        if !plan.accepts(a, b), middle > a, middle < b {
            subdivide(a, middle, plan, into: &panels)
            subdivide(middle, b, plan, into: &panels)
        } else {
            panels.append((a, b))
        }
    }

    /// ∫_a^b f(z) e^(−z²/2) dz, bisecting until the plan accepts each panel.
    private func integrate<V: SIMD>(
        _ a: Double, _ b: Double, _ plan: PanelPlan, _ f: (Double) -> V
    ) -> V where V.Scalar == Double {
        if !plan.accepts(a, b) {
            let middle = 0.5 * (a + b)
            if middle > a && middle < b {
                return integrate(a, middle, plan, f) + integrate(middle, b, plan, f)
            }
        }
        let half = 0.5 * (b - a), center = 0.5 * (a + b)
        var sum = V()
        let nodes = rule.nodes, weights = rule.weights
        for i in 0..<nodes.count {
            let z = center + half * nodes[i]
            sum += (weights[i] * Double.exp(-0.5 * z * z)) * f(z)
        }
        return sum * half
    }
}
