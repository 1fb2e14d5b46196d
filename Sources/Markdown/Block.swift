/// A block-level element of a Markdown document.
///
/// Every case carries `line`: the 1-based source line where the block starts, relative to the
/// text given to ``Markdown/parse(_:)`` (cmark's `cmark_node_get_start_line`).
public indirect enum Block: Sendable, Equatable {
    /// An ATX (`## Title`) or setext (`Title\n---`) heading; `level` is 1...6.
    case heading(level: Int, inlines: [Inline], line: Int)
    case paragraph([Inline], line: Int)
    case list(MarkdownList, line: Int)
    case blockQuote([Block], line: Int)
    /// A fenced or indented code block. `info` is the fence's info string ("" when indented or
    /// absent); `literal` is the code exactly as cmark gives it, ending in a newline.
    case codeBlock(info: String, literal: String, line: Int)
    /// Raw HTML, verbatim (ending in a newline). cmark does not parse Markdown inside it: a
    /// `<details>` block with no blank line inside is one `htmlBlock` holding all its text.
    case htmlBlock(String, line: Int)
    case thematicBreak(line: Int)
    /// A GitHub table (the `table` extension).
    case table(Table, line: Int)

    /// The 1-based source line where this block starts.
    public var line: Int {
        switch self {
        case .heading(_, _, let line), .paragraph(_, let line), .list(_, let line),
            .blockQuote(_, let line), .codeBlock(_, _, let line), .htmlBlock(_, let line),
            .thematicBreak(let line), .table(_, let line):
            return line
        }
    }
}
