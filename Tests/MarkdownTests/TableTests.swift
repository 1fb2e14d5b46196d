import Markdown
import Testing

@Suite struct TableTests {
    @Test func paperTableWithAlignmentsAndLinks() {
        let document = Markdown.parse(
            """
            Papers:

            | Date | Paper | Notes | Extra |
            |:-----|:-----:|------:|-------|
            | 06/07/2022 | [Neural Tangent Kernel](https://arxiv.org/abs/1806.07572) | <https://rajatvd.github.io/NTK/> |
            | 2023 | **bold** | a | b | dropped |
            """)
        let expected = Table(
            alignments: [.left, .center, .right, .none],
            header: [[.text("Date")], [.text("Paper")], [.text("Notes")], [.text("Extra")]],
            rows: [
                [
                    [.text("06/07/2022")],
                    [.link(
                        destination: "https://arxiv.org/abs/1806.07572", title: "",
                        children: [.text("Neural Tangent Kernel")])],
                    [.link(
                        destination: "https://rajatvd.github.io/NTK/", title: "",
                        children: [.text("https://rajatvd.github.io/NTK/")])],
                    [],
                ],
                [[.text("2023")], [.strong([.text("bold")])], [.text("a")], [.text("b")]],
            ])
        #expect(document.blocks == [.paragraph([.text("Papers:")], line: 1), .table(expected, line: 3)])
        #expect(document.links.map(\.text) == ["Neural Tangent Kernel", "https://rajatvd.github.io/NTK/"])
    }

    @Test func pipeInsideCodeNeedsEscape() {
        guard case .table(let table, _)? = Markdown.parse("| a |\n|---|\n| `x \\| y` |").blocks.first else {
            Issue.record("expected a table")
            return
        }
        #expect(table.rows == [[[.code("x | y")]]])
    }
}
