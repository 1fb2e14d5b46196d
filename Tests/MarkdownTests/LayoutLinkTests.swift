import Screen
import Testing

@testable import Markdown

/// Links in the layout: spans carry the index of a `RenderedLink`, whose `line` is the first
/// rendered line the link is on (counted after wrapping, blank lines included).
@Suite struct LayoutLinkTests {
    @Test func urlWikiAndAutolinksGetIndicesAndLines() {
        let document = rendered(
            """
            Read [the NTK paper](https://arxiv.org/abs/1806.07572) and [[Neural Tangent Kernel|the NTK note]], then <https://example.com/x>.
            """, width: 24)
        #expect(
            document.lines.map(\.content.text) == [
                "Read the NTK paper and",
                "the NTK note, then",
                "https://example.com/x.",
            ])
        #expect(
            document.links == [
                RenderedLink(target: .url("https://arxiv.org/abs/1806.07572"), label: "the NTK paper", line: 0),
                RenderedLink(target: .wiki("Neural Tangent Kernel"), label: "the NTK note", line: 1),
                RenderedLink(target: .url("https://example.com/x"), label: "https://example.com/x", line: 2),
            ])
        #expect(
            document.lines.map(\.content.spans) == [
                [Span("Read "), Span("the NTK paper", linkStyle, link: 0), Span(" and")],
                [Span("the NTK note", Style(.wikiLink), link: 1), Span(", then")],
                [Span("https://example.com/x", linkStyle, link: 2), Span(".")],
            ])
    }

    @Test func aWrappedLinkKeepsItsIndexOnBothLinesAndItsFirstLine() {
        let document = rendered("# Title\n\nSee [a rather long link text](https://x.org) here.", width: 12)
        #expect(document.lines.map(\.content.text) == ["Title", "", "See a rather", "long link", "text here."])
        #expect(document.links == [RenderedLink(target: .url("https://x.org"), label: "a rather long link text", line: 2)])
        #expect(document.lines[3].content.spans == [Span("long link", linkStyle, link: 0)])
        #expect(document.lines[4].content.spans == [Span("text", linkStyle, link: 0), Span(" here.")])
    }

    @Test func wikiLinkFormsAndNoWikiLinksInCode() {
        let document = rendered("[[Target]] and [[Target#Heading]] but `[[code]]` and [[]]", width: 80)
        #expect(document.lines.map(\.content.text) == ["Target and Target#Heading but [[code]] and [[]]"])
        #expect(
            document.links == [
                RenderedLink(target: .wiki("Target"), label: "Target", line: 0),
                RenderedLink(target: .wiki("Target"), label: "Target#Heading", line: 0),
            ])
        #expect(
            document.lines[0].content.spans == [
                Span("Target", Style(.wikiLink), link: 0), Span(" and "),
                Span("Target#Heading", Style(.wikiLink), link: 1), Span(" but "), Span("[[code]]", Style(.code)),
                Span(" and [[]]"),
            ])
    }

    @Test func wikiLinkInATableCellWithAnEscapedBar() {
        let document = rendered("| note |\n|---|\n| [[Mean field\\|MF]] |", width: 20)
        #expect(document.lines.map(\.content.text) == ["note", "────", "MF  "])
        #expect(document.links == [RenderedLink(target: .wiki("Mean field"), label: "MF", line: 2)])
    }

    @Test func imagesShowTheirAltTextNeverTheURL() {
        let document = rendered("![Figure 1: phase diagram](fig1.png) and ![](x.png)", width: 80)
        #expect(document.lines.map(\.content.text) == ["[image: Figure 1: phase diagram] and [image]"])
        #expect(document.lines[0].content.spans[0] == Span("[image: Figure 1: phase diagram]", Style(.muted)))
        #expect(document.links == [])
    }

    @Test func anImageInsideALinkIsTheLinkText() {
        let document = rendered("[![build](badge.svg)](https://ci.example)", width: 80)
        #expect(document.lines.map(\.content.text) == ["[image: build]"])
        #expect(document.links == [RenderedLink(target: .url("https://ci.example"), label: "[image: build]", line: 0)])
    }

    @Test func aLinkWithNoTextShowsItsDestination() {
        let document = rendered("[](https://x.org)", width: 80)
        #expect(document.lines.map(\.content.text) == ["https://x.org"])
        #expect(document.links == [RenderedLink(target: .url("https://x.org"), label: "https://x.org", line: 0)])
    }

    @Test func linksInAFoldedSectionAreNotListed() {
        let markdown = "## Notes\n\nSee [[Hidden]].\n\n## Next\n\n[[Shown]]"
        #expect(rendered(markdown, width: 40).links.map(\.target) == [.wiki("Hidden"), .wiki("Shown")])
        let folded = rendered(markdown, width: 40, collapsed: [.notes])
        #expect(folded.lines.map(\.content.text) == ["▸ Notes (1 line)", "", "Next", "", "Shown"])
        #expect(folded.links == [RenderedLink(target: .wiki("Shown"), label: "Shown", line: 4)])
        #expect(folded.lines[4].content.spans == [Span("Shown", Style(.wikiLink), link: 0)])
    }
}
