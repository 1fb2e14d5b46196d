import Screen

/// A section of a note that the reader can fold: the abstract, the owner's notes, and each
/// `<details>` block (numbered 0, 1, … in document order).
public enum FoldID: Hashable, Sendable {
    case abstract
    case notes
    case details(Int)
}

/// Where a link goes: a URL as written, or another note named by a `[[wiki link]]`.
public enum LinkTarget: Hashable, Sendable {
    case url(String)
    case wiki(String)
    /// An embedded block (a calculator block), by its source: `]`/`[` stop at it and `o` or
    /// Enter acts on it.
    case embed(String)
}

/// A link in a rendered document.
public struct RenderedLink: Equatable, Sendable {
    public var target: LinkTarget
    /// The link's text as shown (plain).
    public var label: String
    /// Index into `RenderedDocument.lines` of the first line the link appears on.
    public var line: Int

    public init(target: LinkTarget, label: String, line: Int) {
        self.target = target
        self.label = label
        self.line = line
    }
}

/// One screen line of a rendered document.
public struct RenderedLine: Equatable, Sendable {
    public var content: StyledLine
    /// Set on the header line of a foldable section (the abstract's heading, a `<details>`
    /// summary): Enter on that line folds or unfolds it.
    public var fold: FoldID?
    /// Set on the lines an embedded block drew (a calculator block): the block's source, for
    /// the reading pane to act on (Enter opens its calculator).
    public var embed: String?

    public init(_ content: StyledLine, fold: FoldID? = nil, embed: String? = nil) {
        self.content = content
        self.fold = fold
        self.embed = embed
    }
}

/// Draws a fenced code block some other way (a calculator block as its result): given the
/// info string, the literal and the width, the lines to show instead, or nil to show the code.
public typealias EmbedRenderer = (_ info: String, _ literal: String, _ width: Int) -> [RenderedLine]?

/// A Markdown document laid out for a given width: the lines to show, the links on them (spans
/// carry indices into `links`), and the foldable sections in order.
public struct RenderedDocument: Equatable, Sendable {
    public var lines: [RenderedLine]
    public var links: [RenderedLink]
    public var folds: [FoldID]

    public init(lines: [RenderedLine] = [], links: [RenderedLink] = [], folds: [FoldID] = []) {
        self.lines = lines
        self.links = links
        self.folds = folds
    }
}
