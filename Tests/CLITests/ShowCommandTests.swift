import Foundation
import Testing

@Suite struct ShowCommandTests {
    @Test(arguments: ["lee2018", "LEE2018", "nngp-ntk/lee2018.md", "Deep Neural Networks as Gaussian Processes",
                      "deep neural networks  as gaussian processes"])
    func findsANoteByIdPathOrTitle(_ name: String) throws {
        let result = try FixtureGarden.standard().run("show", name, "--json")
        #expect(result.status == 0)
        let note = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(note["id"] as? String == "lee2018")
    }

    @Test func humanOutputHasHeaderSectionsAndBacklinks() throws {
        let result = try FixtureGarden.standard().run("show", "lee2018")
        #expect(result.status == 0)
        #expect(result.lines == [
            "Deep Neural Networks as Gaussian Processes",
            "==========================================",
            "id:         lee2018",
            "kind:       paper",
            "authors:    Jaehoon Lee, Yasaman Bahri",
            "year:       2018",
            "status:     read, in depth ✅",
            "arxiv:      1711.00165",
            "url:        https://arxiv.org/abs/1711.00165",
            "openreview: B1EA-M-0Z",
            "tags:       nngp, kernels",
            "topics:     NNGP / NTK, Mean field",
            "path:       nngp-ntk/lee2018.md",
            "sources:",
            "  - page: Reading list, section: Kernels, count: 3, done: true, missing: null, quoted: null, ratio: 0.5",
            "  - just a string",
            "",
            "## Abstract",
            "",
            "Infinitely wide networks are Gaussian processes.",
            "",
            "## Notes",
            "",
            "Compare with [[jacot2018]]; the kernel recursion is exact.",
            "",
            "## Linked from",
            "",
            "- Neural Tangent Kernel: Convergence and Generalization (jacot2018)",
        ])
    }

    @Test func aWikiLinkCycleLoadsWithBacklinksBothWays() throws {
        let garden = FixtureGarden.standard()
        let lee = try JSONSerialization.jsonObject(with: Data(garden.run("show", "lee2018", "--json").stdout.utf8)) as? [String: Any]
        let jacot = try JSONSerialization.jsonObject(with: Data(garden.run("show", "jacot2018", "--json").stdout.utf8)) as? [String: Any]
        #expect(lee?["backlinks"] as? [String] == ["jacot2018"])
        #expect(jacot?["backlinks"] as? [String] == ["lee2018"])
    }

    @Test func jsonAddsBodyAndBacklinksToTheListObject() throws {
        let result = try FixtureGarden.standard().run("show", "mei2018", "--json")
        let note = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(note["backlinks"] as? [String] == [])
        let body = try #require(note["body"] as? String)
        #expect(body.contains("## Details\n\nThe limit is not Gaussian, see [[No Such Paper]]."))
        #expect(note["tags"] as? [String] == ["Mean-Field"], "a note with an unknown key still loads")
    }

    @Test func unknownNoteIsAnErrorOnStderr() throws {
        let result = try FixtureGarden.standard().run("show", "no-such-note")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "trellis: no note named 'no-such-note'\n")
    }

    @Test func controlCharactersFromFilesAreShownEscaped() throws {
        let result = try FixtureGarden.standard().run("show", "escape")
        #expect(result.status == 0)
        #expect(result.lines.first == "Evil \\u{1B}[31mred\\u{9B} title\\u{07}")
        #expect(!result.stdout.unicodeScalars.contains { TerminalControl.isControl($0) })
    }
}

enum TerminalControl {
    /// C0 controls but newline, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
    }
}
