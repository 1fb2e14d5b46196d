import Plot

/// Numbers in figures' legends and titles: four significant digits, `∞` and `—` for infinite
/// and undefined (the calculators' tables keep twelve).
public enum FigureNumber {
    public static func short(_ value: Double?) -> String {
        guard let value, !value.isNaN else { return "—" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        return NumberLabel.plain(value)
    }
}
