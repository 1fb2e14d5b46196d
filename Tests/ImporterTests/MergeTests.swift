import Foundation
import Garden
import Testing
@testable import Importer

/// The same paper from several pages becomes one note; importing again changes nothing; the
/// owner's edits are never overwritten.
@Suite struct MergeTests {
    static let list = """
        ## Mean Field

        - ✅ Mean field residual networks: on the edge of chaos.
        - Dynamical Isometry and a Mean Field Theory of RNNs: Gating Enables Signal Propagation in Recurrent Neural Networks
        """
    static let notes = """
        ### Mean Field Residual Networks: On teh Edge of Chaos

        <https://www.arxiv.org/abs/1712.08969>

        Skip connections give subexponential dynamics.

        ### Dynamical Isometry and a Mean Field Theory of RNNs

        <https://www.arxiv.org/abs/1806.05394>

        RNN signal propagation.
        """
    static let schedule = """
        | Date | Paper |
        | --- | --- |
        | 01/02/2023 | [Residual networks paper](https://arxiv.org/abs/1712.08969v2) |
        """

    @Test func samePaperFromThreePagesIsOneNote() throws {
        let space = Workspace()
        let pages = [space.page("a.md", Self.list), space.page("b.md", Self.notes), space.page("c.md", Self.schedule)]
        try space.importPages(pages) { $0.under = "mf"; $0.place(section: "Mean Field", at: "mf") }
        let garden = try space.load()
        #expect(garden.notes.count == 2, "\(garden.notes.map(\.title))")
        let resnets = try #require(garden.notes.first { $0.links.arxiv == "1712.08969" })
        #expect(resnets.title == "Mean field residual networks: on the edge of chaos.", "the first page's words are kept")
        #expect(resnets.sources.count == 3)
        #expect(resnets.readInDepth && resnets.status == .read)
        #expect(resnets.notes == "Skip connections give subexponential dynamics.")
        let rnns = try #require(garden.notes.first { $0.links.arxiv == "1806.05394" })
        #expect(rnns.title.hasPrefix("Dynamical Isometry and a Mean Field Theory of RNNs: Gating"))
        #expect(rnns.sources[1]["as_written"]?.string == "Dynamical Isometry and a Mean Field Theory of RNNs")
    }

    @Test func importingTwiceChangesNothing() throws {
        let space = Workspace()
        let pages = [space.page("a.md", Self.list), space.page("b.md", Self.notes), space.page("c.md", Self.schedule)]
        try space.importPages(pages)
        let before = space.snapshot()
        let again = try space.importPages(pages)
        #expect(again.createdNotes.isEmpty && again.createdTopics.isEmpty && again.updated.isEmpty && again.conflicts.isEmpty)
        #expect(space.snapshot() == before)
        // Page by page, in another order, also changes nothing.
        for page in pages.reversed() { try space.importPages([page]) }
        #expect(space.snapshot() == before)
    }

    @Test func seedsImportTwiceChangesNothing() throws {
        let space = Workspace()
        for page in [Seeds.core, Seeds.tbr, Seeds.readingGroup, Seeds.months, Seeds.meanField] { try space.importPages([page]) }
        let before = space.snapshot()
        for page in [Seeds.core, Seeds.tbr, Seeds.readingGroup, Seeds.months, Seeds.meanField] {
            let report = try space.importPages([page])
            #expect(report.createdNotes.isEmpty && report.updated.isEmpty, "\(page): \(report.updated)")
        }
        #expect(space.snapshot() == before)
    }

    @Test func neverOverwritesTheOwnersWords() throws {
        let space = Workspace()
        try space.importPages([space.page("a.md", Self.list)])
        let garden = try space.load()
        let rnns = try #require(garden.find("Dynamical Isometry and a Mean Field Theory of RNNs: Gating Enables Signal Propagation in Recurrent Neural Networks"))
        // The owner edits the note by hand: a status, a custom key, a comment, their notes.
        let original = space.read(rnns.path)
        let edited = original
            .replacingOccurrences(of: "status:\n", with: "status: reading   # halfway\n")
            .replacingOccurrences(of: "tags: []\n", with: "tags: [rnn]\nmy_rating: 5\n")
            + "\n## Notes\n\nMy own notes, *exactly* as typed.\n"
        space.write(rnns.path, edited)
        // A page with a different abstract and notes for the same paper, and a new source.
        let other = space.page("b.md", """
            ### Dynamical Isometry and a Mean Field Theory of RNNs

            <https://www.arxiv.org/abs/1806.05394>

            Somebody else's notes.
            """)
        let report = try space.importPages([other])
        let after = space.read(rnns.path)
        #expect(after.contains("status: reading   # halfway\n"))
        #expect(after.contains("my_rating: 5\n"))
        #expect(after.hasSuffix("## Notes\n\nMy own notes, *exactly* as typed.\n"))
        #expect(!after.contains("Somebody else's notes."))
        #expect(after.contains("arxiv: \"1806.05394\""), "an empty field is filled")
        #expect(report.conflicts.count == 2, "\(report.conflicts)")  // status and notes
        // Everything before the additions is byte for byte the owner's file.
        let addedLines = Set(after.split(separator: "\n", omittingEmptySubsequences: false)).subtracting(edited.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(addedLines.allSatisfy { $0.hasPrefix("arxiv:") || $0.hasPrefix("url:") || $0.hasPrefix("  ") || $0.hasPrefix("openreview:") }, "\(addedLines)\n\(after)")
    }

    @Test func refusesToOverwriteAFileChangedOnDisk() throws {
        let space = Workspace()
        let path = space.root + "/note.md"
        try "one".write(toFile: path, atomically: true, encoding: .utf8)
        let read = try #require(SafeFile.read(path))
        try "two".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: SafeFile.WriteError.changedOnDisk(path)) { try SafeFile.write("three", to: path, expecting: read) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(throws: SafeFile.WriteError.alreadyExists(path)) { try SafeFile.write("x", to: path, expecting: nil) }
    }
}
