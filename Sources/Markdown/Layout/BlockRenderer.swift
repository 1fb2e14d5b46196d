import Screen

/// Lays out blocks as lines for one render: the state that lives across the walk (the links
/// met so far, the folds, the `<details>` counter) and the block cases. Lists, tables, folds,
/// literal blocks and inlines are in the `BlockRenderer+…` files.
///
/// Containers lay out their content at the width their ``Gutter`` leaves and then prefix it,
/// so every method returns lines no wider than the `width` it is given.
struct BlockRenderer {
    /// A link found while styling inlines. Spans carry its index in `links` for now;
    /// ``MarkdownLayout`` renumbers by first appearance once the lines are final.
    struct FoundLink {
        var target: LinkTarget
        var label: String
    }

    let glyphs: Glyphs
    let collapsed: Set<FoldID>
    var links: [FoundLink] = []
    /// Every fold in document order, including folds inside collapsed ones (their content is
    /// laid out and dropped, so that numbering and "first abstract" never depend on what is
    /// folded).
    var folds: [FoldID] = []
    var detailsCount = 0
    let embeds: EmbedRenderer?

    init(glyphs: Glyphs, collapsed: Set<FoldID>, embeds: EmbedRenderer? = nil) {
        self.glyphs = glyphs
        self.collapsed = collapsed
        self.embeds = embeds
    }

    /// A sequence of blocks (a document, a quote, a list item), one blank line between blocks
    /// unless `tight` (the items of a tight list).
    mutating func render(_ blocks: [Block], width: Int, tight: Bool = false) -> [RenderedLine] {
        render(DetailsAssembler.nodes(from: blocks), width: width, tight: tight)
    }

    mutating func render(_ nodes: [LayoutNode], width: Int, tight: Bool) -> [RenderedLine] {
        var lines: [RenderedLine] = []
        var index = nodes.startIndex
        while index < nodes.endIndex {
            let rendered: [RenderedLine]
            if case .block(.heading(let level, let title, _)) = nodes[index],
                let fold = claimFold(level: level, title: title)
            {
                // The section runs to the next heading of the same or a higher level.
                let end = nodes[(index + 1)...].firstIndex { ($0.headingLevel ?? .max) <= level } ?? nodes.endIndex
                let content = Array(nodes[(index + 1)..<end])
                rendered = section(fold, level: level, title: title, content: content, width: width)
                index = end
            } else {
                rendered = render(nodes[index], width: width)
                index += 1
            }
            guard !rendered.isEmpty else { continue }
            if !lines.isEmpty && !tight { lines.append(RenderedLine(StyledLine())) }
            lines += rendered
        }
        return lines
    }

    private mutating func render(_ node: LayoutNode, width: Int) -> [RenderedLine] {
        switch node {
        case .details(let summary, let body): return details(summary: summary, body: body, width: width)
        case .block(let block): return render(block, width: width)
        }
    }

    private mutating func render(_ block: Block, width: Int) -> [RenderedLine] {
        switch block {
        case .heading(let level, let inlines, _):
            return wrapped(spans(inlines, style: Self.headingStyle(level)), width: width)
        case .paragraph(let inlines, _):
            return wrapped(spans(inlines, style: .plain), width: width)
        case .list(let list, _):
            return self.list(list, width: width)
        case .blockQuote(let blocks, _):
            return quote(blocks, width: width)
        case .codeBlock(let info, let literal, _):
            if let embeds, var lines = embeds(info, literal, width) {
                // The block's first line is a link to it, so link navigation stops there.
                if let source = lines.first?.embed, !lines[0].content.spans.isEmpty {
                    links.append(FoundLink(target: .embed(source), label: source))
                    for index in lines[0].content.spans.indices { lines[0].content.spans[index].link = links.count - 1 }
                }
                return lines
            }
            return codeBlock(info: info, literal: literal, width: width)
        case .htmlBlock(let html, _):
            return htmlBlock(html, width: width)
        case .thematicBreak:
            return [thematicBreak(width: width)]
        case .table(let table, _):
            return self.table(table, width: width)
        }
    }

    /// A block quote: its blocks behind the quote bar, prose in the quote role.
    private mutating func quote(_ blocks: [Block], width: Int) -> [RenderedLine] {
        let bar = [Span(glyphs.quoteBar + " ", Style(.quote))]
        let gutter = Gutter(first: bar, rest: bar)
        let content = render(blocks, width: gutter.contentWidth(in: width)).map { line in
            var line = line
            for index in line.content.spans.indices where line.content.spans[index].style.role == .text {
                line.content.spans[index].style.role = .quote
            }
            return line
        }
        return gutter.apply(to: content, width: width)
    }

    func wrapped(_ spans: [Span], width: Int) -> [RenderedLine] {
        TextWrap.wrap(spans, width: width).map { RenderedLine($0) }
    }

    /// Levels 1, 2 and 3 have their own roles; deeper headings share the third.
    static func headingStyle(_ level: Int) -> Style {
        Style(level <= 1 ? .heading1 : level == 2 ? .heading2 : .heading3, bold: true)
    }
}

extension LayoutNode {
    /// The level when this is a heading: what ends a heading's foldable section.
    var headingLevel: Int? {
        if case .block(.heading(let level, _, _)) = self { level } else { nil }
    }
}
