import Screen

/// Lays out a parsed Markdown document as styled terminal lines for a given width: what the
/// reading pane shows. Pure: the same document, width, folds and glyphs give the same lines.
/// docs/reading-pane.md shows what each construct looks like.
public enum MarkdownLayout {
    /// The lines of `document` at most `width` columns wide (a width below 1 is taken as 1),
    /// with the folds in `collapsed` folded, drawn with `glyphs`.
    ///
    /// Links are numbered in the order they first appear on screen, which is reading order;
    /// a link inside folded content is not in `links`. `folds` lists every fold in document
    /// order, including those inside a folded one (which have no header line then).
    /// `embeds`, when given, may draw a fenced code block another way (see `EmbedRenderer`).
    public static func render(
        _ document: MarkdownDocument, width: Int, collapsed: Set<FoldID> = [], glyphs: Glyphs = .unicode,
        embeds: EmbedRenderer? = nil
    ) -> RenderedDocument {
        var renderer = BlockRenderer(glyphs: glyphs, collapsed: collapsed, embeds: embeds)
        var lines = renderer.render(document.blocks, width: max(1, width))
        let links = numberLinks(in: &lines, found: renderer.links)
        return RenderedDocument(lines: lines, links: links, folds: renderer.folds)
    }

    /// Renumbers the spans' links from the renderer's provisional indices to their order of
    /// first appearance, and records that line. Done once the lines are final: wrapping,
    /// table rows and gutters decide where a link lands, and folded links never land.
    private static func numberLinks(in lines: inout [RenderedLine], found: [BlockRenderer.FoundLink]) -> [RenderedLink] {
        var links: [RenderedLink] = []
        var numbers: [Int: Int] = [:]
        for lineIndex in lines.indices {
            for spanIndex in lines[lineIndex].content.spans.indices {
                guard let provisional = lines[lineIndex].content.spans[spanIndex].link else { continue }
                let number =
                    numbers[provisional]
                    ?? {
                        let link = found[provisional]
                        links.append(RenderedLink(target: link.target, label: link.label, line: lineIndex))
                        numbers[provisional] = links.count - 1
                        return links.count - 1
                    }()
                lines[lineIndex].content.spans[spanIndex].link = number
            }
        }
        return links
    }
}
