import Testing

@testable import Markdown

@Suite struct BlockTests {
    // MARK: Headings

    @Test func headingsCarryLevelAndSourceLine() {
        let document = Markdown.parse(
            """
            # Signal propagation

            Intro.

            ## Mean field
            Setext title
            ------------
            """)
        #expect(
            document.blocks == [
                .heading(level: 1, inlines: [.text("Signal propagation")], line: 1),
                .paragraph([.text("Intro.")], line: 3),
                .heading(level: 2, inlines: [.text("Mean field")], line: 5),
                .heading(level: 2, inlines: [.text("Setext title")], line: 6),
            ])
        #expect(document.blocks.map(\.line) == [1, 3, 5, 6])
    }

    @Test func emptyInputHasNoBlocks() {
        #expect(Markdown.parse("").blocks == [])
        #expect(Markdown.parse("\n\n  \n").blocks == [])
    }

    // MARK: Lists

    @Test func nestedTightListWithTaskItems() {
        let document = Markdown.parse(
            """
            - [ ] read the NTK paper
            - [x] derive the kernel
              1. ReLU
              2. erf
            - plain item
            """)
        let inner = MarkdownList(
            ordered: true, start: 1, tight: true,
            items: [
                ListItem(blocks: [.paragraph([.text("ReLU")], line: 3)], line: 3),
                ListItem(blocks: [.paragraph([.text("erf")], line: 4)], line: 4),
            ])
        let outer = MarkdownList(
            ordered: false, start: 0, tight: true,
            items: [
                ListItem(blocks: [.paragraph([.text("read the NTK paper")], line: 1)], task: false, line: 1),
                ListItem(
                    blocks: [.paragraph([.text("derive the kernel")], line: 2), .list(inner, line: 3)],
                    task: true, line: 2),
                ListItem(blocks: [.paragraph([.text("plain item")], line: 5)], task: nil, line: 5),
            ])
        #expect(document.blocks == [.list(outer, line: 1)])
    }

    @Test func looseOrderedListKeepsStartNumber() throws {
        let document = Markdown.parse("3. three\n\n4. four\n")
        guard case .list(let list, line: 1) = try #require(document.blocks.first) else {
            Issue.record("expected a list, got \(document.blocks)")
            return
        }
        #expect(list.ordered && list.start == 3 && !list.tight)
        #expect(list.items.map(\.line) == [1, 3])
        #expect(list.items.map(\.task) == [nil, nil])
    }

    // MARK: Other blocks

    @Test func codeQuoteAndBreak() {
        let document = Markdown.parse(
            """
            ```swift
            let x = 1
            ```

            > quoted *text*

            ---

                indented
            """)
        #expect(
            document.blocks == [
                .codeBlock(info: "swift", literal: "let x = 1\n", line: 1),
                .blockQuote([.paragraph([.text("quoted "), .emphasis([.text("text")])], line: 5)], line: 5),
                .thematicBreak(line: 7),
                .codeBlock(info: "", literal: "indented\n", line: 9),
            ])
    }

    // MARK: <details>

    @Test func detailsWithoutBlankLinesIsOneHTMLBlock() {
        let text = "<details><summary>Short abstract</summary>\ntext\n</details>"
        #expect(Markdown.parse(text).blocks == [.htmlBlock(text + "\n", line: 1)])
    }

    @Test func detailsWithBlankLinesParsesTheInside() {
        let document = Markdown.parse(
            """
            <details><summary>Short abstract</summary>

            Some *text*.

            </details>
            """)
        #expect(
            document.blocks == [
                .htmlBlock("<details><summary>Short abstract</summary>\n", line: 1),
                .paragraph([.text("Some "), .emphasis([.text("text")]), .text(".")], line: 3),
                .htmlBlock("</details>\n", line: 5),
            ])
    }

    // MARK: Robustness

    @Test func deepNestingFlattensInsteadOfOverflowing() {
        let depth = 5_000
        let document = Markdown.parse(String(repeating: ">", count: depth) + " deep")
        var blocks = document.blocks
        var levels = 0
        while case .blockQuote(let inner, _)? = blocks.first {
            blocks = inner
            levels += 1
        }
        #expect(levels > 10 && levels <= CmarkConverter.maximumDepth)
        #expect(blocks == [.paragraph([.text("deep")], line: 1)])
    }

    @Test func nulAndOddBytesDoNotCrash() {
        let document = Markdown.parse("a\u{0}b\n\n\u{FEFF}# T\u{301}")
        #expect(document.blocks.count == 2)
    }
}
