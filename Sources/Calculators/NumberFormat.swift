import Foundation

/// How the calculators print numbers for a person, in `trellis calc`'s tables and in the
/// browser's calculator panes alike: twelve significant digits, ∞ for infinity and "—" for an
/// undefined quantity.
public enum NumberFormat {
    public static func number(_ value: Double?) -> String {
        guard let value, !value.isNaN else { return "—" }
        if value == .infinity { return "∞" }
        if value == -.infinity { return "-∞" }
        return String(format: "%.12g", value)
    }

    public static func count(_ value: Int?) -> String { value.map(String.init) ?? "—" }

    /// A parameter as typed back into the palette or a command line: the shortest text that
    /// reads back as the same double ("1.5", not "1.500000000000").
    public static func parameter(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
