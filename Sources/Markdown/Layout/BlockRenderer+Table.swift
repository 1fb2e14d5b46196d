import Screen

extension BlockRenderer {
    /// A GitHub table: the cells styled (the header bold), links registered row by row in
    /// reading order, then laid out by ``TableLayout``.
    mutating func table(_ table: Table, width: Int) -> [RenderedLine] {
        let header = table.header.map { spans($0, style: Style(bold: true)) }
        let rows = table.rows.map { row in row.map { spans($0, style: .plain) } }
        return TableLayout(alignments: table.alignments, glyphs: glyphs)
            .lines(header: header, rows: rows, width: width)
            .map { RenderedLine($0) }
    }
}
