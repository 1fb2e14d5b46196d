import Garden
import Screen

/// `:`: a one-line command with completion.
///
///     topic NAME            go to a topic (by title or folder)
///     status read|reading|unread|all   filter the papers list by read status
///     tag NAME              filter the papers list by tag (`tag` alone clears it)
///     clear                 clear the filters
///     calc meanfield phi=tanh sw2=1.5 sb2=0.05   open the mean-field calculator
///     any command name      run it (`help`, `quit`, `toggle-abstract`, …)
///
/// Tab completes the selected completion; Enter runs the input (or, when the input is a
/// prefix of the selected completion, the completion).
enum CommandPalette {
    static let verbs = ["topic", "status", "tag", "clear", "calc"]

    static func opened(_ state: AppState) -> PaletteState {
        var palette = PaletteState()
        palette.completions = completions(for: "", state)
        return palette
    }

    static func handle(_ key: Key, _ palette: PaletteState, _ state: inout AppState) -> [Effect] {
        var palette = palette
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .enter:
            state.overlay = nil
            var input = palette.input
            if let completion = palette.completions[safe: palette.selected], completion.lowercased().hasPrefix(input.lowercased()) {
                input = completion
            }
            return execute(input, &state)
        case .tab:
            if let completion = palette.completions[safe: palette.selected] { palette.input = completion + (verbs.contains(completion) ? " " : "") }
        case .down, .control("n"):
            palette.selected = min(palette.selected + 1, max(0, palette.completions.count - 1))
            state.overlay = .palette(palette)
            return []
        case .up, .control("p"):
            palette.selected = max(0, palette.selected - 1)
            state.overlay = .palette(palette)
            return []
        case .backspace:
            if palette.input.isEmpty {
                state.overlay = nil
                return []
            }
            palette.input.removeLast()
        case .control("u"):
            palette.input = ""
        case .control("w"):
            palette.input = TextInput.deletingLastWord(palette.input)
        case .control("c"):
            state.quitting = true
            return [.quit]
        case .character(let character):
            palette.input.append(character)
        default:
            return []
        }
        palette.completions = completions(for: palette.input, state)
        palette.selected = 0
        state.overlay = .palette(palette)
        return []
    }

    /// Candidates for what has been typed so far, best first (prefix matches, then others
    /// containing the text), at most 50.
    static func completions(for input: String, _ state: AppState) -> [String] {
        let words = input.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let verb = words.first?.lowercased() ?? ""
        guard words.count == 2 else {
            let names = verbs + Command.allCases.map(\.name)
            return ranked(names, matching: verb)
        }
        let argument = words[1]
        let options: [String]
        switch verb {
        case "topic":
            options = state.garden?.topics.dropFirst().map(\.title) ?? []
        case "status":
            options = ["read", "reading", "unread", "all"]
        case "tag":
            options = Array(Set(state.garden?.notes.flatMap(\.tags) ?? [])).sorted()
        case "calc":
            options = ["meanfield phi=tanh sw2=1.5 sb2=0.05", "meanfield phi=relu sw2=2 sb2=0",
                       "meanfield phi=erf sw2=1.76 sb2=0.05"]
        default:
            options = []
        }
        return ranked(options, matching: argument).map { verb + " " + $0 }
    }

    private static func ranked(_ options: [String], matching text: String) -> [String] {
        let needle = text.lowercased()
        guard !needle.isEmpty else { return Array(options.prefix(50)) }
        let prefix = options.filter { $0.lowercased().hasPrefix(needle) }
        let inside = options.filter { !$0.lowercased().hasPrefix(needle) && $0.lowercased().contains(needle) }
        return Array((prefix + inside).prefix(50))
    }

    /// Runs one palette line.
    static func execute(_ input: String, _ state: inout AppState) -> [Effect] {
        let trimmed = input.split(separator: " ").joined(separator: " ")
        let words = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first?.lowercased() else { return [] }
        let argument = words.count > 1 ? words[1] : ""
        guard state.garden != nil else { return verb == "quit" ? App.run(.quit, &state) : [] }
        switch verb {
        case "topic":
            guard let topic = state.garden?.findTopic(argument) else {
                state.status = StatusMessage("No topic called \"\(argument)\"", isError: true)
                return []
            }
            state.focus = .tree
            state.selectTopic(topic.id)
            state.show(.topic(topic.id))
        case "status":
            if argument == "all" || argument.isEmpty {
                state.filter.status = nil
            } else if let status = ReadStatus(rawValue: argument.lowercased()) {
                state.filter.status = status
            } else {
                state.status = StatusMessage("status takes read, reading, unread or all", isError: true)
                return []
            }
            applyFilter(&state)
        case "tag":
            state.filter.tag = argument.isEmpty ? nil : argument
            applyFilter(&state)
        case "clear":
            state.filter = NoteFilter()
            applyFilter(&state)
        case "calc":
            switch CalculatorPage.request(from: argument) {
            case .success(let request):
                state.rememberVisit()
                state.show(.calculator(request))
                state.focus = .reading
            case .failure(let problem):
                state.status = StatusMessage(problem.message, isError: true)
            }
        default:
            guard let command = Command(rawValue: verb) else {
                state.status = StatusMessage("Unknown command \"\(verb)\": try topic, status, tag, clear, calc", isError: true)
                return []
            }
            return App.run(command, &state)
        }
        return []
    }

    private static func applyFilter(_ state: inout AppState) {
        state.refreshList()
        state.status = StatusMessage(state.filter.isActive
            ? "Showing \(state.list.noteIDs.count) notes with \(state.filter.description)"
            : "Filters cleared")
    }
}
