import Screen

/// `:` commands: `w` writes and keeps editing; `wq`, `x` write and close; `q` closes when
/// nothing is unsaved; `q!` discards; a number goes to that line. Esc, or Backspace on an empty
/// line, goes back to normal mode.
extension TextEditorState {
    static let unsavedMessage = "Unsaved changes: :wq saves, :q! discards them"

    mutating func handleCommandLine(_ input: String, _ key: Key) -> TextEditorAction {
        switch key {
        case .escape:
            mode = .normal
        case .enter:
            mode = .normal
            return run(commandLine: input)
        case .backspace:
            mode = input.isEmpty ? .normal : .commandLine(String(input.dropLast()))
        case .control("u"):
            mode = .commandLine("")
        case .control("w"):
            mode = .commandLine(TextInput.deletingLastWord(input))
        case .character(let character):
            mode = .commandLine(input + String(character))
        default:
            break
        }
        return .none
    }

    private mutating func run(commandLine input: String) -> TextEditorAction {
        let command = String(input.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        switch command {
        case "":
            return .none
        case "w", "write":
            return .write(text)
        case "wq", "wq!", "x", "x!", "xit", "exit":
            return .save(text)
        case "q", "quit":
            guard isModified else { return .close }
            message = Message(Self.unsavedMessage, isError: true)
            return .none
        case "q!", "quit!":
            return .close
        case "$":
            cursor = Position(line: lines.count - 1, column: firstNonBlank(lines.count - 1))
            return .none
        default:
            if let number = Int(command), number >= 0 {
                let line = min(max(0, number - 1), lines.count - 1)
                cursor = Position(line: line, column: firstNonBlank(line))
                wantedColumn = nil
            } else {
                message = Message("Not an editor command: " + command, isError: true)
            }
            return .none
        }
    }
}
