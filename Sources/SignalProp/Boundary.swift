/// A point of the order-to-chaos boundary χ₁ = 1.
public struct BoundaryPoint: Sendable, Equatable {
    public var sw2: Double
    /// q* at that point: +∞ for homogeneous φ with σb² > 0; nil (every q is fixed) for
    /// homogeneous φ with σb² = 0.
    public var qstar: Double?
}

/// The boundary at one σb²: every crossing found, in order of σw².
public struct BoundaryCrossings: Sendable, Equatable {
    public var sb2: Double
    public var points: [BoundaryPoint]
    /// The crossing with the smallest σw², or nil if χ₁ = 1 is never crossed.
    public var critical: BoundaryPoint? { points.first }
}

/// The order-to-chaos boundary, parametrised by q* (Schoenholz et al. 2017): at a fixed point
/// with χ₁ = 1, σw² = 1/W(q*) and σb² = S(q*) = q* − V(q*)/W(q*), where V = E[φ(√q z)²] and
/// W = E[φ'(√q z)²]. For a given σb² the crossings are the roots of S(q) = σb², found by a
/// geometric scan of q ∈ [1e-9, 1e9·max(1, σb²)] in steps of 2^(1/8) and refined by Brent's
/// method; at σb² = 0 with φ(0) = 0 the q* = 0 branch adds σw² = 1/W(0⁺).
public struct OrderChaosBoundary: Sendable {
    public let activation: Activation
    public let expectations: GaussianExpectations

    public static let smallestQ = 1e-9
    public static let largestQScale = 1e9
    static let scanRatio = 1.0905077326652577  // 2^(1/8)

    public init(_ activation: Activation, method: GaussianExpectations.Method = .automatic) {
        self.activation = activation
        self.expectations = GaussianExpectations(activation, method: method)
    }

    func sample(_ q: Double) -> (sw2: Double, sb2: Double) {
        let m = expectations.single(q: q)
        return (1 / m.slopeSquared, q - m.valueSquared / m.slopeSquared)
    }

    public func crossings(sb2 values: [Double]) -> [BoundaryCrossings] {
        if let (a, b) = activation.homogeneousSlopes {
            // S(q) ≡ 0: the boundary is the flat line σw² = 1/A.
            let sw2 = 2 / (a * a + b * b)
            return values.map { sb2 in
                BoundaryCrossings(sb2: sb2, points: [BoundaryPoint(sw2: sw2, qstar: sb2 > 0 ? .infinity : nil)])
            }
        }
        let largest = Self.largestQScale * Swift.max(1, values.max() ?? 1)
        var grid: [(q: Double, sb2: Double)] = []
        var q = Self.smallestQ
        while q <= largest {
            grid.append((q, sample(q).sb2))
            q *= Self.scanRatio
        }
        return values.map { sb2 in crossings(sb2: sb2, grid: grid) }
    }

    private func crossings(sb2: Double, grid: [(q: Double, sb2: Double)]) -> BoundaryCrossings {
        var points: [BoundaryPoint] = []
        if sb2 == 0 && activation.valueAtZero == 0 {
            let slope2 = activation.slopePowerAtZero(1)
            if slope2 > 0 { points.append(BoundaryPoint(sw2: 1 / slope2, qstar: 0)) }
        }
        for (left, right) in zip(grid, grid.dropFirst()) {
            let a = left.sb2 - sb2, b = right.sb2 - sb2
            guard a.sign != b.sign || a == 0 else { continue }
            // S(q) = q − V/W is known to ~64ε·q; a sign change within that is rounding (at small
            // q with σb² = 0, S ~ q³ is far below it), not a crossing.
            guard Swift.max(Swift.abs(a), Swift.abs(b)) > 64 * Double.ulpOfOne * right.q else { continue }
            if a == 0 && left.q != grid.first?.q { continue }  // counted as the previous interval's end
            let root = b == 0 ? right.q : RootFinding.brent(left.q, right.q) { sample($0).sb2 - sb2 }
            points.append(BoundaryPoint(sw2: sample(root).sw2, qstar: root))
        }
        points.sort { $0.sw2 < $1.sw2 }
        return BoundaryCrossings(sb2: sb2, points: points)
    }
}
