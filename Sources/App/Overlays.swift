import Garden
import Screen

/// The bottom line: the mode, where you are, and key hints (or a message).
enum StatusBar {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: Style(.statusBar))
        let mode = " " + self.mode(state) + " "
        var x = rect.x + buffer.write(mode, x: rect.x, y: rect.y, style: Style(.statusMode, bold: true), limit: rect.width)
        x += buffer.write(" ", x: x, y: rect.y, style: Style(.statusBar))
        // Notes git has not seen committed (`:commit` commits them).
        if let count = state.uncommittedCount, count > 0 {
            let badge = "\(count) uncommitted "
            if DisplayWidth.of(badge) < rect.maxX - x - 20 {
                x += buffer.write(badge, x: x, y: rect.y, style: Style(.warning))
            }
        }
        let right: String
        let rightStyle: Style
        if let status = state.status {
            right = status.text + " "
            rightStyle = Style(status.isError ? .error : .statusBar, bold: status.isError)
        } else if state.focus == .reading, state.overlay == nil, let link = state.reading.focusedLink,
                  let target = state.reading.document.links[safe: link]?.target {
            switch target {
            case .url(let url): right = "o opens " + url + " "
            case .wiki(let name): right = "o opens [[" + name + "]] "
            case .embed: right = "o or Enter opens this calculator as a pane "
            }
            rightStyle = Style(.statusBar)
        } else if state.focus == .calculator, state.overlay == nil {
            right = calculatorHints(state) + " "
            rightStyle = Style(.statusBar)
        } else {
            right = hints(state.keymap) + " "
            rightStyle = Style(.statusBar)
        }
        let rightWidth = min(DisplayWidth.of(right), max(0, rect.maxX - x))
        let pathRoom = rect.maxX - x - rightWidth - 1
        if pathRoom > 3 {
            write(path(state), x: x, y: rect.y, style: Style(.statusBar), room: pathRoom, ellipsis: state.glyphs.ellipsis, into: &buffer)
        }
        if state.status != nil || pathRoom > 3 {
            buffer.write(right, x: rect.maxX - rightWidth, y: rect.y, style: rightStyle, limit: rightWidth)
        }
    }

    static func mode(_ state: AppState) -> String {
        if state.garden == nil { return state.loadError == nil ? "LOADING" : "ERROR" }
        if state.editing != nil, state.overlay == nil { return "EDIT" }
        switch state.overlay {
        case .text?: return "VIEW"
        case .help?: return "HELP"
        case .search?: return "SEARCH"
        case .palette?: return "COMMAND"
        case nil:
            let mode = state.focus == .reading ? "READ" : "BROWSE"
            // One pane at a time: say which (Tab shows the next).
            return state.layout.isSingle ? mode + " " + state.focus.title : mode
        }
    }

    /// Garden › Topic › … › the note being read.
    static func path(_ state: AppState) -> String {
        guard let garden = state.garden else { return state.gardenPath }
        var parts: [String] = []
        var topic: String? = state.tree.selected
        while let id = topic, let found = garden.topic(id) {
            parts.insert(id.isEmpty ? "Garden" : found.title, at: 0)
            topic = found.parent
        }
        if state.focus == .calculator, let pane = state.calculators.current {
            parts.append(pane.kind.title)
        } else if case .note(let id)? = state.reading.subject, let note = garden.note(id), state.focus != .tree {
            parts.append(note.title)
        }
        return parts.joined(separator: state.glyphs.pathSeparator)
    }

    /// A calculator pane's keys, from the current bindings: "j/k select  +/- step  …".
    static func calculatorHints(_ state: AppState) -> String {
        let keymap = state.keymap
        func key(_ command: Command) -> String? { keymap.keys(for: command).first?.name }
        let phase = state.calculators.current?.kind == .phase
        let pairs: [(String?, String)] = [
            (key(.nextParameter).flatMap { j in key(.previousParameter).map { j + "/" + $0 } }, "select"),
            (key(.increase).flatMap { p in key(.decrease).map { p + "/" + $0 } }, phase ? "zoom" : "nudge"),
            (phase ? "arrows" : nil, "move"),
            (key(.editValue), "type"),
            (key(.cyclePhi), "φ"),
            ([.phase, .kernel, .eigenlearning].contains(state.calculators.current?.kind) ? key(.cycleQuantity) : nil, phase ? "shading" : "view"),
            (key(.maximiseCalculator), "max"),
            (key(.closeCalculator), "close"),
        ]
        return pairs.compactMap { key, label in key.map { "\($0) \(label)" } }.joined(separator: "  ")
    }

    /// "? help  / search  : command  q quit" from the current bindings.
    static func hints(_ keymap: Keymap) -> String {
        [(Command.help, "help"), (.search, "search"), (.palette, "command"), (.quit, "quit")].compactMap { command, label in
            keymap.keys(for: command).first.map { "\($0.name) \(label)" }
        }.joined(separator: "  ")
    }
}

