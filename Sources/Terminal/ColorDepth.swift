/// How many colours the terminal UI uses.
public enum ColorDepth: String, Sendable, CaseIterable {
    /// Attributes only (bold, dim, underline, reverse): `NO_COLOR`, monochrome terminals.
    case none
    /// The 16 ANSI colours (8 on terminals that only have 8; see `Appearance.fitted`).
    case sixteen = "16"
    /// The xterm 256-colour palette.
    case full256 = "256"

    /// The most a terminal reporting `colors` colours (terminfo `colors`, ncurses `COLORS`)
    /// can show.
    public static func supported(colors: Int) -> ColorDepth {
        if colors >= 256 { return .full256 }
        if colors >= 8 { return .sixteen }
        return .none
    }

    /// The depth to use: an explicit request wins, but never above what the terminal supports
    /// (ncurses refuses colour numbers ≥ `COLORS`); otherwise a non-empty `NO_COLOR`
    /// (https://no-color.org) means none; otherwise the terminal's own depth.
    public static func resolve(requested: ColorDepth?, colors: Int, noColor: String?) -> ColorDepth {
        let supported = supported(colors: colors)
        if let requested { return min(requested, supported) }
        if let noColor, !noColor.isEmpty { return .none }
        return supported
    }
}

extension ColorDepth: Comparable {
    private var rank: Int {
        switch self {
        case .none: return 0
        case .sixteen: return 1
        case .full256: return 2
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rank < rhs.rank }
}
