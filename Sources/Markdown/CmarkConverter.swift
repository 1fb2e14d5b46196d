import CCmarkGFM

/// Copies a cmark-gfm tree into ``Block`` and ``Inline`` values. Use only while holding the
/// parse lock and while the tree is alive.
struct CmarkConverter {
    let types: ExtensionNodeTypes

    /// Nesting deeper than this (blocks and inlines counted together) is flattened to plain
    /// text. Real notes nest a dozen levels at most; the cap keeps pathological input (ten
    /// thousand `>`) from overflowing the stack here, in `==`, or when the values are freed,
    /// all of which recurse.
    static let maximumDepth = 64

    /// The blocks under `node` (a document, block quote or list item).
    func blocks(childrenOf node: CmarkNode, depth: Int) -> [Block] {
        children(of: node).compactMap { block($0, depth: depth + 1) }
    }

    /// One block; nil for an unknown node with no text, which is dropped.
    func block(_ node: CmarkNode, depth: Int) -> Block? {
        let line = Int(cmark_node_get_start_line(node))
        guard depth <= Self.maximumDepth else { return fallback(node, line: line) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(childrenOf: node, depth: depth), line: line)
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            return .heading(level: level, inlines: inlines(childrenOf: node, depth: depth), line: line)
        case CMARK_NODE_LIST:
            return .list(list(node, depth: depth), line: line)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(childrenOf: node, depth: depth), line: line)
        case CMARK_NODE_CODE_BLOCK:
            let info = swiftString(cmark_node_get_fence_info(node))
            return .codeBlock(info: info, literal: swiftString(cmark_node_get_literal(node)), line: line)
        case CMARK_NODE_HTML_BLOCK:
            return .htmlBlock(swiftString(cmark_node_get_literal(node)), line: line)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(line: line)
        case types.table:
            return .table(table(node, depth: depth), line: line)
        default:
            return fallback(node, line: line)
        }
    }

    /// A list and its items. Task items are ordinary `CMARK_NODE_ITEM`s that the tasklist
    /// extension has claimed: `cmark_node_get_type_string` then answers "tasklist" (instead
    /// of "item"), and only then does `cmark_gfm_extensions_get_tasklist_item_checked` mean
    /// anything (it answers false for every other node).
    func list(_ node: CmarkNode, depth: Int) -> MarkdownList {
        let items = children(of: node).map { item in
            ListItem(
                blocks: blocks(childrenOf: item, depth: depth + 1),
                task: swiftString(cmark_node_get_type_string(item)) == "tasklist"
                    ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil,
                line: Int(cmark_node_get_start_line(item)))
        }
        return MarkdownList(
            ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
            start: Int(cmark_node_get_list_start(node)),
            tight: cmark_node_get_list_tight(node) != 0,
            items: items)
    }

    /// An unknown block (a footnote definition, a future extension) or one nested too deeply,
    /// as a paragraph of its plain text; nil when it has none.
    private func fallback(_ node: CmarkNode, line: Int) -> Block? {
        let text = plainText(of: node)
        return text.isEmpty ? nil : .paragraph([.text(text)], line: line)
    }
}
