import RealModule

/// The inputs of a mean-field calculation (Poole et al. 2016, Schoenholz et al. 2017).
public struct MeanFieldParameters: Sendable, Equatable {
    public var activation: Activation
    public var sw2: Double
    public var sb2: Double
    public var q0: Double = 1
    public var c0: Double = 0.5
    /// |χ₁ − 1| ≤ tolerance counts as critical.
    public var tolerance: Double = 1e-8

    public init(activation: Activation, sw2: Double, sb2: Double, q0: Double = 1, c0: Double = 0.5, tolerance: Double = 1e-8) {
        self.activation = activation
        self.sw2 = sw2
        self.sb2 = sb2
        self.q0 = q0
        self.c0 = c0
        self.tolerance = tolerance
    }
}

public enum Phase: String, Sendable {
    case ordered, critical, chaotic

    /// `ordered` if χ₁ < 1 − tol, `chaotic` if χ₁ > 1 + tol, else `critical`.
    public init(chi1: Double, tolerance: Double) {
        if chi1 < 1 - tolerance {
            self = .ordered
        } else if chi1 > 1 + tolerance {
            self = .chaotic
        } else {
            self = .critical
        }
    }
}

public enum MeanFieldFlag: String, Sendable {
    case diverges
    case qstarZero = "qstar_zero"
    case q0IsFixedPoint = "q0_is_fixed_point"
}

/// The moments of the input–output Jacobian's JJᵀ after `depth` layers (Pennington et al.
/// 2017): mean χ₁^L and variance χ₁^(2L)·L·(μ₂/μ₁² − 1 − s₁), s₁ = 0 for orthogonal and −1 for
/// Gaussian weights. (Free multiplicative convolution adds the layers' normalised variances;
/// at criticality χ₁ = 1 this is the paper's L·(μ₂/μ₁² − 1 − s₁).)
public struct JacobianMoments: Sendable, Equatable {
    public var mu1: Double
    public var mu2: Double
    public var depth: Int
    public var mean: Double
    public var varianceOrthogonal: Double
    public var varianceGaussian: Double

    public init(mu1: Double, mu2: Double, chi1: Double, depth: Int) {
        self.mu1 = mu1
        self.mu2 = mu2
        self.depth = depth
        let L = Double(depth)
        mean = Double.pow(chi1, L)
        let spread = mu2 / (mu1 * mu1)
        varianceOrthogonal = Double.pow(chi1, 2 * L) * L * (spread - 1)
        varianceGaussian = Double.pow(chi1, 2 * L) * L * spread
    }
}

/// Everything `trellis calc meanfield` reports. Undefined values are nil; +∞ is `.infinity`.
public struct MeanFieldResult: Sendable {
    public var parameters: MeanFieldParameters
    public var fixedPoint: LengthFixedPoint
    public var qstar: Double
    public var chi1: Double
    public var cstar: Double?
    public var chiC: Double?
    public var dFdq: Double
    public var xiQ: Double?
    public var xiC: Double?
    public var xiGrad: Double?
    public var qLayers: Int?
    public var cLayers: Int?
    public var phase: Phase
    public var flags: [MeanFieldFlag]
    public var jacobian: JacobianMoments?
}

/// The mean-field calculator: fixed points, slopes, depth scales and layer counts.
public struct MeanField: Sendable {
    public let parameters: MeanFieldParameters
    public let expectations: GaussianExpectations

    /// Layer counts give up (and report null) after this many layers.
    public static let maximumLayers = 10_000
    /// The layer counts' thresholds: |q_l − q*| ≤ 1e-6·q*, |c_l − c*| ≤ 1e-6.
    public static let layerThreshold = 1e-6

    public init(_ parameters: MeanFieldParameters, method: GaussianExpectations.Method = .automatic) {
        self.parameters = parameters
        self.expectations = GaussianExpectations(parameters.activation, method: method)
    }