/// Draws a bordered box and returns its inside.
func drawBox(_ frame: Rect, title: String, glyphs: Glyphs, into buffer: inout ScreenBuffer) -> Rect {
    buffer.fill(frame, style: Style(.overlay))
    guard frame.width >= 2, frame.height >= 2 else { return frame }
    let border = Style(.border)
    let horizontal = String(repeating: glyphs.horizontal, count: frame.width - 2)
    buffer.write(glyphs.topLeft + horizontal + glyphs.topRight, x: frame.x, y: frame.y, style: border)
    buffer.write(glyphs.bottomLeft + horizontal + glyphs.bottomRight, x: frame.x, y: frame.maxY - 1, style: border)
    for y in (frame.y + 1)..<(frame.maxY - 1) {
        buffer.write(glyphs.vertical, x: frame.x, y: y, style: border)
        buffer.write(glyphs.vertical, x: frame.maxX - 1, y: y, style: border)
    }
    write(" " + title + " ", x: frame.x + 2, y: frame.y, style: Style(.title, bold: true), room: frame.width - 4,
          ellipsis: glyphs.ellipsis, into: &buffer)
    return Rect(x: frame.x + 2, y: frame.y + 1, width: frame.width - 4, height: frame.height - 2)
}

enum HelpView {
    static func draw(_ state: AppState, scroll: Int, into buffer: inout ScreenBuffer) {
        let frame = HelpOverlay.frame(in: buffer.size)
        let inside = drawBox(frame, title: "Keys (Esc closes, j/k scroll)", glyphs: state.glyphs, into: &buffer)
        let lines = HelpOverlay.lines(state.keymap, glyphs: state.glyphs)
        let keyWidth = min(22, inside.width * 2 / 5)
        let ellipsis = state.glyphs.ellipsis
        for (offset, line) in lines.dropFirst(scroll).prefix(inside.height).enumerated() {
            let y = inside.y + offset
            if line.isHeading {
                buffer.write(line.keys, x: inside.x, y: y, style: Style(.heading2, bold: true), limit: inside.width)
            } else {
                write(line.keys, x: inside.x, y: y, style: Style(.code), room: keyWidth, ellipsis: ellipsis, into: &buffer)
                write(line.help, x: inside.x + keyWidth + 1, y: y, style: Style(.overlay), room: inside.width - keyWidth - 1,
                      ellipsis: ellipsis, into: &buffer)
            }
        }
    }
}

