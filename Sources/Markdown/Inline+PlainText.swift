/// A link found in Markdown: where it points and the text it shows.
public struct MarkdownLink: Sendable, Equatable, Hashable {
    public var destination: String
    /// The plain text of the link's children (`[Inline].plainText`).
    public var text: String

    public init(destination: String, text: String) {
        self.destination = destination
        self.text = text
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, on one line: text, code spans, link text and image alt text.
    /// Soft and hard line breaks become a space; raw HTML is dropped.
    public var plainText: String {
        var result = ""
        appendPlainText(to: &result)
        return result
    }

    func appendPlainText(to result: inout String) {
        for inline in self {
            switch inline {
            case .text(let text), .code(let text):
                result += text
            case .softBreak, .lineBreak:
                result += " "
            case .html:
                break
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                .link(_, _, let children), .image(_, _, let children):
                children.appendPlainText(to: &result)
            }
        }
    }

    /// Every link among these inlines and their descendants, in order. Images are not links,
    /// but a link wrapped around an image is.
    public var links: [MarkdownLink] {
        var result: [MarkdownLink] = []
        appendLinks(to: &result)
        return result
    }

    func appendLinks(to result: inout [MarkdownLink]) {
        for inline in self {
            switch inline {
            case .text, .code, .softBreak, .lineBreak, .html:
                break
            case .link(let destination, _, let children):
                result.append(MarkdownLink(destination: destination, text: children.plainText))
                children.appendLinks(to: &result)
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                .image(_, _, let children):
                children.appendLinks(to: &result)
            }
        }
    }
}

extension Array where Element == Block {
    /// Every link in these blocks (headings, paragraphs, lists, quotes, table cells), in
    /// source order. Links inside raw HTML blocks are not seen: cmark does not parse them.
    public var links: [MarkdownLink] {
        var result: [MarkdownLink] = []
        for block in self {
            switch block {
            case .heading(_, let inlines, _), .paragraph(let inlines, _):
                inlines.appendLinks(to: &result)
            case .list(let list, _):
                for item in list.items { result += item.blocks.links }
            case .blockQuote(let blocks, _):
                result += blocks.links
            case .table(let table, _):
                for cell in table.header { cell.appendLinks(to: &result) }
                for row in table.rows { for cell in row { cell.appendLinks(to: &result) } }
            case .codeBlock, .htmlBlock, .thematicBreak:
                break
            }
        }
        return result
    }
}
