import Foundation
import Testing

/// `trellis set`: each edit changes only the lines it must, byte for byte, in every line-ending
/// and encoding style a note may have on disk.
@Suite struct SetCommandTests {
    /// A note's bytes before and after an edit, and the lines the edit may change.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var before: String
        var arguments: [String]
        var after: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "status, LF", before: "---\ntitle: A paper\n# the owner's comment\nstatus: unread\nzeta: keep me\n---\nBody\n",
             arguments: ["--status", "read"],
             after: "---\ntitle: A paper\n# the owner's comment\nstatus: read\nzeta: keep me\n---\nBody\n"),
        Case(name: "status, CRLF and a trailing comment", before: "---\r\ntitle: A paper\r\nstatus: unread  # todo\r\n---\r\nBody\r\n",
             arguments: ["--status", "reading"],
             after: "---\r\ntitle: A paper\r\nstatus: reading  # todo\r\n---\r\nBody\r\n"),
        Case(name: "BOM, no final newline, a missing key added", before: "\u{FEFF}---\ntitle: A paper\n---\nBody",
             arguments: ["--read-in-depth", "true"],
             after: "\u{FEFF}---\ntitle: A paper\nstatus: read\nread_in_depth: true\n---\nBody"),
        Case(name: "flow tags", before: "---\ntitle: A paper\ntags: [kernels, nngp]\n---\n",
             arguments: ["--add-tag", "gp", "--remove-tag", "NNGP"],
             after: "---\ntitle: A paper\ntags: [kernels, gp]\n---\n"),
        Case(name: "block tags", before: "---\ntitle: A paper\ntags:\n  - kernels\n  - nngp\nyear: 2018\n---\n",
             arguments: ["--remove-tag", "kernels", "--add-tag", "gp"],
             after: "---\ntitle: A paper\ntags:\n  - nngp\n  - gp\nyear: 2018\n---\n"),
        Case(name: "title with a colon is quoted", before: "---\ntitle: Old\nstatus: read\n---\n",
             arguments: ["--title", "Attention: all you need"],
             after: "---\ntitle: 'Attention: all you need'\nstatus: read\n---\n"),
    ]

    @Test(arguments: cases)
    func editsTouchOnlyTheirLines(_ test: Case) throws {
        let garden = FixtureGarden.clean()
        garden.write("kernels/paper.md", bytes: Array(test.before.utf8))
        let result = try CLI.run(["set", "--garden", garden.root, "paper"] + test.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let after = try #require(FileManager.default.contents(atPath: garden.root + "/kernels/paper.md"))
        #expect(Array(after) == Array(test.after.utf8), "\(String(decoding: after, as: UTF8.self).debugDescription)")
        // The same edit again changes nothing and says so.
        let again = try CLI.run(["set", "--garden", garden.root, "paper"] + test.arguments.filter { !$0.isEmpty })
        if !test.arguments.contains("--add-tag") {
            #expect(again.stdout.hasSuffix("nothing to change\n"), "\(again.stdout)")
        }
        #expect(FileManager.default.contents(atPath: garden.root + "/kernels/paper.md").map(Array.init) == Array(test.after.utf8)
                || test.arguments.contains("--add-tag"))
    }

    @Test(arguments: [
        (["--status", "done"], "--status"), (["--read-in-depth", "yes"], "--read-in-depth"), (["--add-tag", "two words"], "tag"),
        (["--title", " "], "--title"), ([String](), "nothing to set"),
    ])
    func badInputIsAUsageError(_ arguments: [String], _ named: String) throws {
        let garden = FixtureGarden.clean()
        garden.write("kernels/paper.md", "---\ntitle: A paper\n---\n")
        let result = try CLI.run(["set", "--garden", garden.root, "paper"] + arguments)
        #expect(result.status == 2 && result.stderr.contains(named), "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: garden.root + "/kernels/paper.md") == Data("---\ntitle: A paper\n---\n".utf8))
    }

    @Test func anUnknownNoteIsARuntimeErrorAndJSONSaysWhatChanged() throws {
        let garden = FixtureGarden.clean()
        garden.write("kernels/paper.md", "---\ntitle: A paper\nstatus: unread\n---\n")
        #expect(try CLI.run(["set", "--garden", garden.root, "nope", "--status", "read"]).status == 1)
        let result = try CLI.run(["set", "--garden", garden.root, "A paper", "--status", "read", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["path"] as? String == "kernels/paper.md" && object["changed"] as? [String] == ["status: read"], "\(result.stdout)")
    }
}
