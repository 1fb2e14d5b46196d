import Yams

/// Writes YAML scalars and small values the way a person would: plain when that reads back as
/// the same string, quoted otherwise. Yams decides what needs quoting.
public enum YAMLText {
    public static func scalar(_ text: String) -> String {
        if text.isEmpty { return "\"\"" }
        let node = Node.scalar(.init(text, Tag(.str), .any))
        let emitted = (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? "\"\(text)\""
        var line = emitted.hasSuffix("\n") ? String(emitted.dropLast()) : emitted
        if line.hasSuffix("\n...") { line = String(line.dropLast(4)) }
        // A plain scalar that YAML would read as something else (a number, a date, null,
        // a bool) must be quoted to stay a string.
        if !line.hasPrefix("\"") && !line.hasPrefix("'"), looksTyped(text) { return "\"\(text)\"" }
        return line
    }

    static func looksTyped(_ text: String) -> Bool {
        if Double(text) != nil || Int(text) != nil { return true }
        if ["null", "Null", "NULL", "~", "true", "false", "True", "False", "yes", "no", "Yes", "No", "on", "off"].contains(text) { return true }
        return text.first.map { "0123456789-+.".contains($0) } ?? false
    }

    /// `[a, b, c]` with each element written as a scalar.
    public static func flowList(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }
}
