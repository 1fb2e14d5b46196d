import Garden
import Markdown
import Screen

/// The topic tree: one row per visible topic, indented by depth, with a fold marker and the
/// read/total count right-aligned.
enum TreePane {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout ScreenBuffer) {
        guard let garden = state.garden else { return }
        let rows = state.topicRows
        let glyphs = state.glyphs
        for (offset, row) in rows.dropFirst(state.tree.scroll).prefix(rect.height).enumerated() {
            let y = rect.y + offset
            let selected = row.topicID == state.tree.selected
            let base = selectionStyle(selected: selected, focused: state.focus == .tree)
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base)
            let marker = row.hasChildren ? (row.isExpanded ? glyphs.foldOpen : glyphs.foldClosed) : " "
            let title = garden.topic(row.topicID).map { $0.id.isEmpty ? "Garden" : $0.title } ?? row.topicID
            let count = state.counts[row.topicID].map { " \($0.read)/\($0.total)" } ?? ""
            let countWidth = DisplayWidth.of(count)
            let indent = String(repeating: " ", count: min(row.depth * 2, max(0, rect.width / 3)))
            var x = rect.x + buffer.write(" " + indent + marker + " ", x: rect.x, y: y, style: base.with(selected ? base.role : .muted), limit: rect.width)
            let room = rect.maxX - x - countWidth
            x += write(title, x: x, y: y, style: base, room: room, ellipsis: glyphs.ellipsis, into: &buffer)
            buffer.write(count, x: rect.maxX - countWidth, y: y, style: selected ? base : Style(.muted), limit: countWidth)
        }
    }
}

/// The selected topic's papers and items: read mark, title, year.
enum ListPane {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout ScreenBuffer) {
        guard let garden = state.garden else { return }
        if state.list.noteIDs.isEmpty {
            let message = state.filter.isActive ? "Nothing matches the filter (:clear)" : "No papers here"
            buffer.write(" " + message, x: rect.x, y: rect.y, style: Style(.muted), limit: rect.width)
            return
        }
        for (offset, id) in state.list.noteIDs.dropFirst(state.list.scroll).prefix(rect.height).enumerated() {
            guard let note = garden.note(id) else { continue }
            let y = rect.y + offset
            let selected = state.list.scroll + offset == state.list.selected
            let base = selectionStyle(selected: selected, focused: state.focus == .list)
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base)
            let mark = StatusMark.glyph(note.status, state.glyphs)
            let markStyle = selected ? base : Style(StatusMark.role(note.status))
            var x = rect.x + buffer.write(" " + mark + " ", x: rect.x, y: y, style: markStyle, limit: rect.width)
            let year = note.year.map { " \($0)" } ?? ""
            let yearWidth = DisplayWidth.of(year)
            x += write(note.title, x: x, y: y, style: base, room: rect.maxX - x - yearWidth - 1, ellipsis: state.glyphs.ellipsis, into: &buffer)
            buffer.write(year, x: rect.maxX - yearWidth - 1, y: y, style: selected ? base : Style(.muted), limit: yearWidth)
        }
    }
}

/// The rendered note or page, the cursor line highlighted while the pane has focus, search
/// matches and the focused link marked.
enum ReadingPane {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout ScreenBuffer) {
        let reading = state.reading
        let terms = state.matchTerms
        let focused = state.focus == .reading
        for (offset, line) in reading.document.lines.dropFirst(reading.scroll).prefix(rect.height).enumerated() {
            let y = rect.y + offset
            let index = reading.scroll + offset
            var content = line.content
            if let link = reading.focusedLink, focused {
                for span in content.spans.indices where content.spans[span].link == link {
                    content.spans[span].style.reverse = true
                }
            }
            if focused, index == reading.cursor {
                // The whole row, styled spans included, so the cursor is visible on any line
                // (blank ones too); bold, underline and the focused link's reverse remain.
                buffer.fill(Rect(x: rect.x - 1, y: y, width: rect.width + 2, height: 1), style: Style(.selection))
                for span in content.spans.indices { content.spans[span].style.role = .selection }
            }
            buffer.write(content, x: rect.x, y: y, limit: rect.width)
            if !terms.isEmpty {
                for columns in MatchFinder.columns(in: line.content.text, terms: terms) where columns.lowerBound < rect.width {
                    for x in (rect.x + columns.lowerBound)..<min(rect.maxX, rect.x + columns.upperBound) {
                        buffer[x, y].style.role = .match
                    }
                }
            }
        }
        if reading.document.lines.count > rect.height, rect.height > 0 {
            let shown = min(reading.document.lines.count, reading.scroll + rect.height)
            let position = " \(shown)/\(reading.document.lines.count) "
            buffer.write(position, x: rect.maxX + 1 - DisplayWidth.of(position), y: rect.y - 1, style: Style(.muted))
        }
    }
}

func selectionStyle(selected: Bool, focused: Bool) -> Style {
    guard selected else { return .plain }
    return focused ? Style(.selection, bold: true) : Style(.selectionInactive)
}

/// Writes `text` in at most `room` columns, ending in an ellipsis when it is cut.
@discardableResult
func write(_ text: String, x: Int, y: Int, style: Style, room: Int, ellipsis: String, into buffer: inout ScreenBuffer) -> Int {
    guard room > 0 else { return 0 }
    // Escape control characters first, so the text is measured as it will be shown.
    let text = TerminalText.sanitized(text, keepNewlines: false)
    if DisplayWidth.of(text) <= room { return buffer.write(text, x: x, y: y, style: style, limit: room) }
    let ellipsisWidth = DisplayWidth.of(ellipsis)
    let used = buffer.write(text, x: x, y: y, style: style, limit: max(0, room - ellipsisWidth))
    return used + buffer.write(ellipsis, x: x + used, y: y, style: style, limit: room - used)
}
