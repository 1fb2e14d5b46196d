import Foundation
import Testing

/// The real `trellis` binary in a real terminal (tmux): the main flows of the UI, end to end.
@Suite("Terminal UI end to end (tmux)", .serialized)
struct BrowseEndToEndTests {
    /// Starts `trellis --garden` on the standard fixture garden from an interactive shell, so
    /// that after quitting the test can see the terminal the shell got back.
    private static func start(_ garden: FixtureGarden, width: Int = 100, height: Int = 30,
                              options: String = "", environment: [String: String] = [:]) throws -> TmuxSession {
        try start(root: garden.root, cache: garden.base + "/cache", width: width, height: height, options: options,
                  environment: environment)
    }

    private static func start(root: String, cache: String, width: Int = 100, height: Int = 30,
                              options: String = "", environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession.shell(width: width, height: height,
                                            environment: ["TRELLIS_CACHE_DIR": cache, "TRELLIS_CONFIG": "/dev/null"]
                                                .merging(environment) { _, new in new })
        let report = #"; echo "r""c=$? modes=$(stty -a | tr ' ' '\n' | grep -E '^-?(icanon|echo)$' | tr '\n' ',')""#
        try session.type(TmuxSession.quoted(CLI.binary) + " --garden " + TmuxSession.quoted(root) + " " + options + report)
        try session.send("Enter")
        _ = try session.waitFor { $0.contains { $0.contains("Topics") && $0.contains("Papers") } }
        return session
    }

    /// Presses q and returns what the shell reported once trellis had exited.
    private static func quit(_ session: TmuxSession) throws -> ShellOutcome {
        try session.send("q")
        let screen = try session.waitFor(timeout: .seconds(10)) { $0.contains { ShellOutcome.parse($0) != nil } }
        var outcome = ShellOutcome.parse(screen.last { ShellOutcome.parse($0) != nil }!)!
        outcome.screen = screen
        return outcome
    }

    @Test("walk to a paper, unfold and fold its abstract, search and open a result, help, resize, quit")
    func mainFlow() throws {
        let garden = FixtureGarden.standard()
        let session = try Self.start(garden)
        defer { session.close() }

        // The tree: the root and its children, Pareto order, read/total counts.
        var screen = try session.waitFor("NNGP / NTK")
        #expect(screen.contains { $0.contains("NNGP / NTK") && $0.contains("1/2") })

        // Down to NNGP / NTK, over to its papers, open the first.
        try session.send("j", "Tab", "Enter")
        screen = try session.waitFor { $0.contains { $0.contains("▸ Abstract") } && $0.last?.contains("READ") == true }
        #expect(screen.contains { $0.contains("Jaehoon Lee, Yasaman Bahri") })
        #expect(!screen.contains { $0.contains("Infinitely wide networks") })

        try session.send("a")
        _ = try session.waitFor("Infinitely wide networks are")
        try session.send("a")
        _ = try session.waitFor { !$0.contains { $0.contains("Infinitely wide networks") } }

        // Search the whole garden and open a result: its abstract shows unfolded.
        try session.send("/")
        try session.type("tangent")
        screen = try session.waitFor { $0.contains { $0.contains("Neural Tangent Kernel: Convergence") } && $0.last?.contains("SEARCH") == true }
        try session.send("Enter")
        // (The search overlay's snippet holds the same words: wait for the reading pane's mode.)
        screen = try session.waitFor { $0.contains { $0.contains("The training of wide networks") } && $0.last?.contains("READ") == true }
        #expect(screen.last?.contains("READ") == true)

        // Resize narrower: the layout stacks, the note stays open; and back.
        try session.resize(width: 70, height: 24)
        screen = try session.waitFor { $0.count == 24 && $0.contains { $0.contains("Papers") } && $0.contains { $0.contains("The training of wide") } }
        try session.resize(width: 100, height: 30)
        _ = try session.waitFor { $0.count == 30 && $0.contains { $0.contains("The training of wide") } }

        // Help opens and closes.
        try session.send("?")
        _ = try session.waitFor("search the whole garden")
        try session.send("Escape")
        _ = try session.waitFor { !$0.contains { $0.contains("search the whole garden") } }

        let outcome = try Self.quit(session)
        #expect(outcome.status == 0)
        #expect(outcome.terminalRestored, "after quitting: \(outcome.screen)")
        #expect(!outcome.screen.contains { $0.contains("Papers (") }, "the UI's screen should be gone")
    }

