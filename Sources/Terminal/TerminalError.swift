/// Why the full-screen terminal could not start: one line, ready for standard error.
public struct TerminalError: Error, CustomStringConvertible, Equatable {
    public var description: String

    public init(_ description: String) { self.description = description }

    static let scriptHint = "(use `trellis tree` or `trellis list` in scripts)"

    static let stdinNotTerminal = TerminalError("trellis: standard input is not a terminal \(scriptHint)")
    static let stdoutNotTerminal = TerminalError("trellis: standard output is not a terminal \(scriptHint)")
    static let termUnset = TerminalError("trellis: TERM is not set, so the terminal type is unknown (try TERM=xterm-256color)")
    static let alreadyOpen = TerminalError("trellis: the terminal is already in use by another session")

    static func unknownTerminal(_ name: String) -> TerminalError {
        TerminalError("trellis: unknown terminal type '\(name)' (TERM); try TERM=xterm-256color")
    }

    static func noTerminfo(_ name: String) -> TerminalError {
        TerminalError("trellis: no terminfo database found for '\(name)' (install ncurses-base or set TERMINFO)")
    }

    static func unusableTerminal(_ name: String) -> TerminalError {
        TerminalError("trellis: terminal type '\(name)' cannot position the cursor, so the full-screen view cannot run \(scriptHint)")
    }

    static func startFailed(_ name: String) -> TerminalError {
        TerminalError("trellis: ncurses could not start on terminal type '\(name)'")
    }
}
