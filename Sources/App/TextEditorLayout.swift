import Screen

/// How the editor's text meets the screen: the width each grapheme cluster takes, how a line
/// wraps into rows, and which row is on top so that the cursor's row shows. Shared by the
/// state's `layout` and the view, so what is kept in view is what is drawn.
///
/// Widths are display widths (`DisplayWidth`): wide characters take two cells, combining marks
/// none. A tab takes the cells to the next multiple of `tabStop` in its row; a control character
/// (or a cluster that would take no cell, such as a lone combining mark or a zero-width space)
/// takes the cells of its visible placeholder (`^G`, `<200b>`), so every cluster the cursor can
/// stand on has a cell.
enum TextEditorLayout {
    static let tabStop = 4

    /// The parts of the editor's rectangle: the title row, a one-column gutter for wrap marks,
    /// the text, the status row. Short rectangles give up the title, then the text; narrow
    /// ones the gutter.
    struct Areas: Equatable {
        var title: Rect?
        var gutter: Rect?
        var text: Rect
        var status: Rect?
    }

    static func areas(in rect: Rect) -> Areas {
        var rest = rect
        var areas = Areas(text: Rect(x: rect.x, y: rect.y, width: 0, height: 0))
        if rest.height >= 3 {
            areas.title = Rect(x: rest.x, y: rest.y, width: rest.width, height: 1)
            rest = rest.splitTop(1).rest
        }
        if rest.height >= 1 {
            areas.status = Rect(x: rest.x, y: rest.maxY - 1, width: rest.width, height: 1)
            rest.height -= 1
        }
        if rest.width >= 10 {
            let (gutter, text) = rest.splitLeft(1)
            areas.gutter = gutter
            rest = text
        }
        areas.text = rest
        return areas
    }

    // MARK: - Widths

    /// The cells `character` takes when it starts at `column` of a row `rowWidth` wide (a tab
    /// stops at the row's edge).
    static func width(of character: Character, atColumn column: Int, rowWidth: Int = .max) -> Int {
        if character == "\t" { return max(1, min(tabStop - column % tabStop, rowWidth - column)) }
        if let placeholder = placeholder(for: character) { return placeholder.count }
        return DisplayWidth.of(character)
    }

    /// What is drawn instead of a cluster that must not reach the terminal as it is (C0 and C1
    /// controls, DEL, the bidirectional overrides: `TerminalText`'s rule) or that would take no
    /// cell: caret notation for C0 and DEL (`^G`, `^?`), the code points otherwise (`<9b>`,
    /// `<200b>`). Nil for the tab and for everything drawn as itself.
    static func placeholder(for character: Character) -> String? {
        guard character != "\t" else { return nil }
        let scalars = character.unicodeScalars
        let isControl = scalars.contains { TerminalText.needsEscape($0, keepNewlines: false) }
        guard isControl || DisplayWidth.of(character) == 0 else { return nil }
        if scalars.count == 1, let scalar = scalars.first, scalar.value < 0x20 || scalar.value == 0x7F {
            return scalar.value == 0x7F ? "^?" : "^" + String(Character(Unicode.Scalar(UInt8(scalar.value) + 0x40)))
        }
        return "<" + scalars.map { String($0.value, radix: 16) }.joined(separator: " ") + ">"
    }

    /// The display column where character `index` of `line` starts, unwrapped (what j and k
    /// aim for).
    static func displayColumn(of index: Int, in line: [Character]) -> Int {
        var column = 0
        for character in line.prefix(index) { column += width(of: character, atColumn: column) }
        return column
    }

    /// The character under display column `column` of `line` (unwrapped); past the end, the
    /// last character, or the end itself when `allowEnd` (insert mode).
    static func index(atDisplayColumn target: Int, in line: [Character], allowEnd: Bool) -> Int {
        var column = 0
        for (index, character) in line.enumerated() {
            column += width(of: character, atColumn: column)
            if column > target { return index }
        }
        return allowEnd ? line.count : max(0, line.count - 1)
    }

    // MARK: - Wrapping

