import Foundation
import Testing
@testable import SignalProp

/// Published values and closed forms of mean-field theory.
@Suite struct PublishedValues {
    /// ReLU: F(q) = σw² q/2 + σb², so q* = σb²/(1 − σw²/2) for σw² < 2 (closed form), and χ₁ =
    /// σw²/2. The solver's answer must be a fixed point of F computed by quadrature (an
    /// independent method), to 1e-14 relative.
    @Test func reluFixedPoint() {
        for (sw2, sb2) in [(1.0, 0.1), (1.5, 0.05), (1.99, 0.3)] {
            let result = MeanField(MeanFieldParameters(activation: .relu, sw2: sw2, sb2: sb2)).compute()
            #expect(abs(result.qstar - sb2 / (1 - sw2 / 2)) <= 1e-14 * result.qstar)
            let byQuadrature = MeanField(MeanFieldParameters(activation: .relu, sw2: sw2, sb2: sb2), method: .quadrature)
            #expect(abs(byQuadrature.lengthMap(result.qstar) - result.qstar) <= 1e-14 * result.qstar)
            #expect(abs(result.chi1 - sw2 / 2) <= 1e-15)
        }
    }

    /// ReLU's boundary is σw² = 2 for every σb² (χ₁ = σw²/2 does not depend on q*).
    @Test func reluBoundaryIsFlat() {
        let crossings = OrderChaosBoundary(.relu).crossings(sb2: [0, 0.05, 1, 3])
        for crossing in crossings {
            #expect(crossing.critical?.sw2 == 2)
        }
        #expect(crossings[1].critical?.qstar == .infinity)
        #expect(crossings[0].critical?.qstar == nil)
    }

    /// Schoenholz et al. 2017 (Fig. 1 and text): tanh at σb² = 0.05 is critical at σw² ≈ 1.76.
    /// Published to three figures, so the tolerance is half a unit in the last: 0.005.
    @Test func tanhCriticalPointOfSchoenholz() throws {
        let critical = try #require(OrderChaosBoundary(.tanh).crossings(sb2: [0.05])[0].critical)
        #expect(abs(critical.sw2 - 1.76) <= 0.005)
        // And the point really is critical: χ₁ = 1 there, to 1e-12.
        let result = MeanField(MeanFieldParameters(activation: .tanh, sw2: critical.sw2, sb2: 0.05)).compute()
        #expect(abs(result.chi1 - 1) <= 1e-12)
    }

    /// erf at σb² = 0: the q* = 0 branch gives σw² = 1/φ'(0)² = π/4 (φ'(0) = 2/√π), to 1e-15.
    @Test func erfCriticalPointAtZeroBias() throws {
        let crossing = OrderChaosBoundary(.erf).crossings(sb2: [0])[0]
        let critical = try #require(crossing.critical)
        #expect(abs(critical.sw2 - Double.pi / 4) <= 1e-15)
        #expect(critical.qstar == 0)
    }

    /// Pennington et al. 2017: for a linear network μ₁ = μ₂ = 1, so at criticality the
    /// variance of JJᵀ's spectrum is 0 with orthogonal weights and L with Gaussian ones (exact).
    @Test func linearJacobianSpectrum() throws {
        let result = MeanField(MeanFieldParameters(activation: .linear, sw2: 1, sb2: 0)).compute(jacobianDepth: 7)
        let jacobian = try #require(result.jacobian)
        #expect(jacobian.mean == 1 && jacobian.varianceOrthogonal == 0 && jacobian.varianceGaussian == 7)
    }
}

/// The identities the theory guarantees, each against an independent computation.
@Suite struct Identities {
    static let smooth: [Activation] = [.tanh, .erf, .sigmoid, .gelu, .swish, .softplus]
    static let kinked: [Activation] = [.relu, .hardtanh, .elu(alpha: 0.5), .selu]

