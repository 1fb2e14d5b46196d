/// A one-line excerpt of a field around a match, for showing a search hit.
enum SearchSnippet {
    /// Characters in an excerpt, about; the match is kept whole even when longer.
    static let width = 100

    /// The excerpt of `field` of `note` around the match at `foldedMatch` (byte offsets in
    /// the note's folded text of that field, as in the index), and where the match is in it.
    /// A title is shown whole.
    static func make(field: SearchField, note: Note, foldedMatch: Range<Int>) -> (String, Range<String.Index>) {
        let text = field.segments(of: note).joined(separator: field.joiner)
        // Fold again, this time keeping where each folded byte came from. The index's bytes
        // were made the same way (see FieldText.Builder.add), so the offsets agree.
        var folded: [UInt8] = [SearchFolding.separator]
        var origin: [Int32] = []
        withUnsafeMutablePointer(to: &origin) { SearchFolding.fold(text[...], into: &folded, map: $0) }
        guard foldedMatch.upperBound <= origin.count, !foldedMatch.isEmpty else {
            return (collapsed(text[...]), text.startIndex..<text.startIndex)
        }
        let utf8 = Array(text.utf8)
        let start = Int(origin[foldedMatch.lowerBound])
        let last = Int(origin[foldedMatch.upperBound - 1])
        let end = last + scalarLength(leadByte: utf8[last])
        // Only text near the match can show; a window of 4 × width bytes on each side is
        // plenty even for 4-byte characters, cut at character starts.
        var windowStart = max(0, start - 4 * width), windowEnd = min(utf8.count, end + 4 * width)
        while windowStart > 0, utf8[windowStart] & 0xC0 == 0x80 { windowStart -= 1 }
        while windowEnd < utf8.count, utf8[windowEnd] & 0xC0 == 0x80 { windowEnd += 1 }
        let before = collapsed(String(decoding: utf8[windowStart..<start], as: UTF8.self)[...])
        let match = collapsed(String(decoding: utf8[start..<end], as: UTF8.self)[...])
        let after = collapsed(String(decoding: utf8[end..<windowEnd], as: UTF8.self)[...])
        var (head, tail) = field == .title ? (before, after) : trim(before: before, after: after, room: width - match.count)
        if windowStart > 0, !head.hasPrefix("…") { head = "…" + head }
        if windowEnd < utf8.count, !tail.hasSuffix("…") { tail += "…" }
        let snippet = String(head.drop { $0 == " " }) + match + String(tail.reversed().drop { $0 == " " }.reversed())
        let lower = snippet.utf8.index(snippet.startIndex, offsetBy: head.drop { $0 == " " }.utf8.count)
        let upper = snippet.utf8.index(lower, offsetBy: match.utf8.count)
        return (snippet, lower..<upper)
    }

    /// Keeps about 30% of the room for text before the match, more when little follows it, and
    /// cuts at spaces where one is near, marking cuts with `…`.
    static func trim(before: String, after: String, room: Int) -> (String, String) {
        let room = max(room, 20)
        // Cutting a few characters would save little and lose the start of the sentence.
        if before.count + after.count <= room + 10 { return (before, after) }
        let beforeCount = min(before.count, max(room * 3 / 10, room - after.count))
        let afterCount = min(after.count, room - beforeCount)
        var head = String(before.suffix(beforeCount))
        if beforeCount < before.count {
            if let space = head.prefix(15).firstIndex(of: " ") { head = String(head[head.index(after: space)...]) }
            head = "…" + head
        }
        var tail = String(after.prefix(afterCount))
        if afterCount < after.count {
            if let space = tail.suffix(15).lastIndex(of: " ") { tail = String(tail[..<space]) }
            tail += "…"
        }
        return (head, tail)
    }

    /// Whitespace runs, newlines included, become one space.
    static func collapsed(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasSpace = false
        for character in text {
            if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result
    }

    private static func scalarLength(leadByte: UInt8) -> Int {
        leadByte < 0x80 ? 1 : leadByte < 0xE0 ? 2 : leadByte < 0xF0 ? 3 : 4
    }
}