    @Test("the command palette filters, and control characters in a title are shown escaped")
    func paletteAndEscapes() throws {
        let garden = FixtureGarden.standard()
        let session = try Self.start(garden, width: 120, height: 30, options: "--colors none --no-mouse")
        defer { session.close() }
        try session.send(":")
        try session.type("topic Mean field")
        try session.send("Enter")
        let screen = try session.waitFor { $0.contains { $0.contains("Evil") } }
        let evil = screen.first { $0.contains("Evil") }!
        #expect(evil.contains("\\u{1B}") || evil.contains("\\e"), "\(evil)")
        try session.send(":")
        try session.type("status read")
        try session.send("Enter")
        _ = try session.waitFor { !$0.contains { $0.contains("Evil") } }
        let outcome = try Self.quit(session)
        #expect(outcome.status == 0 && outcome.terminalRestored)
    }

    @Test("too small a terminal says so, and grows back into the UI")
    func tooSmall() throws {
        let garden = FixtureGarden.standard()
        let session = try Self.start(garden)
        defer { session.close() }
        try session.resize(width: 30, height: 10)
        _ = try session.waitFor("Terminal too small")
        try session.resize(width: 100, height: 30)
        _ = try session.waitFor { $0.contains { $0.contains("Topics") } }
        let outcome = try Self.quit(session)
        #expect(outcome.status == 0 && outcome.terminalRestored)
    }

    @Test("a missing garden is a one-line error before the screen is taken over")
    func missingGarden() throws {
        let session = try TmuxSession.shell(environment: ["TRELLIS_CONFIG": "/dev/null"])
        defer { session.close() }
        let outcome = try session.runInShell(TmuxSession.quoted(CLI.binary) + " --garden /nonexistent/garden")
        #expect(outcome.status == 1)
        #expect(outcome.terminalRestored)
        #expect(outcome.screen.contains { $0.contains("trellis: no garden at '/nonexistent/garden'") })
    }

