import Screen

/// `?`: every command with its keys, grouped, generated from the keymap (so rebinding in the
/// config file shows here too).
public enum HelpOverlay {
    static func handle(_ key: Key, scroll: Int, _ state: inout AppState) -> [Effect] {
        let command = state.keymap.command(for: key)
        let lineCount = lines(state.keymap, glyphs: state.glyphs).count
        let rows = max(1, frame(in: state.size).height - 2)
        let maxScroll = max(0, lineCount - rows)
        switch command {
        case .close?, .help?:
            state.overlay = nil
        case .quit?:
            state.quitting = true
            return [.quit]
        case .moveDown?: state.overlay = .help(scroll: min(maxScroll, scroll + 1))
        case .moveUp?: state.overlay = .help(scroll: max(0, scroll - 1))
        case .halfPageDown?: state.overlay = .help(scroll: min(maxScroll, scroll + rows / 2))
        case .halfPageUp?: state.overlay = .help(scroll: max(0, scroll - rows / 2))
        case .top?: state.overlay = .help(scroll: 0)
        case .bottom?: state.overlay = .help(scroll: maxScroll)
        default: break
        }
        return []
    }

    /// The groups, in the order the overlay shows them.
    static let groups = ["Move", "Read", "Find and more", "Edit", "Calculators"]

    /// The help text: a heading per group, then `keys  help` rows, then what the marks mean.
    public static func lines(_ keymap: Keymap, glyphs: Glyphs = .unicode) -> [(keys: String, help: String, isHeading: Bool)] {
        var lines: [(String, String, Bool)] = []
        for group in groups {
            if !lines.isEmpty { lines.append(("", "", false)) }
            lines.append((group, "", true))
            for command in Command.allCases where command.group == group {
                let keys = keymap.keys(for: command).map(\.name).joined(separator: ", ")
                lines.append((keys.isEmpty ? "(unbound)" : keys, command.help, false))
            }
        }
        lines.append(("", "", false))
        lines.append(("Marks", "", true))
        lines.append((glyphs.readMark + " " + glyphs.readingMark + " " + glyphs.unreadMark + " " + glyphs.bullet,
                      "read, reading, unread paper; an item that is not a paper", false))
        lines.append((glyphs.foldClosed + " " + glyphs.foldOpen, "a folded and an open section (Enter, h, l, a, m)", false))
        return lines
    }

    /// The cheat sheet for the README: a Markdown table generated from the default keymap.
    public static func cheatSheet(_ keymap: Keymap = .defaults) -> String {
        var rows = ["| keys | command | what it does |", "|---|---|---|"]
        for command in Command.allCases {
            let keys = keymap.keys(for: command).map { "`\($0.name)`" }.joined(separator: " ")
            rows.append("| \(keys) | `\(command.name)` | \(command.help) |")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func frame(in size: Size) -> Rect {
        let width = min(size.width - 2, 100)
        let height = size.height - 2
        return Rect(x: (size.width - width) / 2, y: 1, width: width, height: height)
    }
}
