#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Screen

extension CursesTerminal {
    /// Waits until input, a `wake()`, a signal or the timeout (milliseconds; negative: no
    /// limit), then returns everything available: keys (a grapheme cluster typed or pasted in
    /// pieces joined into one character), mouse events, at most one resize (the last), and
    /// `.terminate` last when SIGTERM, SIGHUP or SIGINT arrived or the terminal hung up. Empty
    /// on timeout or wake.
    public func nextEvents(timeoutMilliseconds: Int32) -> [TerminalEvent] {
        guard !isClosed else { return [] }
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        // -1 with EINTR is a signal (often SIGWINCH): read what it left, like any wake-up.
        _ = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)

        var terminate = wakePipe.drain().contains(where: SignalRelay.isTerminating)
        var events = readInput()
        // The terminal went away (a closed window without SIGHUP): poll would return at once
        // forever, so end instead of spinning.
        if events.isEmpty, descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { terminate = true }
        if terminate { events.append(.terminate) }
        return events
    }

    /// Everything `get_wch` has without waiting (bounded, so a flood of input cannot starve the
    /// caller's redraw).
    private func readInput() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var value: wint_t = 0
        for _ in 0..<4096 {
            let status = wget_wch(window, &value)
            guard status != ERR else { break }
            let code: InputCode = status == KEY_CODE_YES ? .functionKey(Int32(bitPattern: value)) : .character(value)
            switch KeyDecoder.decode(code) {
            case .key(let key):
                KeyDecoder.append(key, to: &events)
            case .resize:
                needsFullRedraw = true
                events.removeAll { if case .resize = $0 { return true } else { return false } }
                events.append(.resize(size))
            case .mouse:
                var event = MEVENT()
                if getmouse(&event) == OK, let kind = KeyDecoder.mouseKind(buttonState: event.bstate) {
                    events.append(.mouse(MouseEvent(kind, x: Int(event.x), y: Int(event.y))))
                }
            case .ignored:
                break
            }
        }
        return events
    }
}
