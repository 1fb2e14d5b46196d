import Foundation
import Testing

/// `trellis edit`: the owner's editor on a note, as a script stands in for it. An editor that
/// fails changes nothing and loses nothing.
@Suite struct EditCommandTests {
    /// A garden with one paper whose notes heading is on file line 7, and a folder for the
    /// scripted editors.
    static func garden() -> FixtureGarden {
        let garden = FixtureGarden()
        garden.write("kernels/paper.md", "---\ntitle: A paper\nstatus: read\n---\n\n## Abstract\n## Notes\n\nFirst thought.\n")
        return garden
    }

    /// Writes an executable editor script named `name` (the name decides how the line is
    /// passed: `vim` takes `+LINE`).
    static func editor(_ garden: FixtureGarden, name: String, _ body: String) throws -> String {
        let path = garden.base + "/bin/" + name
        try FileManager.default.createDirectory(atPath: garden.base + "/bin", withIntermediateDirectories: true)
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    static func edit(_ garden: FixtureGarden, editor: String?, _ extra: String...) throws -> CLIResult {
        try CLI.run(["edit", "paper", "--garden", garden.root] + extra,
                    environment: ["VISUAL": "", "EDITOR": editor ?? ""])
    }

    @Test("an editor that saves: the change is kept, the editor opened at the notes heading (+7)")
    func saves() throws {
        let garden = Self.garden()
        let vim = try Self.editor(garden, name: "vim", "echo \"$@\" > \"\(garden.base)/arguments\"; file=\"$2\"; printf 'A line from vim.\\n' >> \"$file\"")
        let result = try Self.edit(garden, editor: vim)
        #expect(result.status == 0 && result.stdout == "A paper: edited in vim\n")
        let arguments = try String(contentsOfFile: garden.base + "/arguments", encoding: .utf8)
        #expect(arguments == "+7 \(garden.root)/kernels/paper.md\n")
        let text = try String(contentsOfFile: garden.root + "/kernels/paper.md", encoding: .utf8)
        #expect(text.hasSuffix("First thought.\nA line from vim.\n"))
    }

    @Test("an editor that writes and then exits non-zero: the note is put back, its text kept beside it")
    func failingEditorChangesNothing() throws {
        let garden = Self.garden()
        let original = try Data(contentsOf: URL(fileURLWithPath: garden.root + "/kernels/paper.md"))
        let crashing = try Self.editor(garden, name: "crashy", "printf 'half-written' > \"$1\"; exit 3")
        let result = try Self.edit(garden, editor: crashing)
        #expect(result.status == 1 && result.stdout.contains("crashy exited with status 3: A paper is kept as it was"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: garden.root + "/kernels/paper.md")) == original)
        let sides = try FileManager.default.contentsOfDirectory(atPath: garden.root + "/kernels").filter { $0.hasPrefix("paper.editor-") }
        #expect(sides.count == 1)
        #expect(try String(contentsOfFile: garden.root + "/kernels/" + sides[0], encoding: .utf8) == "half-written")
    }

    @Test("an editor that leaves the file alone, one that is missing, and no editor at all")
    func unchangedMissingNone() throws {
        let garden = Self.garden()
        let original = try Data(contentsOf: URL(fileURLWithPath: garden.root + "/kernels/paper.md"))
        let viewer = try Self.editor(garden, name: "viewer", "true")
        let unchanged = try Self.edit(garden, editor: viewer)
        #expect(unchanged.status == 0 && unchanged.stdout == "A paper: unchanged in viewer\n")
        // An editor that fails without writing: nothing changed, and the command says it failed.
        let quitting = try Self.editor(garden, name: "quitter", "exit 1")
        let failed = try Self.edit(garden, editor: quitting)
        #expect(failed.status == 1 && failed.stdout == "quitter exited with status 1; A paper is unchanged\n")
        let missing = try Self.edit(garden, editor: "/no/such/editor")
        #expect(missing.status == 1 && missing.stdout.contains("the editor '/no/such/editor' was not found"))
        let none = try Self.edit(garden, editor: nil)
        #expect(none.status == 1 && none.stderr.contains("set $VISUAL or $EDITOR"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: garden.root + "/kernels/paper.md")) == original)
    }

    @Test("an edit that breaks the front matter is kept (it is the owner's) and its problem shown at once; --json")
    func brokenFrontMatterIsReported() throws {
        let garden = Self.garden()
        let breaking = try Self.editor(garden, name: "breaker", "printf -- '---\\ntitle: [unclosed\\n---\\n' > \"$1\"")
        let result = try Self.edit(garden, editor: breaking, "--json")
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["changed"] as? Bool == true && object["path"] as? String == "kernels/paper.md")
        let problems = try #require(object["problems"] as? [String])
        #expect(problems.count == 1 && problems[0].hasPrefix("kernels/paper.md:"))
        let bad = try CLI.run(["edit", "paper", "--line", "0", "--garden", garden.root], environment: ["EDITOR": "true"])
        #expect(bad.status == 2)
    }
}

/// Commands that edit never guess between notes that share a title.
@Suite struct AmbiguousNameTests {
    @Test("set on a title two notes share refuses, naming both; the id works")
    func ambiguousTitle() throws {
        let garden = FixtureGarden()
        garden.write("a/one.md", "---\ntitle: Same Title\n---\n")
        garden.write("b/two.md", "---\ntitle: Same Title\n---\n")
        let result = try garden.run("set", "Same Title", "--status", "read")
        #expect(result.status == 1 && result.stderr.contains("'Same Title' names 2 notes (a/one.md, b/two.md)"))
        #expect(try String(contentsOfFile: garden.root + "/a/one.md", encoding: .utf8) == "---\ntitle: Same Title\n---\n")
        #expect(try garden.run("set", "two", "--status", "read").status == 0)
    }
}
