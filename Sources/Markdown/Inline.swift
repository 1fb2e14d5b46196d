/// An inline element: the content of paragraphs, headings and table cells.
public indirect enum Inline: Sendable, Equatable {
    /// Plain text, with entities and backslash escapes already resolved.
    case text(String)
    /// A code span's content (without backticks).
    case code(String)
    /// A line ending inside a paragraph; renders as a space or a newline.
    case softBreak
    /// A hard line break (two trailing spaces or a backslash before the line ending).
    case lineBreak
    /// Raw inline HTML, verbatim (`<kbd>`, `<br>`, …).
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    /// `~~text~~` (the `strikethrough` extension).
    case strikethrough([Inline])
    /// An inline, reference or auto link (`<https://…>` and bare `www.`/`https://` URLs via
    /// the `autolink` extension). `title` is "" when absent.
    case link(destination: String, title: String, children: [Inline])
    /// An image; `alt` is its description as inlines. `title` is "" when absent.
    case image(source: String, title: String, alt: [Inline])
}
