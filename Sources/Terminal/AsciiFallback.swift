import Screen

/// What is drawn when no UTF-8 locale exists: in a single-byte locale ncurses shows every
/// non-ASCII character as a blank, so each one becomes `?` instead (`??` for a character two
/// columns wide, its continuation cell included) and nothing silently disappears.
public enum AsciiFallback {
    public static let replacement = "?"

    /// The cells of one row (or a whole buffer, row after row), transliterated.
    public static func cells(for cells: [Cell]) -> [Cell] {
        var result = cells
        var previousReplaced = false
        for index in result.indices {
            let cell = result[index]
            if cell.isContinuation {
                if previousReplaced { result[index].text = replacement }
                previousReplaced = false
                continue
            }
            previousReplaced = !isASCII(cell.text)
            if previousReplaced { result[index].text = replacement }
        }
        return result
    }

    /// The buffer with every row transliterated (cursor kept).
    public static func buffer(_ buffer: ScreenBuffer) -> ScreenBuffer {
        var result = buffer
        let cells = cells(for: buffer.cells)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width { result[x, y] = cells[y * buffer.width + x] }
        }
        return result
    }

    /// True when every scalar is printable ASCII (a cluster like e + U+0301 is not).
    static func isASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    }
}
