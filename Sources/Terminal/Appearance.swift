/// How a cell looks on the terminal: colour numbers plus attributes, independent of ncurses.
/// Colour −1 is the terminal's own default (ncurses' `use_default_colors`), 0–15 the ANSI
/// colours (8–15 the bright ones), 16–255 the xterm cube and grey ramp.
public struct Appearance: Hashable, Sendable {
    public var foreground: Int16
    public var background: Int16
    public var bold: Bool
    public var dim: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool

    public static let defaultColor: Int16 = -1

    public init(foreground: Int16 = defaultColor, background: Int16 = defaultColor, bold: Bool = false,
                dim: Bool = false, italic: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = Appearance()

    /// Whether anything distinguishes this from plain text.
    public var isPlain: Bool { self == .plain }

    /// The same look on a terminal with only `colors` colours: a bright colour (8–15) that
    /// the terminal lacks becomes its normal colour, made bold for a foreground; bright black
    /// (grey), which would vanish on a black background, becomes the default colour dimmed.
    /// Colours above 15 are left alone: the 256-colour palette is only chosen when the
    /// terminal has them (`ColorDepth.resolve`).
    public func fitted(colors: Int) -> Appearance {
        guard colors < 16 else { return self }
        var result = self
        if foreground >= 8, foreground < 16 {
            if foreground == 8 {
                result.foreground = Appearance.defaultColor
                result.dim = true
            } else {
                result.foreground = foreground - 8
                result.bold = true
            }
        }
        if background >= 8, background < 16 { result.background = background - 8 }
        return result
    }
}
