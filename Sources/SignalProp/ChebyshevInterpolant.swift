import RealModule

/// A function on [low, high] as its interpolant in n Chebyshev points of the first kind,
/// evaluated by Clenshaw's recurrence.
struct ChebyshevInterpolant {
    let low: Double
    let high: Double
    let coefficients: [Double]

    init(points n: Int, on low: Double, _ high: Double, _ f: (Double) -> Double) {
        self.low = low
        self.high = high
        let angles = (0..<n).map { Double.pi * (Double($0) + 0.5) / Double(n) }
        let values = angles.map { f(low + (high - low) * (1 + Double.cos($0)) / 2) }
        coefficients = (0..<n).map { j in
            var sum = 0.0
            for k in 0..<n { sum += values[k] * Double.cos(Double(j) * angles[k]) }
            return sum * (j == 0 ? 1 : 2) / Double(n)
        }
    }

    func callAsFunction(_ x: Double) -> Double {
        let t = (2 * x - low - high) / (high - low)
        var b1 = 0.0, b2 = 0.0
        for c in coefficients.dropFirst().reversed() {
            (b1, b2) = (c + 2 * t * b1 - b2, b1)
        }
        return coefficients[0] + t * b1 - b2
    }
}
