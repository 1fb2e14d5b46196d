/// Edits a note's front matter line by line, so that everything an edit does not touch stays
/// byte for byte as the owner wrote it: other keys, comments, quoting, blank lines and the
/// body. Only top-level keys are edited.
public struct FrontMatterEditor {
    /// Front-matter lines without their newlines.
    private var lines: [Substring]
    private var body: Substring
    private let newline: String

    public init(_ text: String) {
        newline = text.contains("\r\n") ? "\r\n" : "\n"
        if let split = try? FrontMatterSplit(text), let yaml = split.yaml {
            var yamlLines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            if yamlLines.last == "" { yamlLines.removeLast() }
            lines = yamlLines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            // Keep the closing fence line as it was written (it is part of `body`'s prefix).
            let closing = text[yaml.endIndex..<split.body.startIndex]
            body = closing + split.body
        } else {
            lines = []
            body = "---" + newline + text[...]
        }
    }

    public var text: String {
        "---" + newline + lines.map { $0 + newline }.joined() + body
    }

    /// Sets `key: value` when the key is missing or null; returns whether it changed anything.
    @discardableResult
    public mutating func setIfEmpty(_ key: String, _ valueYAML: String) -> Bool {
        if let range = block(of: key) {
            guard Self.isNullBlock(lines[range]) else { return false }
            lines.replaceSubrange(range, with: ["\(key): \(valueYAML)"[...]])
        } else {
            lines.append("\(key): \(valueYAML)"[...])
        }
        return true
    }

    /// Appends block-style list items (each given as YAML lines without indentation, the first
    /// starting with `- `) to the list under `key`, creating the key when it is missing.
    /// A flow-style list (`key: [a, b]`) is extended in flow style when the items are scalars.
    public mutating func append(to key: String, items: [[String]]) {
        guard !items.isEmpty else { return }
        guard let range = block(of: key) else {
            lines.append("\(key):"[...])
            lines += items.flatMap { $0.map { "  " + $0 } }.map { $0[...] }
            return
        }
        let head = lines[range.lowerBound]
        let inlineValue = head[head.index(after: head.firstIndex(of: ":")!)...].trimmingWhitespace()
        if inlineValue.hasPrefix("["), inlineValue.hasSuffix("]"), items.allSatisfy({ $0.count == 1 }) {
            let existing = inlineValue.dropFirst().dropLast().trimmingWhitespace()
            let added = items.map { String($0[0].dropFirst(2)) }.joined(separator: ", ")
            let joined = existing.isEmpty ? added : existing + ", " + added
            lines.replaceSubrange(range, with: ["\(key): [\(joined)]"[...]])
            return
        }
        if Self.isNullBlock(lines[range]) || inlineValue == "[]" {
            lines.replaceSubrange(range, with: ["\(key):"[...]] + items.flatMap { $0.map { ("  " + $0)[...] } })
            return
        }
        // Block list: match the indentation of its first item, insert after its last line.
        let itemLines = lines[range].dropFirst()
        let firstItem = itemLines.first { $0.trimmingWhitespace().hasPrefix("-") }
        let indent = firstItem.map { String($0.prefix { $0 == " " }) } ?? "  "
        var insertAt = range.upperBound
        while insertAt > range.lowerBound + 1, lines[insertAt - 1].trimmingWhitespace().isEmpty { insertAt -= 1 }
        lines.insert(contentsOf: items.flatMap { $0.map { (indent + $0)[...] } }, at: insertAt)
    }

    /// Appends Markdown to the end of the body, separated by a blank line.
    public mutating func appendToBody(_ markdown: String) {
        var trimmed = body
        while trimmed.last == "\n" || trimmed.last == "\r" || trimmed.last == " " { trimmed = trimmed.dropLast() }
        let separator = trimmed.hasSuffix("---") && trimmed.count <= 5 ? newline : newline + newline
        body = trimmed + separator + markdown.replacingNewlines(with: newline) + newline
    }

    /// The lines of a top-level key: its own line and the indented or blank lines after it.
    private func block(of key: String) -> Range<Int>? {
        guard let start = lines.firstIndex(where: { Self.topLevelKey($0) == key }) else { return nil }
        var end = start + 1
        while end < lines.count, Self.topLevelKey(lines[end]) == nil,
              !(lines[end].first == "#") {
            end += 1
        }
        return start..<end
    }

    private static func topLevelKey(_ line: Substring) -> String? {
        guard let first = line.first, first != " ", first != "\t", first != "#", first != "-",
              let colon = line.firstIndex(of: ":") else { return nil }
        return String(line[..<colon]).trimmed.trimmingCharacters(in: "\"")
    }

    private static func isNullBlock(_ block: ArraySlice<Substring>) -> Bool {
        guard let head = block.first, let colon = head.firstIndex(of: ":") else { return false }
        let value = head[head.index(after: colon)...].trimmingWhitespace()
        let nullValue = value.isEmpty || value == "~" || value == "null" || value.hasPrefix("#")
        return nullValue && block.dropFirst().allSatisfy { $0.trimmingWhitespace().isEmpty }
    }
}

extension String {
    func replacingNewlines(with newline: String) -> String {
        newline == "\n" ? self : split(separator: "\n", omittingEmptySubsequences: false).joined(separator: newline)
    }
}

extension YAMLText {
    /// A value as the lines of a block-list item: `- key: value` then `  key: value`.
    public static func listItem(_ value: YAMLValue) -> [String] {
        let lines = block(value)
        return lines.enumerated().map { $0 == 0 ? "- " + $1 : "  " + $1 }
    }

    /// A value as block YAML lines (mappings and lists nest by two spaces).
    public static func block(_ value: YAMLValue) -> [String] {
        switch value {
        case .scalar(let text, let plain):
            return [plain ? text : scalar(text)]
        case .list(let items):
            if items.isEmpty { return ["[]"] }
            return items.flatMap(listItem)
        case .map(let pairs):
            return pairs.flatMap { pair -> [String] in
                switch pair.value {
                case .scalar: return ["\(pair.key): \(block(pair.value)[0])"]
                case .list(let items) where items.isEmpty: return ["\(pair.key): []"]
                default: return ["\(pair.key):"] + block(pair.value).map { "  " + $0 }
                }
            }
        }
    }
}
