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
    /// Plot series colours, used in turn (`Role.series(_:)`).
    case series1, series2, series3, series4, series5, series6
    /// What a plot draws over its data: an exact curve (the critical line), a marked point.
    case highlight
    /// A plot's reference lines (χ₁ = 1, q*), drawn dashed and quiet.
    case reference
    /// The ten steps of a heat map's colour ramp, low to high (`Role.heat(_:of:)`).
    case heat0, heat1, heat2, heat3, heat4, heat5, heat6, heat7, heat8, heat9
}

extension Role {
    static let seriesRoles: [Role] = [.series1, .series2, .series3, .series4, .series5, .series6]
    static let heatRoles: [Role] = [.heat0, .heat1, .heat2, .heat3, .heat4, .heat5, .heat6, .heat7, .heat8, .heat9]

    /// The colour of the `index`-th series (from 0), cycling through the six.
    public static func series(_ index: Int) -> Role { seriesRoles[((index % 6) + 6) % 6] }

    /// Step `level` of a ramp with `levels` steps, spread over the ten heat roles so that a
    /// coarse ramp still runs from the lowest colour to the highest.
    public static func heat(_ level: Int, of levels: Int) -> Role {
        guard levels > 1 else { return .heat9 }
        let clamped = Swift.min(Swift.max(level, 0), levels - 1)
        return heatRoles[(clamped * (heatRoles.count - 1) + (levels - 1) / 2) / (levels - 1)]
    }

    /// Whether this is one of a heat map's steps.
    public var isHeat: Bool { Role.heatRoles.contains(self) }
}

/// How one cell is drawn: a role plus text attributes. Value type, cheap to compare.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool
    public var strikethrough: Bool
    /// A role whose colour fills the cell behind the text (a heat map under a curve), or nil
    /// for the terminal's own background.
    public var background: Role?

    public init(_ role: Role = .text, bold: Bool = false, italic: Bool = false, underline: Bool = false,
                reverse: Bool = false, strikethrough: Bool = false, background: Role? = nil) {
        self.role = role
        self.background = background
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
