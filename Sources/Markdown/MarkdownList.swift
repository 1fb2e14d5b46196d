/// A bullet or ordered list.
public struct MarkdownList: Sendable, Equatable {
    public var ordered: Bool
    /// The first item's number for ordered lists (`3.` starts at 3); 0 for bullet lists.
    public var start: Int
    /// A tight list has no blank lines between or inside its items (CommonMark §5.3); a
    /// renderer shows its paragraphs without spacing.
    public var tight: Bool
    public var items: [ListItem]

    public init(ordered: Bool, start: Int, tight: Bool, items: [ListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

/// One item of a ``MarkdownList``.
public struct ListItem: Sendable, Equatable {
    public var blocks: [Block]
    /// `nil` for an ordinary item; for a task item (`- [ ] …` / `- [x] …`), whether it is
    /// checked. The checkbox itself is not part of `blocks`.
    public var task: Bool?
    /// The 1-based source line of the item's marker.
    public var line: Int

    public init(blocks: [Block], task: Bool? = nil, line: Int) {
        self.blocks = blocks
        self.task = task
        self.line = line
    }
}
