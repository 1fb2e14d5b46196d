import Plot

/// Numbers in figures' legends and titles: four significant digits, `∞` and `—` for infinite
/// and undefined (the calculators' tables keep twelve).
public enum FigureNumber {
    public static func short(_ value: Double?, significant: Int = 4) -> String {
        guard let value, !value.isNaN else { return "—" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        return NumberLabel.plain(value, significant: significant)
    }

    /// A value the user typed, as typed: the shortest decimal that reads back as it (`0.05`,
    /// `2`, `1.2345678`), so a legend never rounds the coordinates it was given.
    public static func given(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
