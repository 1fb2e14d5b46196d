import Testing
@testable import SignalProp

/// The closed forms and the panelled quadrature are independent methods; agreeing to 1e-14
/// checks both (the spec's accuracy target is ~1e-13).
@Suite struct ClosedFormVersusQuadrature {
    static let closedForm1D: [Activation] = [.linear, .relu, .leakyReLU(alpha: 0.2), .abs, .erf, .sin, .hardtanh]
    static let closedForm2D: [Activation] = [.linear, .relu, .leakyReLU(alpha: 0.2), .abs, .erf, .sin]
    static let variances = [1e-6, 0.01, 0.3, 1, 2.5, 10]
    static let correlations = [-1, -1 + 1e-12, -0.9, -0.3, 0, 0.5, 0.99, 1 - 1e-9, 1 - 1e-12, 1]

    /// Relative difference, absolute near zero (the spec's convention).
    static func difference(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(1, abs(a), abs(b))
    }

    @Test(arguments: closedForm1D)
    func oneDimensional(_ activation: Activation) {
        let exact = GaussianExpectations(activation)
        let numeric = GaussianExpectations(activation, method: .quadrature)
        for q in Self.variances {
            let a = exact.single(q: q), b = numeric.single(q: q)
            // Tolerance 1e-14 relative to max(1, |value|).
            #expect(Self.difference(a.valueSquared, b.valueSquared) <= 1e-14, "E φ² at q=\(q)")
            #expect(Self.difference(a.slopeSquared, b.slopeSquared) <= 1e-14, "E φ'² at q=\(q)")
            #expect(Self.difference(a.lengthSlope, b.lengthSlope) <= 1e-14, "dV/dq at q=\(q)")
            #expect(Self.difference(a.slopeFourth, b.slopeFourth) <= 1e-14, "E φ'⁴ at q=\(q)")
        }
    }

    @Test(arguments: closedForm2D)
    func twoDimensional(_ activation: Activation) {
        let exact = GaussianExpectations(activation)
        let numeric = GaussianExpectations(activation, method: .quadrature)
        for (q1, q2) in [(1.0, 1.0), (0.3, 2.5), (10, 0.01), (2, 2)] {
            for c in Self.correlations {
                let a = exact.pair(q1: q1, q2: q2, c: c), b = numeric.pair(q1: q1, q2: q2, c: c)
                #expect(Self.difference(a.product, b.product) <= 1e-14, "E φφ at q=(\(q1),\(q2)) c=\(c)")
                #expect(Self.difference(a.slopeProduct, b.slopeProduct) <= 1e-14, "E φ'φ' at q=(\(q1),\(q2)) c=\(c)")
            }
        }
    }
}
