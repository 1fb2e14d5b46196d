import Screen

@testable import Markdown

/// Renders `markdown` (parsed by cmark-gfm) at `width`: the fixture of every layout spec.
func rendered(
    _ markdown: String, width: Int, collapsed: Set<FoldID> = [], glyphs: Glyphs = .unicode
) -> RenderedDocument {
    MarkdownLayout.render(Markdown.parse(markdown), width: width, collapsed: collapsed, glyphs: glyphs)
}

/// The text of each rendered line: what the specs compare with literal lines.
func lines(_ markdown: String, width: Int, collapsed: Set<FoldID> = [], glyphs: Glyphs = .unicode) -> [String] {
    rendered(markdown, width: width, collapsed: collapsed, glyphs: glyphs).lines.map(\.content.text)
}

/// The link style the layout gives URL links.
let linkStyle = Style(.link, underline: true)
