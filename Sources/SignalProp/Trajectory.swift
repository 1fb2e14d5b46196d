/// One layer of a pair of inputs' propagation: their lengths, covariance and correlation.
public struct TrajectoryLayer: Sendable, Equatable {
    public var layer: Int
    public var q11: Double
    public var q22: Double
    public var q12: Double
    /// q₁₂/√(q₁₁q₂₂); nil when either length is 0.
    public var correlation: Double?
}

extension MeanField {
    /// Iterates the 2×2 covariance through `depth` layers: q_aa ← F(q_aa) and
    /// q₁₂ ← σw²·E[φ(u₁)φ(u₂)] + σb² over the current covariance. Layer 0 is the input.
    public func trajectory(q11: Double, q22: Double, q12: Double, depth: Int) -> [TrajectoryLayer] {
        var layers: [TrajectoryLayer] = []
        var (a, b, ab) = (q11, q22, q12)
        for layer in 0...depth {
            let c = Self.correlation(a, b, ab)
            layers.append(TrajectoryLayer(layer: layer, q11: a, q22: b, q12: ab, correlation: c))
            guard layer < depth else { break }
            guard a.isFinite, b.isFinite else {
                // Lengths past the largest double (an exploding map): +∞ from here on, and the
                // covariance undefined.
                (a, b, ab) = (a.isFinite ? lengthMap(a) : .infinity, b.isFinite ? lengthMap(b) : .infinity, .nan)
                continue
            }
            let product = expectations.pair(q1: a, q2: b, c: c ?? 0).product
            (a, b, ab) = (lengthMap(a), lengthMap(b), sw2 * product + sb2)
        }
        return layers
    }

    /// The correlation of a covariance, clamped to [−1, 1] against rounding.
    static func correlation(_ q11: Double, _ q22: Double, _ q12: Double) -> Double? {
        guard q11 > 0, q22 > 0, q11.isFinite, q22.isFinite, q12.isFinite else { return nil }
        // √q₁₁·√q₂₂, not √(q₁₁q₂₂): the product overflows or underflows long before q does.
        return Swift.min(Swift.max(q12 / (q11.squareRoot() * q22.squareRoot()), -1), 1)
    }
}
