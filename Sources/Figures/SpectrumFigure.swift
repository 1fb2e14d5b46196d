import Plot
import SignalProp

/// The eigenvalues μ_l of a dot-product kernel on S^(d−1) against the degree l, on a log axis;
/// modes that vanish (|μ_l| ≤ 1e-12 of the largest) or are negative cannot be drawn there and
/// are named in a note.
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

    /// The degrees whose μ_l vanish, and those where it is negative.
    public var skipped: (zero: [Int], negative: [Int]) {
        let zero = mu.indices.filter { Self.vanishes(mu[$0], among: mu) }
        let negative = mu.indices.filter { mu[$0] < 0 && !Self.vanishes(mu[$0], among: mu) }
        return (zero, negative)
    }

    /// Whether an eigenvalue is zero up to the quadrature's rounding: |μ| ≤ 1e-12 of the
    /// largest (relu's odd modes from l = 3 come out near 1e-17, not 0).
    public static func vanishes(_ value: Double, among all: [Double]) -> Bool {
        abs(value) <= 1e-12 * (all.map(abs).max() ?? 0)
    }

    public func plot() -> Plot {
        let (zero, negative) = skipped
        let hidden = Set(zero + negative)
        let shown = mu.indices.filter { !hidden.contains($0) }
        var plot = Plot(
            title: PlotText("Spectrum on S^\(dimension - 1) (d = \(dimension)): \(description)"),
            x: Axis("degree l", range: 0...Double(max(1, mu.count - 1))),
            y: Axis("μ_l", scale: .log10),
            series: [Series("μ_l", x: shown.map(Double.init), y: shown.map { mu[$0] }, style: .markers(.dot))])
        if !zero.isEmpty { plot.notes.append(PlotText("μ_l = 0 (not drawn) at \(Self.describe(zero))")) }
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
