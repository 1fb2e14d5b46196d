import Screen

/// Lays out a table's styled cells in columns measured in display columns (✅ and 漢 take two),
/// honouring each column's alignment:
///
///     Paper │ Read
///     ──────┼─────
///     NTK   │  ✅
///
/// Columns are separated by `glyphs.vertical` with a space either side; the header is
/// underlined by `glyphs.horizontal` crossed by `glyphs.cross`. When the table is wider than
/// the pane, the widest column gives up a column at a time (down to one) and cells wrap inside
/// their column, so a row may take several lines. If even one column each is too wide (many
/// columns in a very narrow pane), lines are cut at the width (no line is ever wider) and a
/// muted line below says how many columns are shown.
struct TableLayout {
    let alignments: [Table.Alignment]
    let glyphs: Glyphs

    func lines(header: [[Span]], rows: [[[Span]]], width: Int) -> [StyledLine] {
        let width = max(1, width)
        let allRows = [header] + rows
        let natural = alignments.indices.map { column in
            allRows.map { row in TextWrap.wrap(Self.cell(row, column), width: .max).map(\.width).max() ?? 0 }.max() ?? 0
        }
        let columns = fitted(natural.map { max(1, $0) }, into: width - separator.width * (alignments.count - 1))
        var lines = row(header, columns: columns)
        lines.append(StyledLine(
            columns.map { String(repeating: glyphs.horizontal, count: $0) }
                .joined(separator: glyphs.horizontal + glyphs.cross + glyphs.horizontal),
            Style(.muted)))
        for cells in rows { lines += row(cells, columns: columns) }
        guard lines.contains(where: { $0.width > width }) else { return lines }
        // Cut: say how much is missing rather than dropping columns silently.
        var shown = 0
        var used = 0
        for (index, column) in columns.enumerated() {
            used += column + (index > 0 ? separator.width : 0)
            if used > width { break }
            shown += 1
        }
        let note = "(\(shown) of \(columns.count) columns shown; a wider terminal shows the rest)"
        return lines.map { $0.width > width ? StyledLine(TextWrap.clipped($0.spans, to: width)) : $0 }
            + TextWrap.wrap([Span(note, Style(.muted))], width: width)
    }

    private var separator: Span { Span(" " + glyphs.vertical + " ", Style(.muted)) }

    /// Column widths summing to at most `room` (when that allows one column each): the widest
    /// column is narrowed first, so short columns (a status, a date) keep their width.
    private func fitted(_ natural: [Int], into room: Int) -> [Int] {
        var columns = natural
        var excess = columns.reduce(0, +) - max(room, columns.count)
        // One column at a time, so that two equally wide columns shrink evenly.
        while excess > 0, let widest = columns.indices.max(by: { columns[$0] < columns[$1] }), columns[widest] > 1 {
            columns[widest] -= 1
            excess -= 1
        }
        return columns
    }

    /// One table row: each cell wrapped to its column, padded by its alignment, as many lines
    /// as its tallest cell.
    private func row(_ cells: [[Span]], columns: [Int]) -> [StyledLine] {
        let wrapped = columns.indices.map { TextWrap.wrap(Self.cell(cells, $0), width: columns[$0]) }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            var spans: [Span] = []
            for column in columns.indices {
                if column > 0 { spans.append(separator) }
                let cellLine = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : StyledLine()
                spans += aligned(cellLine, in: columns[column], alignment: alignments[column])
            }
            return StyledLine(spans)
        }
    }

    /// A row's cell; empty past the end (rows built by hand may be short).
    private static func cell(_ row: [[Span]], _ column: Int) -> [Span] {
        column < row.count ? row[column] : []
    }

    private func aligned(_ line: StyledLine, in width: Int, alignment: Table.Alignment) -> [Span] {
        let slack = max(0, width - line.width)
        let left: Int
        switch alignment {
        case .none, .left: left = 0
        case .center: left = slack / 2
        case .right: left = slack
        }
        let pad = { (count: Int) in count > 0 ? [Span(String(repeating: " ", count: count))] : [] }
        return pad(left) + line.spans + pad(slack - left)
    }
}
