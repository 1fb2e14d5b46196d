/// A run of text in one style: the unit styled lines are made of. `link` indexes the link table
/// of whatever produced the line (a rendered document), so that a focused link can be drawn
/// differently and opened.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style
    public var link: Int?

    public init(_ text: String, _ style: Style = .plain, link: Int? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }

    /// Display columns (see `DisplayWidth`).
    public var width: Int { DisplayWidth.of(text) }
}

/// One screen line of styled text, not yet placed.
public struct StyledLine: Equatable, Sendable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }

    public init(_ text: String, _ style: Style = .plain) { spans = [Span(text, style)] }

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + $1.width } }
}
