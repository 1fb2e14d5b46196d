import CNcursesw
import Foundation
import Screen

/// The full-screen terminal, through ncursesw: the only code in Trellis that touches the
/// terminal. It shows `ScreenBuffer`s (`present`), reports keys, mouse, resizes and
/// termination signals (`nextEvents`), steps aside for `$EDITOR` (`suspend`) and restores the
/// terminal on `close` (also on deinit). One may be open at a time. Not thread-safe, except
/// `wake()` and `waker`.
public final class CursesTerminal {
    /// False only when no UTF-8 locale could be set: the app should draw with
    /// `Glyphs.ascii`, and `present` shows any non-ASCII character as `?`.
    public let isUTF8: Bool
    public let colorDepth: ColorDepth
    public let palette: Palette
    /// Wakes `nextEvents` from any thread; valid even after `close`.
    public let waker: TerminalWaker

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let wakePipe: WakePipe
    var signals: SignalRelay
    var isClosed = false

    // Drawing state (CursesTerminal+Present.swift).
    var previous: ScreenBuffer?
    var needsFullRedraw = true
    var needsClear = false
    var cursorShown: Bool?
    var colorPairs: ColorPairs
    var looks: [Style: (attributes: attr_t, pair: Int16)] = [:]
    let colorCount: Int
    let mouseMask: mmask_t

    private static let openLock = NSLock()
    nonisolated(unsafe) private static var isOpen = false

    public init(options: TerminalOptions = TerminalOptions()) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1 else { throw .stdinNotTerminal }
        guard isatty(STDOUT_FILENO) == 1 else { throw .stdoutNotTerminal }
        isUTF8 = LocaleSetup.adoptUTF8()
        let terminalName = try CursesTerminal.checkTerminalType()
        let pipe = try WakePipe()
        try CursesTerminal.claim()

        guard let screen = newterm(nil, trellis_stdout(), trellis_stdin()), let window = trellis_stdscr() else {
            CursesTerminal.release()
            throw .startFailed(terminalName)
        }
        _ = set_term(screen)
        self.screen = screen
        self.window = window
        wakePipe = pipe
        waker = TerminalWaker(pipe: pipe)

        _ = raw()  // Ctrl-C, Ctrl-Z, Ctrl-S arrive as keys, not signals or flow control
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = meta(window, true)
        wtimeout(window, 0)  // get_wch never blocks: nextEvents waits in poll
        _ = set_escdelay(25)
        _ = curs_set(0)

        var defaultColors = false
        var colors = 0
        if has_colors() {
            _ = start_color()
            defaultColors = use_default_colors() == OK
            colors = Int(trellis_colors())
        }
        colorCount = colors
        colorDepth = ColorDepth.resolve(requested: options.colorDepth, colors: colors,
                                        noColor: ProcessInfo.processInfo.environment["NO_COLOR"])
        palette = Palette(depth: colorDepth)
        colorPairs = ColorPairs(limit: Int(trellis_color_pairs()), defaultColors: defaultColors)

        if options.mouse {
            // Presses rather than clicks, and no click interval: a click is reported at once.
            mouseMask = trellis_button1_pressed() | trellis_button1_clicked()
                | trellis_button4_pressed() | trellis_button5_pressed()
            _ = mousemask(mouseMask, nil)
            _ = mouseinterval(0)
        } else {
            mouseMask = 0
        }
        signals = SignalRelay.install(writingTo: pipe.writeEnd)
    }

    deinit { close() }

    /// The terminal's current size (ncurses' LINES × COLS, updated on `KEY_RESIZE`).
    public var size: Size {
        Size(width: Int(trellis_cols()), height: Int(trellis_lines()))
    }

    /// Interrupts a `nextEvents` wait; callable from any thread.
    public func wake() { waker.wake() }

    /// Leaves curses mode while `body` runs (to open a browser or `$EDITOR`), then comes back
    /// and redraws everything on the next `present`. SIGINT is ignored meanwhile.
    public func suspend(_ body: () -> Void) {
        guard !isClosed else { return body() }
        _ = def_prog_mode()
        _ = endwin()
        SignalRelay.ignoringInterrupts(body)
        _ = reset_prog_mode()
        if mouseMask != 0 { _ = mousemask(mouseMask, nil) }
        needsClear = true
        needsFullRedraw = true
        cursorShown = nil
        _ = wrefresh(window)
    }

    /// Restores the terminal: main screen, visible cursor, echo and line editing. Idempotent.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        signals.restore()
        _ = curs_set(1)
        _ = endwin()
        delscreen(screen)
        CursesTerminal.release()
    }

    // MARK: - Start-up checks

    /// The terminal type from `TERM`, checked against terminfo without letting ncurses exit.
    private static func checkTerminalType() throws(TerminalError) -> String {
        guard let name = ProcessInfo.processInfo.environment["TERM"], !name.isEmpty else { throw .termUnset }
        var status: Int32 = 0
        guard setupterm(name, STDOUT_FILENO, &status) == OK else {
            throw status == -1 ? .noTerminfo(name) : .unknownTerminal(name)
        }
        defer { trellis_free_cur_term() }
        // tigetstr answers NULL for an absent capability and (char *)-1 for a wrong name.
        let moveCursor = tigetstr("cup")
        guard let moveCursor, Int(bitPattern: moveCursor) != -1 else { throw .unusableTerminal(name) }
        return name
    }

    private static func claim() throws(TerminalError) {
        openLock.lock()
        defer { openLock.unlock() }
        guard !isOpen else { throw .alreadyOpen }
        isOpen = true
    }

    private static func release() {
        openLock.lock()
        isOpen = false
        openLock.unlock()
    }
}
