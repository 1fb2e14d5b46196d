/// One terminal cell. A character two columns wide occupies its cell and the next one, which
/// holds a continuation (`text` empty, `isContinuation` true) and is never drawn by itself.
public struct Cell: Equatable, Sendable {
    /// One grapheme cluster of display width 1 or 2, or "" in a continuation cell.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public var isContinuation: Bool { text.isEmpty }

    public static let blank = Cell()
}

/// A grid of cells: what the pure view produces and the terminal backend shows. Every write is
/// clipped to the buffer, measured in display columns, and makes control characters visible, so
/// nothing a garden file holds can reach the terminal as a control sequence.
public struct ScreenBuffer: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be left (an input field's caret), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0.x, $0.y) } }
        set { cursorPosition = newValue.map { CursorPosition(x: $0.x, y: $0.y) } }
    }
    private var cursorPosition: CursorPosition?

    private struct CursorPosition: Equatable, Sendable {
        var x: Int
        var y: Int
    }

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Paints `rect` (clipped) with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y] = Cell(" ", style) }
        }
    }

    /// Writes `text` from column `x` of row `y`, in at most `limit` columns (default: to the
    /// right edge), and returns the columns used. Control characters are written as visible
    /// escapes (`\u{1B}`); a wide character that would cross the limit becomes a space;
    /// overwriting half of a wide character blanks the other half.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var column = x
        for character in text {
            guard column < end else { break }
            let width = DisplayWidth.of(character)
            if width == 0 {
                if isControl(character) {
                    column = writeEscaped(character, x: column, y: y, style: style, end: end)
                }
                continue  // a lone combining mark or format character: nothing to place
            }
            if column + width > end {
                if column >= 0 { put(Cell(" ", style), at: column, y) }
                column += 1
                break
            }
            if column >= 0 {
                put(Cell(String(character), style), at: column, y)
                if width == 2, column + 1 < self.width { put(Cell("", style), at: column + 1, y) }
            }
            column += width
        }
        return max(0, column - max(x, 0))
    }

    /// Writes the spans of `line` one after another; returns the columns used.
    @discardableResult
    public mutating func write(_ line: StyledLine, x: Int, y: Int, limit: Int? = nil) -> Int {
        var used = 0
        let limit = limit ?? (width - x)
        for span in line.spans {
            guard used < limit else { break }
            used += write(span.text, x: x + used, y: y, style: span.style, limit: limit - used)
        }
        return used
    }

    /// Copies `other` with its top-left corner at (`x`, `y`), clipped to this buffer. A wide
    /// character cut by the right edge becomes a blank, as `write` would leave it.
    public mutating func paste(_ other: ScreenBuffer, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for column in 0..<other.width where x + column >= 0 && x + column < width {
                var cell = other[column, row]
                let cutWide = !cell.isContinuation && column + 1 < other.width && other[column + 1, row].isContinuation
                    && x + column + 1 >= width
                if cutWide || (cell.isContinuation && (column == 0 || x + column == 0)) { cell = Cell(" ", cell.style) }
                put(cell, at: x + column, y + row)
            }
        }
    }

    /// The buffer's text, one string per row, continuation cells skipped and trailing blanks
    /// trimmed: what snapshot tests compare.
    public var lines: [String] {
        (0..<height).map { y in
            var row = ""
            for x in 0..<width where !self[x, y].isContinuation { row += self[x, y].text }
            while row.last == " " { row.removeLast() }
            return row
        }
    }

    /// The rows as styled lines (runs of one style merged, continuation cells skipped, trailing
    /// plain blanks trimmed): a drawing to place among the lines of a document.
    public var styledLines: [StyledLine] {
        (0..<height).map { y in
            var spans: [Span] = []
            for x in 0..<width where !self[x, y].isContinuation {
                let cell = self[x, y]
                if let last = spans.last, last.style == cell.style {
                    spans[spans.count - 1] = Span(last.text + cell.text, last.style)
                } else {
                    spans.append(Span(cell.text, cell.style))
                }
            }
            while let last = spans.last, last.style == .plain, last.text.allSatisfy({ $0 == " " }) { spans.removeLast() }
            return StyledLine(spans)
        }
    }

    // MARK: - Private

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        return Rect(x: x0, y: y0, width: min(width, rect.maxX) - x0, height: min(height, rect.maxY) - y0)
    }

    /// Places a cell, first blanking any wide character it would cut in half.
    private mutating func put(_ cell: Cell, at x: Int, _ y: Int) {
        let old = self[x, y]
        if old.isContinuation, x > 0 { self[x - 1, y] = Cell(" ", self[x - 1, y].style) }
        if !old.isContinuation, x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(" ", old.style)
        }
        self[x, y] = cell
    }

    private func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { TerminalText.needsEscape($0, keepNewlines: false) }
    }

    private mutating func writeEscaped(_ character: Character, x: Int, y: Int, style: Style, end: Int) -> Int {
        var column = x
        for scalar in character.unicodeScalars {
            for byte in TerminalText.escape(scalar) where column < end {
                if column >= 0 { put(Cell(String(byte), style.with(.warning)), at: column, y) }
                column += 1
            }
        }
        return column
    }
}
