import Foundation

/// A garden folder written by a test into its own temporary directory, removed on deinit.
final class FixtureGarden {
    let base: String
    let root: String

    init() {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-cli-garden-" + UUID().uuidString).path
        root = base + "/garden"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: base) }

    func write(_ path: String, _ text: String) { write(path, bytes: Array(text.utf8)) }

    func write(_ path: String, bytes: [UInt8]) {
        let full = URL(fileURLWithPath: root + "/" + path)
        try! FileManager.default.createDirectory(at: full.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full.path, contents: Data(bytes))
    }

    /// Runs trellis on this garden (`--garden` appended).
    func run(_ arguments: String...) throws -> CLIResult {
        try CLI.run(arguments + ["--garden", root])
    }

    /// A garden with no problems: two topics, two papers.
    static func clean() -> FixtureGarden {
        let garden = FixtureGarden()
        garden.write("index.md", "---\ntitle: Clean garden\n---\n")
        garden.write("kernels/index.md", "---\ntitle: Kernels\n---\n")
        garden.write("kernels/ntk.md", "---\ntitle: Neural Tangent Kernel\nyear: 2018\nstatus: read\n---\n")
        garden.write("kernels/nngp.md", "---\ntitle: NNGP\nyear: 2018\n---\n")
        return garden
    }

    /// The garden most tests use: every field, an item, unknown keys, broken files, a
    /// duplicate id, a duplicate title, a wiki-link cycle, an unresolved link and control
    /// characters in a title. `scratch` sorts after the other folders, so the duplicate id
    /// there is the one skipped.
    static func standard() -> FixtureGarden {
        let garden = FixtureGarden()
        garden.write("index.md", "---\ntitle: Deep learning theory\n---\nThe root.\n")
        garden.write("nngp-ntk/index.md", "---\ntitle: NNGP / NTK\norder: 1\ncalculators: [kernel]\n---\n")
        garden.write("nngp-ntk/kernels/index.md", "---\ntitle: Kernel zoo\n---\n")
        garden.write("mean-field/index.md", "---\ntitle: Mean field\norder: 2\n---\n")
        garden.write("scratch/index.md", "---\ntitle: Scratch\norder: 3\n---\n")

        garden.write("nngp-ntk/lee2018.md", """
            ---
            title: Deep Neural Networks as Gaussian Processes
            kind: paper
            authors: [Jaehoon Lee, Yasaman Bahri]
            year: 2018
            arxiv: "1711.00165"
            url: https://arxiv.org/abs/1711.00165
            openreview: B1EA-M-0Z
            status: read
            read_in_depth: true
            tags: [nngp, kernels]
            topics: [mean-field]
            order: 1
            sources:
              - page: Reading list
                section: Kernels
                count: 3
                done: true
                missing: null
                quoted: "null"
                ratio: 0.5
              - just a string
            ---

            ## Abstract

            Infinitely wide networks are Gaussian processes.

            ## Notes

            Compare with [[jacot2018]]; the kernel recursion is exact.
            """)
        garden.write("nngp-ntk/jacot2018.md", """
            ---
            title: "Neural Tangent Kernel: Convergence and Generalization"
            authors: [Arthur Jacot, Franck Gabriel, Clément Hongler]
            year: 2018
            arxiv: "1806.07572"
            status: reading
            order: 2
            ---

            ## Abstract

            The training of wide networks follows a kernel.

            Builds on [[Deep Neural Networks as Gaussian Processes]].
            """)
        garden.write("nngp-ntk/kernels/ntk-todo.md", """
            ---
            title: Compute the NTK of a ReLU net
            kind: item
            tags: [todo]
            ---
            Just do it.
            """)
        garden.write("mean-field/mei2018.md", """
            ---
            title: A Mean Field View of Two-Layer Networks
            authors: [Song Mei]
            year: 2018
            status: unread
            reviewer: someone
            tags: [Mean-Field]
            ---

            ## Abstract

            Two-layer networks in the mean-field limit.

            ## Details

            The limit is not Gaussian, see [[No Such Paper]].
            """)
        garden.write("mean-field/escape.md", """
            ---
            title: "Evil \\e[31mred\\x9b title\\a"
            year: 2020
            ---
            Body with \u{1B}]0;pwned\u{07} inside.
            """)
        garden.write("scratch/bad-yaml.md", "---\ntitle: Broken\nauthors: [unclosed\n---\nBody.\n")
        garden.write("scratch/latin1.md", bytes: Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        garden.write("scratch/lee2018.md", "---\ntitle: Another Lee\nyear: 2019\n---\n")
        garden.write("scratch/dup-title.md", "---\ntitle: deep neural networks as gaussian processes\nyear: 2017\nstatus: read\n---\n")
        return garden
    }
}
