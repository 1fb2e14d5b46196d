import Screen

extension BlockRenderer {
    /// A bullet or ordered list. Each item's blocks are laid out behind a hanging indent as
    /// wide as its marker; numbers are right-aligned so that the texts of items 9 and 10 line
    /// up. A task item shows its checkbox (after the number in an ordered list, instead of
    /// the bullet otherwise). Tight lists have no blank lines between or inside items.
    mutating func list(_ list: MarkdownList, width: Int) -> [RenderedLine] {
        let lastNumber = list.start + max(0, list.items.count - 1)
        let numberWidth = String(lastNumber).count  // digits: ASCII, one column each
        var lines: [RenderedLine] = []
        for (offset, item) in list.items.enumerated() {
            var marker: String
            if list.ordered {
                let number = String(list.start + offset)
                marker = String(repeating: " ", count: numberWidth - number.count) + number + ". "
            } else {
                marker = item.task == nil ? glyphs.bullet + " " : ""
            }
            if let checked = item.task { marker += (checked ? glyphs.checked : glyphs.unchecked) + " " }
            let gutter = Gutter(
                first: [Span(marker)], rest: [Span(String(repeating: " ", count: DisplayWidth.of(marker)))])
            var content = render(item.blocks, width: gutter.contentWidth(in: width), tight: list.tight)
            if content.isEmpty { content = [RenderedLine(StyledLine())] }  // "-" alone still shows its bullet
            if !lines.isEmpty && !list.tight { lines.append(RenderedLine(StyledLine())) }
            lines += gutter.apply(to: content, width: width)
        }
        return lines
    }
}
