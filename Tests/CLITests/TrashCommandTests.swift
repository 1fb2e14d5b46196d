import Foundation
import Testing

/// `trellis rm` and `trellis restore`: nothing is deleted, and a restore never overwrites.
@Suite struct TrashCommandTests {
    @Test func removeAndRestoreKeepTheBytes() throws {
        let garden = FixtureGarden.clean()
        let text = "---\ntitle: A paper\nstatus: read\n---\nMy words.\n"
        garden.write("kernels/paper.md", text)
        let removed = try CLI.run(["rm", "--garden", garden.root, "A paper"])
        #expect(removed.status == 0 && removed.stdout == "moved kernels/paper.md to .trash/kernels/paper.md\n", "\(removed.stdout)\(removed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: garden.root + "/kernels/paper.md"))
        // The garden no longer lists it (the trash is a hidden folder).
        #expect(try CLI.run(["show", "--garden", garden.root, "A paper"]).status == 1)
        let restored = try CLI.run(["restore", "--garden", garden.root, "paper"])
        #expect(restored.status == 0 && restored.stdout == "restored kernels/paper.md\n")
        #expect(try String(contentsOfFile: garden.root + "/kernels/paper.md", encoding: .utf8) == text)
    }

    @Test func aRestoreNeverOverwritesAndAMissingNoteSaysSo() throws {
        let garden = FixtureGarden.clean()
        garden.write("kernels/paper.md", "---\ntitle: A paper\n---\nOld.\n")
        _ = try CLI.run(["rm", "--garden", garden.root, "paper"])
        garden.write("kernels/paper.md", "---\ntitle: A paper\n---\nNew.\n")
        // A second removal keeps both in the trash.
        let again = try CLI.run(["rm", "--garden", garden.root, "paper"])
        #expect(again.stdout == "moved kernels/paper.md to .trash/kernels/paper.1.md\n")
        garden.write("kernels/paper.md", "---\ntitle: A paper\n---\nNewest.\n")
        let refused = try CLI.run(["restore", "--garden", garden.root, "paper"])
        #expect(refused.status == 1 && refused.stderr.contains("exists again"))
        #expect(try String(contentsOfFile: garden.root + "/kernels/paper.md", encoding: .utf8).contains("Newest."))
        #expect(try CLI.run(["restore", "--garden", garden.root, "nope"]).status == 1)
        #expect(try CLI.run(["rm", "--garden", garden.root, "nope"]).status == 1)
    }
}
