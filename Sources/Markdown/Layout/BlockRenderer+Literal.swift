import Screen

extension BlockRenderer {
    /// Columns in front of a code block's lines.
    static let codeIndent = 2

    /// A code block: indented, in the code role, its info string (the language) muted on a
    /// line of its own above. Code is never word-wrapped, since spaces matter in it; a line
    /// wider than the pane is broken hard at the width (between grapheme clusters), so nothing
    /// is hidden, with the continuation indented like the line. Tabs become spaces (stops of 4).
    func codeBlock(info: String, literal: String, width: Int) -> [RenderedLine] {
        // Both parts shrink in a very narrow pane: the indent first, the code never below 1.
        let indentWidth = max(0, min(Self.codeIndent, width - 1))
        let indent = indentWidth > 0 ? [Span(String(repeating: " ", count: indentWidth))] : []
        let room = max(1, width - indentWidth)
        var lines: [RenderedLine] = []
        let language = SafeText.prose(info).trimmingWhitespace
        if !language.isEmpty {
            let wrapped = TextWrap.wrap([Span(language, Style(.muted))], width: width, firstIndent: indent, indent: indent)
            lines += wrapped.map { RenderedLine($0) }
        }
        for sourceLine in literal.isEmpty ? [] : Self.lines(of: literal) {
            let shown = SafeText.verbatimLine(sourceLine)
            guard !shown.isEmpty else {
                lines.append(RenderedLine(StyledLine()))  // no trailing indent on a blank line
                continue
            }
            for piece in Self.hardWrapped(shown, width: room) {
                lines.append(RenderedLine(StyledLine(indent + [Span(piece, Style(.code))])))
            }
        }
        return lines
    }

    /// A raw HTML block other than `<details>`: verbatim, muted, wrapped at spaces (markup is
    /// prose-like, and a wrapped tag is still readable).
    func htmlBlock(_ html: String, width: Int) -> [RenderedLine] {
        Self.lines(of: html).flatMap { line in
            TextWrap.wrap([Span(SafeText.verbatimLine(line), Style(.muted))], width: width).map { RenderedLine($0) }
        }
    }

    /// A thematic break: a muted rule across the width.
    func thematicBreak(width: Int) -> RenderedLine {
        let count = width / max(1, DisplayWidth.of(glyphs.horizontal))
        return RenderedLine(StyledLine(String(repeating: glyphs.horizontal, count: count), Style(.muted)))
    }

    /// The lines of a literal, without the final line ending cmark keeps.
    private static func lines(of literal: String) -> [Substring] {
        let isLineEnd = { (character: Character) in character == "\n" || character == "\r\n" || character == "\r" }
        var text = literal[...]
        if let last = text.last, isLineEnd(last) { text = text.dropLast() }
        return text.split(omittingEmptySubsequences: false, whereSeparator: isLineEnd)
    }

    /// `text` cut into pieces at most `width` columns wide, between grapheme clusters.
    private static func hardWrapped(_ text: String, width: Int) -> [String] {
        var pieces = [""]
        var column = 0
        for var character in text {
            var characterWidth = DisplayWidth.of(character)
            if characterWidth > width { (character, characterWidth) = ("?", 1) }  // see TextWrap.wrap
            if column + characterWidth > width {
                pieces.append("")
                column = 0
            }
            pieces[pieces.count - 1].append(character)
            column += characterWidth
        }
        return pieces
    }
}