    /// χ_c → χ₁ as c → 1. With φ' smooth, |χ_c(1−δ) − χ₁| = O(δ); with φ' jumping, O(√δ) (the
    /// arc-cosine kernel κ₀ = 1 − θ/π, θ ≈ √(2δ)). At δ = 1e-12 the tolerances are 1e-10 and
    /// 1e-5 (the constant is σw²·(jump size)²·… ≤ 10 for these parameters).
    @Test(arguments: smooth + kinked)
    func chiCApproachesChi1(_ activation: Activation) throws {
        let field = MeanField(MeanFieldParameters(activation: activation, sw2: 1.7, sb2: 0.1))
        let result = field.compute()
        let qstar = result.qstar
        let map = try #require(field.correlationMap(result.fixedPoint, qstar: qstar))
        let delta = 1e-12
        let difference = abs(map(1 - delta).slope - result.chi1)
        let tolerance = Self.smooth.contains(activation) ? 1e-10 : 1e-5
        #expect(difference <= tolerance, "\(activation): \(difference)")
        #expect(map(1).slope == result.chi1 || abs(map(1).slope - result.chi1) <= 1e-15)
    }

    /// dF/dq in Stein's form σw²·E[z φ φ']/√q against a fourth-order central difference of F
    /// with step h = 1e-3·q: truncation O(h⁴) ≈ 1e-12·F⁽⁵⁾q⁴, rounding ~1e-16/h. Tolerance 1e-10.
    @Test(arguments: smooth + kinked)
    func steinFormOfLengthSlope(_ activation: Activation) {
        let field = MeanField(MeanFieldParameters(activation: activation, sw2: 1.5, sb2: 0.2))
        for q in [0.4, 1.3] {
            let h = 1e-3 * q
            let difference = (8 * (field.lengthMap(q + h) - field.lengthMap(q - h))
                - (field.lengthMap(q + 2 * h) - field.lengthMap(q - 2 * h))) / (12 * h)
            let stein = 1.5 * field.expectations.single(q: q).lengthSlope
            #expect(abs(stein - difference) <= 1e-10, "\(activation) q=\(q): \(stein) vs \(difference)")
        }
    }

    /// Price's theorem: d/dc of C(c) = [σw²E[φ(u₁)φ(u₂)] + σb²]/q equals σw²·E[φ'(u₁)φ'(u₂)].
    /// Against a fourth-order central difference in c with step 1e-3 (away from c = ±1 where the
    /// kinked maps are not smooth). Tolerance 1e-9 (truncation h⁴·C⁽⁵⁾ with C⁽⁵⁾ ≲ 10³ near
    /// |c| = 0.6 for kinked φ, rounding 1e-16/h).
    @Test(arguments: smooth + kinked)
    func priceTheorem(_ activation: Activation) {
        let engine = GaussianExpectations(activation)
        let q = 0.8, sw2 = 1.6, sb2 = 0.1, h = 1e-3
        let map = { (c: Double) in (sw2 * engine.pair(q1: q, q2: q, c: c).product + sb2) / q }
        for c in [-0.6, 0.1, 0.6] {
            let difference = (8 * (map(c + h) - map(c - h)) - (map(c + 2 * h) - map(c - 2 * h))) / (12 * h)
            let price = sw2 * engine.pair(q1: q, q2: q, c: c).slopeProduct
            #expect(abs(price - difference) <= 1e-9, "\(activation) c=\(c): \(price) vs \(difference)")
        }
    }
}

/// Root-found fixed points against plain iteration, and depth scales against observed decay.
@Suite struct FixedPoints {
    static let cases: [(Activation, Double, Double)] = [
        (.tanh, 1.5, 0.05), (.tanh, 2.5, 0.05), (.erf, 2, 0.3), (.hardtanh, 1.2, 0.1), (.selu, 1.1, 0.2),
        (.softplus, 1.2, 0.1), (.gelu, 1.5, 0.1),
    ]

    /// q*: 1,000 iterations of F from q₀ = 1 converge to it geometrically (rate dF/dq < 0.95
    /// here), so they agree to rounding: 1e-14 relative.
    @Test(arguments: cases.indices)
    func lengthFixedPointMatchesIteration(_ index: Int) {
        let (activation, sw2, sb2) = Self.cases[index]
        let field = MeanField(MeanFieldParameters(activation: activation, sw2: sw2, sb2: sb2))
        let result = field.compute()
        var q = 1.0
        for _ in 0..<1000 { q = field.lengthMap(q) }
        #expect(abs(q - result.qstar) <= 1e-14 * result.qstar, "\(activation): \(q) vs \(result.qstar)")
        #expect(result.dFdq < 0.95)
    }

