import Testing
@testable import SignalProp

/// The phase grid (tabulated length map, swept roots) against the direct calculation.
@Suite struct PhaseGridTests {
    static func difference(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        return abs(a - b) / max(1, abs(a), abs(b))
    }

    /// Every grid point against `MeanField.lengthSummary()` (quadrature and root finding per point),
    /// to 1e-12 (the accuracy target for the grid), and the same phase and flags.
    @Test(arguments: [Activation.tanh, .erf, .hardtanh, .softplus, .selu, .gelu, .relu, .sigmoid])
    func gridMatchesDirectCalculation(_ activation: Activation) {
        let sw2 = stride(from: 0.5, through: 4, by: 0.25).map { $0 }
        let sb2 = [0, 0.01, 0.05, 0.3, 1, 4]
        let grid = PhaseGrid(activation: activation, sw2: sw2, sb2: sb2)
        for (i, bias) in sb2.enumerated() {
            for (j, weight) in sw2.enumerated() {
                let direct = MeanField(MeanFieldParameters(activation: activation, sw2: weight, sb2: bias)).lengthSummary()
                if case .finite = direct.fixedPoint {} else {
                    #expect(grid.fixedPoints[i][j] == direct.fixedPoint, "\(activation) sw2=\(weight) sb2=\(bias)")
                }
                #expect(Self.difference(grid.qstar[i][j], direct.qstar) <= 1e-12, "\(activation) q* at sw2=\(weight) sb2=\(bias)")
                #expect(Self.difference(grid.chi1[i][j], direct.chi1) <= 1e-12, "\(activation) χ₁ at sw2=\(weight) sb2=\(bias)")
                #expect(grid.phase[i][j] == Phase(chi1: direct.chi1, tolerance: 1e-8))
            }
        }
    }

    /// The table against the quadrature it stands for, at q spread over its whole range: 1e-14.
    @Test(arguments: [Activation.tanh, .softplus, .hardtanh, .elu(alpha: 0.7)])
    func tableMatchesQuadrature(_ activation: Activation) {
        let engine = GaussianExpectations(activation)
        let table = LengthMapTable(engine, requestsBeforeBuilding: 0)
        var q = 1e-18
        while q < 1e18 {
            let a = table.moments(q), b = engine.single(q: q)
            #expect(Self.difference(a.valueSquared, b.valueSquared) <= 1e-14, "\(activation) V(\(q))")
            #expect(Self.difference(a.slopeSquared, b.slopeSquared) <= 1e-14, "\(activation) W(\(q))")
            q *= 7.3
        }
    }

    /// The sweep's shortcut (monotonicity in σw²) must agree with solving each point from q₀.
    /// Descending axes exercise the same code in the other order.
    @Test func descendingAxisGivesTheSameGrid() {
        let up = PhaseGrid(activation: .tanh, sw2: [0.5, 1, 1.5, 2, 3], sb2: [0, 0.2])
        let down = PhaseGrid(activation: .tanh, sw2: [3, 2, 1.5, 1, 0.5], sb2: [0, 0.2])
        for i in 0..<2 {
            #expect(up.qstar[i] == down.qstar[i].reversed())
        }
    }
}

@Suite struct BoundaryTests {
    /// The boundary by parametrisation (σw² = 1/W(q*), σb² = q* − V/W) against direct root
    /// finding of χ₁(σw²) = 1 at fixed σb² (each χ₁ from a root-found q*), by Brent's method on
    /// σw² within ±1% of the crossing (wider, gelu's χ₁(σw²) also meets 1 at σw² = 2, where q*
    /// starts to diverge and χ₁ takes its limit σw²/2). Both are accurate to ~1e-15; tolerance
    /// 1e-12 relative.
    @Test(arguments: [(Activation.tanh, 0.05), (.tanh, 1.0), (.erf, 0.3), (.hardtanh, 0.1), (.sigmoid, 2.0),
                      (.elu(alpha: 1), 0.5), (.gelu, 0.2)])
    func parametrisationMatchesDirectRootFinding(_ activation: Activation, _ sb2: Double) throws {
        let crossing = OrderChaosBoundary(activation).crossings(sb2: [sb2])[0]
        let critical = try #require(crossing.critical, "\(activation) at σb² = \(sb2)")
        let chiMinusOne = { (sw2: Double) -> Double in
            MeanField(MeanFieldParameters(activation: activation, sw2: sw2, sb2: sb2)).lengthSummary().chi1 - 1
        }
        let direct = RootFinding.brent(critical.sw2 * 0.99, critical.sw2 * 1.01, chiMinusOne)
        #expect(abs(direct - critical.sw2) <= 1e-12 * critical.sw2, "\(activation): \(direct) vs \(critical.sw2)")
        // And the q* of that crossing is the fixed point there.
        let result = MeanField(MeanFieldParameters(activation: activation, sw2: critical.sw2, sb2: sb2)).lengthSummary()
        #expect(abs(result.qstar - (critical.qstar ?? .nan)) <= 1e-10 * result.qstar)
    }

    /// Each σb² of a list gets the answer it would get alone.
    @Test func listsAreElementwise() {
        let boundary = OrderChaosBoundary(.tanh)
        let together = boundary.crossings(sb2: [0, 0.05, 2])
        for (index, sb2) in [0, 0.05, 2].enumerated() {
            #expect(together[index] == boundary.crossings(sb2: [sb2])[0])
        }
    }
}

@Suite struct TrajectoryTests {
    /// The diagonal follows the length map exactly, and a pair starting at (q*, q*, c*q*) stays
    /// there (a fixed point of the joint map) to 1e-13.
    @Test func trajectoryFollowsTheMaps() throws {
        let field = MeanField(MeanFieldParameters(activation: .tanh, sw2: 2.5, sb2: 0.05))
        let layers = field.trajectory(q11: 1, q22: 2, q12: 0.9, depth: 5)
        var q = 2.0
        for layer in layers {
            #expect(layer.q22 == q)
            q = field.lengthMap(q)
        }
        let result = field.compute()
        let cstar = try #require(result.cstar)
        let still = field.trajectory(q11: result.qstar, q22: result.qstar, q12: cstar * result.qstar, depth: 20)
        for layer in still {
            #expect(abs(layer.q11 - result.qstar) <= 1e-13 && abs((layer.correlation ?? 0) - cstar) <= 1e-13)
        }
    }

    /// Orthogonal inputs stay uncorrelated under an odd φ without bias (E[φ(u)φ(v)] = 0 for
    /// independent u, v): exactly 0 up to quadrature rounding, 1e-15.
    @Test func oddActivationKeepsOrthogonalInputsUncorrelated() {
        let field = MeanField(MeanFieldParameters(activation: .tanh, sw2: 1.5, sb2: 0))
        for layer in field.trajectory(q11: 1, q22: 3, q12: 0, depth: 4) {
            #expect(abs(layer.q12) <= 1e-15)
        }
    }
}
