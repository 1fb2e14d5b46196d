import CNcursesw
import Testing

/// The CNcursesw system-library module imports and links (no terminal needed).
@Test func ncursesLinks() {
    let version = curses_version().map { String(cString: $0) } ?? ""
    #expect(version.hasPrefix("ncurses"))
}
