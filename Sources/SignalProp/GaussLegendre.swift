import RealModule

/// The n-point Gauss–Legendre rule on [−1, 1]: exact for polynomials of degree 2n − 1, and for
/// a function analytic inside the Bernstein ellipse E_ρ (foci ±1, semi-axes summing to ρ) and
/// bounded there by M, its error is at most (64/15)·M·ρ^(−2n)/(ρ² − 1) (Trefethen, *Approximation
/// Theory and Approximation Practice*, Theorem 19.3).
public struct GaussLegendre: Sendable {
    public let nodes: [Double]
    public let weights: [Double]

    public var count: Int { nodes.count }

    /// Nodes by Newton's method on P_n from Tricomi's initial guesses, weights from P_n'; both
    /// to within a few ulps for the n used here.
    public init(points n: Int) {
        precondition(n >= 1)
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in 0..<(n + 1) / 2 {
            var x = Double.cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                let (p, dp) = Self.legendre(n, at: x)
                let step = p / dp
                x -= step
                derivative = dp
                if Swift.abs(step) <= 1e-17 { break }
            }
            derivative = Self.legendre(n, at: x).derivative
            let weight = 2 / ((1 - x * x) * derivative * derivative)
            nodes[i] = -x
            nodes[n - 1 - i] = x
            weights[i] = weight
            weights[n - 1 - i] = weight
        }
        if n % 2 == 1 { nodes[n / 2] = 0 }
        self.nodes = nodes
        self.weights = weights
    }

    /// P_n(x) and P_n'(x) by the three-term recurrence.
    static func legendre(_ n: Int, at x: Double) -> (value: Double, derivative: Double) {
        var previous = 1.0, current = x
        if n == 0 { return (1, 0) }
        for k in 2...Swift.max(n, 2) where k <= n {
            let next = (Double(2 * k - 1) * x * current - Double(k - 1) * previous) / Double(k)
            previous = current
            current = next
        }
        let derivative = Double(n) * (x * current - previous) / (x * x - 1)
        return (current, derivative)
    }

    /// The rule used by every Gaussian expectation here (see `PanelPlan` for why 20 points).
    public static let standard = GaussLegendre(points: 20)
    /// A rule of twice the degree, for self-checks of the standard one.
    public static let reference = GaussLegendre(points: 40)
}
