import Screen

extension BlockRenderer {
    /// Heading titles (lowercased, trimmed) that make a section foldable.
    static let abstractTitles: Set<String> = ["abstract", "short abstract", "summary"]
    static let notesTitles: Set<String> = ["notes", "note", "my notes"]

    /// The fold a heading opens, claimed in the process: a level 1–3 heading titled like an
    /// abstract or notes, when that fold has not been claimed by an earlier heading. Notes
    /// often quote a paper that has its own "Summary" heading; only the first one folds.
    mutating func claimFold(level: Int, title: [Inline]) -> FoldID? {
        guard (1...3).contains(level) else { return nil }
        let text = title.plainText.trimmingWhitespace.lowercased()
        let fold: FoldID
        if Self.abstractTitles.contains(text) {
            fold = .abstract
        } else if Self.notesTitles.contains(text) {
            fold = .notes
        } else {
            return nil
        }
        guard !folds.contains(fold) else { return nil }
        folds.append(fold)
        return fold
    }

    /// A foldable heading section: the heading behind the fold marker, then its content (the
    /// blocks up to the next heading of the same or a higher level) unless folded.
    mutating func section(_ fold: FoldID, level: Int, title: [Inline], content: [LayoutNode], width: Int) -> [RenderedLine] {
        let body = render(content, width: width, tight: false)
        let header = spans(title, style: Self.headingStyle(level))
        return foldable(fold, header: header, style: Self.headingStyle(level), body: body, width: width)
    }

    /// A `<details>` element: its summary behind the fold marker, its body indented under it
    /// unless folded. Numbered in document order, nested ones after their parent.
    mutating func details(summary: [Inline], body: [LayoutNode], width: Int) -> [RenderedLine] {
        let fold = FoldID.details(detailsCount)
        detailsCount += 1
        folds.append(fold)
        let style = Style(bold: true)
        let header = spans(summary, style: style)
        let gutter = Gutter(first: [Span("  ")], rest: [Span("  ")])
        let content = gutter.apply(to: render(body, width: gutter.contentWidth(in: width), tight: false), width: width)
        return foldable(fold, header: header, style: style, body: content, width: width)
    }

    /// Header lines (every one carries `fold`) and, when open, a blank line and the body.
    /// Folded, the body is dropped and the header ends in a muted count of its lines: the body
    /// is laid out anyway, so the count is exact and nested folds keep their numbers.
    private func foldable(_ fold: FoldID, header: [Span], style: Style, body: [RenderedLine], width: Int) -> [RenderedLine] {
        let isCollapsed = collapsed.contains(fold)
        let marker = (isCollapsed ? glyphs.foldClosed : glyphs.foldOpen) + " "
        var title = header
        if isCollapsed && !body.isEmpty {
            title.append(Span(" (\(body.count) \(body.count == 1 ? "line" : "lines"))", Style(.muted)))
        }
        let headerLines = TextWrap.wrap(
            title, width: width, firstIndent: [Span(marker, style)],
            indent: [Span(String(repeating: " ", count: DisplayWidth.of(marker)))]
        ).map { RenderedLine($0, fold: fold) }
        guard !isCollapsed, !body.isEmpty else { return headerLines }
        return headerLines + [RenderedLine(StyledLine())] + body
    }
}
