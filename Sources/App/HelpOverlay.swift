import Screen

/// `?`: every command with its keys, grouped, generated from the keymap (so rebinding in the
/// config file shows here too).
public enum HelpOverlay {
    static func handle(_ key: Key, scroll: Int, _ state: inout AppState) -> [Effect] {
        let command = state.keymap.command(for: key)
        let lineCount = lines(state.keymap).count
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

    /// The help text: a heading per group, then `keys  help` rows.
    public static func lines(_ keymap: Keymap) -> [(keys: String, help: String, isHeading: Bool)] {
        var lines: [(String, String, Bool)] = []
        var group = ""
        for command in Command.allCases {
            if command.group != group {
                if !lines.isEmpty { lines.append(("", "", false)) }
                group = command.group
                lines.append((group, "", true))
            }
            let keys = keymap.keys(for: command).map(\.name).joined(separator: ", ")
            lines.append((keys.isEmpty ? "(unbound)" : keys, command.help, false))
        }
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
        let width = min(size.width - 2, 86)
        let height = size.height - 2
        return Rect(x: (size.width - width) / 2, y: 1, width: width, height: height)
    }
}
