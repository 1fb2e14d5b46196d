import Screen

/// A normal-mode command being typed: `3d2w` is a count, an operator, a second count and a
/// motion; `g` and `Z` wait for their second key.
struct PendingCommand: Equatable, Sendable {
    var count: Int?
    var op: Character?
    var opCount: Int?
    var prefix: Character?
    /// The keys so far, shown at the bottom right (vim's showcmd).
    var typed = ""

    /// The counts multiplied (`2d3w` deletes six words); nil when none was typed.
    var total: Int? { count == nil && opCount == nil ? nil : (count ?? 1) * (opCount ?? 1) }

    /// Whether a count is being typed (so `0` is a digit, not the motion).
    var isCounting: Bool { op == nil ? count != nil : opCount != nil }

    mutating func add(digit: Int) {
        // Capped: a held-down digit must not overflow.
        if op == nil { count = min(99_999, (count ?? 0) * 10 + digit) } else { opCount = min(99_999, (opCount ?? 0) * 10 + digit) }
    }
}

/// Normal mode: motions (h j k l, w b e, W B E, 0 ^ $, gg G, { }), operators over motions (d c y,
/// doubled for whole lines), and x X D C s S J p P Y, i a I A o O, u and ctrl-r, `:`, ZZ ZQ.
/// Arrows, Home, End, Backspace, Delete and Enter do what their vim counterparts do.
extension TextEditorState {
    mutating func handleNormal(_ key: Key) -> TextEditorAction {
        let halfPage = max(1, pageRows / 2)
        switch key {
        case .escape:
            pending = PendingCommand()
            return .none
        case .control("r"):
            let count = pending.total ?? 1
            pending = PendingCommand()
            redo(count)
            return .none
        case .pageDown, .control("f"), .pageUp, .control("b"), .control("d"), .control("u"):
            pending = PendingCommand()
            let rows = key == .control("d") || key == .control("u") ? halfPage : pageRows
            moveVertically(key == .pageDown || key == .control("f") || key == .control("d") ? rows : -rows)
            return .none
        default:
            break
        }
        let token: Character
        switch key {
        case .character(let character):
            if character.isASCII, let digit = character.wholeNumberValue, digit > 0 || pending.isCounting, pending.prefix == nil {
                pending.add(digit: digit)
                pending.typed.append(character)
                return .none
            }
            token = character
        case .left, .backspace: token = "h"
        case .right: token = "l"
        case .up: token = "k"
        case .down: token = "j"
        case .home: token = "0"
        case .end: token = "$"
        case .enter: token = "+"
        case .delete: token = "x"
        default:
            pending = PendingCommand()
            return .none
        }
        var command = String(token)
        if let prefix = pending.prefix {
            command = String(prefix) + command
            pending.prefix = nil
        } else if token == "g" || token == "Z" {
            pending.prefix = token
            pending.typed.append(token)
            return .none
        }
        let count = pending.total
        if let op = pending.op {
            pending = PendingCommand()
            if command == String(op) {
                let last = min(cursor.line + (count ?? 1) - 1, lines.count - 1)
                operate(op, onLines: cursor.line...last)
            } else if let motion = motion(command, count: count, operator: op) {
                operate(op, over: motion)
            }
            return .none
        }
        if command == "d" || command == "c" || command == "y" {
            pending.op = token
            pending.typed.append(token)
            return .none
        }
        pending = PendingCommand()
        if let motion = motion(command, count: count) {
            move(motion)
            return .none
        }
        return run(command, count: count ?? 1)
    }

    /// The commands that are not motions.
    private mutating func run(_ command: String, count: Int) -> TextEditorAction {
        let line = cursor.line
        let length = lines[line].count
        wantedColumn = nil
        switch command {
        case "i":
            mode = .insert
        case "a":
            mode = .insert
            if length > 0 { cursor.column += 1 }
        case "I":
            mode = .insert
            cursor.column = lines[line].firstIndex { !$0.isWhitespace } ?? length
        case "A":
            mode = .insert
            cursor.column = length
        case "o", "O":
            let at = command == "o" ? line + 1 : line
            lines.insert([], at: at)
            cursor = Position(line: at, column: 0)
            mode = .insert
        case "x", "s":
            if length > 0 {
                take(delete(from: cursor, to: Position(line: line, column: min(cursor.column + count, length))))
            }
            if command == "s" { mode = .insert }
        case "X":
            guard cursor.column > 0 else { break }
            take(delete(from: Position(line: line, column: max(0, cursor.column - count)), to: cursor))
        case "D", "C":
            let last = min(line + count - 1, lines.count - 1)
            take(delete(from: cursor, to: Position(line: last, column: lines[last].count)))
            if command == "C" { mode = .insert }
        case "S", "Y":
            operate(command == "S" ? "c" : "y", onLines: line...min(line + count - 1, lines.count - 1))
        case "J":
            for _ in 0..<max(1, count - 1) where cursor.line + 1 < lines.count {
                joinLine(line, spaced: true)
            }
        case "p", "P":
            if let register { put(register, after: command == "p", count: count) }
        case "u":
            undo(count)
        case ":":
            mode = .commandLine("")
        case "ZZ":
            return .save(text)
        case "ZQ":
            return .close
        default:
            break
        }
        clampCursor()
        return .none
    }

    /// An operator over a motion's text (`dw`, `c$`, `yj`).
    private mutating func operate(_ op: Character, over motion: Motion) {
        var start = min(cursor, motion.target)
        var end = max(cursor, motion.target)
        var linewise = motion.kind == .linewise
        if motion.kind == .inclusive {
            end.column = min(end.column + 1, lines[end.line].count)
        } else if motion.kind == .exclusive, end.line > start.line, end.column == 0 {
            // vim's rule for an exclusive motion that ends at a line's start (`d}`): the text
            // ends with the line before, and is whole lines when it began at a line's indent.
            end = Position(line: end.line - 1, column: lines[end.line - 1].count)
            linewise = start.column <= (lines[start.line].firstIndex { !$0.isWhitespace } ?? 0)
        }
        if linewise {
            operate(op, onLines: start.line...max(start.line, end.line))
            return
        }
        start.column = min(start.column, lines[start.line].count)
        take(slice(from: start, to: end))
        switch op {
        case "d": delete(from: start, to: end)
        case "c":
            delete(from: start, to: end)
            mode = .insert
        default: cursor = start
        }
        wantedColumn = nil
        clampCursor()
    }

    /// Keeps what a delete or yank took for `p`, unless it took nothing (`x` on an empty line
    /// leaves the register alone, as in vim).
    private mutating func take(_ taken: Register) {
        if taken.linewise || taken.lines != [[]] { register = taken }
    }

    /// An operator over whole lines (`dd`, `cc`, `yy`, `dj`).
    private mutating func operate(_ op: Character, onLines range: ClosedRange<Int>) {
        switch op {
        case "d":
            register = deleteLines(range)
        case "c":
            register = Register(lines: Array(lines[range]), linewise: true)
            lines.replaceSubrange(range, with: [[]])
            cursor = Position(line: range.lowerBound, column: 0)
            mode = .insert
        default:
            register = Register(lines: Array(lines[range]), linewise: true)
            cursor.line = range.lowerBound
        }
        wantedColumn = nil
        clampCursor()
    }
}