    /// |q_l − q*| shrinks by dF/dq = e^(−1/ξ_q) per layer asymptotically; the ratio at a layer
    /// where |q_l − q*| ≈ 1e-5 differs from it by O(|q_l − q*|·F''/F'), so tolerance 1e-3.
    @Test(arguments: cases.indices)
    func lengthDecayRateMatchesDepthScale(_ index: Int) throws {
        let (activation, sw2, sb2) = Self.cases[index]
        let field = MeanField(MeanFieldParameters(activation: activation, sw2: sw2, sb2: sb2))
        let result = field.compute()
        let xi = try #require(result.xiQ)
        var q = 1.0
        while abs(q - result.qstar) > 1e-5 * result.qstar { q = field.lengthMap(q) }
        let next = field.lengthMap(q)
        let ratio = (next - result.qstar) / (q - result.qstar)
        #expect(abs(ratio - exp(-1 / xi)) <= 1e-3, "\(activation): \(ratio) vs \(exp(-1 / xi))")
    }

    /// c* in the chaotic phase: 1,000 iterations of C from c₀ agree with the root to 1e-13,
    /// and the observed decay ratio of |c_l − c*| matches χ_c = e^(−1/ξ_c) to 1e-3.
    @Test(arguments: [(Activation.tanh, 2.5, 0.05), (.erf, 2.0, 0.01), (.hardtanh, 2.5, 0.0), (.relu, 2.0, 0.0)])
    func correlationFixedPoint(_ activation: Activation, _ sw2: Double, _ sb2: Double) throws {
        let field = MeanField(MeanFieldParameters(activation: activation, sw2: sw2, sb2: sb2))
        let result = field.compute()
        let cstar = try #require(result.cstar)
        let map = try #require(field.correlationMap(result.fixedPoint, qstar: result.qstar))
        if activation == .relu {
            // ReLU at σw² = 2, σb² = 0 is critical with every q fixed: C(c) → 1 only like 1/l²,
            // so c* = 1 and χ_c = χ₁ = 1 (exact).
            #expect(cstar == 1 && result.chiC == 1 && result.xiC == .infinity)
            #expect(result.flags == [.q0IsFixedPoint])
            return
        }
        var c = 0.5
        var trace: [Double] = []
        for _ in 0..<1000 {
            c = map(c).value
            trace.append(c)
        }
        #expect(abs(c - cstar) <= 1e-13, "\(activation): \(c) vs \(cstar)")
        let chiC = try #require(result.chiC)
        let xiC = try #require(result.xiC)
        #expect(abs(exp(-1 / xiC) - chiC) <= 1e-14)
        // The first layer where |c_l − c*| < 1e-5, and the next ratio.
        let index = try #require(trace.firstIndex { abs($0 - cstar) < 1e-5 })
        let ratio = (trace[index + 1] - cstar) / (trace[index] - cstar)
        #expect(abs(ratio - chiC) <= 1e-3, "\(activation): \(ratio) vs \(chiC)")
    }

    /// The spec's c_layers and q_layers definitions, counted again here by plain iteration.
    @Test func layerCounts() throws {
        let field = MeanField(MeanFieldParameters(activation: .tanh, sw2: 2.5, sb2: 0.05))
        let result = field.compute(countCorrelationLayers: true)
        let map = try #require(field.correlationMap(result.fixedPoint, qstar: result.qstar))
        var c = 0.5, layers = 0
        while abs(c - result.cstar!) > 1e-6 { c = map(c).value; layers += 1 }
        #expect(result.cLayers == layers)
        var q = 1.0, qLayers = 0
        while abs(q - result.qstar) > 1e-6 * result.qstar { q = field.lengthMap(q); qLayers += 1 }
        #expect(result.qLayers == qLayers)
    }
}

/// The special regimes the spec names, reported as flags and never as garbage numbers.
@Suite struct SpecialRegimes {
    /// ReLU with σw² > 2 has no finite fixed point; χ₁ is σw²·(1² + 0²)/2 exactly.
    @Test func reluDiverges() {
        let result = MeanField(MeanFieldParameters(activation: .relu, sw2: 2.5, sb2: 0.1)).compute()
        #expect(result.qstar == .infinity && result.flags == [.diverges])
        #expect(result.chi1 == 1.25 && result.phase == .chaotic && result.qLayers == nil)
    }

    /// Softplus with σw² > 2 grows like ReLU: it diverges too (F(q) > σw²q/2 > q), and its
    /// χ₁ is the same limit σw²/2.
    @Test func softplusDiverges() {
        let result = MeanField(MeanFieldParameters(activation: .softplus, sw2: 2.2, sb2: 0.1)).compute()
        #expect(result.qstar == .infinity && result.flags == [.diverges])
        #expect(abs(result.chi1 - 1.1) <= 1e-15)
    }

