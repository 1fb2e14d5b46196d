import Foundation

/// What `runInShell` saw after the command ended: its status and whether the terminal was
/// handed back in a usable state (canonical mode and echo on).
struct ShellOutcome: Equatable {
    var status: Int32
    var canonical: Bool
    var echo: Bool
    /// The screen when the outcome line appeared.
    var screen: [String]

    var terminalRestored: Bool { canonical && echo }
}

extension TmuxSession {
    /// Types `commandLine` into the session's `sh` (see `shell`), followed by a report of its
    /// exit status and the terminal's `icanon`/`echo` modes, and returns the report once it
    /// appears.
    func runInShell(_ commandLine: String, timeout: Duration = .seconds(10)) throws -> ShellOutcome {
        let token = try startInShell(commandLine)
        return try waitForShellOutcome(token: token, timeout: timeout)
    }

    /// Types `commandLine` and the report (see `runInShell`) and presses Enter without waiting,
    /// so a test can drive the program first; returns the token for `waitForShellOutcome`.
    /// The report line starts with `rc=`, typed as `r""c=` so that the echoed command line
    /// never matches, and carries a fresh token so an earlier report never does.
    func startInShell(_ commandLine: String) throws -> String {
        let token = "run\(UInt32.random(in: 100_000...999_999))"
        let report = #"; echo "r""c=$? "# + token
            + #" modes=$(stty -a | tr ' ' '\n' | grep -E '^-?(icanon|echo)$' | tr '\n' ',')""#
        try type(commandLine + report)
        try send("Enter")
        return token
    }

    /// Waits for the report of the command started with `token` and reads it.
    func waitForShellOutcome(token: String, timeout: Duration = .seconds(10)) throws -> ShellOutcome {
        let screen = try waitFor(timeout: timeout) { $0.contains { ShellOutcome.parse($0, token: token) != nil } }
        var outcome = screen.lazy.compactMap { ShellOutcome.parse($0, token: token) }.first!
        outcome.screen = screen
        return outcome
    }
}

extension ShellOutcome {
    /// Reads `rc=0 TOKEN modes=icanon,echo,` (`rc=0 modes=…` when `token` is nil; a `-`
    /// before a mode means it is off).
    static func parse(_ line: String, token: String? = nil) -> ShellOutcome? {
        let separator = token.map { " \($0) modes=" } ?? " modes="
        guard line.hasPrefix("rc="), let modesRange = line.range(of: separator) else { return nil }
        guard let status = Int32(line[line.index(line.startIndex, offsetBy: 3)..<modesRange.lowerBound]) else { return nil }
        let modes = line[modesRange.upperBound...].split(separator: ",").map(String.init)
        guard modes.contains(where: { $0.hasSuffix("icanon") }), modes.contains(where: { $0.hasSuffix("echo") }) else { return nil }
        return ShellOutcome(status: status, canonical: modes.contains("icanon"), echo: modes.contains("echo"), screen: [])
    }
}
