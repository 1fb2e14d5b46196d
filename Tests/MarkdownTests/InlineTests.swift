import Markdown
import Testing

@Suite struct InlineTests {
    /// The inlines of a one-paragraph document.
    private func inlines(_ text: String) -> [Inline] {
        guard case .paragraph(let inlines, _)? = Markdown.parse(text).blocks.first else { return [] }
        return inlines
    }

    @Test func emphasisStrongCodeAndStrikethrough() {
        #expect(
            inlines("*a* **b** `c` ~~d~~ <kbd>e</kbd>") == [
                .emphasis([.text("a")]), .text(" "), .strong([.text("b")]), .text(" "), .code("c"),
                .text(" "), .strikethrough([.text("d")]), .text(" "), .html("<kbd>"), .text("e"),
                .html("</kbd>"),
            ])
    }

    @Test func breaks() {
        #expect(inlines("one\ntwo  \nthree") == [.text("one"), .softBreak, .text("two"), .lineBreak, .text("three")])
    }

    @Test func linksAndImages() {
        #expect(
            inlines(#"[NTK](https://arxiv.org/abs/1806.07572 "paper") ![plot *a*](fig.png)"#) == [
                .link(destination: "https://arxiv.org/abs/1806.07572", title: "paper", children: [.text("NTK")]),
                .text(" "),
                .image(source: "fig.png", title: "", alt: [.text("plot "), .emphasis([.text("a")])]),
            ])
    }

    @Test func autolinksAngleAndBare() {
        #expect(
            inlines("<https://rajatvd.github.io/NTK/> and www.example.com") == [
                .link(
                    destination: "https://rajatvd.github.io/NTK/", title: "",
                    children: [.text("https://rajatvd.github.io/NTK/")]),
                .text(" and "),
                .link(destination: "http://www.example.com", title: "", children: [.text("www.example.com")]),
            ])
    }

    @Test func adjacentTextRunsAreMerged() {
        #expect(inlines("a [b &amp; c") == [.text("a [b & c")])
    }

    // MARK: Helpers

    @Test func plainText() {
        let text = inlines("**Deep** `info` [prop](x)\n![alt *text*](y)<br>")
        #expect(text.plainText == "Deep info prop alt text")
    }

    @Test func linksAreFoundRecursively() {
        let document = Markdown.parse(
            """
            # See [A](a.md)

            - *[B **bold**](b.md)* and [![C](c.png)](c.md)
            > <https://d.org>
            """)
        #expect(
            document.links == [
                MarkdownLink(destination: "a.md", text: "A"),
                MarkdownLink(destination: "b.md", text: "B bold"),
                MarkdownLink(destination: "c.md", text: "C"),
                MarkdownLink(destination: "https://d.org", text: "https://d.org"),
            ])
    }
}
