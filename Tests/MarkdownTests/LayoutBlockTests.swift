import Screen
import Testing

@testable import Markdown

/// MarkdownLayout, block by block: input Markdown, a width, the lines a reader sees.
@Suite struct LayoutBlockTests {
    // MARK: Headings and paragraphs

    @Test func headingThenWrappedParagraphWithInlineStyles() {
        let document = rendered(
            """
            # Signal propagation

            Deep *networks* are **hard** to `train` at ~~large~~ depth.
            """, width: 30)
        #expect(
            document.lines.map(\.content.text) == [
                "Signal propagation",
                "",
                "Deep networks are hard to",
                "train at large depth.",
            ])
        #expect(document.lines[0].content.spans == [Span("Signal propagation", Style(.heading1, bold: true))])
        #expect(
            document.lines[2].content.spans == [
                Span("Deep "), Span("networks", Style(italic: true)), Span(" are "), Span("hard", Style(bold: true)),
                Span(" to"),
            ])
        #expect(
            document.lines[3].content.spans == [
                Span("train", Style(.code)), Span(" at "), Span("large", Style(strikethrough: true)), Span(" depth."),
            ])
    }

    @Test func headingLevelsMapToThreeRoles() {
        let document = rendered("# One\n## Two\n### Three\n#### Four", width: 20)
        #expect(document.lines.map(\.content.text) == ["One", "", "Two", "", "Three", "", "Four"])
        #expect(
            document.lines.compactMap(\.content.spans.first?.style.role) == [.heading1, .heading2, .heading3, .heading3])
    }

    @Test func softBreakIsASpaceAndHardBreakANewLine() {
        #expect(lines("one\ntwo  \nthree\\\nfour", width: 40) == ["one two", "three", "four"])
    }

    // MARK: Lists

    @Test func tightNestedListWithHangingIndentAndTasks() {
        #expect(
            lines(
                """
                - one
                - two is long enough to wrap
                  - nested
                    1. deep
                - [ ] open task
                - [x] done task
                """, width: 20) == [
                    "• one",
                    "• two is long enough",
                    "  to wrap",
                    "  • nested",
                    "    1. deep",
                    "☐ open task",
                    "☑ done task",
                ])
    }

    @Test func orderedListStartsAtItsNumberAndAlignsTheDots() {
        #expect(lines("9. nine\n10. ten\n11. eleven", width: 20) == [" 9. nine", "10. ten", "11. eleven"])
        #expect(lines("3. [x] checked", width: 20) == ["3. ☑ checked"])
    }

    @Test func looseListHasBlankLinesBetweenItemsAndParagraphs() {
        #expect(
            lines(
                """
                1. first

                2. second

                   more
                """, width: 20) == [
                    "1. first",
                    "",
                    "2. second",
                    "",
                    "   more",
                ])
    }

    // MARK: Block quotes

    @Test func blockQuoteHasABarOnEveryLineAndTheQuoteRole() {
        let document = rendered(
            """
            > A quote that wraps *here*.
            >
            > > nested
            """, width: 16)
        #expect(
            document.lines.map(\.content.text) == [
                "▌ A quote that",
                "▌ wraps here.",
                "▌",
                "▌ ▌ nested",
            ])
        #expect(
            document.lines[1].content.spans == [
                Span("▌ ", Style(.quote)), Span("wraps ", Style(.quote)), Span("here", Style(.quote, italic: true)),
                Span(".", Style(.quote)),
            ])
    }

    // MARK: Code

    @Test func codeBlockIsIndentedHardWrappedAndShowsItsLanguageMuted() {
        let document = rendered(
            """
            ```swift
            let x = 1\t// tab
            let long = "abcdefghijklmnopqrstuvwxyz"

            end
            ```
            """, width: 20)
        #expect(
            document.lines.map(\.content.text) == [
                "  swift",
                "  let x = 1   // tab",
                "  let long = \"abcdef",
                "  ghijklmnopqrstuvwx",
                "  yz\"",
                "",
                "  end",
            ])
        #expect(document.lines[0].content.spans == [Span("  "), Span("swift", Style(.muted))])
        #expect(document.lines[1].content.spans == [Span("  "), Span("let x = 1   // tab", Style(.code))])
    }

    // MARK: Rules and raw HTML

    @Test func thematicBreakIsAMutedRuleAcrossTheWidth() {
        let document = rendered("***", width: 10)
        #expect(document.lines == [RenderedLine(StyledLine("──────────", Style(.muted)))])
    }

    @Test func rawHTMLBlockIsShownVerbatimAndMuted() {
        let document = rendered("<div align=\"center\">\n  <b>hi</b>\n</div>", width: 30)
        #expect(document.lines.map(\.content.text) == ["<div align=\"center\">", "  <b>hi</b>", "</div>"])
        #expect(document.lines.allSatisfy { $0.content.spans.allSatisfy { $0.style == Style(.muted) } })
    }

    @Test func inlineHTMLTagsAreDroppedAndBrBreaksTheLine() {
        let markdown = "Press <kbd>Ctrl</kbd>+<kbd>C</kbd><br>then <BR/>stop."
        #expect(lines(markdown, width: 40) == ["Press Ctrl+C", "then", "stop."])
    }

    // MARK: Control characters

    @Test func controlCharactersFromTheFileAreShownAsEscapes() {
        #expect(
            lines("Bell\u{07} and \u{1B}[2J clear, C1 \u{9B}31m, RLO \u{202E}x", width: 80) == [
                "Bell\\u{07} and \\u{1B}[2J clear, C1 \\u{9B}31m, RLO \\u{202E}x"
            ])
        // The escape is measured as shown (10 columns), so the tab stops after it at column 12.
        #expect(lines("```\n\u{1B}[31m\tred\n```", width: 40) == ["  \\u{1B}[31m  red"])
        #expect(lines("# Title\u{1B}]0;pwned\u{07}", width: 40) == ["Title\\u{1B}]0;pwned\\u{07}"])
    }

    // MARK: ASCII glyphs

    @Test func asciiGlyphsDrawWithASCIIOnly() {
        let markdown = """
            - item
            - [ ] todo
            - [x] done

            > quoted

            ***

            | a | b |
            |---|---|
            | 1 | 2 |

            ## Abstract

            Text.

            <details><summary>More</summary>Hidden.</details>
            """
        let ascii = lines(markdown, width: 30, collapsed: [.details(0)], glyphs: .ascii)
        #expect(
            ascii == [
                "* item",
                "[ ] todo",
                "[x] done",
                "",
                "| quoted",
                "",
                "------------------------------",
                "",
                "a | b",
                "--+--",
                "1 | 2",
                "",
                "v Abstract",
                "",
                "Text.",
                "",
                "> More (1 line)",
            ])
        #expect(ascii.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }
}
