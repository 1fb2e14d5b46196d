import Calculators
import Garden
import Screen

/// `:`: a one-line command with completion.
///
///     topic NAME            go to a topic (by title or folder)
///     status read|reading|unread|all   filter the papers list by read status
///     tag NAME              filter the papers list by tag (`tag` alone clears it)
///     clear                 clear the filters
///     calc KIND k=v …       open (or update) a calculator pane: meanfield, phase, kernel,
///                           eigenlearning, spectrum; keys are `trellis calc`'s options
///                           without dashes (phi=tanh sw2=1.5 sb2=0.05)
///     note TEXT             add a line to the notes of the note being read or selected
///     tags A B …            set its tags (Tab completes from the garden's)
///     title TEXT            rename it
///     restore NAME          bring a note back from the garden's .trash/
///     any command name      run it (`help`, `quit`, `toggle-abstract`, …)
///
/// Tab completes the selected completion; Enter runs the input (or, when the input is a
/// prefix of the selected completion, the completion).
enum CommandPalette {
    static let verbs = ["topic", "status", "tag", "clear", "calc", "note", "tags", "title", "restore", "add", "move", "commit", "diff"]

    static func opened(_ state: AppState, input: String = "") -> PaletteState {
        var palette = PaletteState()
        palette.input = input
        (palette.completions, palette.enterPicks) = completions(for: input, state)
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
            // A chooser filtered by letters in order (`move`) takes its selection whatever was typed.
            if palette.enterPicks, let completion = palette.completions[safe: palette.selected],
               completion.lowercased().hasPrefix(input.lowercased()) || input.lowercased().hasPrefix("move ") {
                input = completion
            }
            return execute(input, &state)
        case .tab:
            if let completion = palette.completions[safe: palette.selected] {
                let calculatorKind = completion.hasPrefix("calc ") && completion.split(separator: " ").count == 2
                palette.input = completion + (verbs.contains(completion) || calculatorKind ? " " : "")
            }
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
        (palette.completions, palette.enterPicks) = completions(for: palette.input, state)
        palette.selected = 0
        state.overlay = .palette(palette)
        return []
    }

    /// What a completion does, shown beside it: a verb's or a command's help.
    static func description(of completion: String) -> String? {
        let verbHelp = [
            "topic": "go to a topic", "status": "filter the papers by read status", "tag": "filter the papers by tag",
            "clear": "clear the filters", "calc": "open a calculator pane (meanfield, phase, kernel, …)",
            "note": "add one line to the note's notes", "tags": "set the note's tags", "title": "rename the note",
            "restore": "bring a note back from .trash/",
            "add": "add a paper here: a title, an arXiv id or URL, an OpenReview URL",
            "move": "move the note to another topic", "commit": "commit the garden (git), with a message naming what changed",
            "diff": "the note's uncommitted changes (git)",
        ]
        if let help = verbHelp[completion] { return help }
        if let command = Command(rawValue: completion) { return command.help }
        if completion.hasPrefix("calc "), let kind = CalculatorKind(name: String(completion.dropFirst(5))) { return kind.title + " pane" }
        return nil
    }

    /// Candidates for what has been typed so far, best first (prefix matches, then others
    /// containing the text), at most 50; and whether Enter picks one (see `PaletteState`).
    static func completions(for input: String, _ state: AppState) -> (items: [String], enterPicks: Bool) {
        let words = input.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let verb = words.first?.lowercased() ?? ""
        guard words.count == 2 else {
            let names = verbs + Command.allCases.map(\.name)
            return (ranked(names, matching: verb), true)
        }
        let argument = words[1]
        let options: [String]
        switch verb {
        case "topic":
            options = (state.garden?.topics.dropFirst().map(\.title) ?? []) + ["add ", "rename ", "move "]
        case "move":
            return (fuzzy(state.garden?.topics.dropFirst().map(\.title) ?? [], matching: argument).map { verb + " " + $0 }, true)
        case "status":
            options = ["read", "reading", "unread", "all"]
        case "tag":
            options = gardenTags(state)
        case "tags":
            // The last word completes from the garden's tags; the words before stay.
            let typed = argument.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let head = typed.dropLast().joined(separator: " ")
            // Not the tags already typed.
            let present = Set(typed.dropLast().map { $0.lowercased() })
            let offered = gardenTags(state).filter { !present.contains($0.lowercased()) }
            return (ranked(offered, matching: typed.last ?? "").map { "tags " + (head.isEmpty ? "" : head + " ") + $0 }, false)
        case "calc":
            let calculator = calculatorCompletions(argument, state)
            return (calculator.items.map { verb + " " + $0 }, calculator.enterPicks)
        default:
            options = []
        }
        return (ranked(options, matching: argument).map { verb + " " + $0 }, true)
    }

