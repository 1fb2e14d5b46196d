/// What a piece of text is, not how it looks: the terminal backend maps each role to colours for
/// 256-, 16- or no-colour terminals, so the pure view code never deals with palettes.
public enum Role: UInt8, Sendable, CaseIterable {
    case text
    /// Secondary text: counts, years, hints, folded markers.
    case muted
    case heading1, heading2, heading3
    /// Inline code and code blocks.
    case code
    case quote
    case link
    /// A `[[wiki link]]` to another note.
    case wikiLink
    /// A search match highlighted in the reading pane or a snippet.
    case match
    /// The selected row of the focused pane.
    case selection
    /// The selected row of a pane without focus.
    case selectionInactive
    case statusBar
    /// The mode badge at the left of the status bar.
    case statusMode
    case border
    /// Pane and overlay titles.
    case title
    case read, reading, unread
    case tag
    case error, warning
    /// Overlay backgrounds (help, search, palette).
    case overlay
}

/// How one cell is drawn: a role plus text attributes. Value type, cheap to compare.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool
    public var strikethrough: Bool

    public init(_ role: Role = .text, bold: Bool = false, italic: Bool = false, underline: Bool = false,
                reverse: Bool = false, strikethrough: Bool = false) {
        self.role = role
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
        self.strikethrough = strikethrough
    }

    public static let plain = Style()

    /// This style with `role` replaced (attributes kept).
    public func with(_ role: Role) -> Style {
        var copy = self
        copy.role = role
        return copy
    }
}
