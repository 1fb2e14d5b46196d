import RealModule

/// A pointwise nonlinearity φ, with what the quadrature needs to know about it: where it or its
/// slope is not smooth, and how close to the real axis its complex singularities come.
public enum Activation: Sendable, Hashable {
    case linear
    case relu
    case leakyReLU(alpha: Double)
    case abs
    case erf
    case tanh
    case hardtanh
    case sigmoid
    case softplus
    case elu(alpha: Double)
    case selu
    case gelu
    case swish
    case sin

    /// The names the command line accepts, in the order the spec lists them.
    public static let names = [
        "linear", "relu", "leaky_relu", "abs", "erf", "tanh", "hardtanh", "sigmoid", "softplus",
        "elu", "selu", "gelu", "swish", "sin",
    ]

    /// The defaults of the parameterised activations (`--alpha`).
    public static let defaultLeakyAlpha = 0.01
    public static let defaultELUAlpha = 1.0

    /// SELU's constants (Klambauer et al. 2017), to the digits PyTorch and JAX use.
    public static let seluAlpha = 1.6732632423543772848170429916717
    public static let seluScale = 1.0507009873554804934193349852946

    /// Looks a name up (`silu` is an alias of `swish`); `alpha` is used by leaky_relu and elu
    /// only and defaults to their usual values. Returns nil for an unknown name.
    public init?(name: String, alpha: Double? = nil) {
        switch name {
        case "linear": self = .linear
        case "relu": self = .relu
        case "leaky_relu": self = .leakyReLU(alpha: alpha ?? Self.defaultLeakyAlpha)
        case "abs": self = .abs
        case "erf": self = .erf
        case "tanh": self = .tanh
        case "hardtanh": self = .hardtanh
        case "sigmoid": self = .sigmoid
        case "softplus": self = .softplus
        case "elu": self = .elu(alpha: alpha ?? Self.defaultELUAlpha)
        case "selu": self = .selu
        case "gelu": self = .gelu
        case "swish", "silu": self = .swish
        case "sin": self = .sin
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .linear: "linear"
        case .relu: "relu"
        case .leakyReLU: "leaky_relu"
        case .abs: "abs"
        case .erf: "erf"
        case .tanh: "tanh"
        case .hardtanh: "hardtanh"
        case .sigmoid: "sigmoid"
        case .softplus: "softplus"
        case .elu: "elu"
        case .selu: "selu"
        case .gelu: "gelu"
        case .swish: "swish"
        case .sin: "sin"
        }
    }

    /// The `--alpha` this activation uses, or nil if it takes none.
    public var alpha: Double? {
        switch self {
        case .leakyReLU(let alpha), .elu(let alpha): alpha
        default: nil
        }
    }

    /// φ(x) and φ'(x) together (one transcendental call where the two share one). At a kink
    /// the slope is the right-hand one; quadrature never samples a kink.
    @inline(__always)
    public func evaluate(_ x: Double) -> (value: Double, slope: Double) {
        switch self {
        case .linear:
            return (x, 1)
        case .relu:
            return x > 0 ? (x, 1) : (0, 0)
        case .leakyReLU(let alpha):
            return x > 0 ? (x, 1) : (alpha * x, alpha)
        case .abs:
            return x >= 0 ? (x, 1) : (-x, -1)
        case .erf:
            return (Double.erf(x), 2 / Double.pi.squareRoot() * Double.exp(-x * x))
        case .tanh:
            // With m = expm1(−2|x|): tanh|x| = −m/(2+m), sech²x = 4(1+m)/(2+m)², both accurate
            // for every x from one call.
            let m = Double.expMinusOne(-2 * Swift.abs(x))
            let t = -m / (2 + m)
            return (x < 0 ? -t : t, 4 * (1 + m) / ((2 + m) * (2 + m)))
        case .hardtanh:
            if x > 1 { return (1, 0) }
            if x < -1 { return (-1, 0) }
            return (x, 1)
        case .sigmoid:
            let (s, complement) = Self.logistic(x)
            return (s, s * complement)
        case .softplus:
            let (s, _) = Self.logistic(x)
            return (Swift.max(x, 0) + Double.log(onePlus: Double.exp(-Swift.abs(x))), s)
        case .elu(let alpha):
            return x > 0 ? (x, 1) : (alpha * Double.expMinusOne(x), alpha * Double.exp(x))
        case .selu:
            let scale = Self.seluScale, alpha = Self.seluAlpha
            return x > 0 ? (scale * x, scale) : (scale * alpha * Double.expMinusOne(x), scale * alpha * Double.exp(x))
        case .gelu:
            let cdf = 0.5 * Double.erfc(-x / 2.0.squareRoot())
            let density = Double.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
            return (x * cdf, cdf + x * density)
        case .swish:
            let (s, complement) = Self.logistic(x)
            return (x * s, s + x * s * complement)
        case .sin:
            return (Double.sin(x), Double.cos(x))
        }
    }

