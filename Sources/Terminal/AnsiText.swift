import Screen

/// A buffer as lines of text for standard output (`trellis plot`), outside ncurses: with a
/// colour depth, each change of look is one SGR escape sequence from the palette's
/// appearances; without one, plain text. Trailing blanks in plain style are dropped, so no
/// line is wider than the buffer and a plain picture has no trailing spaces.
public enum AnsiText {
    public static func lines(_ buffer: ScreenBuffer, depth: ColorDepth?) -> [String] {
        let palette = depth.map { Palette(depth: $0) }
        let colors = depth == .sixteen ? 16 : 256
        return (0..<buffer.height).map { y in
            var cells: [(text: String, look: Appearance)] = []
            for x in 0..<buffer.width where !buffer[x, y].isContinuation {
                let cell = buffer[x, y]
                cells.append((cell.text, palette.map { $0.appearance(for: cell.style).fitted(colors: colors) } ?? .plain))
            }
            while let last = cells.last, last.text == " ", last.look.background == Appearance.defaultColor, !last.look.reverse,
                  !last.look.underline {
                cells.removeLast()
            }
            var line = ""
            var current = Appearance.plain
            for cell in cells {
                if cell.look != current {
                    line += sgr(cell.look)
                    current = cell.look
                }
                line += cell.text
            }
            if current != .plain { line += "\u{1B}[0m" }
            return line
        }
    }

    /// The escape sequence that sets exactly this look (it starts from a reset).
    static func sgr(_ look: Appearance) -> String {
        var codes = ["0"]
        if look.bold { codes.append("1") }
        if look.dim { codes.append("2") }
        if look.italic { codes.append("3") }
        if look.underline { codes.append("4") }
        if look.reverse { codes.append("7") }
        if let foreground = color(look.foreground, base: 30, bright: 90, extended: 38) { codes.append(foreground) }
        if let background = color(look.background, base: 40, bright: 100, extended: 48) { codes.append(background) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func color(_ number: Int16, base: Int, bright: Int, extended: Int) -> String? {
        switch number {
        case ..<0: return nil
        case 0..<8: return String(base + Int(number))
        case 8..<16: return String(bright + Int(number) - 8)
        default: return "\(extended);5;\(number)"
        }
    }
}