    /// tanh with σb² = 0 and σw² < 1 contracts to q* = 0; c* and χ_c are then undefined.
    @Test func tanhContractsToZero() {
        let result = MeanField(MeanFieldParameters(activation: .tanh, sw2: 0.5, sb2: 0)).compute(countCorrelationLayers: true)
        #expect(result.qstar == 0 && result.flags == [.qstarZero])
        #expect(result.cstar == nil && result.chiC == nil && result.xiC == nil && result.cLayers == nil)
        // χ₁ = σw²·φ'(0)² = 0.5 exactly, and q_l ≈ 0.5^l·q₀ reaches 1e-6·q₀ in about 20 layers.
        #expect(result.chi1 == 0.5 && result.phase == .ordered)
        #expect((15...25).contains(result.qLayers ?? -1))
    }

    /// Homogeneous φ with σb² = 0 at the critical σw²: every q is fixed, q* = q₀.
    @Test func everyLengthFixedAtCriticality() {
        let result = MeanField(MeanFieldParameters(activation: .leakyReLU(alpha: 0.5), sw2: 1.6, sb2: 0, q0: 1.7)).compute()
        #expect(result.qstar == 1.7 && result.flags == [.q0IsFixedPoint] && result.qLayers == 0)
        #expect(result.phase == .critical && result.xiGrad == .infinity)
    }

    /// Softplus never reaches χ₁ = 1 at small σb² (the spec's example), so the boundary has no
    /// crossing there.
    @Test func softplusHasNoCrossingAtSmallBias() {
        let crossing = OrderChaosBoundary(.softplus).crossings(sb2: [0.01])[0]
        #expect(crossing.critical == nil && crossing.points.isEmpty)
    }
}

/// Every activation over a spread of parameters, including the extremes the command line
/// accepts: the calculator must return sane values (never NaN where a number is promised) and
/// results that agree with each other. Nothing here is compared with a reference number; the
/// invariants are the check.
@Suite struct EveryActivation {
    static let activations: [Activation] = Activation.names.compactMap { Activation(name: $0) }
        + [.leakyReLU(alpha: -0.5), .elu(alpha: 3)]

    @Test(arguments: activations)
    func invariantsHold(_ activation: Activation) {
        for sw2 in [0, 0.5, 1, 2, 4, 1e3] {
            for sb2 in [0, 0.05, 3] {
                for c0 in [0.5, -0.7] {
                    let parameters = MeanFieldParameters(activation: activation, sw2: sw2, sb2: sb2, c0: c0)
                    let result = MeanField(parameters).compute(jacobianDepth: 3)
                    let label = "\(activation) sw2=\(sw2) sb2=\(sb2) c0=\(c0)"
                    #expect(result.qstar >= 0 && !result.qstar.isNaN, "\(label): q* = \(result.qstar)")
                    #expect(result.chi1.isFinite && result.chi1 >= 0, "\(label): χ₁ = \(result.chi1)")
                    #expect(result.dFdq.isFinite, "\(label): dF/dq = \(result.dFdq)")
                    #expect(result.phase == Phase(chi1: result.chi1, tolerance: 1e-8), "\(label)")
                    if let cstar = result.cstar {
                        #expect((-1...1).contains(cstar), "\(label): c* = \(cstar)")
                        #expect(result.chiC?.isFinite == true, "\(label)")
                    } else {
                        #expect(result.flags == [.qstarZero], "\(label): c* missing")
                    }
                    if result.qstar.isFinite && result.qstar > 0 {
                        // A finite q* is a fixed point: F(q*) = q* to 1e-12.
                        let image = MeanField(parameters).lengthMap(result.qstar)
                        #expect(abs(image - result.qstar) <= 1e-12 * max(1, result.qstar), "\(label): F(q*) = \(image)")
                    }
                    if let jacobian = result.jacobian {
                        #expect(jacobian.mean >= 0 && !jacobian.varianceGaussian.isNaN || result.chi1 == 0, "\(label)")
                    }
                }
            }
        }
    }
}

