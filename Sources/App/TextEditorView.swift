import Screen

/// Draws a `TextEditorState` into a rectangle: the title row ("Notes — <paper title>", with
/// "[+]" when there are unsaved changes), the wrapped text with a gutter marking the rows that
/// continue a line, and the status row (the mode and its keys, a message, the `:` line or the
/// discard question). Pure; any rectangle works, down to nothing at all.
///
/// The text is never sent as it is: a tab is drawn as blanks to the next tab stop and a control
/// character as its placeholder (see `TextEditorLayout.placeholder`) in the warning colour.
public enum TextEditorView {
    static let insertHints = ["esc normal mode", "ctrl-s save", "ctrl-c cancel"]
    static let normalHints = ["i insert", "u undo", "ctrl-s save", "ctrl-c cancel", ":q quit"]
    static let discardQuestion = ["Discard your changes? y discards", "any other key keeps editing"]

    public static func draw(_ state: TextEditorState, in rect: Rect, into buffer: inout ScreenBuffer, glyphs: Glyphs) {
        buffer.fill(rect)
        buffer.cursor = nil
        let areas = TextEditorLayout.areas(in: rect)
        if let title = areas.title { drawTitle(state, in: title, into: &buffer, glyphs: glyphs) }
        drawText(state, areas, into: &buffer, glyphs: glyphs)
        if let status = areas.status { drawStatus(state, in: status, into: &buffer, glyphs: glyphs) }
    }

    /// The mark in the gutter of a row that continues the line above: the path separator's
    /// arrow ("›", or ">" in ASCII).
    static func wrapMark(_ glyphs: Glyphs) -> String {
        let mark = glyphs.pathSeparator.filter { $0 != " " }
        return DisplayWidth.of(mark) == 1 ? mark : ">"
    }

    private static func drawTitle(_ state: TextEditorState, in rect: Rect, into buffer: inout ScreenBuffer, glyphs: Glyphs) {
        let mark = state.isModified ? " [+]" : ""
        let room = rect.width - DisplayWidth.of(mark) - 1
        let used = write(" " + state.title, x: rect.x, y: rect.y, style: Style(.title, bold: true), room: room, ellipsis: glyphs.ellipsis, into: &buffer)
        buffer.write(mark, x: rect.x + used, y: rect.y, style: Style(.warning, bold: true), limit: rect.maxX - rect.x - used)
    }

    private static func drawText(_ state: TextEditorState, _ areas: TextEditorLayout.Areas, into buffer: inout ScreenBuffer, glyphs: Glyphs) {
        let text = areas.text
        guard !text.isEmpty else { return }
        let top = TextEditorLayout.top(state, width: text.width, height: text.height)
        var row = top
        var y = text.y
        while y < text.maxY, row.line < state.lines.count {
            let line = state.lines[row.line]
            let rows = TextEditorLayout.rows(state, line: row.line, width: text.width)
            for index in row.row..<rows.count where y < text.maxY {
                if index > 0, let gutter = areas.gutter {
                    buffer.write(wrapMark(glyphs), x: gutter.x, y: y, style: Style(.muted), limit: 1)
                }
                drawRow(line[rows[index]], x: text.x, y: y, width: text.width, into: &buffer)
                y += 1
            }
            row = TextEditorState.ScreenRow(line: row.line + 1, row: 0)
        }
        guard state.mode == .insert || state.mode == .normal else { return }
        let (cursorRow, column) = TextEditorLayout.cursorCell(state, width: text.width)
        guard cursorRow >= top else { return }
        let offset = TextEditorLayout.RowWalker(state: state, width: text.width).distance(from: top, to: cursorRow, limit: text.height)
        guard offset < text.height else { return }
        place(cursorAt: min(text.x + column, text.maxX - 1), text.y + offset, within: text, into: &buffer)
    }

    private static func drawRow(_ characters: ArraySlice<Character>, x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        var column = 0
        for character in characters {
            let cells = TextEditorLayout.width(of: character, atColumn: column, rowWidth: width)
            let room = min(cells, width - column)
            if character == "\t" {
                // Blanks, already there.
            } else if let placeholder = TextEditorLayout.placeholder(for: character) {
                buffer.write(placeholder, x: x + column, y: y, style: Style(.warning), limit: room)
            } else if room > 0 {
                buffer.write(String(character), x: x + column, y: y, limit: room)
            }
            column += cells
        }
    }

    private static func drawStatus(_ state: TextEditorState, in rect: Rect, into buffer: inout ScreenBuffer, glyphs: Glyphs) {
        buffer.fill(rect, style: Style(.statusBar))
        let ellipsis = glyphs.ellipsis
        switch state.mode {
        case .commandLine(let input):
            let x = rect.x + write(":" + input, x: rect.x, y: rect.y, style: Style(.statusBar), room: rect.width, ellipsis: ellipsis, into: &buffer)
            place(cursorAt: min(x, rect.maxX - 1), rect.y, within: rect, into: &buffer)
            return
        case .confirmingDiscard:
            write(discardQuestion.joined(separator: glyphs.dot), x: rect.x, y: rect.y, style: Style(.warning, bold: true), room: rect.width,
                  ellipsis: ellipsis, into: &buffer)
            buffer.cursor = nil
            return
        case .insert, .normal:
            break
        }
        if let message = state.message {
            write(message.text, x: rect.x, y: rect.y, style: message.isError ? Style(.error, bold: true) : Style(.statusBar),
                  room: rect.width, ellipsis: ellipsis, into: &buffer)
            return
        }
        let inserting = state.mode == .insert
        var x = rect.x + buffer.write(inserting ? "-- INSERT --" : "-- NORMAL --", x: rect.x, y: rect.y, style: Style(.statusMode, bold: true),
                                      limit: rect.width)
        let column = TextEditorLayout.displayColumn(of: state.cursor.column, in: state.lines[state.cursor.line])
        let ruler = (state.pending.typed.isEmpty ? "" : state.pending.typed + "  ") + "\(state.cursor.line + 1):\(column + 1)"
        let rulerWidth = DisplayWidth.of(ruler)
        if rect.maxX - x >= rulerWidth + 2 {
            buffer.write(ruler, x: rect.maxX - rulerWidth, y: rect.y, style: Style(.statusBar), limit: rulerWidth)
        }
        x += 2
        let hints = (inserting ? insertHints : normalHints).joined(separator: glyphs.dot)
        write(hints, x: x, y: rect.y, style: Style(.statusBar), room: rect.maxX - x - rulerWidth - 2, ellipsis: ellipsis, into: &buffer)
    }

    /// Leaves the terminal's cursor at (`x`, `y`) when that is in `area` and in the buffer.
    private static func place(cursorAt x: Int, _ y: Int, within area: Rect, into buffer: inout ScreenBuffer) {
        guard area.contains(x: x, y: y), buffer.bounds.contains(x: x, y: y) else { return }
        buffer.cursor = (x, y)
    }
}
