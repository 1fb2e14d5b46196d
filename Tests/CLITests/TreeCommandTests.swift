import Testing

@Suite struct TreeCommandTests {
    // MARK: Topics

    @Test func treeShowsTopicsInOrderWithReadOverTotalPapers() throws {
        let garden = FixtureGarden.standard()
        let result = try garden.run("tree")
        #expect(result.status == 0)
        #expect(result.lines == [
            "Deep learning theory 2/5",
            "├── NNGP / NTK 1/2",
            "│   └── Kernel zoo 0/0",
            "├── Mean field 1/3",
            "└── Scratch 1/1",
        ])
    }

    @Test func notesAppearUnderTheirTopicsWithReadMarks() throws {
        let garden = FixtureGarden.standard()
        let result = try garden.run("tree", "--notes")
        #expect(result.lines == [
            "Deep learning theory 2/5",
            "├── NNGP / NTK 1/2",
            "│   ├── ✅ Deep Neural Networks as Gaussian Processes",
            "│   ├── ·  Neural Tangent Kernel: Convergence and Generalization",
            "│   └── Kernel zoo 0/0",
            "│       └──    Compute the NTK of a ReLU net",
            "├── Mean field 1/3",
            "│   ├──    A Mean Field View of Two-Layer Networks",
            "│   ├── ✅ Deep Neural Networks as Gaussian Processes",
            "│   └──    Evil \\u{1B}[31mred\\u{9B} title\\u{07}",
            "└── Scratch 1/1",
            "    └── ✓  deep neural networks as gaussian processes",
        ])
    }

    @Test func noSubcommandPrintsTheTree() throws {
        let garden = FixtureGarden.standard()
        let bare = try CLI.run(["--garden", garden.root])
        #expect(bare.status == 0)
        #expect(bare.stdout == (try garden.run("tree")).stdout)
    }

    @Test func gardenOptionMayComeBeforeTheSubcommand() throws {
        let garden = FixtureGarden.standard()
        let result = try CLI.run(["--garden", garden.root, "--no-cache", "tree"])
        #expect(result.status == 0)
        #expect(result.lines.first == "Deep learning theory 2/5")
    }
}

@Suite("browse without a terminal")
struct BrowseCommandTests {
    @Test("without a terminal, `trellis browse` prints the tree; a bad --colors is a usage error")
    func noTerminal() throws {
        let garden = FixtureGarden.clean()
        let result = try garden.run("browse")
        #expect(result.status == 0)
        #expect(result.lines.first == "Clean garden 1/2")
        let bad = try garden.run("browse", "--colors", "purple")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--colors takes auto, 256, 16 or none, not 'purple'"))
    }
}
