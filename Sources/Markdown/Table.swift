/// A GitHub table. Every row has exactly `alignments.count` cells: shorter rows are padded with
/// empty cells and longer rows truncated, as GitHub renders them.
public struct Table: Sendable, Equatable {
    /// Column alignment, from the colons in the delimiter row (`:--`, `:-:`, `--:`).
    public enum Alignment: Sendable, Equatable {
        case none, left, center, right
    }

    public var alignments: [Alignment]
    /// The header row's cells.
    public var header: [[Inline]]
    /// The body rows; each row is a list of cells, each cell a list of inlines.
    public var rows: [[[Inline]]]

    public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }

    /// The number of columns (the delimiter row's cell count).
    public var columnCount: Int { alignments.count }
}
