import App
import Calculators
import Foundation
import Garden
import Screen

/// A small garden on disk for the UI tests: the Pareto-frontier topics, papers with every
/// front-matter field, abstracts and notes, a table with wide characters, a `<details>` block,
/// wiki links both ways, and a title holding escape sequences. Loaded once and shared.
enum TestGarden {
    static let garden: Garden = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-app-garden-" + UUID().uuidString).path
        func write(_ path: String, _ text: String) {
            let url = URL(fileURLWithPath: root + "/" + path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
        }
        write("index.md", "---\ntitle: Garden\n---\nMy reading garden.\n")
        write("models/index.md", "---\ntitle: Models\norder: 1\n---\nAlong the Pareto frontier.\n")
        write("models/linear-regression/index.md", "---\ntitle: Linear regression\norder: 1\n---\n")
        write("models/nngp-ntk/index.md", "---\ntitle: NNGP / NTK\norder: 3\ncalculators: [kernel]\n---\n")
        write("models/mean-field/index.md", """
            ---
            title: Mean field / muP
            order: 6
            calculators: [meanfield]
            ---
            Signal propagation at the edge of chaos.

            ```trellis
            calc meanfield --phi relu --sw2 2 --sb2 0
            ```

            ```trellis
            plot phase --phi tanh --point 1.76,0.05
            ```

            ```trellis
            rm -rf /
            ```
            """)
        write("optimization/index.md", "---\ntitle: Optimization\norder: 2\n---\n")
        write("models/nngp-ntk/lee2018.md", """
            ---
            title: Deep Neural Networks as Gaussian Processes
            authors: [Jaehoon Lee, Yasaman Bahri]
            year: 2018
            arxiv: "1711.00165"
            status: read
            read_in_depth: true
            tags: [nngp, kernels]
            order: 1
            ---

            ## Abstract

            Infinitely wide deep networks are Gaussian processes; the kernel follows a recursion.

            ## Notes

            Compare with [[jacot2018]]. The recursion is exact for **ReLU** and `erf`.

            | φ | closed form | checked |
            |:--|:-:|--:|
            | relu | arc-cosine | ✅ |
            | erf | arcsin | 漢字 |

            <details>
            <summary>Derivation</summary>

            The hidden proof.

            </details>
            """)
        write("models/nngp-ntk/jacot2018.md", """
            ---
            title: "Neural Tangent Kernel: Convergence and Generalization"
            authors: [Arthur Jacot, Franck Gabriel, Clément Hongler]
            year: 2018
            status: reading
            order: 2
            ---

            ## Abstract

            The training of wide networks follows a kernel, the NTK.

            Builds on [[Deep Neural Networks as Gaussian Processes]]. See https://arxiv.org/abs/1806.07572.
            Not yet written: [[No Such Paper]].
            """)
        write("models/mean-field/schoenholz2017.md", """
            ---
            title: Deep Information Propagation
            authors: [Samuel Schoenholz]
            year: 2017
            status: unread
            tags: [mean-field]
            ---

            ## Abstract

            Signal propagation in random networks defines depth scales.
            """)
        write("models/mean-field/evil.md", "---\ntitle: \"Evil \\e[31mred\\a title\"\nyear: 2020\n---\nBody with \u{1B}]0;pwned\u{07} inside.\n")
        write("optimization/adam.md", "---\ntitle: Adam\nyear: 2014\nstatus: read\n---\n\n## Notes\n\nMomentum plus scaling.\n")
        let garden = try! GardenLoader.load(root)
        try? FileManager.default.removeItem(atPath: root)
        return garden
    }()

    static let index = SearchIndex(garden)

    /// A state at `size` with the garden and its search index loaded.
    static func state(_ size: Size = Size(width: 120, height: 30), glyphs: Glyphs = .unicode, config: Config = Config()) -> AppState {
        var (state, _) = App.start(size: size, gardenPath: "garden", glyphs: glyphs, config: config)
        _ = App.update(&state, .gardenLoaded(garden))
        _ = App.update(&state, .searchIndexBuilt(index))
        return state
    }
}

extension AppState {
    /// Sends keys by name (`"j"`, `"enter"`, `"ctrl-d"`) and returns the effects of the last.
    @discardableResult
    mutating func press(_ names: String...) -> [Effect] {
        var effects: [Effect] = []
        for name in names { effects = App.update(&self, .key(Key(name: name)!)) }
        return effects
    }

    /// Types text into whatever has the keyboard.
    mutating func type(_ text: String) {
        for character in text { _ = App.update(&self, .key(.character(character))) }
    }

    var screen: [String] { App.view(self, size: size).lines }

    /// Performs the calculator effects as the run loop would (synchronously here), feeding the
    /// results back, until none is left; returns how many computations ran.
    @discardableResult
    mutating func settle(_ effects: [Effect]) -> Int {
        var pending = effects
        var count = 0
        while let effect = pending.first {
            pending.removeFirst()
            guard case .calculate(let paneID, let generation, let request) = effect else { continue }
            count += 1
            pending += App.update(&self, .calculated(CalculatorResult(paneID: paneID, generation: generation, output: CalculatorEngine.run(request))))
        }
        return count
    }

    /// Presses keys, performing each one's computations before the next.
    mutating func pressAndSettle(_ names: String...) {
        for name in names { settle(App.update(&self, .key(Key(name: name)!))) }
    }

    /// Runs a palette line and its computations.
    mutating func palette(_ line: String) {
        press(":")
        type(line)
        settle(App.update(&self, .key(.enter)))
    }
}
