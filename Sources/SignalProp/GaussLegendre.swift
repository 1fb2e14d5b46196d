import RealModule

/// The n-point Gauss–Legendre rule on [−1, 1]: exact for polynomials of degree 2n − 1, and for
/// a function analytic inside the Bernstein ellipse E_ρ (foci ±1, semi-axes summing to ρ) and
/// bounded there by M, its error is at most (64/15)·M·ρ^(−2n)/(ρ² − 1) (Trefethen, *Approximation
/// Theory and Approximation Practice*, Theorem 19.3).
public struct GaussLegendre: Sendable {
    public let nodes: [Double]
    public let weights: [Double]

    public var count: Int { nodes.count }

    /// Nodes by Newton's method on P_n from Tricomi's initial guesses, weights from P_n', both in
    /// 80-bit extended precision where the machine has it (x86) and then rounded: the weight
    /// formula's 1 − x² and the recurrence lose a few bits near ±1, which doubles would keep.
    public init(points n: Int) {
        precondition(n >= 1)
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in 0..<(n + 1) / 2 {
            var x = Wide(Double.cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5)))
            for _ in 0..<100 {
                let (p, dp) = Self.legendre(n, at: x)
                let step = p / dp
                x -= step
                if Swift.abs(step) <= Wide.ulpOfOne * 4 { break }
            }
            let derivative = Self.legendre(n, at: x).derivative
            let weight = Double(2 / ((1 - x * x) * derivative * derivative))
            nodes[i] = -Double(x)
            nodes[n - 1 - i] = Double(x)
            weights[i] = weight
            weights[n - 1 - i] = weight
        }
        if n % 2 == 1 { nodes[n / 2] = 0 }
        self.nodes = nodes
        self.weights = weights
    }

    #if arch(x86_64) || arch(i386)
    typealias Wide = Float80
    #else
    typealias Wide = Double
    #endif

    /// P_n(x) and P_n'(x) by the three-term recurrence.
    static func legendre(_ n: Int, at x: Wide) -> (value: Wide, derivative: Wide) {
        if n == 0 { return (1, 0) }
        var previous: Wide = 1, current = x
        if n >= 2 {
            for k in 2...n {
                let next = (Wide(2 * k - 1) * x * current - Wide(k - 1) * previous) / Wide(k)
                previous = current
                current = next
            }
        }
        let derivative = Wide(n) * (x * current - previous) / (x * x - 1)
        return (current, derivative)
    }

    /// The rule used by every Gaussian expectation here (see `PanelPlan` for why 20 points).
    public static let standard = GaussLegendre(points: 20)
    /// A rule of twice the degree, for self-checks of the standard one.
    public static let reference = GaussLegendre(points: 40)
}
