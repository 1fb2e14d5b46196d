import Testing
@testable import Garden

@Suite struct NoteBodyTests {
    @Test func abstractAndNotesSections() {
        let body = "# Title\n\n## Abstract\n\nWe show things.\n\n## Notes\n\n- one\n- two\n\n## Other\n\nx\n"
        let scan = NoteBody.scan(body[...], lineOffset: 0)
        #expect(scan.firstHeading == "Title")
        #expect(scan.abstract == "We show things.")
        #expect(scan.notes == "- one\n- two")
    }

    @Test func headingsInsideCodeFencesAreIgnored() {
        let body = "```\n## Abstract\nnot it [[Nope]]\n```\n\n## Abstract\n\nReal.\n"
        let scan = NoteBody.scan(body[...], lineOffset: 0)
        #expect(scan.abstract == "Real.")
        #expect(scan.wikiLinks.isEmpty)
    }

    @Test func wikiLinksWithLabelsAndHeadings() {
        let body = "intro\nsee [[Target One|the label]] and [[Target Two#Section]]\n"
        let links = NoteBody.scan(body[...], lineOffset: 5).wikiLinks
        #expect(links == [WikiLink(target: "Target One", label: "the label", line: 7),
                          WikiLink(target: "Target Two", label: nil, line: 7)])
    }

    @Test func linksInInlineCodeAreIgnored() {
        let links = NoteBody.wikiLinks(in: "code `[[Not]]` then [[Yes]]", line: 1)
        #expect(links.map(\.target) == ["Yes"])
    }

    @Test func crlfBodiesSplitIntoLines() {
        let body = "## Abstract\r\n\r\nText.\r\n\r\n## Notes\r\n\r\n[[A]]\r\n"
        let scan = NoteBody.scan(body[...], lineOffset: 0)
        #expect(scan.abstract == "Text.")
        #expect(scan.wikiLinks.map(\.line) == [7])
    }

    @Test func byteTrimAgreesWithCharacterTrim() {
        for text in ["\n\n  a\n b \n\n", "   \n\t\n", "", "x", "\u{3000}\n a\u{3000}", "\n é \n"] {
            #expect(text[...].trimmingBlankLines() == text[...].trimmingBlankLinesByCharacter(), "\(text.debugDescription)")
        }
    }
}