    @Test("a C locale falls back to C.UTF-8: drawing characters still show, never blanks")
    func cLocale() throws {
        let garden = FixtureGarden.standard()
        let cache = garden.base + "/cache"
        let session = try TmuxSession(command: TmuxSession.quoted(CLI.binary) + " --garden " + TmuxSession.quoted(garden.root),
                                      environment: ["LANG": "C", "LC_ALL": "C", "TRELLIS_CACHE_DIR": cache, "TRELLIS_CONFIG": "/dev/null"])
        defer { session.close() }
        let screen = try session.waitFor { $0.contains { $0.contains("Topics") } }
        #expect(screen.contains { $0.contains("▾") && $0.contains("│") }, "\(screen)")
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("calculator panes: open from a topic and the palette, nudge, move the phase point, resize, close, quit")
    func calculatorPanes() throws {
        let garden = FixtureGarden.standard()
        let session = try Self.start(garden, width: 140, height: 40, options: "--colors none --no-mouse")
        defer { session.close() }

        // NNGP / NTK names the kernel calculator: c opens it beside the note.
        try session.send("j")
        _ = try session.waitFor { $0.contains { $0.contains("Calculators (c opens the first)") } }
        try session.send("c")
        var screen = try session.waitFor(timeout: .seconds(15)) { $0.contains { $0.contains("K(π/2)") && $0.contains("1.") } && $0.contains { $0.contains("NTK Θ(θ)") } }
        #expect(screen[0].contains("Reading") && screen[0].contains("Kernels"))

        // The mean-field pane from the palette, then σw² one step up: χ₁ changes to the CLI's value.
        try session.send(":")
        try session.type("calc meanfield phi=tanh sw2=1.5 sb2=0.05")
        try session.send("Enter")
        screen = try session.waitFor(timeout: .seconds(15)) { $0.contains { $0.contains("χ₁") && $0.contains("0.938636268199") } && $0.contains { $0.contains("c_l") } }
        try session.send("j", "+")
        // The number and the plot both change: the trajectory's title names the new σw².
        screen = try session.waitFor(timeout: .seconds(15)) { screen in
            screen.contains { $0.contains("σw²") && $0.contains("1.6") } && !screen.contains { $0.contains("0.938636268199") }
                && screen.contains { $0.contains("tanh, σw² = 1.6, σb² = 0.05") } && !screen[0].contains("⟳")
        }
        let chi1 = try CLI.run(["calc", "meanfield", "--phi", "tanh", "--sw2", "1.6", "--sb2", "0.05"]).stdout
            .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.first { $0.first == "χ₁" }?.dropFirst().first
        #expect(chi1 != nil && screen.contains { $0.contains("χ₁") && $0.contains(chi1!) }, "\(chi1 ?? "no χ₁ from the CLI")")

        // The phase diagram: the point moves right across the tanh line at σb² = 0.05.
        try session.send(":")
        try session.type("calc phase phi=tanh sw2=1.7 sb2=0.05")
        try session.send("Enter")
        screen = try session.waitFor(timeout: .seconds(15)) { $0.contains { $0.contains("ordered and chaotic phases") } && $0.contains { $0.contains("phase") && $0.contains("ordered") } }
        for _ in 0..<3 { try session.send("Right") }
        screen = try session.waitFor(timeout: .seconds(15)) { $0.contains { $0.contains("σw²") && $0.contains("1.85") } && $0.contains { $0.contains("phase") && $0.contains("chaotic") } }

        // The other two panes open too, each with its numbers and its plot.
        try session.send(":")
        try session.type("calc spectrum phi=relu depth=1 sw2=2 sb2=0 kind=nngp d=3 lmax=10")
        try session.send("Enter")
        _ = try session.waitFor(timeout: .seconds(15)) { $0.contains { $0.contains("μ_0") } && $0.contains { $0.contains("Spectrum on S^2") } }
        try session.send(":")
        try session.type("calc eigenlearning source=power")
        try session.send("Enter")
        _ = try session.waitFor(timeout: .seconds(15)) { $0.contains { $0.contains("n = 100") } && $0.contains { $0.contains("Eigenlearning, 1000") } }
        try session.send("x", "x")
        try session.send(":")
        try session.type("calc phase")
        try session.send("Enter")

        // Narrower: the pane takes the note's place; wider again; then close the three panes.
        try session.resize(width: 90, height: 30)
        screen = try session.waitFor(timeout: .seconds(15)) { $0.count == 30 && $0.contains { $0.contains("ordered and chaotic") } && !$0[0].contains("Reading") }
        try session.resize(width: 140, height: 40)
        _ = try session.waitFor(timeout: .seconds(15)) { $0.count == 40 && $0[0].contains("Reading") }
        try session.send("x", "x", "x")
        screen = try session.waitFor { !$0[0].contains("Kernels") && !$0[0].contains("Phase diagram") }

        let outcome = try Self.quit(session)
        #expect(outcome.status == 0)
        #expect(outcome.terminalRestored, "after quitting: \(outcome.screen)")
    }

    @Test("the shipped garden's mean-field page shows its live calculator blocks; c opens the topic's calculator")
    func shippedCalculatorBlocks() throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-blocks-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let session = try Self.start(root: package + "/garden", cache: cache, width: 140, height: 50, options: "--colors none --no-mouse")
        defer { session.close() }
        try session.send(":")
        try session.type("topic Mean field / muP")
        try session.send("Enter")
        // The table of `calc meanfield --phi tanh --sw2 1.76 --sb2 0.05` (χ₁ as the CLI prints it) and the phase diagram.
        let chi1 = try CLI.run(["calc", "meanfield", "--phi", "tanh", "--sw2", "1.76", "--sb2", "0.05"]).stdout
            .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.first { $0.first == "χ₁" }?.dropFirst().first
        let screen = try session.waitFor(timeout: .seconds(15)) { screen in
            screen.contains { $0.contains("χ₁") && chi1.map($0.contains) == true } && screen.contains { $0.contains("tanh: ordered and chaotic phases") }
        }
        #expect(screen.contains { $0.contains("plot phase --phi tanh --point 1.76,0.05") })
        // c opens the topic's first calculator beside the page, with the page's block values
        // (tanh, σw² 1.76, σb² 0.05).
        let xiC = try CLI.run(["calc", "meanfield", "--phi", "tanh", "--sw2", "1.76", "--sb2", "0.05"]).stdout
            .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.first { $0.first == "ξ_c" }?.dropFirst().first ?? "no ξ_c"
        try session.send("c")
        _ = try session.waitFor(timeout: .seconds(15)) { $0[0].contains("Mean field") && $0.joined().components(separatedBy: xiC).count - 1 >= 2 }  // block and pane
        let outcome = try Self.quit(session)
        #expect(outcome.status == 0 && outcome.terminalRestored)
    }