    /// Every tag in the garden, sorted.
    static func gardenTags(_ state: AppState) -> [String] {
        Array(Set(state.garden?.notes.flatMap(\.tags) ?? [])).sorted()
    }

    /// After `calc `: the kinds; after a kind, its parameters as `key=` (with the current
    /// value), and after `phi=`, the activations.
    static func calculatorCompletions(_ argument: String, _ state: AppState) -> (items: [String], enterPicks: Bool) {
        let words = argument.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count >= 2, let kind = CalculatorKind(name: words[0]) else {
            return (ranked(CalculatorKind.allCases.map(\.rawValue), matching: words.first ?? ""), true)
        }
        let settings = state.calculators.panes.first { $0.kind == kind }?.settings ?? CalculatorSettings(kind)
        let head = words.dropLast().joined(separator: " ") + " "
        let last = words.last ?? ""
        if let equals = last.firstIndex(of: "="), let spec = settings.spec(String(last[..<equals])), case .choice(let names) = spec.domain {
            let typed = String(last[last.index(after: equals)...])
            return (ranked(names, matching: typed).map { head + spec.key + "=" + $0 }, true)
        }
        // Keys with their current values: a suggestion for Tab, never taken over what was typed.
        let keys = settings.parameters.map { "\($0.key)=\(settings[$0.key].map(String.init(describing:)) ?? "")" }
        return (ranked(keys, matching: last).map { head + $0 }, false)
    }

    /// `ranked`, then the options holding the typed letters in order ("nngp" finds "NNGP /
    /// NTK", "mfmup" finds "Mean field / muP"): the topic chooser's filter.
    static func fuzzy(_ options: [String], matching text: String) -> [String] {
        let first = ranked(options, matching: text)
        let needle = Array(text.lowercased().filter { !$0.isWhitespace })
        guard !needle.isEmpty else { return first }
        let shown = Set(first)
        let rest = options.filter { option in
            guard !shown.contains(option) else { return false }
            var index = 0
            for character in option.lowercased() where index < needle.count && character == needle[index] { index += 1 }
            return index == needle.count
        }
        return Array((first + rest).prefix(50))
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
            if let effects = state.topicEdit(argument) { return effects }
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
        case "note":
            return state.appendQuickNote(argument)
        case "tags":
            return state.setTags(argument)
        case "title":
            return state.rename(argument)
        case "add":
            return state.addPaper(argument)
        case "move":
            return state.moveNote(toTopic: argument)
        case "commit":
            guard state.uncommittedCount != nil else {
                state.status = StatusMessage("The garden is not in a git repository (git init makes one)", isError: true)
                return []
            }
            return [.gitCommit]
        case "diff":
            guard state.uncommittedCount != nil else {
                state.status = StatusMessage("The garden is not in a git repository", isError: true)
                return []
            }
            guard let note = state.noteToEdit() else { return [] }
            return [.gitDiff(path: note.path)]
        case "restore":
            guard !argument.isEmpty, let root = state.garden?.root else {
                state.status = StatusMessage("restore takes the trashed note's name", isError: true)
                return []
            }
            return [.restoreNote(name: argument, root: root)]
        case "calc":
            let words = argument.split(separator: " ").map(String.init)
            guard let name = words.first, let kind = CalculatorKind(name: name) else {
                let kinds = CalculatorKind.allCases.map(\.rawValue).joined(separator: ", ")
                state.status = StatusMessage("calc takes one of \(kinds), then key=value (phi=tanh sw2=1.5)", isError: true)
                return []
            }
            // `key=value` words, or the command line's `--key value` (a block's command pasted).
            switch CalculatorBlock.options(Array(words.dropFirst()), kind: kind) {
            case .failure(let problem):
                state.status = StatusMessage(problem.message, isError: true)
                return []
            case .success(let (assignments, window)):
                return state.openCalculator(kind, applying: assignments, window: window)
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
