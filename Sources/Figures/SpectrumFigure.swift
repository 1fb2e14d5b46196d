import Plot
import SignalProp

/// The eigenvalues μ_l of a dot-product kernel on S^(d−1) against the degree l, on a log axis;
/// modes within the quadrature's noise (`noiseFloor`) or negative cannot be drawn there and are
/// named in a note.
public struct SpectrumFigure: Sendable {
    public var mu: [Double]
    public var dimension: Int
    public var description: String

    /// `mu[l]` for l = 0…lmax, computed by `SphereSpectrum`; `description` names the kernel.
    public init(mu: [Double], dimension: Int, description: String) {
        self.mu = mu
        self.dimension = dimension
        self.description = description
    }

    /// The degrees whose μ_l are within the quadrature's noise, and those where μ_l is
    /// negative beyond it.
    public var skipped: (noise: [Int], negative: [Int]) {
        let floor = Self.noiseFloor(mu)
        let noise = mu.indices.filter { abs(mu[$0]) <= floor }
        let negative = mu.indices.filter { mu[$0] < 0 && abs(mu[$0]) > floor }
        return (noise, negative)
    }

    /// How large an eigenvalue the quadrature's rounding alone can produce, read from the
    /// spectrum itself: four times the largest tiny value (|μ| ≤ 1e-10 of the largest) whose
    /// sign is opposite to the largest's, 0 when there is none. A positive-definite kernel
    /// (every network's) has no tiny negative modes, so those are rounding; for a negative
    /// kernel (`--fn '-exp(t)'`) the tiny positive ones are. Relu's odd modes from l = 3 come
    /// out near ±1e-17 instead of 0, while exp(t)'s true μ₁₄ ≈ 2e-16 and tanh's decay to 1e-19
    /// at d = 10 stay above their spectra's floors.
    public static func noiseFloor(_ mu: [Double]) -> Double {
        guard let dominant = mu.max(by: { abs($0) < abs($1) }), dominant != 0 else { return 0 }
        let tiny = mu.filter { ($0 < 0) != (dominant < 0) && $0 != 0 && abs($0) <= 1e-10 * abs(dominant) }
        return 4 * (tiny.map(abs).max() ?? 0)
    }

    /// The spectrum as eigenlearning takes it: modes within the noise floor, and negative
    /// ones, carry nothing (0).
    public static func cleaned(_ mu: [Double]) -> [Double] {
        let floor = noiseFloor(mu)
        return mu.map { abs($0) <= floor ? 0 : Swift.max(0, $0) }
    }

    public func plot() -> Plot {
        let (noise, negative) = skipped
        let hidden = Set(noise + negative)
        let shown = mu.indices.filter { !hidden.contains($0) }
        var plot = Plot(
            title: PlotText("Spectrum on S^\(dimension - 1) (d = \(dimension)): \(description)"),
            x: Axis("degree l", range: 0...Double(max(1, mu.count - 1)), integers: true),
            y: Axis("μ_l", scale: .log10),
            series: [Series("μ_l", x: shown.map(Double.init), y: shown.map { mu[$0] }, style: .markers(.dot))])
        let floor = Self.noiseFloor(mu)
        if !noise.isEmpty, floor == 0 {
            plot.notes.append(PlotText("μ_l = 0 (not drawn on a log axis) at \(Self.describe(noise))"))
        } else if !noise.isEmpty {
            plot.notes.append(PlotText("μ_l ≈ 0 (within the quadrature's noise, |μ_l| ≤ \(FigureNumber.short(floor))) at \(Self.describe(noise)): not drawn"))
        }
        if !negative.isEmpty { plot.notes.append(PlotText("μ_l < 0 (not drawn on a log axis) at \(Self.describe(negative))")) }
        return plot
    }

    /// "odd l ≥ 3", "even l ≥ 2", or the list (cut after eight).
    static func describe(_ degrees: [Int]) -> String {
        guard let first = degrees.first, let last = degrees.last else { return "" }
        if degrees.count >= 3 {
            for parity in [1, 0] where degrees.allSatisfy({ $0 % 2 == parity }) && degrees.count == (last - first) / 2 + 1 {
                return "\(parity == 1 ? "odd" : "even") l from \(first) to \(last)"
            }
        }
        let listed = degrees.prefix(8).map(String.init).joined(separator: ", ")
        return "l = " + listed + (degrees.count > 8 ? ", …" : "")
    }
}
