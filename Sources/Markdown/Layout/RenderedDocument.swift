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

    public init(_ content: StyledLine, fold: FoldID? = nil) {
        self.content = content
        self.fold = fold
    }
}

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
