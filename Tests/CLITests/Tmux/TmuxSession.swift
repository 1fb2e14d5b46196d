import Foundation

/// A program running in a real terminal: a detached tmux session on a private server (its own
/// socket, no user configuration), `width` × `height` cells, no status line, TERM
/// xterm-256color and LANG C.UTF-8 inside. Tests type keys with `send`/`type`, read the screen
/// with `capture`, and wait for what they expect with `waitFor` (polling, never fixed sleeps).
///
/// When the command exits, its pane stays open on the last screen (`exitStatus` then tells the
/// status); `close` (or deinit) kills the server.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let socketName: String
    private(set) var width: Int
    private(set) var height: Int
    private let statusFile: URL
    private var isClosed = false

    static let missingTmux = Failure(description: """
        tmux is not installed, and the end-to-end terminal tests need it: run \
        `scripts/install-deps --test` (or `apt-get install tmux`)
        """)

    /// tmux's path, or a failure telling how to install it.
    static func tmuxPath() throws -> String {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for folder in folders + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(folder)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw missingTmux
    }

    /// Starts `command` (a `sh` command line) in `directory` with `environment` added to this
    /// process's own (TERM, LANG and extras override).
    init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:],
         directory: String? = nil) throws {
        self.width = width
        self.height = height
        socketName = "trellis-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent(socketName + ".status")

        var inner = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": ""]
        inner.merge(environment) { _, new in new }
        let assignments = inner.keys.sorted().map { "\($0)=\(Self.quoted(inner[$0]!))" }.joined(separator: " ")
        let folder = directory.map { "cd \(Self.quoted($0)) && " } ?? ""
        // The pane keeps the last screen after the command ends: `sleep` holds it open, and the
        // status goes to a file (tmux's remain-on-exit would scroll a line away).
        let script = "\(folder)env \(assignments) sh -c \(Self.quoted(command)); "
            + "echo $? > \(Self.quoted(statusFile.path)); exec sleep 86400"

        try run(["start-server", ";",
                 "set-option", "-g", "status", "off", ";",
                 "set-option", "-g", "default-terminal", "xterm-256color", ";",
                 "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height), script])
    }

    /// An interactive `sh` (prompt `$ `), ready for `runInShell`.
    static func shell(width: Int = 100, height: Int = 30, environment: [String: String] = [:],
                      directory: String? = nil) throws -> TmuxSession {
        var environment = environment
        environment["PS1"] = environment["PS1"] ?? "$ "
        let session = try TmuxSession(command: "exec sh", width: width, height: height,
                                      environment: environment, directory: directory)
        _ = try session.waitFor { $0.contains { $0.hasPrefix("$") } }
        return session
    }

    deinit { close() }

    // MARK: - Input

    /// tmux key names, one per key: "j", "Enter", "Escape", "C-d", "BTab", "Up", "F1", "Space".
    func send(_ keys: String...) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }

    /// Literal text, character by character (`send-keys -l`).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", "main", "-l", "--", text])
    }

    // MARK: - Output

    /// The visible screen, one string per row (trailing blanks trimmed by tmux); with
    /// `escapes`, colours and attributes as SGR sequences.
    func capture(escapes: Bool = false) throws -> [String] {
        let output = try run(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
        var lines = output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Polls the screen every 20 ms until `predicate` holds, and returns that screen; throws,
    /// showing the last screen, after `timeout`.
    @discardableResult
    func waitFor(timeout: Duration = .seconds(5), _ predicate: ([String]) -> Bool) throws -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var screen = try capture()
        while !predicate(screen) {
            guard clock.now < deadline else {
                throw Failure(description: "timed out after \(timeout); the screen was:\n"
                              + screen.map { "|\($0)" }.joined(separator: "\n"))
            }
            Thread.sleep(forTimeInterval: 0.02)
            screen = try capture()
        }
        return screen
    }

    /// Waits until `text` appears somewhere on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(5)) throws -> [String] {
        try waitFor(timeout: timeout) { screen in screen.contains { $0.contains(text) } }
    }

    /// The command's exit status once it has ended, else nil.
    var exitStatus: Int32? {
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits for the command to end and returns its status.
    func waitForExit(timeout: Duration = .seconds(5)) throws -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if let status = exitStatus { return status }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw Failure(description: "the command did not exit within \(timeout); the screen was:\n"
                      + ((try? capture()) ?? []).map { "|\($0)" }.joined(separator: "\n"))
    }

    // MARK: - Window

    /// Resizes the window (and so the pane); the program inside gets SIGWINCH. (No attached
    /// client means nothing resizes it back; `set -g window-size manual` before the first
    /// session crashes tmux 3.3a, and `resize-window` needs no option.)
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
        self.width = width
        self.height = height
    }

    /// Kills the server and everything running in it. Idempotent.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: statusFile)
    }

    // MARK: - Private

    /// Runs one tmux client command against this session's server; returns its output.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil  // tests started inside tmux must not talk to that server
        environment["LANG"] = "C.UTF-8"  // the client's locale tells the server to speak UTF-8
        environment["LC_ALL"] = nil
        let result = try TmuxProcess.run(try Self.tmuxPath(), ["-L", socketName, "-f", "/dev/null"] + arguments,
                                         environment: environment)
        guard result.status == 0 else {
            let message = result.errors.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(message)")
        }
        return result.output
    }

    /// `text` as one single-quoted `sh` word.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
