import Screen
import Testing

@testable import Markdown

/// TextWrap: word wrap by display width. Each test gives spans, a width, and the lines.
@Suite struct TextWrapTests {
    private func texts(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> [String] {
        TextWrap.wrap(
            [Span(text)], width: width, firstIndent: firstIndent.isEmpty ? [] : [Span(firstIndent)],
            indent: indent.isEmpty ? [] : [Span(indent)]
        ).map(\.text)
    }

    // MARK: Breaking at spaces

    @Test func breaksAtSpacesAndDropsTheSpaceAtTheBreak() {
        #expect(
            texts("The quick brown fox jumps over the lazy dog", width: 10) == [
                "The quick",
                "brown fox",
                "jumps over",
                "the lazy",
                "dog",
            ])
        #expect(texts("The quick brown fox", width: 80) == ["The quick brown fox"])
    }

    @Test func wordsAreNotBrokenWhereTheirStyleChanges() {
        let lines = TextWrap.wrap([Span("ab "), Span("bold", Style(bold: true)), Span("face")], width: 9)
        #expect(lines.map(\.text) == ["ab", "boldface"])
        #expect(lines[1].spans == [Span("bold", Style(bold: true)), Span("face")])
    }

    @Test func stylesAndLinkIndicesStayOnEveryPiece() {
        let link = Style(.link, underline: true)
        let lines = TextWrap.wrap([Span("see "), Span("the long link", link, link: 0), Span(" now")], width: 10)
        #expect(lines.map(\.text) == ["see the", "long link", "now"])
        #expect(lines[0].spans == [Span("see "), Span("the", link, link: 0)])
        #expect(lines[1].spans == [Span("long link", link, link: 0)])
        #expect(lines[2].spans == [Span("now")])
    }

    // MARK: Over-long words

    @Test func overLongWordStartsAfterTheSpaceAndBreaksHard() {
        #expect(
            texts("see https://arxiv.org/abs/1711.00165 now", width: 12) == [
                "see https://",
                "arxiv.org/ab",
                "s/1711.00165",
                "now",
            ])
    }

    // MARK: Display width, not count

    @Test func wideCharactersTakeTwoColumns() {
        #expect(texts("漢字漢字漢字", width: 5) == ["漢字", "漢字", "漢字"])
        #expect(texts("a漢字b", width: 3) == ["a漢", "字b"])
        #expect(texts("✅✅✅", width: 5) == ["✅✅", "✅"])
        #expect(texts("done ✅ ok", width: 7) == ["done ✅", "ok"])
    }

    @Test func graphemeClustersAreNeverSplit() {
        let accented = String(repeating: "e\u{301}", count: 4)  // é as e + combining acute
        let lines = texts(accented, width: 3)
        #expect(lines == ["e\u{301}e\u{301}e\u{301}", "e\u{301}"])
        #expect(lines.map { $0.unicodeScalars.count } == [6, 2])
        #expect(texts("👩‍🔬👩‍🔬", width: 3) == ["👩‍🔬", "👩‍🔬"])
    }

    // MARK: Indents

    @Test func firstIndentThenHangingIndent() {
        #expect(
            texts("one two three four", width: 9, firstIndent: "• ", indent: "  ") == [
                "• one two",
                "  three",
                "  four",
            ])
        #expect(texts("a b c", width: 3, firstIndent: "▌ ", indent: "▌ ") == ["▌ a", "▌ b", "▌ c"])
    }

    @Test func indentWiderThanTheWidthIsCutToLeaveOneColumn() {
        #expect(texts("ab", width: 3, firstIndent: "  ▌ ▌ ", indent: "") == ["  a", "b"])
    }

    @Test func emptyInputIsOneLineHoldingTheFirstIndent() {
        #expect(texts("", width: 10, firstIndent: "• ") == ["• "])
        #expect(TextWrap.wrap([], width: 10).map(\.text) == [""])
    }

    // MARK: Hard breaks

    @Test func newlineStartsALineAndKeepsLeadingSpaces() {
        #expect(texts("first line  \nsecond", width: 20) == ["first line", "second"])
        #expect(texts("a\n  b\n", width: 20) == ["a", "  b", ""])
        #expect(texts("one two\nthree", width: 20, firstIndent: "- ", indent: "  ") == ["- one two", "  three"])
    }

    // MARK: Controls

    @Test func controlsAreEscapedBeforeMeasuringAndTabsAreSpaces() {
        #expect(texts("a\u{1B}[2Jb\tc\r\nd", width: 80) == ["a\\u{1B}[2Jb c", "d"])
        #expect(texts("\u{1B}\u{1B}", width: 4) == ["\\u{1", "B}\\u", "{1B}"])
    }

    // MARK: Silly widths

    @Test func widthsBelowOneActAsOne() {
        #expect(texts("ab c", width: 0) == ["a", "b", "c"])
        #expect(texts("ab c", width: -5) == ["a", "b", "c"])
    }

    @Test func aCharacterWiderThanTheLineShowsAsAQuestionMark() {
        #expect(texts("漢a", width: 1) == ["?", "a"])
    }

    @Test(arguments: 1...40)
    func noLineIsWiderThanTheWidth(width: Int) {
        let spans = [
            Span("Mixed ✅ text with 漢字 and combining e\u{301} marks, "),
            Span("a link https://example.com/a/very/long/path", Style(.link), link: 0),
            Span(" and\nhard breaks 👩‍🔬 done."),
        ]
        for line in TextWrap.wrap(spans, width: width, firstIndent: [Span("• ")], indent: [Span("  ")]) {
            #expect(line.width <= width, "\(line.text)")
        }
    }
}
