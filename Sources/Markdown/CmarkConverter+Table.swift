import CCmarkGFM

extension CmarkConverter {
    /// A GitHub table. cmark gives it `TABLE_ROW` children (the first flagged as the header)
    /// whose `TABLE_CELL` children hold inlines directly. The column count and alignments live
    /// on the table node: one byte per column, 'l', 'c', 'r', or 0 for none.
    func table(_ node: CmarkNode, depth: Int) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        let codes = cmark_gfm_extensions_get_table_alignments(node)
        let alignments = (0..<columns).map { column in
            codes.map { Table.Alignment(code: $0[column]) } ?? Table.Alignment.none
        }
        var header: [[Inline]]?
        var rows: [[[Inline]]] = []
        for row in children(of: node) where cmark_node_get_type(row) == types.tableRow {
            let cells = children(of: row)
                .filter { cmark_node_get_type($0) == types.tableCell }
                .map { inlines(childrenOf: $0, depth: depth + 2) }
            // GitHub drops cells beyond the delimiter row's count and fills missing ones.
            let fitted = Array(cells.prefix(columns)) + Array(repeating: [], count: max(0, columns - cells.count))
            if header == nil && cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = fitted
            } else {
                rows.append(fitted)
            }
        }
        return Table(
            alignments: alignments, header: header ?? Array(repeating: [], count: columns), rows: rows)
    }
}

extension Table.Alignment {
    /// From cmark's alignment byte.
    init(code: UInt8) {
        switch code {
        case UInt8(ascii: "l"): self = .left
        case UInt8(ascii: "c"): self = .center
        case UInt8(ascii: "r"): self = .right
        default: self = .none
        }
    }
}
