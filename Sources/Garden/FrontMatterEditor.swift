/// Edits a note's front matter line by line, so that everything an edit does not touch stays
/// byte for byte as the owner wrote it: other keys, comments, quoting, blank lines and the
/// body. Only top-level keys are edited.
public struct FrontMatterEditor {
    /// Front-matter lines without their newlines.
    private var lines: [Substring]
    private var body: Substring
    private let newline: String
    /// A byte-order mark before the front matter, kept where it was.
    private let bom: Bool

    public init(_ text: String) {
        bom = text.unicodeScalars.first == "\u{FEFF}"
        let text = bom ? String(text.unicodeScalars.dropFirst()) : text
        newline = text.contains("\r\n") ? "\r\n" : "\n"
        if let split = try? FrontMatterSplit(text), let yaml = split.yaml {
            // "\r\n" is one Character: split on either ending.
            var yamlLines = yaml.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
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
        (bom ? "\u{FEFF}" : "") + "---" + newline + lines.map { $0 + newline }.joined() + body
    }

    /// Sets `key: value`, replacing the key's value (and any block of lines under it) in place,
    /// or adding the key at the end; a comment after a one-line value stays. Returns whether
    /// the text changed.
    @discardableResult
    public mutating func set(_ key: String, _ valueYAML: String) -> Bool {
        guard let range = block(of: key) else {
            lines.append("\(key): \(valueYAML)"[...])
            return true
        }
        let head = lines[range.lowerBound]
        let colon = head.firstIndex(of: ":")!
        var comment = ""
        if range.count == 1, let hash = head.range(of: " #", range: colon..<head.endIndex) {
            // The comment with all the blanks before it, as written.
            var start = hash.lowerBound
            while start > head.index(after: colon), head[head.index(before: start)] == " " || head[head.index(before: start)] == "\t" {
                start = head.index(before: start)
            }
            comment = String(head[start...])
        }
        // Keep trailing blank lines of the block (they separate it from what follows).
        var end = range.upperBound
        while end > range.lowerBound + 1, lines[end - 1].trimmingWhitespace().isEmpty { end -= 1 }
        let line = head[..<colon] + ": " + valueYAML + comment
        if range.count == 1, line == head { return false }
        if end - range.lowerBound == 1, line == head { return false }
        lines.replaceSubrange(range.lowerBound..<end, with: [line[...]])
        return true
    }

    /// The string items of a top-level list (flow or block style), or nil when the key is
    /// missing or not a list of plain items.
    public func listItems(_ key: String) -> [String]? {
        guard let range = block(of: key) else { return nil }
        let head = lines[range.lowerBound]
        let inline = Self.withoutComment(head[head.index(after: head.firstIndex(of: ":")!)...]).value
        if inline.hasPrefix("["), inline.hasSuffix("]") {
            return inline.dropFirst().dropLast().split(separator: ",").map { Self.unquoted($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
        }
        guard inline.isEmpty else { return nil }
        return lines[range].dropFirst().compactMap { line -> String? in
            let trimmed = line.trimmingWhitespace()
            guard trimmed.hasPrefix("- ") else { return nil }
            return Self.unquoted(Self.withoutComment(trimmed.dropFirst(2)).value)
        }
    }

    /// A one-line value and the comment after it (with the blanks before its `#`), split
    /// outside quotes; the value is trimmed.
    static func withoutComment(_ text: Substring) -> (value: Substring, comment: Substring) {
        var quote: Character?
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                var start = index
                while start > text.startIndex, text[text.index(before: start)] == " " || text[text.index(before: start)] == "\t" {
                    start = text.index(before: start)
                }
                return (text[..<start].trimmingWhitespace(), text[start...])
            }
            previous = character
        }
        return (text.trimmingWhitespace(), text[text.endIndex...])
    }

    /// Removes the items equal to `item` (any case) from a top-level list, flow or block style;
    /// returns whether one was there.
    @discardableResult
    public mutating func removeListItem(_ key: String, _ item: String) -> Bool {
        guard let range = block(of: key), let items = listItems(key) else { return false }
        let wanted = item.lowercased()
        guard items.contains(where: { $0.lowercased() == wanted }) else { return false }
        let head = lines[range.lowerBound]
        let (inline, comment) = Self.withoutComment(head[head.index(after: head.firstIndex(of: ":")!)...])
        if inline.hasPrefix("[") {
            let kept = inline.dropFirst().dropLast().split(separator: ",").map { $0.trimmingWhitespace() }
                .filter { Self.unquoted($0).lowercased() != wanted }
            lines[range.lowerBound] = (head[..<head.firstIndex(of: ":")!] + ": [" + kept.joined(separator: ", ") + "]" + comment)[...]
        } else {
            let kept = lines[range].enumerated().filter { offset, line in
                offset == 0 || !(line.trimmingWhitespace().hasPrefix("- ") && Self.unquoted(Self.withoutComment(line.trimmingWhitespace().dropFirst(2)).value).lowercased() == wanted)
            }.map(\.element)
            lines.replaceSubrange(range, with: kept.count == 1 ? [(head + " []")[...]] : kept)
        }
        return true
    }

    /// Replaces the items of a top-level list, flow or block style, for which `replacement`
    /// gives a new value (written as a YAML scalar); the other items stay as written. Returns
    /// whether one was replaced.
    @discardableResult
    public mutating func replaceListItems(_ key: String, _ replacement: (String) -> String?) -> Bool {
        guard let range = block(of: key), listItems(key) != nil else { return false }
        var changed = false
        let head = lines[range.lowerBound]
        let colon = head.firstIndex(of: ":")!
        let inline = head[head.index(after: colon)...].trimmingWhitespace()
        if inline.hasPrefix("[") {
            let items = inline.dropFirst().dropLast().split(separator: ",").map { item -> String in
                let trimmed = item.trimmingWhitespace()
                guard let new = replacement(Self.unquoted(trimmed)) else { return String(trimmed) }
                changed = true
                return YAMLText.scalar(new)
            }
            if changed { lines[range.lowerBound] = (head[..<colon] + ": [" + items.joined(separator: ", ") + "]")[...] }
            return changed
        }
        for index in range.dropFirst() {
            let line = lines[index]
            let trimmed = line.trimmingWhitespace()
            guard trimmed.hasPrefix("- "), let new = replacement(Self.unquoted(trimmed.dropFirst(2).trimmingWhitespace())) else { continue }
            lines[index] = (line.prefix { $0 == " " || $0 == "\t" } + "- " + YAMLText.scalar(new))[...]
            changed = true
        }
        return changed
    }

    /// Removes a top-level key and the lines of its value (the blank lines after it stay, as
    /// they separate what follows); returns whether it was there.
    @discardableResult
    public mutating func remove(_ key: String) -> Bool {
        guard let range = block(of: key) else { return false }
        var end = range.upperBound
        while end > range.lowerBound + 1, lines[end - 1].trimmingWhitespace().isEmpty { end -= 1 }
        lines.removeSubrange(range.lowerBound..<end)
        return true
    }

    private static func unquoted(_ text: Substring) -> String {
        let value = String(text)
        if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" { return String(value.dropFirst().dropLast()) }
        return value
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
        let (inlineValue, comment) = Self.withoutComment(head[head.index(after: head.firstIndex(of: ":")!)...])
        if inlineValue.hasPrefix("["), inlineValue.hasSuffix("]"), items.allSatisfy({ $0.count == 1 }) {
            let existing = inlineValue.dropFirst().dropLast().trimmingWhitespace()
            let added = items.map { String($0[0].dropFirst(2)) }.joined(separator: ", ")
            let joined = existing.isEmpty ? added : existing + ", " + added
            // The key's own lines only (a one-line list: the head), its comment kept.
            lines.replaceSubrange(range.lowerBound..<(range.lowerBound + 1), with: ["\(key): [\(joined)]\(comment)"[...]])
            return
        }
        if Self.isNullBlock(lines[range]) {
            lines.replaceSubrange(range, with: ["\(key):"[...]] + items.flatMap { $0.map { ("  " + $0)[...] } })
            return
        }
        // Anything else on the key's line (a list over several lines, a scalar) is not a
        // block list: left alone; the edit's check then refuses it (`NoteEdit`).
        guard inlineValue.isEmpty else { return }
        // Block list: match the indentation of its first item, insert after its last line.
        let itemLines = lines[range].dropFirst()
        let firstItem = itemLines.first { $0.trimmingWhitespace().hasPrefix("-") }
        let indent = firstItem.map { String($0.prefix { $0 == " " }) } ?? "  "
        var insertAt = range.upperBound
        while insertAt > range.lowerBound + 1, lines[insertAt - 1].trimmingWhitespace().isEmpty { insertAt -= 1 }
        lines.insert(contentsOf: items.flatMap { $0.map { (indent + $0)[...] } }, at: insertAt)
    }

    /// Appends one line at the end of the body's `## Notes` section (before the next heading
    /// of its level or above, and before the blank lines that end it), or adds the section at
    /// the end of the body when there is none. Every other byte stays.
    public mutating func appendToNotes(_ line: String) {
        let parts = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let isHeading = { (text: Substring) -> Bool in
            let trimmed = text.trimmingWhitespace()
            return trimmed.hasPrefix("# ") || trimmed.hasPrefix("## ")
        }
        guard let start = parts.firstIndex(where: { $0.trimmingWhitespace().lowercased() == "## notes" }) else {
            appendToBody("## Notes" + newline + newline + line)
            return
        }
        var end = parts[(start + 1)...].firstIndex(where: isHeading) ?? parts.count
        // The body's own final newline gives one empty last part: not a line of the section.
        if end == parts.count, parts.last == "" { end -= 1 }
        var insert = end
        while insert > start + 1, parts[insert - 1].trimmingWhitespace().isEmpty { insert -= 1 }
        // Rebuild: the lines before `insert`, the new line, the rest, with the body's newlines.
        var lines = parts.map(String.init)
        let blankAfterHeading = insert == start + 1
        lines.insert(contentsOf: blankAfterHeading ? ["", line] : [line], at: insert)
        body = lines.joined(separator: newline)[...]
    }

    /// The notes section's text, as the loader finds it ("Notes", "Note" or "My notes", at
    /// levels 1 to 3), with "\n" line ends and without the blank lines around it; "" when the
    /// section is empty or missing. What the in-app editor edits.
    public var notesText: String {
        guard let notes = NoteBody.scan(body, lineOffset: 0).notes else { return "" }
        return String(notes).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Replaces the notes section's text (`notesText`) with `text` ("\n" line ends, written
    /// with the file's own); the heading, the blank lines around the text and everything
    /// else stay byte for byte. A note without the section gets one at the end of the body.
    public mutating func replaceNotes(with text: String) {
        let converted = text.replacingNewlines(with: newline)
        if let notes = NoteBody.scan(body, lineOffset: 0).notes {
            body = (body[..<notes.startIndex] + converted + body[notes.endIndex...])[...]
            return
        }
        guard !text.isEmpty else { return }
        // An empty section: the text goes after its heading, a blank line between.
        let lineEnds = body.indices.filter { body[$0] == "\n" || body[$0] == "\r\n" }
        let headings = NoteSections.headingLines(in: body)
        if let heading = headings.first(where: { NoteSections.isNotesHeading($0.text) && $0.level <= 3 }) {
            let end = heading.line < lineEnds.count ? lineEnds[heading.line] : body.endIndex
            let rest = body[end...]
            let tail = rest.allSatisfy(\.isWhitespace) ? newline : newline + rest
            body = (body[..<end] + newline + newline + converted + tail)[...]
            return
        }
        appendToBody("## Notes" + newline + newline + text)
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
