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
}