    /// The rows `line` wraps into at `width` columns: ranges of its characters. A row breaks
    /// after its last blank when it has one, else before the character that does not fit, so a
    /// cluster (a wide one too) is never split; a cluster wider than a whole row gets a row of
    /// its own. `endSlot` gives the place after the last character a cell (insert mode's
    /// cursor), which may need a row of its own.
    static func rows(of line: [Character], width: Int, endSlot: Bool = false) -> [Range<Int>] {
        let width = max(1, width)
        var rows: [Range<Int>] = []
        var start = 0
        var column = 0
        var afterBlank: Int?
        var index = 0
        while index < line.count || (endSlot && index == line.count) {
            let isSlot = index == line.count
            let cells = isSlot ? 1 : self.width(of: line[index], atColumn: column, rowWidth: width)
            if column + cells > width, index > start {
                var cut = index
                if !isSlot, let blank = afterBlank, blank > start { cut = blank }
                rows.append(start..<cut)
                start = cut
                afterBlank = nil
                column = 0
                for carried in line[start..<index] { column += self.width(of: carried, atColumn: column, rowWidth: width) }
                continue
            }
            if isSlot { break }
            column += cells
            if line[index] == " " || line[index] == "\t" { afterBlank = index + 1 }
            index += 1
        }
        rows.append(start..<line.count)
        return rows
    }

    /// The rows of line `line` as `state` shows it (its cursor line in insert mode keeps a cell
    /// for the cursor after the last character).
    static func rows(_ state: TextEditorState, line: Int, width: Int) -> [Range<Int>] {
        rows(of: state.lines[line], width: width, endSlot: state.mode == .insert && line == state.cursor.line)
    }

    /// The screen row and the column in it where the cursor is.
    static func cursorCell(_ state: TextEditorState, width: Int) -> (row: TextEditorState.ScreenRow, column: Int) {
        let line = state.lines[state.cursor.line]
        let rows = rows(state, line: state.cursor.line, width: width)
        let row = rows.lastIndex { $0.lowerBound <= state.cursor.column } ?? 0
        var column = 0
        for character in line[rows[row].lowerBound..<min(state.cursor.column, line.count)] {
            column += self.width(of: character, atColumn: column, rowWidth: width)
        }
        return (TextEditorState.ScreenRow(line: state.cursor.line, row: row), column)
    }

    // MARK: - Scrolling

    /// The top row for a text area `width` × `height`: the state's own when the cursor's row
    /// shows from it, else moved as little as needed; and never leaving blank rows below the
    /// last line when the text could fill them (after a deletion or a resize).
    static func top(_ state: TextEditorState, width: Int, height: Int) -> TextEditorState.ScreenRow {
        guard height > 0, width > 0 else { return state.scroll }
        let walker = RowWalker(state: state, width: width)
        var top = walker.clamped(state.scroll)
        let cursor = cursorCell(state, width: width).row
        if cursor < top {
            top = cursor
        } else if walker.distance(from: top, to: cursor, limit: height) >= height {
            top = walker.step(back: height - 1, from: cursor)
        }
        let last = walker.last
        if walker.distance(from: top, to: last, limit: height) < height - 1 {
            top = walker.step(back: height - 1, from: last)
        }
        return top
    }

    /// Steps through the screen rows of a state's text, wrapping only the lines it passes.
    struct RowWalker {
        let state: TextEditorState
        let width: Int

        func rowCount(_ line: Int) -> Int { TextEditorLayout.rows(state, line: line, width: width).count }

        var last: TextEditorState.ScreenRow {
            let line = state.lines.count - 1
            return TextEditorState.ScreenRow(line: line, row: rowCount(line) - 1)
        }

        /// `row` moved inside the text (a line deleted, the width grown).
        func clamped(_ row: TextEditorState.ScreenRow) -> TextEditorState.ScreenRow {
            let line = min(max(0, row.line), state.lines.count - 1)
            return TextEditorState.ScreenRow(line: line, row: min(max(0, row.row), rowCount(line) - 1))
        }

        func next(_ row: TextEditorState.ScreenRow) -> TextEditorState.ScreenRow? {
            if row.row + 1 < rowCount(row.line) { return TextEditorState.ScreenRow(line: row.line, row: row.row + 1) }
            return row.line + 1 < state.lines.count ? TextEditorState.ScreenRow(line: row.line + 1, row: 0) : nil
        }

        /// Rows from `start` down to `end`, counting no further than `limit` (nor past the end).
        func distance(from start: TextEditorState.ScreenRow, to end: TextEditorState.ScreenRow, limit: Int) -> Int {
            var row = start
            var count = 0
            while row < end, count < limit, let following = next(row) {
                row = following
                count += 1
            }
            return count
        }

        /// `count` rows up from `row`, stopping at the first.
        func step(back count: Int, from row: TextEditorState.ScreenRow) -> TextEditorState.ScreenRow {
            var row = row
            for _ in 0..<max(0, count) {
                if row.row > 0 {
                    row.row -= 1
                } else if row.line > 0 {
                    row = TextEditorState.ScreenRow(line: row.line - 1, row: rowCount(row.line - 1) - 1)
                } else {
                    break
                }
            }
            return row
        }
    }
}
