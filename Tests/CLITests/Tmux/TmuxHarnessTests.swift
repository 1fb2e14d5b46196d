import Foundation
import Testing

extension Tag {
    /// Tests that drive a real terminal through tmux (`TmuxSession`).
    @Tag static var tmux: Self
}

/// The tmux harness itself, against plain commands (about a second in all). Without tmux these
/// fail, saying how to install it: CI installs it, and a silent skip would hide the
/// end-to-end tests.
@Suite(.tags(.tmux)) struct TmuxHarnessTests {
    @Test func tmuxIsInstalled() throws {
        _ = try TmuxSession.tmuxPath()
    }

    @Test func wideCharactersComeThroughCapture() throws {
        let session = try TmuxSession(command: #"printf 'wide: 中文 ⣿⠁ é 😀\n'; printf 'tab\tend\n'"#, width: 40, height: 5)
        defer { session.close() }
        let screen = try session.waitFor("tab")
        #expect(screen.first == "wide: 中文 ⣿⠁ é 😀")
        #expect(screen.count == 5)
        #expect(try session.waitForExit() == 0)
    }

    @Test func environmentReachesTheCommand() throws {
        let session = try TmuxSession(command: #"echo "$TERM $LANG $GREETING"; exit 3"#, width: 40, height: 3,
                                      environment: ["GREETING": "it's here"])
        defer { session.close() }
        try session.waitFor("xterm-256color C.UTF-8 it's here")
        #expect(try session.waitForExit() == 3)
    }

    @Test func keysAndLiteralText() throws {
        let session = try TmuxSession(command: "cat -v", width: 40, height: 4)
        defer { session.close() }
        try session.type("héllo ")
        try session.send("Escape", "Tab", "Enter")
        let screen = try session.waitFor("^[")
        #expect(screen.first?.hasPrefix("héllo ^[") == true)
        try session.send("C-d")
        #expect(try session.waitForExit() == 0)
    }

    @Test func resizeReachesTheProgram() throws {
        let session = try TmuxSession.shell(width: 60, height: 10)
        defer { session.close() }
        try session.resize(width: 44, height: 7)
        try session.type("stty size")
        try session.send("Enter")
        let screen = try session.waitFor("7 44")
        #expect(screen.count == 7)
    }

    @Test func shellReportsStatusAndTerminalModes() throws {
        let session = try TmuxSession.shell(width: 80, height: 10)
        defer { session.close() }
        let fine = try session.runInShell("true")
        #expect(fine.status == 0 && fine.terminalRestored)
        let broken = try session.runInShell("stty -icanon -echo; false")
        #expect(broken.status == 1)
        #expect(!broken.canonical && !broken.echo)
    }
}