    var activation: Activation { parameters.activation }
    var sw2: Double { parameters.sw2 }
    var sb2: Double { parameters.sb2 }

    /// F(q) = σw²·E[φ(√q z)²] + σb².
    public func lengthMap(_ q: Double) -> Double {
        sw2 * expectations.single(q: q).valueSquared + sb2
    }

    public func fixedPoint() -> LengthFixedPoint {
        LengthFixedPointSolver(
            activation: activation, sw2: sw2, sb2: sb2, q0: parameters.q0, tolerance: parameters.tolerance
        ).solve { expectations.single(q: $0) }
    }

    /// q* and χ₁ alone (what a phase grid needs), without the correlation map.
    public func lengthSummary() -> (fixedPoint: LengthFixedPoint, qstar: Double, chi1: Double) {
        let fixed = fixedPoint()
        let qstar = fixed.value(q0: parameters.q0)
        return (fixed, qstar, sw2 * momentsAtFixedPoint(fixed, qstar: qstar).slopeSquared)
    }

    /// Every result; `countLengthLayers: false` skips `q_layers` (an iteration of the length
    /// map that near criticality takes thousands of quadratures), for figures that need only
    /// the fixed points and depth scales.
    public func compute(countLengthLayers: Bool = true, countCorrelationLayers: Bool = false, jacobianDepth: Int? = nil) -> MeanFieldResult {
        let fixed = fixedPoint()
        let qstar = fixed.value(q0: parameters.q0)
        let moments = momentsAtFixedPoint(fixed, qstar: qstar)
        let chi1 = sw2 * moments.slopeSquared
        let dFdq = sw2 * moments.lengthSlope
        let map = correlationMap(fixed, qstar: qstar)
        let cstar = map.map { solveCorrelation($0) }
        // χ_c = σw²·E[φ'(u₁)φ'(u₂)] at c*: C'(c*) itself, except for the q* = ∞ limit map,
        // whose slope is E[φ'φ']/A and χ_c is σw²·A times that.
        let chiScale = fixed == .diverges ? chi1 : 1
        let chiC: Double? = cstar.flatMap { c in c == 1 ? chi1 : map.map { chiScale * $0(c).slope } }
        let tolerance = parameters.tolerance
        var flags: [MeanFieldFlag] = []
        switch fixed {
        case .diverges: flags.append(.diverges)
        case .zero: flags.append(.qstarZero)
        case .everyQFixed: flags.append(.q0IsFixedPoint)
        case .finite: break
        }
        return MeanFieldResult(
            parameters: parameters, fixedPoint: fixed, qstar: qstar, chi1: chi1, cstar: cstar, chiC: chiC,
            dFdq: dFdq,
            xiQ: Self.depthScale(dFdq, tolerance: tolerance),
            xiC: chiC.flatMap { Self.depthScale($0, tolerance: tolerance) },
            xiGrad: Self.depthScale(chi1, tolerance: tolerance),
            qLayers: countLengthLayers ? lengthLayers(fixed, qstar: qstar) : nil,
            cLayers: countCorrelationLayers ? cstar.flatMap { c in map.flatMap { correlationLayers($0, cstar: c) } } : nil,
            phase: Phase(chi1: chi1, tolerance: tolerance),
            flags: flags,
            jacobian: jacobianDepth.map {
                JacobianMoments(mu1: moments.slopeSquared, mu2: moments.slopeFourth, chi1: chi1, depth: $0)
            })
    }

    /// ξ = −1/ln χ: +∞ within `tolerance` of χ = 1 (criticality), negative for χ > 1
    /// (exploding), 0 for χ = 0, undefined for χ < 0.
    public static func depthScale(_ chi: Double, tolerance: Double) -> Double? {
        if Swift.abs(chi - 1) <= tolerance { return .infinity }
        if chi < 0 || chi.isNaN { return nil }
        return -1 / Double.log(chi)
    }

