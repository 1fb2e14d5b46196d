import CCmarkGFM

extension CmarkConverter {
    /// The inlines under `node` (a paragraph, heading, table cell or inline container).
    /// Adjacent text runs are merged: cmark splits text at brackets, entities and autolink
    /// candidates, which means nothing to a reader and would make equal texts compare unequal.
    func inlines(childrenOf node: CmarkNode, depth: Int) -> [Inline] {
        var result: [Inline] = []
        for child in children(of: node) {
            guard let inline = inline(child, depth: depth + 1) else { continue }
            if case .text(let next) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    /// One inline; nil for an unknown node with no text, which is dropped.
    func inline(_ node: CmarkNode, depth: Int) -> Inline? {
        guard depth <= Self.maximumDepth else { return fallback(node) }
        let literal = { swiftString(cmark_node_get_literal(node)) }
        let children = { inlines(childrenOf: node, depth: depth) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal())
        case CMARK_NODE_CODE: return .code(literal())
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_HTML_INLINE: return .html(literal())
        case CMARK_NODE_EMPH: return .emphasis(children())
        case CMARK_NODE_STRONG: return .strong(children())
        case types.strikethrough: return .strikethrough(children())
        case CMARK_NODE_LINK:
            return .link(
                destination: swiftString(cmark_node_get_url(node)),
                title: swiftString(cmark_node_get_title(node)), children: children())
        case CMARK_NODE_IMAGE:
            return .image(
                source: swiftString(cmark_node_get_url(node)),
                title: swiftString(cmark_node_get_title(node)), alt: children())
        default:
            return fallback(node)
        }
    }

    /// An unknown inline (a footnote reference, a future extension) or one nested too deeply,
    /// as its plain text; nil when it has none.
    private func fallback(_ node: CmarkNode) -> Inline? {
        let text = plainText(of: node)
        return text.isEmpty ? nil : .text(text)
    }
}
