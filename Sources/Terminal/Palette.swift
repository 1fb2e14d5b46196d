import Screen

/// Maps what text is (`Role`) to how it looks (`Appearance`) at one colour depth. Pure: the
/// tables live in `Palette+Tables.swift`; `CursesTerminal` turns appearances into colour pairs.
public struct Palette: Sendable {
    public let depth: ColorDepth
    private let table: [Role: Appearance]

    public init(depth: ColorDepth) {
        self.depth = depth
        switch depth {
        case .full256: table = Palette.table256
        case .sixteen: table = Palette.table16
        case .none: table = Palette.tableMonochrome
        }
    }

    /// The role's look, or plain text for a role missing from the table (a test checks none is).
    public func appearance(for role: Role) -> Appearance { table[role] ?? .plain }

    /// Whether the table names this role.
    public func defines(_ role: Role) -> Bool { table[role] != nil }

    /// The style's look: its role's, plus the style's own attributes, on the colour of its
    /// background role (that role's foreground). Strikethrough has no ncurses attribute and is
    /// shown dim.
    public func appearance(for style: Style) -> Appearance {
        var result = appearance(for: style.role)
        if let background = style.background {
            let fill = appearance(for: background).foreground
            if fill != Appearance.defaultColor { result.background = fill }
        }
        result.bold = result.bold || style.bold
        result.italic = result.italic || style.italic
        result.underline = result.underline || style.underline
        result.reverse = result.reverse || style.reverse
        result.dim = result.dim || style.strikethrough
        return result
    }
}