    /// E[φ'²], dV/dq and E[φ'⁴] at q*; for q* = ∞ their q → ∞ limits, which depend only on
    /// φ'(±∞).
    func momentsAtFixedPoint(_ fixed: LengthFixedPoint, qstar: Double) -> SingleMoments {
        guard fixed == .diverges, let (a, b) = activation.asymptoticSlopes else {
            return expectations.single(q: qstar)
        }
        let slope2 = (a * a + b * b) / 2
        return SingleMoments(
            valueSquared: .infinity, slopeSquared: slope2, lengthSlope: slope2,
            slopeFourth: (a * a * a * a + b * b * b * b) / 2)
    }

    // MARK: - Correlations

    /// C(c) and C'(c) = σw²·E[φ'(u₁)φ'(u₂)] at q*, or nil where C is undefined (q* = 0). For
    /// q* = ∞ it is the limit map of φ's linear asymptotes, normalised by the length:
    /// C(c) = E[φ∞(u₁)φ∞(u₂)]/E[φ∞(u)²] with C'(c) = E[φ∞'(u₁)φ∞'(u₂)]/A (unit variances).
    func correlationMap(_ fixed: LengthFixedPoint, qstar: Double) -> ((Double) -> (value: Double, slope: Double))? {
        switch fixed {
        case .zero:
            return nil
        case .diverges:
            guard let (a, b) = activation.asymptoticSlopes else { return nil }
            let length = (a * a + b * b) / 2
            return { c in
                let m = ClosedForms.homogeneousPair(a, b, q1: 1, q2: 1, c: c)
                return (m.product / length, m.slopeProduct / length)
            }
        case .finite, .everyQFixed:
            let sw2 = self.sw2, sb2 = self.sb2, expectations = self.expectations
            return { c in
                let m = expectations.pair(q1: qstar, q2: qstar, c: c)
                return ((sw2 * m.product + sb2) / qstar, sw2 * m.slopeProduct)
            }
        }
    }

    /// c*: the root of C(c) = c nearest to c₀ in the direction of C(c₀) − c₀.
    ///
    /// On [0, 1], C is a power series in c with non-negative coefficients (Mehler's
    /// expansion), so h(c) = C(c) − c is convex there with h(1) = 0 and h(0) = C(0) ≥ 0. Hence
    /// from c₀ ≥ 0: if h(c₀) > 0 the answer is 1 unless h'(1) = χ₁ − 1 > 0, in which case it
    /// is the unique root in (c₀, 1); if h(c₀) < 0 it is the unique root in [0, c₀). From
    /// c₀ < 0 a scan in steps of 1/64 brackets the root first.
    func solveCorrelation(_ map: (Double) -> (value: Double, slope: Double)) -> Double {
        func h(_ c: Double) -> (value: Double, slope: Double) {
            let m = map(c)
            return (m.value - c, m.slope - 1)
        }
        var c0 = parameters.c0
        if c0 == 1 { return 1 }
        var h0 = h(c0).value
        // Within rounding of a root (C(−1) = −1 for odd φ without bias, say): c₀ itself.
        if Swift.abs(h0) <= 8 * Double.ulpOfOne { return c0 }
        if c0 < 0 {
            let step = 1.0 / 64
            var c = c0
            while true {
                let next = h0 > 0 ? Swift.min(c + step, 0) : Swift.max(c - step, -1)
                let value = h(next).value
                if value == 0 { return next }
                if (value > 0) != (h0 > 0) {
                    return RootFinding.refine(c, next, h)
                }
                if next == -1 { return -1 }  // C(−1) ≥ −1 always: −1 is then the root.
                if next == 0 {
                    c0 = 0
                    h0 = value
                    break
                }
                c = next
            }
        }
        if h0 < 0 {
            // h(0) = C(0) ≥ 0 in exact arithmetic; a computed value ≤ 0 is a root at 0 (odd φ,
            // σb² = 0) seen through rounding.
            if h(0).value <= 0 { return 0 }
            return RootFinding.refine(0, c0, h)
        }
        // h(c₀) > 0: the root above c₀ is 1 unless the map is chaotic at 1.
        let slopeAtOne = map(1).slope - 1
        guard slopeAtOne > 0 else { return 1 }
        // The root lies in (c₀, 1): close in on 1 until h turns negative.
        var low = c0, gap = 0.5 * (1 - c0)
        while gap > 1e-17 {
            if h(1 - gap).value < 0 { return RootFinding.refine(low, 1 - gap, h) }
            low = 1 - gap
            gap *= 0.25
        }
        return 1
    }