    /// σ(x) and 1 − σ(x), each to full relative precision.
    @inline(__always)
    static func logistic(_ x: Double) -> (Double, Double) {
        let e = Double.exp(-Swift.abs(x))
        let big = 1 / (1 + e), small = e / (1 + e)
        return x >= 0 ? (big, small) : (small, big)
    }

    // MARK: - Structure the quadrature needs

    /// Points where φ or φ' is not analytic (a jump in φ' or in a higher derivative). Each
    /// piece between them is analytic, so panels split exactly there.
    public var kinks: [Double] {
        switch self {
        case .relu, .leakyReLU, .abs, .elu, .selu: [0]
        case .hardtanh: [-1, 1]
        default: []
        }
    }

    /// Where panels must be graded toward, as (real centre, scale): for tanh, sigmoid, softplus
    /// and swish the nearest complex singularity of φ and φ' (its real part and its distance from
    /// the real axis); for erf and gelu, entire but growing like exp(y²) off the axis, the strip
    /// where that growth stays moderate; for elu and selu, the scale of e^x on the negative side
    /// (whose variation a panel wider than ~10 in x no longer resolves with 20 points). Panels
    /// are at most about `max(scale, distance from the centre)` wide.
    var singularity: (center: Double, distance: Double)? {
        switch self {
        case .tanh: (0, Double.pi / 2)
        case .sigmoid, .softplus, .swish: (0, Double.pi)
        case .erf: (0, 1.5)
        case .gelu: (0, 2)
        case .elu, .selu: (0, 5)
        default: nil
        }
    }

    /// The widest panel (in x) on which φ can be integrated to full precision for reasons other
    /// than singularities: sin oscillates.
    var maximumPanelWidth: Double? {
        switch self {
        case .sin: 1.5
        default: nil
        }
    }

    // MARK: - Limits

    /// φ'(+∞) and φ'(−∞) for activations that grow linearly (nil for bounded ones).
    public var asymptoticSlopes: (positive: Double, negative: Double)? {
        switch self {
        case .linear: (1, 1)
        case .relu, .softplus, .gelu, .swish: (1, 0)
        case .leakyReLU(let alpha): (1, alpha)
        case .abs: (1, -1)
        case .elu: (1, 0)
        case .selu: (Self.seluScale, 0)
        case .erf, .tanh, .hardtanh, .sigmoid, .sin: nil
        }
    }

    /// The slopes of a piecewise-linear φ that is positively homogeneous (φ(λx) = λφ(x) for
    /// λ > 0): φ(x) = a₊x for x > 0 and a₋x for x < 0. Their Gaussian expectations are closed
    /// forms in q (the arc-cosine kernels).
    public var homogeneousSlopes: (positive: Double, negative: Double)? {
        switch self {
        case .linear: (1, 1)
        case .relu: (1, 0)
        case .leakyReLU(let alpha): (1, alpha)
        case .abs: (1, -1)
        default: nil
        }
    }

    /// φ(0).
    public var valueAtZero: Double { evaluate(0).value }

    /// φ''(0) where it matters, i.e. where φ(0) ≠ 0 (sigmoid: σ'' = σ(1−σ)(1−2σ) = 0 at 0;
    /// softplus: φ'' = σ' = 1/4 at 0); 0 for the others, whose φ(0) = 0.
    var curvatureAtZero: Double {
        switch self {
        case .softplus: 0.25
        default: 0
        }
    }

    /// The q → 0 limit of E[φ'(√q z)^(2k)]: φ'(0)^(2k), or for φ kinked at 0 the mean of the
    /// two one-sided values.
    public func slopePowerAtZero(_ k: Int) -> Double {
        let right = evaluate(Double.leastNonzeroMagnitude).slope
        let left = evaluate(-Double.leastNonzeroMagnitude).slope
        return (Double.pow(right, 2 * k) + Double.pow(left, 2 * k)) / 2
    }

    /// Whether φ is bounded (then the length map is bounded and q* finite).
    public var isBounded: Bool { asymptoticSlopes == nil }
}
