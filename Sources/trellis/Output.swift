import Foundation
import Garden
import Screen

/// The only place the CLI writes to stdout and stderr. Text from garden files goes through
/// `TerminalText` before it gets here (see `safe`).
enum Output {
    static func print(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        write(lines.joined(separator: "\n") + "\n", to: FileHandle.standardOutput)
    }

    static func print(_ line: String) { print([line]) }

    static func error(_ message: String) {
        write("trellis: " + TerminalText.sanitized(message) + "\n", to: FileHandle.standardError)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}

/// One-line text from a file, safe for the terminal (newlines and tabs escaped too).
func safe(_ text: some StringProtocol) -> String { TerminalText.sanitized(text, keepNewlines: false) }

/// Multi-line text from a file, safe for the terminal.
func safeBlock(_ text: some StringProtocol) -> String { TerminalText.sanitized(text) }

/// The read mark shown before a note, two columns wide: ✅ read in depth, ✓ read, · reading,
/// blank unread or an item.
func readMark(_ note: Note) -> String {
    if note.readInDepth { return "✅" }
    switch note.status {
    case .read: return "✓ "
    case .reading: return "· "
    case .unread, nil: return "  "
    }
}
