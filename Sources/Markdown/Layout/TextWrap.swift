import Screen

/// Word wrap of styled text by display width (terminal columns, never `count`).
///
/// Lines break at spaces; the spaces at a break are dropped, so no line starts or ends with
/// the space it was broken at. A word wider than the line (a URL) is broken hard, between
/// grapheme clusters, never inside one. Every piece keeps its span's style and `link`, so a
/// link that wraps stays one link on both lines. A "\n" in a span starts a new line (a hard
/// break). Other controls are shown as escapes (`\u{1B}`) and a tab as a space (``SafeText``),
/// so that text from a file is measured as it will be shown, whoever forgot to escape it.
public enum TextWrap {
    /// The lines of `spans` wrapped to `width` columns, at least one line (an empty input gives
    /// one line holding just `firstIndent`). `firstIndent` prefixes the first line and `indent`
    /// the others: a list bullet and its hanging indent, or a quote bar on every line.
    ///
    /// No line is wider than `width`. A width below 1 is taken as 1, and an indent is cut so
    /// that at least one column is left for text. A character wider than the whole text column
    /// (a 2-column 漢 in a 1-column table cell) is shown as "?": it cannot be shown at all.
    public static func wrap(_ spans: [Span], width: Int, firstIndent: [Span] = [], indent: [Span] = []) -> [StyledLine] {
        let width = max(1, width)
        var filler = LineFiller(
            spans: spans, width: width,
            firstIndent: clipped(firstIndent, to: width - 1), indent: clipped(indent, to: width - 1))
        for (attribute, span) in spans.enumerated() {
            for character in SafeText.wrappable(span.text) { filler.take(character, attribute: attribute) }
        }
        filler.finish()
        return filler.lines
    }

    /// The leading part of `spans` that fits in `columns` display columns. A wide character
    /// that would cross the limit is dropped with everything after it.
    static func clipped(_ spans: [Span], to columns: Int) -> [Span] {
        var result: [Span] = []
        var used = 0
        for span in spans {
            guard span.width + used > columns else {
                result.append(span)
                used += span.width
                continue
            }
            var text = ""
            for character in span.text {
                let width = DisplayWidth.of(character)
                guard used + width <= columns else { break }
                text.append(character)
                used += width
            }
            if !text.isEmpty { result.append(Span(text, span.style, link: span.link)) }
            break
        }
        return result
    }
}

/// The state of one wrap: the line being filled, and the word and spaces waiting to be placed
/// (a word is only placed once its whole width is known).
private struct LineFiller {
    /// One grapheme cluster waiting to be placed; `attribute` indexes the input spans.
    struct Glyph {
        var character: Character
        var width: Int
        var attribute: Int
    }

    let spans: [Span]
    let width: Int
    let indent: [Span]
    let indentWidth: Int
    private(set) var lines: [StyledLine] = []
    private var line: [Span]
    private var indentSpanCount: Int
    private var column: Int
    private var hasContent = false
    private var spaces: [Glyph] = []
    private var word: [Glyph] = []
    private var wordWidth = 0

    init(spans: [Span], width: Int, firstIndent: [Span], indent: [Span]) {
        self.spans = spans
        self.width = width
        self.indent = indent
        indentWidth = StyledLine(indent).width
        line = firstIndent
        indentSpanCount = firstIndent.count
        column = StyledLine(firstIndent).width
    }

    mutating func take(_ character: Character, attribute: Int) {
        switch character {
        case "\n":
            placeWord()
            spaces = []  // spaces before a hard break would only trail
            breakLine()
        case " ":
            placeWord()
            spaces.append(Glyph(character: " ", width: 1, attribute: attribute))
        default:
            let glyphWidth = DisplayWidth.of(character)
            word.append(Glyph(character: character, width: glyphWidth, attribute: attribute))
            wordWidth += glyphWidth
        }
    }

    mutating func finish() {
        placeWord()
        breakLine()
    }

    /// Places the pending word: after its spaces if both fit; else on a new line if it fits
    /// there; else broken hard, starting on this line when there is room for its first glyph.
    private mutating func placeWord() {
        guard let first = word.first else { return }
        defer {
            word = []
            wordWidth = 0
            spaces = []
        }
        if column + spaces.count + wordWidth <= width {
            spaces.forEach { emit($0) }
        } else if hasContent {
            if wordWidth <= width - indentWidth || column + spaces.count + first.width > width {
                breakLine()
            } else {
                spaces.forEach { emit($0) }
            }
        }
        // Leading spaces that do not fit with the word are dropped: they only indent.
        for var glyph in word {
            if column + glyph.width > width, hasContent { breakLine() }
            if column + glyph.width > width { glyph = Glyph(character: "?", width: 1, attribute: glyph.attribute) }
            emit(glyph)
        }
    }

    /// Appends a glyph, extending the last span when style and link are the same.
    private mutating func emit(_ glyph: Glyph) {
        let source = spans[glyph.attribute]
        if line.count > indentSpanCount, let last = line.last, last.style == source.style, last.link == source.link {
            line[line.count - 1].text.append(glyph.character)
        } else {
            line.append(Span(String(glyph.character), source.style, link: source.link))
        }
        column += glyph.width
        hasContent = true
    }

    private mutating func breakLine() {
        lines.append(StyledLine(line))
        line = indent
        indentSpanCount = indent.count
        column = indentWidth
        hasContent = false
    }
}
