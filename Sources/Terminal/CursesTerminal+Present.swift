import CNcursesw
import Screen

extension CursesTerminal {
    /// Shows `buffer`: only the cells that changed since the last call are handed to ncurses
    /// (all of them after a resize, a size change or `suspend`), then one refresh. A buffer
    /// larger than the terminal is clipped; the rest of a smaller one is blank.
    public func present(_ buffer: ScreenBuffer) {
        guard !isClosed else { return }
        let buffer = isUTF8 ? buffer : AsciiFallback.buffer(buffer)
        let screenSize = size
        let full = needsFullRedraw || previous?.size != buffer.size
        if full { _ = werase(window) }
        if needsClear { _ = clearok(window, true) }
        let width = min(buffer.width, screenSize.width), height = min(buffer.height, screenSize.height)
        for y in 0..<max(0, height) {
            for x in 0..<max(0, width) {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if !full, let previous, previous[x, y] == cell { continue }
                let wide = x + 1 < buffer.width && buffer[x + 1, y].isContinuation
                draw(cell, columns: wide ? 2 : 1, x: x, y: y, lastColumn: width - 1)
            }
        }
        placeCursor(buffer.cursor, width: width, height: height)
        _ = wrefresh(window)
        previous = buffer
        needsFullRedraw = false
        needsClear = false
    }

    private func draw(_ cell: Cell, columns: Int, x: Int, y: Int, lastColumn: Int) {
        let look = look(for: cell.style)
        // A wide character cut by a terminal narrower than the buffer: a blank instead.
        let text = columns == 2 && x == lastColumn ? " " : cell.text
        let plan = CursesCellText.plan(text, columns: x == lastColumn ? 1 : columns) { Int(wcwidth(wchar_t($0.value))) }
        put(plan.scalars, x: x, y: y, look: look)
        if plan.padsContinuation, x + 1 <= lastColumn { put([" "], x: x + 1, y: y, look: look) }
    }

    private func put(_ scalars: [Unicode.Scalar], x: Int, y: Int, look: (attributes: attr_t, pair: Int16)) {
        var characters = scalars.map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var cell = cchar_t()
        _ = setcchar(&cell, characters, look.attributes, look.pair, nil)
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    private func placeCursor(_ cursor: (x: Int, y: Int)?, width: Int, height: Int) {
        let visible: Bool
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < width, cursor.y < height {
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
            visible = true
        } else {
            visible = false
        }
        if visible != cursorShown {
            _ = curs_set(visible ? 1 : 0)
            cursorShown = visible
        }
    }

    /// The attributes and colour pair for a style, worked out once per style.
    private func look(for style: Style) -> (attributes: attr_t, pair: Int16) {
        if let known = looks[style] { return known }
        let appearance = palette.appearance(for: style).fitted(colors: colorCount)
        var attributes = trellis_a_normal()
        if appearance.bold { attributes |= trellis_a_bold() }
        if appearance.dim { attributes |= trellis_a_dim() }
        if appearance.italic { attributes |= trellis_a_italic() }
        if appearance.underline { attributes |= trellis_a_underline() }
        if appearance.reverse { attributes |= trellis_a_reverse() }
        var pair: Int16 = 0
        if colorDepth != .none {
            pair = colorPairs.number(foreground: appearance.foreground, background: appearance.background) { number, foreground, background in
                init_pair(number, foreground, background) == OK
            }
        }
        looks[style] = (attributes, pair)
        return (attributes, pair)
    }
}
