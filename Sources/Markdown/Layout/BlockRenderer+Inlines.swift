import Foundation  // case-insensitive regular-expression match for <br>
import Screen

extension BlockRenderer {
    /// Inlines as styled spans, not yet wrapped: emphasis italic, strong bold, code in the code
    /// role, links underlined in the link role with `link` set, `[[wiki links]]` in the wiki
    /// role. A hard break (or `<br>`) is a "\n" span, which ``TextWrap`` turns into a new line.
    /// Every text from the note is escaped here (``SafeText``), before anything is measured.
    mutating func spans(_ inlines: [Inline], style: Style, link: Int? = nil) -> [Span] {
        var result: [Span] = []
        for inline in inlines {
            switch inline {
            case .text(let text):
                result += textSpans(SafeText.prose(text), style: style, link: link)
            case .code(let code):
                result.append(Span(SafeText.prose(code), style.with(.code), link: link))
            case .softBreak:
                result.append(Span(" ", style, link: link))
            case .lineBreak:
                result.append(Span("\n", style, link: link))
            case .html(let html):
                // <br> breaks the line; other tags (<kbd>, <sup>, comments) are dropped while
                // the text between them, separate text inlines, stays.
                if Self.isLineBreakTag(html) { result.append(Span("\n", style, link: link)) }
            case .emphasis(let children):
                result += spans(children, style: with(style) { $0.italic = true }, link: link)
            case .strong(let children):
                result += spans(children, style: with(style) { $0.bold = true }, link: link)
            case .strikethrough(let children):
                result += spans(children, style: with(style) { $0.strikethrough = true }, link: link)
            case .link(let destination, _, let children):
                result += linkSpans(to: .url(destination), children: children, style: style, enclosing: link)
            case .image(_, _, let alt):
                // The alt text, never the URL: an image cannot be shown in a terminal.
                let altText = SafeText.prose(alt.plainText).trimmingWhitespace
                let shown = altText.isEmpty ? "[image]" : "[image: \(altText)]"
                result.append(Span(shown, link == nil ? style.with(.muted) : style, link: link))
            }
        }
        return result
    }

    /// A link's children, registered as one found link whose label is their shown text. A link
    /// with no visible text shows its destination, so that it can still be seen and chosen.
    private mutating func linkSpans(to target: LinkTarget, children: [Inline], style: Style, enclosing: Int?) -> [Span] {
        guard enclosing == nil else { return spans(children, style: style, link: enclosing) }  // no nesting
        let index = links.count
        links.append(FoundLink(target: target, label: ""))
        var linkStyle = style.with(.link)
        linkStyle.underline = true
        var result = spans(children, style: linkStyle, link: index)
        if result.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) }), case .url(let destination) = target {
            result = [Span(SafeText.prose(destination), linkStyle, link: index)]
        }
        links[index].label = result.map(\.text).joined().replacing("\n", with: " ").trimmingWhitespace
        return result
    }

    /// Text with its `[[wiki links]]` as links in the wiki role.
    private mutating func textSpans(_ text: String, style: Style, link: Int?) -> [Span] {
        guard link == nil, text.contains("[[") else { return [Span(text, style, link: link)] }
        return WikiLinkScanner.pieces(of: text).map { piece in
            switch piece {
            case .text(let text):
                return Span(text, style)
            case .link(let target, let label):
                links.append(FoundLink(target: .wiki(target), label: label))
                return Span(label, style.with(.wikiLink), link: links.count - 1)
            }
        }
    }

    private static func isLineBreakTag(_ html: String) -> Bool {
        html.range(of: #"^<br\s*/?>$"#, options: [.regularExpression, .caseInsensitive]) != nil
    }

    private func with(_ style: Style, _ change: (inout Style) -> Void) -> Style {
        var copy = style
        change(&copy)
        return copy
    }
}
