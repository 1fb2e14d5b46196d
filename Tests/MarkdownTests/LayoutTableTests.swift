import Screen
import Testing

@testable import Markdown

/// Tables are aligned by display width (✅ and 漢 take two columns) and shrunk to fit.
@Suite struct LayoutTableTests {
    @Test func columnsAlignByDisplayWidthAndAlignment() {
        let document = rendered(
            """
            | Paper | Read | 漢字 |
            |:--|:-:|--:|
            | NTK | ✅ | 1 |
            | Mean field | | 22 |
            """, width: 80)
        #expect(
            document.lines.map(\.content.text) == [
                "Paper      │ Read │ 漢字",
                "───────────┼──────┼─────",
                "NTK        │  ✅  │    1",
                "Mean field │      │   22",
            ])
        #expect(document.lines.allSatisfy { $0.content.width == 24 })
        #expect(document.lines[0].content.spans.first == Span("Paper", Style(bold: true)))
    }

    @Test func aWideTableShrinksItsWidestColumnAndWrapsItsCells() {
        let markdown = """
            | Paper | Read |
            |---|:-:|
            | Mean field theory of deep networks | ✅ |
            | 漢字の論文 | |
            """
        #expect(
            lines(markdown, width: 20) == [
                "Paper         │ Read",
                "──────────────┼─────",
                "Mean field    │  ✅ ",
                "theory of     │     ",
                "deep networks │     ",
                "漢字の論文    │     ",
            ])
        for width in 1...50 {
            #expect(lines(markdown, width: width).allSatisfy { DisplayWidth.of($0) <= width }, "width \(width)")
        }
    }

    @Test func tooManyColumnsForTheWidthAreCutAtTheWidth() {
        let markdown = "| a | b | c | d |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |"
        let shown = lines(markdown, width: 9)
        #expect(Array(shown.prefix(3)) == ["a │ b │ c", "──┼───┼──", "1 │ 2 │ 3"])
        // Below the cut table, a note says what is missing (wrapped to the width like any text).
        #expect(shown.dropFirst(3).joined(separator: " ") == "(3 of 4 columns shown; a wider terminal shows the rest)")
    }
}
