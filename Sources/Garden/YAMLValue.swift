/// A front-matter value as Yams parsed it, reduced to what the garden needs and can cache.
///
/// Scalars keep the text exactly as written (so `arxiv: 1806.07572` stays the string
/// "1806.07572" rather than becoming a float) together with whether they were plain
/// (unquoted, untagged), which decides whether `null`, `~`, `true`, `false` mean themselves.
public enum YAMLValue: Sendable, Equatable {
    case scalar(String, plain: Bool)
    case list([YAMLValue])
    /// Keys in the order they were written.
    case map([(key: String, value: YAMLValue)])

    public static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, pa), .scalar(b, pb)): return a == b && pa == pb
        case let (.list(a), .list(b)): return a == b
        case let (.map(a), .map(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Looks up a key in a mapping; nil for other values or a missing key.
    public subscript(key: String) -> YAMLValue? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    public var isNull: Bool {
        guard case .scalar(let text, true) = self else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// The scalar's text, or nil for null, lists and mappings.
    public var string: String? {
        guard case .scalar(let text, _) = self, !isNull else { return nil }
        return text
    }

    public var bool: Bool? {
        guard case .scalar(let text, true) = self else { return nil }
        switch text {
        case "true", "True", "TRUE", "yes", "Yes": return true
        case "false", "False", "FALSE", "no", "No": return false
        default: return nil
        }
    }

    public var int: Int? { string.flatMap { Int($0) } }

    /// A list of scalars; a single scalar counts as a one-element list, null as empty.
    public var strings: [String]? {
        switch self {
        case .list(let items): return items.compactMap(\.string)
        case .scalar: return isNull ? [] : string.map { [$0] }
        case .map: return nil
        }
    }

    public var keys: [String] {
        guard case .map(let pairs) = self else { return [] }
        return pairs.map(\.key)
    }
}

extension YAMLValue {
    /// The value on one line: a scalar's text, `[a, b]` for a list, `key: value, key: value`
    /// for a mapping (how `show` and the reading pane print a note's sources).
    public var oneLine: String {
        switch self {
        case .scalar(let text, _): return text
        case .list(let items): return "[" + items.map(\.oneLine).joined(separator: ", ") + "]"
        case .map(let pairs): return pairs.map { "\($0.key): \($0.value.oneLine)" }.joined(separator: ", ")
        }
    }
}