/// Regressions found in review: extreme lengths, rounding at ±1, the switch to asymptotes.
@Suite struct Extremes {
    /// √q₁₁·√q₂₂ rather than √(q₁₁q₂₂): with q ~ 1e-200 or growing like 4^l the correlation must
    /// stay the true one (here exactly 0.5 at layer 0), and lengths past the largest double
    /// become +∞ with an undefined covariance instead of a crash.
    @Test func trajectoryAtExtremeLengths() {
        let tiny = MeanField(MeanFieldParameters(activation: .tanh, sw2: 1.5, sb2: 0.1)).trajectory(q11: 1e-200, q22: 1e-200, q12: 5e-201, depth: 1)
        #expect(tiny[0].correlation == 0.5)
        let exploding = MeanField(MeanFieldParameters(activation: .relu, sw2: 4, sb2: 0)).trajectory(q11: 1, q22: 1, q12: 0.5, depth: 1100)
        // ReLU with σb² = 0 doubles q per layer times σw²/2 = 2: q_l = 2^l exactly until it overflows.
        #expect(exploding[512].q11 == 0x1p512 && (exploding[512].correlation ?? 0) > 0.99)
        #expect(exploding[1100].q11 == .infinity && exploding[1100].correlation == nil)
        // tanh in the ordered phase with q* = 0: c moves smoothly as q → 0 (no jumps from underflow).
        let ordered = MeanField(MeanFieldParameters(activation: .tanh, sw2: 0.5, sb2: 0)).trajectory(q11: 1, q22: 1, q12: -0.5, depth: 600)
        for (a, b) in zip(ordered, ordered.dropFirst()) {
            let ca = a.correlation ?? 0, cb = b.correlation ?? 0
            #expect(abs(cb - ca) <= 0.05 && cb < 0 && cb > -1, "layer \(b.layer): \(ca) → \(cb)")
        }
    }

    /// Above q = 1e34 an unbounded φ is replaced by its asymptotes; the switch is continuous to
    /// double precision (relative 1e-15 across it; the neglected part is O(1/√q) = 1e-17).
    @Test(arguments: [Activation.softplus, .elu(alpha: 1), .selu, .gelu, .swish])
    func asymptotesTakeOverContinuously(_ activation: Activation) {
        let engine = GaussianExpectations(activation)
        let below = engine.single(q: 0.999999 * GaussianExpectations.asymptoticVariance)
        let above = engine.single(q: GaussianExpectations.asymptoticVariance)
        #expect(abs(below.valueSquared / 0.999999 - above.valueSquared) <= 1e-15 * above.valueSquared)
        #expect(abs(below.slopeSquared - above.slopeSquared) <= 1e-15 * above.slopeSquared)
        let pairBelow = engine.pair(q1: 0.999999e34, q2: 2e34, c: 0.3), pairAbove = engine.pair(q1: 1e34, q2: 2e34, c: 0.3)
        #expect(abs(pairBelow.product / 0.999999.squareRoot() - pairAbove.product) <= 1e-14 * abs(pairAbove.product))
    }

    /// c₀ = −1 for an odd φ without bias: C(−1) = −1 exactly, so c* = −1 and no layers are
    /// needed (rounding of h(−1) must not send the search to the root at 0).
    @Test(arguments: [Activation.tanh, .erf, .hardtanh, .sin])
    func antipodalStartIsFixed(_ activation: Activation) {
        let result = MeanField(MeanFieldParameters(activation: activation, sw2: 3, sb2: 0, c0: -1)).compute(countCorrelationLayers: true)
        #expect(result.cstar == -1 && result.cLayers == 0, "\(activation): \(String(describing: result.cstar))")
    }

    /// Near divergence (dF/dq → 1) the grid polishes its roots against the quadrature: the
    /// review's cases, against the direct calculation to 1e-12.
    @Test(arguments: [(Activation.gelu, 1.971571906354515, 0.22742474916387959), (.selu, 1.808695652173913, 1.2842809364548495)])
    func gridNearDivergence(_ activation: Activation, _ sw2: Double, _ sb2: Double) {
        let grid = PhaseGrid(activation: activation, sw2: [sw2 * 0.999, sw2], sb2: [sb2])
        let direct = MeanField(MeanFieldParameters(activation: activation, sw2: sw2, sb2: sb2)).lengthSummary()
        #expect(abs(grid.qstar[0][1] - direct.qstar) <= 1e-12 * direct.qstar, "\(grid.qstar[0][1]) vs \(direct.qstar)")
    }
}
