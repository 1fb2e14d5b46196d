import Screen

/// Writes frames the way a terminal backend does, into memory: only the cells that changed
/// since the last frame, with cursor moves and SGR attribute changes as escape sequences. The
/// benchmark's "writing the frame to an in-memory screen".
struct FrameWriter {
    private var previous: ScreenBuffer?
    private var output: [UInt8] = []
    /// Bytes written over all frames.
    private(set) var bytes = 0

    mutating func write(_ frame: ScreenBuffer) {
        output.removeAll(keepingCapacity: true)
        let full = previous?.size != frame.size
        var cursor: (x: Int, y: Int)? = nil
        var style: Style? = nil
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                if cell.isContinuation { continue }
                if !full, let previous, previous[x, y] == cell { continue }
                if cursor.map({ $0.x != x || $0.y != y }) ?? true { append("\u{1B}[\(y + 1);\(x + 1)H") }
                if style != cell.style {
                    append(Self.sgr(cell.style))
                    style = cell.style
                }
                append(cell.text)
                cursor = (x + DisplayWidth.of(cell.text), y)
            }
        }
        bytes += output.count
        previous = frame
    }

    private mutating func append(_ text: String) { output.append(contentsOf: text.utf8) }

    private static func sgr(_ style: Style) -> String {
        var codes = ["0", "38;5;\(16 + Int(style.role.rawValue))"]
        if style.bold { codes.append("1") }
        if style.italic { codes.append("3") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if style.strikethrough { codes.append("9") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
