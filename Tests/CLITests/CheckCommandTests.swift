import Testing

@Suite struct CheckCommandTests {
    @Test func listsEveryProblemWithFileAndLineThenFails() throws {
        let result = try FixtureGarden.standard().run("check")
        #expect(result.status == 1)
        #expect(result.lines == [
            "mean-field/mei2018.md:16: warning: wiki link [[No Such Paper]] matches no note or topic",
            "scratch/bad-yaml.md:3: error: front matter YAML: did not find expected ',' or ']' while parsing a flow sequence that starts on line 3",
            "scratch/dup-title.md:2: warning: two notes have the title \"deep neural networks as gaussian processes\" (also nngp-ntk/lee2018.md); wiki links to it are ambiguous",
            "scratch/latin1.md:2: error: not valid UTF-8 (first bad byte at column 11); file skipped",
            "scratch/lee2018.md:1: error: duplicate note id 'lee2018': nngp-ntk/lee2018.md has the same file name; this file is skipped",
            "5 problems (3 errors, 2 warnings)",
        ])
    }

    /// A calculator block the reading pane would show as an error is a problem at its fence;
    /// good blocks are not.
    @Test func brokenCalculatorBlocksAreProblems() throws {
        let garden = FixtureGarden.clean()
        garden.write("kernels/blocks.md", """
            ---
            title: Blocks
            ---
            Fine:

            ```trellis
            calc meanfield --phi tanh --sw2 1.76 --sb2 0.05
            ```

            ```trellis
            rm -rf /
            ```

            ~~~Trellis
            calc meanfield --phi tanh --sw2 nan --sb2 0
            ~~~

            ````markdown
            ```trellis
            rm -rf / (shown as code inside a longer fence: not a block)
            ```
            ````
            """)
        let result = try garden.run("check")
        #expect(result.status == 1)
        #expect(result.lines.count == 3, "\(result.lines)")
        #expect(result.lines[0].hasPrefix("kernels/blocks.md:10: error: calculator block: not a calculator command"))
        #expect(result.lines[1] == "kernels/blocks.md:14: error: calculator block: sw2 must be a finite number, not nan")
    }

    @Test func aCleanGardenPasses() throws {
        let result = try FixtureGarden.clean().run("check")
        #expect(result.status == 0)
        #expect(result.stdout == "no problems\n")
        #expect(result.stderr.isEmpty)
    }
}