enum SearchView {
    static func draw(_ state: AppState, _ search: SearchState, into buffer: inout ScreenBuffer) {
        let frame = SearchOverlay.frame(in: buffer.size)
        let inside = drawBox(frame, title: "Search (Enter opens, Esc closes)", glyphs: state.glyphs, into: &buffer)
        guard inside.height >= 2 else { return }
        let prompt = "/ "
        var x = inside.x + buffer.write(prompt, x: inside.x, y: inside.y, style: Style(.title, bold: true))
        x += buffer.write(search.query, x: x, y: inside.y, style: Style(.overlay), limit: inside.maxX - x)
        buffer.cursor = (min(x, inside.maxX - 1), inside.y)
        let summary: String
        if state.searchIndex == nil {
            summary = "indexing…"
        } else if search.query.isEmpty {
            summary = "type to search titles, authors, tags, abstracts and notes"
        } else {
            let count = search.hits.count
            summary = count >= SearchState.limit ? "\(SearchState.limit)+ notes" : count == 1 ? "1 note" : "\(count) notes"
        }
        buffer.write(summary, x: inside.x, y: inside.y + 1, style: Style(.muted), limit: inside.width)
        guard let garden = state.garden else { return }
        let top = inside.y + 2
        for (offset, hit) in search.hits.dropFirst(search.scroll).prefix((inside.maxY - top) / 2).enumerated() {
            let y = top + offset * 2
            let selected = search.scroll + offset == search.selected
            let style = selected ? Style(.selection, bold: true) : Style(.overlay, bold: true)
            buffer.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: selected ? style : Style(.overlay))
            let note = garden.note(hit.noteID)
            let mark = StatusMark.glyph(note?.status, state.glyphs) + " "
            var x = inside.x + buffer.write(mark, x: inside.x, y: y, style: selected ? style : Style(StatusMark.role(note?.status)))
            let topic = note?.topics.first.flatMap(garden.topic).map { "  " + $0.title } ?? ""
            x += write(note?.title ?? hit.noteID, x: x, y: y, style: style, room: inside.maxX - x - DisplayWidth.of(topic), ellipsis: state.glyphs.ellipsis, into: &buffer)
            buffer.write(topic, x: x, y: y, style: selected ? style : Style(.muted), limit: inside.maxX - x)
            drawSnippet(hit, x: inside.x + 2, y: y + 1, width: inside.width - 2, into: &buffer)
        }
    }

    /// The snippet with its match highlighted; the match kept in view on narrow screens.
    private static func drawSnippet(_ hit: SearchHit, x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        let snippet = TerminalText.sanitized(hit.snippet, keepNewlines: false)
        guard snippet == hit.snippet else {
            buffer.write(snippet, x: x, y: y, style: Style(.muted), limit: width)
            return
        }
        let before = SnippetText.plain(hit.snippet[..<hit.highlight.lowerBound])
        let match = SnippetText.plain(hit.snippet[hit.highlight])
        let after = SnippetText.plain(hit.snippet[hit.highlight.upperBound...])
        var shownBefore = Substring(before)
        while DisplayWidth.of(shownBefore) + DisplayWidth.of(match) > width * 2 / 3, !shownBefore.isEmpty {
            shownBefore = shownBefore.dropFirst()
        }
        var column = x + buffer.write(shownBefore, x: x, y: y, style: Style(.muted), limit: width)
        column += buffer.write(match, x: column, y: y, style: Style(.match), limit: x + width - column)
        buffer.write(after, x: column, y: y, style: Style(.muted), limit: x + width - column)
    }
}

enum PaletteView {
    static func draw(_ state: AppState, _ palette: PaletteState, into buffer: inout ScreenBuffer) {
        let width = min(buffer.width - 2, 72)
        let rows = min(palette.completions.count, max(0, buffer.height - 6), 12)
        let frame = Rect(x: (buffer.width - width) / 2, y: 1, width: width, height: rows + 3)
        let inside = drawBox(frame, title: "Command (Tab completes, Enter runs)", glyphs: state.glyphs, into: &buffer)
        var x = inside.x + buffer.write(": ", x: inside.x, y: inside.y, style: Style(.title, bold: true))
        x += buffer.write(palette.input, x: x, y: inside.y, style: Style(.overlay), limit: inside.maxX - x)
        buffer.cursor = (min(x, inside.maxX - 1), inside.y)
        let first = max(0, palette.selected - rows + 1)
        for (offset, completion) in palette.completions.dropFirst(first).prefix(rows).enumerated() {
            let y = inside.y + 1 + offset
            let selected = first + offset == palette.selected
            let style = selected ? Style(.selection, bold: true) : Style(.overlay)
            buffer.fill(Rect(x: inside.x, y: y, width: inside.width, height: 1), style: style)
            let used = buffer.write(completion, x: inside.x + 1, y: y, style: style, limit: inside.width - 1)
            // A command's help beside its name, when there is room.
            if let help = CommandPalette.description(of: completion), used + 4 < inside.width - 1 {
                write(help, x: inside.x + 3 + used, y: y, style: selected ? style : Style(.muted), room: inside.width - 3 - used,
                      ellipsis: state.glyphs.ellipsis, into: &buffer)
            }
        }
    }
}
