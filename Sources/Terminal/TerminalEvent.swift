import Screen

/// What `CursesTerminal.nextEvents` reports.
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal changed size; the next `present` redraws everything.
    case resize(Size)
    /// SIGTERM, SIGHUP or SIGINT arrived: close the terminal and exit.
    case terminate
}
