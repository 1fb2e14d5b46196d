/// What a delete or yank took, for `p`/`P`: whole lines (`dd`, `yy`) or a run of text, which
/// may span lines (`d}`, `x`).
struct Register: Equatable, Sendable {
    var lines: [[Character]]
    var linewise: Bool

    var text: String { lines.map { String($0) }.joined(separator: "\n") }
}

/// The edits every mode is made of. Each one leaves the cursor where the edit ends, and rebuilds
/// the lines it touches from their text: joining two pieces can make one grapheme cluster of two
/// (an "e" before a lone combining accent, two regional indicators), and the cursor must land on
/// a cluster boundary of the result.
extension TextEditorState {
    /// Inserts `text` (which may hold "\n") at the cursor; the cursor ends after it.
    mutating func insert(_ text: String) {
        let line = lines[cursor.line]
        let head = String(line[..<cursor.column])
        let tail = String(line[cursor.column...])
        var pieces = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        let last = pieces.removeLast()
        if pieces.isEmpty {
            lines[cursor.line] = Array(head + last + tail)
            cursor.column = boundary(cursor.line, utf8: head.utf8.count + last.utf8.count)
            return
        }
        let replacement = [Array(head + pieces[0])] + pieces.dropFirst().map { Array($0) } + [Array(last + tail)]
        lines.replaceSubrange(cursor.line...cursor.line, with: replacement)
        cursor.line += pieces.count
        cursor.column = boundary(cursor.line, utf8: last.utf8.count)
    }

    /// The text from `start` up to `end`, exclusive. `end` may be on a later line;
    /// `Position(line: l + 1, column: 0)` takes the newline after line l.
    func slice(from start: Position, to end: Position) -> Register {
        guard start < end else { return Register(lines: [[]], linewise: false) }
        if start.line == end.line {
            return Register(lines: [Array(lines[start.line][start.column..<end.column])], linewise: false)
        }
        let first = Array(lines[start.line][start.column...])
        let last = Array(lines[end.line][..<end.column])
        return Register(lines: [first] + lines[(start.line + 1)..<end.line] + [last], linewise: false)
    }

    /// Removes the text from `start` up to `end` (as `slice`) and returns it; the cursor ends
    /// at `start`.
    @discardableResult
    mutating func delete(from start: Position, to end: Position) -> Register {
        let taken = slice(from: start, to: end)
        guard start < end else { return taken }
        let head = String(lines[start.line][..<start.column])
        let tail = String(lines[end.line][end.column...])
        lines.replaceSubrange(start.line...end.line, with: [Array(head + tail)])
        cursor = Position(line: start.line, column: boundary(start.line, utf8: head.utf8.count))
        return taken
    }

    /// Removes whole lines and returns them; the cursor ends on the first non-blank of the line
    /// that took their place. The text keeps at least one (empty) line.
    @discardableResult
    mutating func deleteLines(_ range: ClosedRange<Int>) -> Register {
        let taken = Register(lines: Array(lines[range]), linewise: true)
        lines.removeSubrange(range)
        if lines.isEmpty { lines = [[]] }
        let line = min(range.lowerBound, lines.count - 1)
        cursor = Position(line: line, column: firstNonBlank(line))
        return taken
    }

    /// Makes line `line` and the next one line. `J` (`spaced`) drops the next line's leading
    /// blanks and puts one space between (none after a blank or an empty line, or before
    /// nothing); Backspace and Delete join as they are. The cursor ends at the join.
    mutating func joinLine(_ line: Int, spaced: Bool) {
        guard line + 1 < lines.count else { return }
        let first = lines[line]
        let second = spaced ? Array(lines[line + 1].drop { $0.isWhitespace }) : lines[line + 1]
        let space = spaced && !(first.last?.isWhitespace ?? true) && !second.isEmpty ? " " : ""
        let head = String(first) + space
        lines.replaceSubrange(line...(line + 1), with: [Array(head + String(second))])
        cursor = Position(line: line, column: boundary(line, utf8: String(first).utf8.count))
    }

    /// `p` (`after`) and `P`: whole lines go below or above the cursor's line, text after or at
    /// the cursor, `count` times.
    mutating func put(_ register: Register, after: Bool, count: Int) {
        if register.linewise {
            let at = after ? cursor.line + 1 : cursor.line
            lines.insert(contentsOf: Array(repeating: register.lines, count: count).joined(), at: at)
            cursor = Position(line: at, column: firstNonBlank(at))
            return
        }
        if after, !lines[cursor.line].isEmpty { cursor.column += 1 }
        insert(String(repeating: register.text, count: count))
        // On the last character put, as vim leaves it.
        cursor.column = max(0, cursor.column - 1)
    }

    /// The first non-blank character of a line (its last character when all are blank).
    func firstNonBlank(_ line: Int) -> Int {
        lines[line].firstIndex { !$0.isWhitespace } ?? max(0, lines[line].count - 1)
    }

    /// Keeps the cursor in the text: in insert mode it may stand after the last character, in
    /// the other modes only on one.
    mutating func clampCursor() {
        cursor.line = min(max(0, cursor.line), lines.count - 1)
        let count = lines[cursor.line].count
        cursor.column = min(max(0, cursor.column), mode == .insert ? count : max(0, count - 1))
    }

    /// The first cluster boundary of line `line` at or after `offset` UTF-8 bytes.
    func boundary(_ line: Int, utf8 offset: Int) -> Int {
        var total = 0
        for (index, character) in lines[line].enumerated() {
            if total >= offset { return index }
            total += character.utf8.count
        }
        return lines[line].count
    }
}