    // MARK: - Layer counts

    /// The smallest l with |q_l − q*| ≤ 1e-6·q* (1e-6·q₀ when q* = 0), iterating F from q₀.
    func lengthLayers(_ fixed: LengthFixedPoint, qstar: Double) -> Int? {
        if fixed == .diverges { return nil }
        let threshold = Self.layerThreshold * (qstar == 0 ? parameters.q0 : qstar)
        var q = parameters.q0
        for layer in 0...Self.maximumLayers {
            if Swift.abs(q - qstar) <= threshold { return layer }
            q = lengthMap(q)
        }
        return nil
    }

    /// The smallest l with |c_l − c*| ≤ 1e-6, iterating C from c₀ at q*.
    ///
    /// Near criticality this takes thousands of layers, each a two-dimensional quadrature. So
    /// after `exactLayers` exact steps the remaining iterates, which move monotonically toward
    /// c*, use an interpolant of C between the current c and c* (`CorrelationSurrogate`), built
    /// from ~50 exact values and checked against others; if the check fails, or an iterate
    /// leaves that interval, every step stays exact.
    func correlationLayers(_ map: (Double) -> (value: Double, slope: Double), cstar: Double) -> Int? {
        var c = parameters.c0
        var surrogate: CorrelationSurrogate? = nil
        for layer in 0...Self.maximumLayers {
            if Swift.abs(c - cstar) <= Self.layerThreshold { return layer }
            if layer == CorrelationSurrogate.exactLayers {
                surrogate = CorrelationSurrogate(between: c, and: cstar) { map($0).value }
            }
            let next = surrogate.flatMap { $0.covers(c) ? $0(c) : nil } ?? map(c).value
            c = Swift.min(Swift.max(next, -1), 1)
        }
        return nil
    }
}

/// The correlation map between c and c* as a Chebyshev interpolant in t = √(1 − c): near c = 1
/// the maps of kinked φ have terms in (1 − c)^(3/2), which are smooth in t.
struct CorrelationSurrogate {
    static let exactLayers = 48
    /// The largest disagreement with the exact map, at points between the nodes, that is accepted.
    static let tolerance = 1e-14

    let interpolant: ChebyshevInterpolant
    let range: ClosedRange<Double>

    init?(between c: Double, and cstar: Double, _ map: (Double) -> Double) {
        let range = Swift.min(c, cstar)...Swift.max(c, cstar)
        guard range.lowerBound > -1, range.upperBound > range.lowerBound else { return nil }
        let high = (1 - range.lowerBound).squareRoot(), low = (1 - range.upperBound).squareRoot()
        for points in [48, 96] {
            let interpolant = ChebyshevInterpolant(points: points, on: low, high) { t in map(1 - t * t) }
            let checks = (0..<6).map { low + (high - low) * (Double($0) + 0.37) / 6 }
            if checks.allSatisfy({ t in Swift.abs(interpolant(t) - map(1 - t * t)) <= Self.tolerance }) {
                self.interpolant = interpolant
                self.range = range
                return
            }
        }
        return nil
    }

    func covers(_ c: Double) -> Bool { range.contains(c) }

    func callAsFunction(_ c: Double) -> Double { interpolant((1 - c).squareRoot()) }
}
