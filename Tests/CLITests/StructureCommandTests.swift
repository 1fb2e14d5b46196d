import Foundation
import Testing

/// `trellis add`, `trellis move`, `trellis topic …`, and `--json` for `rm` and `restore`:
/// what they print, their exit statuses, and what they leave on disk.
@Suite struct StructureCommandTests {
    static func object(_ result: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
    }

    static func text(_ garden: FixtureGarden, _ path: String) -> String? {
        FileManager.default.contents(atPath: garden.root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: add

    @Test func addPrintsThePathAndWritesTheNote() throws {
        let garden = FixtureGarden.clean()
        let result = try garden.run("add", "https://arxiv.org/pdf/2001.08361v1.pdf", "--topic", "Kernels")
        #expect(result.status == 0 && result.stdout == "kernels/2001.08361.md\n", "\(result.stderr)")
        let text = try #require(Self.text(garden, "kernels/2001.08361.md"))
        #expect(text.hasPrefix("---\ntitle: \"2001.08361\"\nkind: paper\narxiv: \"2001.08361\"\nurl: https://arxiv.org/abs/2001.08361\nstatus: unread\nadded: \""))
        #expect(text.hasSuffix("\"\n---\n\n## Notes\n"))
        #expect(try garden.run("check").status == 0)
    }

    @Test func addJSONAndDuplicates() throws {
        let garden = FixtureGarden.clean()
        let added = try Self.object(try garden.run("add", "Scaling laws", "--topic", "kernels", "--json"))
        #expect(added["added"] as? Bool == true && added["id"] as? String == "scaling-laws" && added["path"] as? String == "kernels/scaling-laws.md")
        #expect(added["title"] as? String == "Scaling laws" && added["topic"] as? String == "kernels")
        // The same title, any case, is found: exit 0, nothing written.
        let again = try garden.run("add", "SCALING  LAWS", "--topic", "kernels")
        #expect(again.status == 0 && again.stdout == "already in the garden: kernels/scaling-laws.md\n")
        let found = try Self.object(try garden.run("add", "scaling laws", "--topic", "/", "--json"))
        #expect(found["added"] as? Bool == false && found["path"] as? String == "kernels/scaling-laws.md" && found["topic"] as? String == "kernels")
        // An arXiv paper found under another version.
        _ = try garden.run("add", "1806.07572v1", "--topic", "kernels")
        #expect(try garden.run("add", "arXiv:1806.07572v3", "--topic", "kernels").stdout == "already in the garden: kernels/1806.07572.md\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: garden.root + "/kernels").sorted()
        #expect(files == ["1806.07572.md", "index.md", "nngp.md", "ntk.md", "scaling-laws.md"])
    }

    @Test(arguments: [
        (["add", "!!!", "--topic", "kernels"], Int32(2), "no letter or digit"),
        (["add", "https://example.org/x", "--topic", "kernels"], 2, "not an arXiv or OpenReview"),
        (["add", "line\u{1B}[31m", "--topic", "kernels"], 2, "control characters"),
        (["add", "A paper"], 2, "--topic"),
        (["add", "A paper", "--topic", "nowhere"], 1, "no topic named 'nowhere'"),
        (["move", "nope", "--topic", "kernels"], 1, "no note named 'nope'"),
        (["move", "ntk", "--topic", "nowhere"], 1, "no topic named 'nowhere'"),
        (["topic", "move", "kernels", "--under", "kernels"], 1, "into itself"),
        (["topic", "add", "Kernels"], 1, "a topic titled 'Kernels' (kernels) is already there"),
        (["topic", "rename", "kernels", " "], 2, "title"),
    ])
    func failuresAreOneLine(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let garden = FixtureGarden.clean()
        let before = try FileManager.default.subpathsOfDirectory(atPath: garden.root).sorted()
        let result = try CLI.run(arguments + ["--garden", garden.root])
        #expect(result.status == status && result.stdout.isEmpty, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.hasPrefix("trellis: ") && result.stderr.contains(message) && result.stderr.filter { $0 == "\n" }.count == 1,
                "\(result.stderr)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: garden.root).sorted() == before)
    }

    // MARK: move

    @Test func moveRenamesAndDropsOrder() throws {
        let garden = FixtureGarden.clean()
        garden.write("other/index.md", "---\ntitle: Other\n---\n")
        garden.write("kernels/ordered.md", "---\ntitle: Ordered\norder: 3\nstatus: read\n---\nBody\n")
        let moved = try garden.run("move", "Ordered", "--topic", "Other")
        #expect(moved.status == 0 && moved.stdout == "moved kernels/ordered.md to other/ordered.md\n", "\(moved.stderr)")
        #expect(Self.text(garden, "other/ordered.md") == "---\ntitle: Ordered\nstatus: read\n---\nBody\n")
        let json = try Self.object(try garden.run("move", "ntk", "--topic", "other", "--json"))
        #expect(json["id"] as? String == "ntk" && json["from"] as? String == "kernels/ntk.md" && json["to"] as? String == "other/ntk.md")
        #expect(json["changed"] as? [String] == ["moved to other"])
        let again = try garden.run("move", "ntk", "--topic", "other")
        #expect(again.status == 0 && again.stdout == "other/ntk.md: already in other; nothing to move\n")
        // A file of that name in the folder (one that does not load, as ids are unique): refused.
        garden.write("other/nngp.md", "---\ntitle: [broken\n---\n")
        let refused = try garden.run("move", "nngp", "--topic", "other")
        #expect(refused.status == 1 && refused.stderr == "trellis: other/nngp.md already exists; nothing was overwritten\n")
        #expect(Self.text(garden, "kernels/nngp.md") == "---\ntitle: NNGP\nyear: 2018\n---\n")
    }

    // MARK: rm and restore

    @Test func removeAndRestoreJSON() throws {
        let garden = FixtureGarden.clean()
        let removed = try Self.object(try garden.run("rm", "Neural Tangent Kernel", "--json"))
        #expect(removed["id"] as? String == "ntk" && removed["from"] as? String == "kernels/ntk.md" && removed["to"] as? String == ".trash/kernels/ntk.md")
        let restored = try Self.object(try garden.run("restore", "ntk", "--json"))
        #expect(restored["id"] as? String == "ntk" && restored["from"] as? String == ".trash/kernels/ntk.md" && restored["to"] as? String == "kernels/ntk.md")
    }

    @Test("a note named by its arXiv id comes back under that name, not as a numbered copy")
    func arxivNamedNotesRestore() throws {
        let garden = FixtureGarden.clean()
        _ = try garden.run("add", "1806.07572", "--topic", "kernels")
        #expect(try garden.run("rm", "1806.07572").stdout == "moved kernels/1806.07572.md to .trash/kernels/1806.07572.md\n")
        #expect(try garden.run("restore", "1806.07572").stdout == "restored kernels/1806.07572.md\n")
        // A second copy in the trash is numbered, and comes back under the id too.
        _ = try garden.run("rm", "1806.07572")
        _ = try garden.run("add", "1806.07572", "--topic", "kernels")
        #expect(try garden.run("rm", "1806.07572").stdout == "moved kernels/1806.07572.md to .trash/kernels/1806.07572.1.md\n")
        #expect(try garden.run("restore", "1806.07572.1").stdout == "restored kernels/1806.07572.md\n")
    }

    // MARK: topic

    @Test func topicAddRenameMove() throws {
        let garden = FixtureGarden.clean()
        garden.write("reading/lee.md", "---\ntitle: Lee\ntopics: [kernels/infinite-width]\n---\n")
        // Garden options before the two command names are moved after them.
        let added = try CLI.run(["--garden", garden.root, "topic", "add", "Kernels/Infinite width"])
        #expect(added.status == 0 && added.stdout == "kernels/infinite-width\n", "\(added.stderr)")
        #expect(Self.text(garden, "kernels/infinite-width/index.md") == "---\ntitle: Infinite width\n---\n")
        let json = try Self.object(try garden.run("topic", "add", "Feature learning", "--under", "kernels", "--json"))
        #expect(json["id"] as? String == "kernels/feature-learning" && json["title"] as? String == "Feature learning")
        let renamed = try garden.run("topic", "rename", "kernels/infinite-width", "Wide: NNGP")
        #expect(renamed.stdout == "kernels/infinite-width: title: Wide: NNGP\n")
        #expect(Self.text(garden, "kernels/infinite-width/index.md") == "---\ntitle: 'Wide: NNGP'\n---\n")
        let moved = try Self.object(try garden.run("topic", "move", "Wide: NNGP", "--under", "/", "--json"))
        #expect(moved["from"] as? String == "kernels/infinite-width" && moved["to"] as? String == "infinite-width")
        #expect(Self.text(garden, "reading/lee.md") == "---\ntitle: Lee\ntopics: [infinite-width]\n---\n")
        #expect(try garden.run("check").status == 0)
    }
}
