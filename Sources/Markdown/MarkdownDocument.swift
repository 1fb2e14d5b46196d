/// A parsed Markdown document: plain Swift values, no pointers into cmark-gfm.
///
/// Produced by ``Markdown/parse(_:)``. Immutable in practice (`var` only so that callers can
/// build documents in tests); safe to share between tasks.
public struct MarkdownDocument: Sendable, Equatable {
    /// The top-level blocks, in source order.
    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// Every link in the document, in source order.
    public var links: [MarkdownLink] { blocks.links }

    /// Every code block, in lists and quotes too, in source order: what the reading pane
    /// draws as code (or as an embedded block), as cmark reads the fences.
    public var codeBlocks: [(info: String, literal: String, line: Int)] {
        func collect(_ blocks: [Block]) -> [(info: String, literal: String, line: Int)] {
            blocks.flatMap { block -> [(info: String, literal: String, line: Int)] in
                switch block {
                case .codeBlock(let info, let literal, let line): return [(info, literal, line)]
                case .blockQuote(let inner, _): return collect(inner)
                case .list(let list, _): return list.items.flatMap { collect($0.blocks) }
                default: return []
                }
            }
        }
        return collect(blocks)
    }
}
