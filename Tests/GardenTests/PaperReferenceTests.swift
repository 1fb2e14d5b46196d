import Testing
@testable import Garden

/// What the owner types to add a paper, and what it is read as. No network: only the text.
@Suite struct PaperReferenceTests {
    // MARK: Read

    @Test(arguments: [
        // Bare arXiv ids, new and old style, with versions and the arXiv: prefix.
        ("1806.07572", PaperReference.arxiv("1806.07572")),
        ("1806.07572v3", .arxiv("1806.07572")),
        ("  arXiv:1806.07572v2 ", .arxiv("1806.07572")),
        ("0704.0001", .arxiv("0704.0001")),
        ("hep-th/9901001", .arxiv("hep-th/9901001")),
        ("hep-th/9901001v2", .arxiv("hep-th/9901001")),
        ("math.PR/0601001", .arxiv("math.PR/0601001")),
        ("cond-mat/0207270", .arxiv("cond-mat/0207270")),
        // arXiv links.
        ("https://arxiv.org/abs/1806.07572", .arxiv("1806.07572")),
        ("http://arxiv.org/abs/1806.07572v1", .arxiv("1806.07572")),
        ("https://www.arxiv.org/abs/1806.07572", .arxiv("1806.07572")),
        ("https://export.arxiv.org/abs/1806.07572v4", .arxiv("1806.07572")),
        ("https://arxiv.org/pdf/1806.07572.pdf", .arxiv("1806.07572")),
        ("https://arxiv.org/pdf/1806.07572v2.pdf", .arxiv("1806.07572")),
        ("https://arxiv.org/pdf/1806.07572v2", .arxiv("1806.07572")),
        ("arxiv.org/abs/2304.09871", .arxiv("2304.09871")),
        ("https://arxiv.org/abs/hep-th/9901001v1", .arxiv("hep-th/9901001")),
        ("https://arxiv.org/abs/math.PR/0601001", .arxiv("math.PR/0601001")),
        ("https://arxiv.org/abs/1806.07572?context=cs#abstract", .arxiv("1806.07572")),
        // OpenReview links.
        ("https://openreview.net/forum?id=B1EA-M-0Z", .openreview("B1EA-M-0Z")),
        ("https://openreview.net/pdf?id=QC10RmRbZy9", .openreview("QC10RmRbZy9")),
        ("http://www.openreview.net/forum?id=lJx2vng-KiC&noteId=abc", .openreview("lJx2vng-KiC")),
        // Titles, trimmed, punctuation and slashes allowed.
        ("  Neural Tangent Kernel  ", .title("Neural Tangent Kernel")),
        ("NNGP / NTK", .title("NNGP / NTK")),
        ("Attention: all you need?", .title("Attention: all you need?")),
        ("1806.07572 and friends", .title("1806.07572 and friends")),
        ("Lecture 13.5", .title("Lecture 13.5")),
        ("Émergence", .title("Émergence")),
    ])
    func reads(_ input: String, _ expected: PaperReference) throws {
        #expect(try PaperReference.parse(input) == expected)
    }

    @Test(arguments: [
        ("", PaperReference.ParseError.empty),
        ("   ", .empty),
        ("Neural\tTangent", .controlCharacters),
        ("line one\nline two", .controlCharacters),
        ("\u{1B}[31mred", .controlCharacters),
        ("?!…", .noWords("?!…")),
        ("---", .noWords("---")),
        ("https://example.org/paper", .unknownLink("https://example.org/paper")),
        ("https://arxiv.org/list/cs.LG/recent", .unknownLink("https://arxiv.org/list/cs.LG/recent")),
        ("https://arxiv.org/abs/1813.07572", .unknownLink("https://arxiv.org/abs/1813.07572")),
        ("https://openreview.net/forum?noteId=abc", .unknownLink("https://openreview.net/forum?noteId=abc")),
        ("ftp://arxiv.org/abs/1806.07572", .unknownLink("ftp://arxiv.org/abs/1806.07572")),
        ("example.org/paper.pdf", .unknownLink("example.org/paper.pdf")),
        // From 2015 ids have five digits after the dot, before four; the month is 01–12.
        ("1706.0376", .badArxivID("1706.0376")),
        ("1412.69800", .badArxivID("1412.69800")),
        ("1813.07572", .badArxivID("1813.07572")),
    ])
    func refuses(_ input: String, _ expected: PaperReference.ParseError) {
        #expect(throws: expected) { try PaperReference.parse(input) }
    }

    // MARK: Name, title, link

    @Test(arguments: [
        (PaperReference.arxiv("1806.07572"), "1806.07572", "1806.07572", "https://arxiv.org/abs/1806.07572"),
        (.arxiv("hep-th/9901001"), "hep-th-9901001", "hep-th/9901001", "https://arxiv.org/abs/hep-th/9901001"),
        (.arxiv("math.PR/0601001"), "math.PR-0601001", "math.PR/0601001", "https://arxiv.org/abs/math.PR/0601001"),
        (.openreview("B1EA-M-0Z"), "openreview-B1EA-M-0Z", "B1EA-M-0Z", "https://openreview.net/forum?id=B1EA-M-0Z"),
    ])
    func idsNameTheFile(_ reference: PaperReference, _ stem: String, _ title: String, _ url: String) {
        #expect(reference.fileStem == stem && reference.title == title && reference.url == url)
    }

    @Test func aTitleIsSluggedLikeTheImporterDoes() {
        let reference = PaperReference.title("Deep Neural Networks as Gaussian Processes")
        #expect(reference.fileStem == "deep-neural-networks-as-gaussian-processes" && reference.url == nil)
        #expect(PaperReference.title("Émergence: NTK & µP").fileStem == "emergence-ntk-p")
    }

    @Test("the new note's bytes: quoted id and date, canonical link, empty Notes section")
    func newNoteText() {
        #expect(PaperNote.text(for: .arxiv("1806.07572"), date: "2024-05-01") == """
            ---
            title: "1806.07572"
            kind: paper
            arxiv: "1806.07572"
            url: https://arxiv.org/abs/1806.07572
            status: unread
            added: "2024-05-01"
            ---

            ## Notes

            """)
        #expect(PaperNote.text(for: .openreview("B1EA-M-0Z"), date: "2024-05-01") == """
            ---
            title: B1EA-M-0Z
            kind: paper
            url: https://openreview.net/forum?id=B1EA-M-0Z
            openreview: B1EA-M-0Z
            status: unread
            added: "2024-05-01"
            ---

            ## Notes

            """)
        #expect(PaperNote.text(for: .title("Attention: all you need"), date: "2024-05-01") == """
            ---
            title: 'Attention: all you need'
            kind: paper
            status: unread
            added: "2024-05-01"
            ---

            ## Notes

            """)
    }

    @Test func todayIsADay() {
        let today = PaperNote.today()
        #expect(today.count == 10 && today.split(separator: "-").map(\.count) == [4, 2, 2])
    }
}
