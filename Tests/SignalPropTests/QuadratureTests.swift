import Foundation
import Testing
@testable import SignalProp

/// The Gauss–Legendre rule itself, and the panelled quadrature against a rule of twice the
/// degree on the same panels, for the activations that have no closed form.
@Suite struct QuadratureTests {
    static let noClosedForm: [Activation] = [
        .tanh, .hardtanh, .sigmoid, .softplus, .elu(alpha: 1), .elu(alpha: 0.5), .selu, .gelu, .swish,
    ]

    /// Exactness: the n-point rule integrates x^k exactly for k ≤ 2n − 1; ∫₋₁¹ x^k dx = 2/(k+1)
    /// for even k. Tolerance 2e-15: the rounding of a sum of n ≤ 40 positive terms totalling
    /// ≤ 2 is at most n·ε·2 ≈ 1.8e-14 in the worst case and ~√n·ε·2 ≈ 1.4e-15 typically.
    @Test(arguments: [GaussLegendre.standard, GaussLegendre.reference])
    func ruleIsExactForPolynomials(_ rule: GaussLegendre) {
        for k in stride(from: 0, through: 2 * rule.count - 2, by: 2) {
            var sum = 0.0
            for (x, w) in zip(rule.nodes, rule.weights) { sum += w * pow(x, Double(k)) }
            #expect(abs(sum - 2 / Double(k + 1)) <= 2e-15, "x^\(k) with \(rule.count) points")
        }
        #expect(rule.nodes == rule.nodes.sorted())
        // Computed in extended precision and rounded: the weights sum to 2 within two ulps.
        #expect(abs(rule.weights.reduce(0, +) - 2) <= 4.5e-16)
    }

    /// The 20-point rule against the 40-point rule on the same panels: if a panel's Bernstein
    /// ellipse were not clear of a singularity, both would converge slowly and differ visibly.
    /// Tolerance 1e-14 relative (absolute below 1). dV/dq = E[zφφ']/√q is an exception at tiny
    /// q when φ(0) ≠ 0: the constant φ(0)φ'(0) integrates to zero against z only up to rounding,
    /// ~1e-16·|φ(0)φ'(0)|, which the division by √q magnifies; so for dV/dq the tolerance is
    /// 1e-14 + 1e-16/√q. (Where it matters, q* ≥ σw²φ(0)², so σw²·dV/dq errs by at most
    /// ~1e-16·√σw², negligible.)
    @Test(arguments: noClosedForm)
    func oneDimensionalSelfConvergence(_ activation: Activation) {
        let standard = GaussianExpectations(activation, method: .quadrature)
        let reference = GaussianExpectations(activation, method: .quadrature, rule: .reference)
        for q in [1e-8, 1e-3, 0.1, 1, 3, 10, 1e4] {
            let a = standard.single(q: q), b = reference.single(q: q)
            for (x, y) in [(a.valueSquared, b.valueSquared), (a.slopeSquared, b.slopeSquared), (a.slopeFourth, b.slopeFourth)] {
                #expect(abs(x - y) / max(1, abs(x)) <= 1e-14, "\(activation) q=\(q): \(x) vs \(y)")
            }
            let slopeTolerance = 1e-14 + 1e-16 / q.squareRoot()
            #expect(abs(a.lengthSlope - b.lengthSlope) / max(1, abs(a.lengthSlope)) <= slopeTolerance, "\(activation) q=\(q)")
        }
    }

    /// The q → 0 limits the engine returns at q = 0 are the limits of its quadrature. The
    /// remainders are O(√q) for φ whose derivatives jump at 0 (elu, selu) and O(q) otherwise, so
    /// at q = 1e-28 they are below 1e-13 relative. dV/dq at q = 0 comes from Stein's form
    /// φ'(0)² + φ(0)φ''(0); where φ(0) ≠ 0 its quadrature carries the 1e-16/√q rounding
    /// described above, so that comparison is at q = 1e-14 (smooth φ: remainder ~1e-14) with
    /// tolerance 2e-9.
    @Test(arguments: noClosedForm + [.erf, .relu, .sin])
    func limitsAtZero(_ activation: Activation) {
        let engine = GaussianExpectations(activation, method: .quadrature)
        let zero = engine.single(q: 0), tiny = engine.single(q: 1e-28)
        #expect(abs(zero.valueSquared - tiny.valueSquared) <= 1e-13 * max(1, zero.valueSquared))
        #expect(abs(zero.slopeSquared - tiny.slopeSquared) <= 1e-13 * max(1, zero.slopeSquared))
        #expect(abs(zero.slopeFourth - tiny.slopeFourth) <= 1e-13 * max(1, zero.slopeFourth))
        if activation.valueAtZero == 0 {
            #expect(abs(zero.lengthSlope - tiny.lengthSlope) <= 1e-13, "\(activation)")
        } else {
            let small = engine.single(q: 1e-14)
            #expect(abs(zero.lengthSlope - small.lengthSlope) <= 2e-9, "\(activation): \(zero.lengthSlope) vs \(small.lengthSlope)")
        }
    }

    /// Same for pairs, including correlations within 1e-12 of ±1 and unequal variances.
    @Test(arguments: noClosedForm)
    func twoDimensionalSelfConvergence(_ activation: Activation) {
        let standard = GaussianExpectations(activation, method: .quadrature)
        let reference = GaussianExpectations(activation, method: .quadrature, rule: .reference)
        for (q1, q2, c) in [(1.0, 1.0, 0.5), (2.0, 2.0, 1 - 1e-12), (0.5, 3.0, -1 + 1e-12), (10.0, 10.0, 0.999), (0.2, 0.2, -0.3)] {
            let a = standard.pair(q1: q1, q2: q2, c: c), b = reference.pair(q1: q1, q2: q2, c: c)
            #expect(abs(a.product - b.product) / max(1, abs(a.product)) <= 1e-14, "\(activation) \(q1),\(q2),\(c)")
            #expect(abs(a.slopeProduct - b.slopeProduct) / max(1, abs(a.slopeProduct)) <= 1e-14, "\(activation) \(q1),\(q2),\(c)")
        }
    }

    /// At c = 1 the pair is one variable: E[φ(u)φ(u)] = E[φ(u)²] exactly (same integrand, a
    /// different panel layout), to 1e-15. Just below 1, Price's theorem gives the first-order
    /// change −q·E[φ'(u)²]·δ (for φ' continuous; the remainder is O(δ²)), checked to 1e-14.
    @Test(arguments: [Activation.tanh, .sigmoid, .gelu, .swish, .softplus])
    func pairsNearPerfectCorrelation(_ activation: Activation) {
        let engine = GaussianExpectations(activation, method: .quadrature)
        for q in [0.3, 1, 4] {
            let single = engine.single(q: q)
            let atOne = engine.pair(q1: q, q2: q, c: 1)
            #expect(abs(atOne.product - single.valueSquared) <= 1e-15 * max(1, single.valueSquared))
            #expect(abs(atOne.slopeProduct - single.slopeSquared) <= 1e-15 * max(1, single.slopeSquared))
            let delta = 1e-12
            let below = engine.pair(q1: q, q2: q, c: 1 - delta)
            let predicted = single.valueSquared - q * single.slopeSquared * delta
            #expect(abs(below.product - predicted) <= 1e-14, "\(activation) q=\(q)")
        }
    }
}
