import Screen
import Testing

@testable import Markdown

/// Foldable sections: the abstract, the notes, and every `<details>` block. A header line
/// carries its `FoldID`; folded, the content is gone and the header counts its lines.
@Suite struct LayoutFoldTests {
    // MARK: Abstract and notes

    private let paper = """
        # Paper title

        ## Abstract

        We study *kernels*.

        ### Details inside

        Still abstract.

        ## Notes

        My thoughts.

        ## Summary

        Not a fold: the abstract is taken.
        """

    @Test func abstractAndNotesExpanded() {
        let document = rendered(paper, width: 40)
        #expect(
            document.lines.map(\.content.text) == [
                "Paper title",
                "",
                "▾ Abstract",
                "",
                "We study kernels.",
                "",
                "Details inside",
                "",
                "Still abstract.",
                "",
                "▾ Notes",
                "",
                "My thoughts.",
                "",
                "Summary",
                "",
                "Not a fold: the abstract is taken.",
            ])
        #expect(document.folds == [.abstract, .notes])
        #expect(document.lines.map(\.fold)[0...3] == [nil, nil, .abstract, nil])
        #expect(document.lines[10].fold == .notes)
        #expect(document.lines[2].content.spans == [
            Span("▾ ", Style(.heading2, bold: true)), Span("Abstract", Style(.heading2, bold: true)),
        ])
    }

    @Test func abstractAndNotesCollapsed() {
        let document = rendered(paper, width: 40, collapsed: [.abstract, .notes])
        #expect(
            document.lines.map(\.content.text) == [
                "Paper title",
                "",
                "▸ Abstract (5 lines)",
                "",
                "▸ Notes (1 line)",
                "",
                "Summary",
                "",
                "Not a fold: the abstract is taken.",
            ])
        #expect(document.lines[2].content.spans.last == Span(" (5 lines)", Style(.muted)))
        #expect(document.folds == [.abstract, .notes])
    }

    @Test func foldTitlesAreCaseInsensitiveAndLevelsAboveThreeDoNotFold() {
        #expect(lines("#  SHORT abstract \n\ntext", width: 30, collapsed: [.abstract]) == ["▸ SHORT abstract (1 line)"])
        #expect(lines("#### Notes\n\ntext", width: 30, collapsed: [.notes]) == ["Notes", "", "text"])
    }

    @Test func aWrappedFoldHeaderHangsAndEveryLineCarriesTheFold() {
        let document = rendered("## My notes\n\nx", width: 8, collapsed: [.notes])
        #expect(document.lines.map(\.content.text) == ["▸ My", "  notes", "  (1", "  line)"])
        #expect(document.lines.allSatisfy { $0.fold == .notes })
    }

    // MARK: <details>, the one-block shape

    private let oneBlock = """
        Before.

        <details><summary>Proof of **Lemma 2**</summary>By induction on *depth*.</details>

        After.
        """

    @Test func detailsInOneHTMLBlockHasItsInnerMarkdownParsed() {
        let document = rendered(oneBlock, width: 40)
        #expect(
            document.lines.map(\.content.text) == [
                "Before.",
                "",
                "▾ Proof of Lemma 2",
                "",
                "  By induction on depth.",
                "",
                "After.",
            ])
        #expect(document.lines[2].fold == .details(0))
        #expect(document.lines[4].content.spans.contains(Span("depth", Style(italic: true))))
        #expect(document.folds == [.details(0)])
    }

    @Test func detailsInOneHTMLBlockCollapsed() {
        #expect(
            lines(oneBlock, width: 40, collapsed: [.details(0)]) == [
                "Before.",
                "",
                "▸ Proof of Lemma 2 (1 line)",
                "",
                "After.",
            ])
    }

    // MARK: <details>, the shape split around ordinary blocks

    private let split = """
        <details>
        <summary>Derivation</summary>

        The kernel is *K*.

        <details><summary>Inner</summary>nested text</details>

        </details>

        <details open>
        <summary>Third</summary>
        Text right after the summary.

        More.
        </details>
        """

    @Test func splitDetailsNestAndAreNumberedInDocumentOrder() {
        let document = rendered(split, width: 40)
        #expect(
            document.lines.map(\.content.text) == [
                "▾ Derivation",
                "",
                "  The kernel is K.",
                "",
                "  ▾ Inner",
                "",
                "    nested text",
                "",
                "▾ Third",
                "",
                "  Text right after the summary.",
                "",
                "  More.",
            ])
        #expect(document.folds == [.details(0), .details(1), .details(2)])
        #expect(document.lines.compactMap(\.fold) == [.details(0), .details(1), .details(2)])
    }

    @Test func foldingTheOuterDetailsKeepsTheNumbersOfTheOthers() {
        let document = rendered(split, width: 40, collapsed: [.details(0)])
        #expect(
            document.lines.map(\.content.text) == [
                "▸ Derivation (5 lines)",
                "",
                "▾ Third",
                "",
                "  Text right after the summary.",
                "",
                "  More.",
            ])
        #expect(document.folds == [.details(0), .details(1), .details(2)])
        #expect(document.lines[2].fold == .details(2))
        #expect(lines(split, width: 40, collapsed: [.details(1)])[4] == "  ▸ Inner (1 line)")
    }

    @Test func indentedTextInAOneBlockDetailsIsProseNotCode() {
        let markdown = "<details>\n    <summary>Indented</summary>\n    Some *text*.\n</details>"
        #expect(lines(markdown, width: 30) == ["▾ Indented", "", "  Some text."])
    }

    @Test func strayAndUnclosedDetailsTags() {
        #expect(lines("</details>\n\ntext", width: 20) == ["text"])
        #expect(
            lines("<details>\n\nno summary, never closed", width: 30, collapsed: []) == [
                "▾ Details",
                "",
                "  no summary, never closed",
            ])
    }
}