    @Test("s changes the paper's status in its file (only its lines), u restores the bytes")
    func statusKeyWritesTheFile() throws {
        let garden = FixtureGarden.standard()
        let session = try Self.start(garden, width: 120, height: 30, options: "--colors none --no-mouse")
        defer { session.close() }
        let path = garden.root + "/nngp-ntk/lee2018.md"
        let before = try String(contentsOfFile: path, encoding: .utf8)
        // Down to NNGP / NTK, over to its first paper (read, in depth), s: unread.
        try session.send("j", "Tab")
        _ = try session.waitFor { $0.contains { $0.contains("Deep Neural Networks as Gaussian") } && $0.last?.contains("BROWSE") == true }
        try session.send("s")
        _ = try session.waitFor(timeout: .seconds(10)) { $0.last?.contains("status: unread") == true }
        let after = try String(contentsOfFile: path, encoding: .utf8)
        let changed = zip(before.split(separator: "\n", omittingEmptySubsequences: false), after.split(separator: "\n", omittingEmptySubsequences: false))
            .filter { $0 != $1 }
        #expect(changed.map { "\($0.0) → \($0.1)" } == ["status: read → status: unread", "read_in_depth: true → read_in_depth: false"])
        // u puts the file's bytes back exactly.
        try session.send("u")
        _ = try session.waitFor(timeout: .seconds(10)) { $0.last?.contains("Undone:") == true }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
        let outcome = try Self.quit(session)
        #expect(outcome.status == 0 && outcome.terminalRestored)
    }

    @Test("e runs a scripted $EDITOR whose line the reading pane then shows; A adds a paper; an outside change is read; quit restores")
    func editorAddAndOutsideChange() throws {
        let garden = FixtureGarden.standard()
        let bin = garden.base + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        // Named vim, so it is given +LINE; it appends a line to the file (its last argument).
        let script = "#!/bin/sh\nfor last; do :; done\nprintf '\\nA line from the scripted editor.\\n' >> \"$last\"\n"
        try Data(script.utf8).write(to: URL(fileURLWithPath: bin + "/vim"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/vim")
        let session = try Self.start(garden, width: 120, height: 36, options: "--colors none --no-mouse",
                                     environment: ["EDITOR": bin + "/vim", "VISUAL": ""])
        defer { session.close() }
        let path = garden.root + "/nngp-ntk/lee2018.md"
        try session.send("j", "Tab")
        _ = try session.waitFor { $0.contains { $0.contains("Deep Neural Networks as Gaussian") } && $0.last?.contains("BROWSE") == true }
        try session.send("e")
        _ = try session.waitFor(timeout: .seconds(10)) { $0.last?.contains("edited in vim") == true }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("A line from the scripted editor.\n"))
        try session.send("Enter", "G")
        _ = try session.waitFor(timeout: .seconds(10)) { $0.contains { $0.contains("A line from the scripted editor.") } }

        // A: a paper by its arXiv id, into NNGP / NTK.
        try session.send("Tab", "Tab", "A")
        _ = try session.waitFor { $0.contains { $0.contains(": add") } }
        try session.type("2106.10165")
        try session.send("Enter")
        _ = try session.waitFor(timeout: .seconds(10)) { $0.last?.contains("Added nngp-ntk/2106.10165.md") == true }
        #expect(FileManager.default.fileExists(atPath: garden.root + "/nngp-ntk/2106.10165.md"))

        // Another program changes the note: the browser reads it again.
        try session.send("g", "Enter")
        _ = try session.waitFor { $0.contains { $0.contains("Jaehoon Lee") } }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "Written by another program.\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        _ = try session.waitFor(timeout: .seconds(10)) { screen in
            screen.last?.contains("changed on disk") == true && screen.contains { $0.contains("another program.") }
        }
        let outcome = try Self.quit(session)
        #expect(outcome.status == 0 && outcome.terminalRestored)
    }

    @Test("in a git repository: s shows 1 uncommitted in the status bar, :commit commits with a message naming the change")
    func gitCommit() throws {
        let garden = FixtureGarden.clean()
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", garden.root] + arguments
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try git("config", "user.name", "Test")
        try git("config", "user.email", "test@example.org")
        try git("add", "-A")
        try git("commit", "-qm", "start")
        let session = try Self.start(garden, width: 120, height: 30, options: "--colors none --no-mouse")
        defer { session.close() }
        try session.send("j", "Tab")
        _ = try session.waitFor { $0.contains { $0.contains("NNGP") } && $0.last?.contains("BROWSE") == true }
        try session.send("s")
        _ = try session.waitFor(timeout: .seconds(10)) { $0.last?.contains("1 uncommitted") == true }
        try session.send(":")
        try session.type("commit")
        try session.send("Enter")
        let screen = try session.waitFor(timeout: .seconds(10)) { $0.contains { $0.contains("Committed") } }
        #expect(screen.contains { $0.contains("Unread: Neural Tangent Kernel") })
        try session.send("Escape")
        _ = try session.waitFor(timeout: .seconds(10)) { !($0.last?.contains("uncommitted") ?? true) }
        let outcome = try Self.quit(session)
        #expect(outcome.status == 0 && outcome.terminalRestored)
    }
}
