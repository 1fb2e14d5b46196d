/// The drawing characters the views use, in two sets: Unicode for UTF-8 terminals and plain
/// ASCII for terminals that cannot show anything else (a locale with no UTF-8 available).
public struct Glyphs: Sendable, Equatable {
    public var bullet: String
    public var foldClosed: String
    public var foldOpen: String
    public var checked: String
    public var unchecked: String
    public var vertical: String
    public var horizontal: String
    public var cross: String
    public var quoteBar: String
    public var ellipsis: String
    public var readMark: String
    public var readingMark: String
    public var unreadMark: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// Between the parts of a path in the status bar.
    public var pathSeparator: String
    /// Between facts on one line (year · status).
    public var dot: String
    /// The owner's "read in depth" mark.
    public var inDepth: String

    public static let unicode = Glyphs(
        bullet: "•", foldClosed: "▸", foldOpen: "▾", checked: "☑", unchecked: "☐", vertical: "│",
        horizontal: "─", cross: "┼", quoteBar: "▌", ellipsis: "…", readMark: "●", readingMark: "◐",
        unreadMark: "○", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", pathSeparator: " › ", dot: " · ", inDepth: " ✅")

    public static let ascii = Glyphs(
        bullet: "*", foldClosed: ">", foldOpen: "v", checked: "[x]", unchecked: "[ ]", vertical: "|",
        horizontal: "-", cross: "+", quoteBar: "|", ellipsis: "...", readMark: "*", readingMark: "~",
        unreadMark: "o", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", pathSeparator: " > ", dot: " - ", inDepth: "")
}
