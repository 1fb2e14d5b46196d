import Garden
import Markdown
import Screen

extension App {
    /// Draws the whole screen for `state` at `size` (normally `state.size`). Pure: the same
    /// state always gives the same buffer.
    public static func view(_ state: AppState, size: Size) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        let layout = Layout.of(size, focus: state.focus, calculators: state.calculators)
        if layout.isTooSmall {
            drawTooSmall(size, editing: state.editing != nil, into: &buffer)
            return buffer
        }
        guard state.garden != nil else {
            drawLoading(state, into: &buffer)
            StatusBar.draw(state, in: layout.statusBar, into: &buffer)
            return buffer
        }
        for separator in layout.separators {
            for y in separator.y..<separator.maxY {
                buffer.write(state.glyphs.vertical, x: separator.x, y: y, style: Style(.border))
            }
        }
        for (pane, rect) in layout.panes {
            drawTitle(pane, state, in: rect, into: &buffer)
            guard let content = layout.content(pane) else { continue }
            switch pane {
            case .tree: TreePane.draw(state, in: content, into: &buffer)
            case .list: ListPane.draw(state, in: content, into: &buffer)
            case .reading: ReadingPane.draw(state, in: layout.readingText(rect), into: &buffer)
            case .calculator: CalculatorView.draw(state, in: layout.readingText(rect), into: &buffer)
            }
        }
        if let session = state.editing, let rect = state.notesEditorRect {
            TextEditorView.draw(session.editor, in: rect, into: &buffer, glyphs: state.glyphs)
        }
        StatusBar.draw(state, in: layout.statusBar, into: &buffer)
        switch state.overlay {
        case .text(let view)?: TextOverlay.draw(state, view, into: &buffer)
        case .help(let scroll)?: HelpView.draw(state, scroll: scroll, into: &buffer)
        case .search(let search)?: SearchView.draw(state, search, into: &buffer)
        case .palette(let palette)?: PaletteView.draw(state, palette, into: &buffer)
        case nil: break
        }
        return buffer
    }

    /// The pane's title row: its name, and where it is (topic, counts, filter).
    private static func drawTitle(_ pane: Pane, _ state: AppState, in rect: Rect, into buffer: inout ScreenBuffer) {
        let focused = state.focus == pane
        let style = Style(focused ? .title : .muted, bold: focused)
        var title = " " + pane.title
        switch pane {
        case .tree: break
        case .list:
            // Papers only; items (• links, to-dos) are counted apart.
            let papers = state.list.noteIDs.filter { state.garden?.note($0)?.kind == .paper }.count
            let items = state.list.noteIDs.count - papers
            title += " (\(papers))" + (items > 0 ? " + \(items) item" + (items == 1 ? "" : "s") : "")
            if state.filter.isActive { title += state.glyphs.dot + state.filter.description }
        case .reading: break
        case .calculator:
            buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
            let tabs = CalculatorView.tabLine(state.calculators, focused: focused, glyphs: state.glyphs, width: rect.width)
            buffer.write(tabs, x: rect.x, y: rect.y, limit: rect.width)
            return
        }
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        write(title, x: rect.x, y: rect.y, style: style, room: rect.width, ellipsis: state.glyphs.ellipsis, into: &buffer)
    }

    private static func drawLoading(_ state: AppState, into buffer: inout ScreenBuffer) {
        let lines: [StyledLine]
        if let error = state.loadError {
            lines = [StyledLine("Could not open the garden", Style(.error, bold: true)), StyledLine(error),
                     StyledLine(""), StyledLine("Press q to quit.", Style(.muted))]
        } else {
            lines = [StyledLine("Trellis", Style(.heading1, bold: true)),
                     StyledLine("Loading \(state.gardenPath)…", Style(.muted))]
        }
        let top = max(0, (buffer.height - lines.count) / 2 - 1)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (buffer.width - line.width) / 2)
            buffer.write(line, x: x, y: top + offset, limit: buffer.width - x)
        }
    }

    private static func drawTooSmall(_ size: Size, editing: Bool, into buffer: inout ScreenBuffer) {
        let minimum = Layout.minimumSize
        // While the notes editor is open no key is taken (none could be seen): the text waits.
        let lines = ["Terminal too small", "\(size.width)×\(size.height), need \(minimum.width)×\(minimum.height)",
                     editing ? "grow it to go on editing" : "q quits"]
        for (offset, line) in lines.enumerated() where offset < size.height {
            buffer.write(line, x: max(0, (size.width - DisplayWidth.of(line)) / 2), y: max(0, size.height / 2 - 1) + offset - (size.height < 3 ? 1 : 0), style: Style(offset == 0 ? .warning : .text))
        }
    }
}
