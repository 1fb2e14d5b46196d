/// A JSON value and its pretty, key-sorted text. Hand-written rather than JSONSerialization so
/// that the output is stable across platforms and every control character is escaped.
enum JSON: Equatable {
    case null
    case bool(Bool)
    case number(Int)
    /// Printed in Swift's shortest round-trip form; not-finite values print as null.
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    static func string(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }
    static func string(_ text: Substring?) -> JSON { text.map { .string(String($0)) } ?? .null }
    static func number(_ value: Int?) -> JSON { value.map(JSON.number) ?? .null }

    /// A number as the calculators report it: +∞ as the string "inf", −∞ as "-inf", and an
    /// undefined value (nil or NaN) as null.
    static func quantity(_ value: Double?) -> JSON {
        guard let value, !value.isNaN else { return .null }
        if value == .infinity { return .string("inf") }
        if value == -.infinity { return .string("-inf") }
        return .double(value)
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Two-space indentation, keys sorted, no trailing newline.
    func rendered() -> String {
        var out = ""
        write(to: &out, indent: "")
        return out
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += String(value)
        case .double(let value): out += value.isFinite ? String(value) : "null"
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                // Rows of numbers (matrices, axes) stay on one line each.
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += ", " }
                    item.write(to: &out, indent: indent)
                }
                out += "]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += inner
                item.write(to: &out, indent: inner)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (index, key) in members.keys.sorted().enumerated() {
                out += inner
                Self.writeString(key, to: &out)
                out += ": "
                members[key]!.write(to: &out, indent: inner)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    /// Quotes and escapes: `"` and `\`, the usual short escapes, and every other C0 control,
    /// DEL, C1 control and line/paragraph separator as `\u00XX` (so JSON piped to a terminal
    /// cannot carry escape sequences either).
    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 {
                    let hex = String(value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
