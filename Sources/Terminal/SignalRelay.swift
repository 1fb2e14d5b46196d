#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGTERM, SIGHUP and SIGINT into bytes on the wake pipe, so that the run loop sees
/// `TerminalEvent.terminate` and closes the terminal itself: `endwin` is not
/// async-signal-safe, `write(2)` is. SIGWINCH is relayed too (after ncurses' own handler has
/// noted the resize), so a resize that lands just before `poll` still ends the wait.
///
/// One relay exists at a time (`CursesTerminal` allows one open terminal); the handler reads
/// the descriptor from a global because a C signal handler cannot capture context.
struct SignalRelay {
    static let terminating: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    static let relayed: [Int32] = terminating + [SIGWINCH]

    private var previous: [Int32: sigaction] = [:]

    /// Installs the handlers; call after `newterm`, which installs ncurses' own.
    static func install(writingTo descriptor: Int32) -> SignalRelay {
        relayDescriptor = descriptor
        var relay = SignalRelay()
        for signal in relayed {
            var action = sigaction()
            setHandler(&action, relayHandler)
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            var old = sigaction()
            if sigaction(signal, &action, &old) == 0 { relay.previous[signal] = old }
            if signal == SIGWINCH { previousWinch = old }
        }
        return relay
    }

    /// Puts the previous handlers back.
    func restore() {
        for (signal, action) in previous {
            var action = action
            _ = sigaction(signal, &action, nil)
        }
        relayDescriptor = -1
    }

    /// Ignores SIGINT while `body` runs (an `$EDITOR` or pager in the foreground gets Ctrl-C,
    /// and this process must not quit under it), as system(3) does.
    static func ignoringInterrupts(_ body: () -> Void) {
        var ignore = sigaction()
        setHandler(&ignore, nil, ignore: true)
        sigemptyset(&ignore.sa_mask)
        var old = sigaction()
        let changed = sigaction(SIGINT, &ignore, &old) == 0
        body()
        if changed { _ = sigaction(SIGINT, &old, nil) }
    }

    /// Whether a byte read from the wake pipe asks the program to end.
    static func isTerminating(_ byte: UInt8) -> Bool { terminating.contains(Int32(byte)) }
}

// The handler's state: set before the handler is installed, so reading them from the handler
// never runs a lazy initializer.
nonisolated(unsafe) private var relayDescriptor: Int32 = -1
nonisolated(unsafe) private var previousWinch = sigaction()

private let relayHandler: @convention(c) (Int32) -> Void = { signal in
    let savedErrno = errno
    if signal == SIGWINCH { callPreviousWinch(signal) }
    let descriptor = relayDescriptor
    if descriptor >= 0 {
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(descriptor, &byte, 1)
    }
    errno = savedErrno
}

/// Runs ncurses' SIGWINCH handler (which flags the resize that `get_wch` reports as
/// `KEY_RESIZE`), unless it was the default or ignore disposition.
private func callPreviousWinch(_ signal: Int32) {
    #if canImport(Glibc)
    let handler = previousWinch.__sigaction_handler.sa_handler
    #else
    let handler = previousWinch.__sigaction_u.__sa_handler
    #endif
    guard let handler else { return }
    let raw = unsafeBitCast(handler, to: Int.self)
    guard raw != unsafeBitCast(SIG_DFL, to: Int.self), raw != unsafeBitCast(SIG_IGN, to: Int.self) else { return }
    handler(signal)
}

private func setHandler(_ action: inout sigaction, _ handler: (@convention(c) (Int32) -> Void)?, ignore: Bool = false) {
    let chosen = ignore ? SIG_IGN : handler
    #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = chosen
    #else
    action.__sigaction_u.__sa_handler = chosen
    #endif
}
