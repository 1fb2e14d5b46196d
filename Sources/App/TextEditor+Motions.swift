/// Where a motion goes, and how an operator (`d`, `c`, `y`) takes the text up to there:
/// `exclusive` stops before the target, `inclusive` takes it, `linewise` takes whole lines.
struct Motion: Equatable {
    enum Kind: Equatable { case exclusive, inclusive, linewise }
    var target: TextEditorState.Position
    var kind: Kind
    /// j, k and the page moves keep aiming at the wanted display column.
    var vertical = false
    /// `$`: from now on j and k go to the end of every line.
    var toLineEnd = false
}

/// vim's motions, as functions of the lines and the cursor. Words are runs of word characters
/// (letters, digits, `_`) or runs of other non-blank characters; WORDs (`W` `B` `E`) are runs
/// of non-blanks. An empty line counts as a word for `w` and `b`.
extension TextEditorState {
    /// The motion a normal-mode command names, or nil when it is no motion (or, under an
    /// operator, a motion that cannot move: `dj` on the last line does nothing, as in vim).
    func motion(_ command: String, count: Int?, operator op: Character? = nil) -> Motion? {
        let n = max(1, count ?? 1)
        let here = cursor
        let length = lines[here.line].count
        let lastLine = lines.count - 1
        func at(_ line: Int, _ column: Int) -> Position { Position(line: line, column: column) }
        switch command {
        case "h":
            if op != nil, here.column == 0 { return nil }
            return Motion(target: at(here.line, max(0, here.column - n)), kind: .exclusive)
        case "l", " ":
            if op != nil, here.column >= length { return nil }
            let limit = op == nil && mode != .insert ? max(0, length - 1) : length
            return Motion(target: at(here.line, min(here.column + n, limit)), kind: .exclusive)
        case "j", "k":
            let line = min(max(0, here.line + (command == "j" ? n : -n)), lastLine)
            if op != nil, line == here.line { return nil }
            let wanted = wantedColumn ?? TextEditorLayout.displayColumn(of: here.column, in: lines[here.line])
            let column = TextEditorLayout.index(atDisplayColumn: wanted, in: lines[line], allowEnd: mode == .insert)
            return Motion(target: at(line, column), kind: .linewise, vertical: true)
        case "+", "-":
            let line = min(max(0, here.line + (command == "+" ? n : -n)), lastLine)
            if op != nil, line == here.line { return nil }
            return Motion(target: at(line, firstNonBlank(line)), kind: .linewise)
        case "0":
            return Motion(target: at(here.line, 0), kind: .exclusive)
        case "^":
            return Motion(target: at(here.line, firstNonBlank(here.line)), kind: .exclusive)
        case "$":
            let line = min(here.line + n - 1, lastLine)
            return Motion(target: at(line, max(0, lines[line].count - 1)), kind: .inclusive, toLineEnd: true)
        case "w", "W":
            // `cw` on a word changes to its end, like `ce`.
            if op == "c", here.column < length, !lines[here.line][here.column].isWhitespace {
                return motion(command == "w" ? "e" : "E", count: count, operator: op)
            }
            var target = here
            for _ in 0..<n { target = wordForward(from: target, bigWord: command == "W") }
            // Under an operator the last word stops at its line's end, not the next line's
            // first word (vim's special case for `dw`).
            if op != nil, target.line > here.line, target.column <= firstNonBlank(target.line) {
                target = at(target.line - 1, lines[target.line - 1].count)
            }
            return Motion(target: target, kind: .exclusive)
        case "e", "E":
            var target = here
            for _ in 0..<n { target = wordEnd(from: target, bigWord: command == "E") }
            return Motion(target: target, kind: .inclusive)
        case "b", "B":
            var target = here
            for _ in 0..<n { target = wordBackward(from: target, bigWord: command == "B") }
            return Motion(target: target, kind: .exclusive)
        case "gg", "G":
            let line = min(max(0, (count ?? (command == "G" ? lines.count : 1)) - 1), lastLine)
            return Motion(target: at(line, firstNonBlank(line)), kind: .linewise)
        case "}":
            var line = here.line
            for _ in 0..<n {
                while line < lastLine, lines[line].isEmpty { line += 1 }
                while line < lastLine, !lines[line].isEmpty { line += 1 }
            }
            let column = line == lastLine && !lines[line].isEmpty ? lines[line].count : 0
            return Motion(target: at(line, column), kind: .exclusive)
        case "{":
            var line = here.line
            for _ in 0..<n {
                while line > 0, lines[line].isEmpty { line -= 1 }
                while line > 0, !lines[line].isEmpty { line -= 1 }
            }
            return Motion(target: at(line, 0), kind: .exclusive)
        default:
            return nil
        }
    }

    /// Moves the cursor by a motion, keeping the wanted column for vertical moves.
    mutating func move(_ motion: Motion) {
        if motion.vertical {
            wantedColumn = wantedColumn ?? TextEditorLayout.displayColumn(of: cursor.column, in: lines[cursor.line])
        } else {
            wantedColumn = motion.toLineEnd ? Int.max : nil
        }
        cursor = motion.target
        clampCursor()
    }

    /// `count` lines down (or up, when negative), as j and k do.
    mutating func moveVertically(_ count: Int) {
        guard count != 0, let motion = motion(count > 0 ? "j" : "k", count: abs(count)) else { return }
        move(motion)
    }

    // MARK: - Words

    /// 0 for blanks, 1 for word characters, 2 for the rest; WORDs know only blank and not.
    static func wordClass(_ character: Character, bigWord: Bool) -> Int {
        if character.isWhitespace { return 0 }
        if bigWord { return 1 }
        return character.isLetter || character.isNumber || character == "_" ? 1 : 2
    }

    /// `w`: the start of the next word; the end of the text when there is none.
    func wordForward(from start: Position, bigWord: Bool) -> Position {
        var line = start.line
        var column = start.column
        let first = lines[line]
        if column < first.count {
            let kind = Self.wordClass(first[column], bigWord: bigWord)
            while kind != 0, column < first.count, Self.wordClass(first[column], bigWord: bigWord) == kind { column += 1 }
        }
        while true {
            let characters = lines[line]
            while column < characters.count, characters[column].isWhitespace { column += 1 }
            if column < characters.count { return Position(line: line, column: column) }
            if line == lines.count - 1 { return Position(line: line, column: characters.count) }
            line += 1
            column = 0
            if lines[line].isEmpty { return Position(line: line, column: 0) }
        }
    }

    /// `e`: the end of this word when not already there, else of the next one.
    func wordEnd(from start: Position, bigWord: Bool) -> Position {
        guard var position = next(start) else { return start }
        while isBlank(position) {
            guard let following = next(position) else { return start }
            position = following
        }
        let characters = lines[position.line]
        let kind = Self.wordClass(characters[position.column], bigWord: bigWord)
        while position.column + 1 < characters.count, Self.wordClass(characters[position.column + 1], bigWord: bigWord) == kind {
            position.column += 1
        }
        return position
    }

    /// `b`: the start of this word when not already there, else of the previous one.
    func wordBackward(from start: Position, bigWord: Bool) -> Position {
        guard var position = previous(start) else { return start }
        while isBlank(position), !lines[position.line].isEmpty {
            guard let before = previous(position) else { return position }
            position = before
        }
        let characters = lines[position.line]
        guard !characters.isEmpty else { return position }
        let kind = Self.wordClass(characters[position.column], bigWord: bigWord)
        while position.column > 0, Self.wordClass(characters[position.column - 1], bigWord: bigWord) == kind {
            position.column -= 1
        }
        return position
    }

    /// The next character's place, over line ends (an empty line is a place of its own).
    private func next(_ position: Position) -> Position? {
        if position.column + 1 < lines[position.line].count { return Position(line: position.line, column: position.column + 1) }
        return position.line + 1 < lines.count ? Position(line: position.line + 1, column: 0) : nil
    }

    /// The previous character's place, over line starts.
    private func previous(_ position: Position) -> Position? {
        let column = min(position.column, lines[position.line].count)
        if column > 0 { return Position(line: position.line, column: column - 1) }
        guard position.line > 0 else { return nil }
        return Position(line: position.line - 1, column: max(0, lines[position.line - 1].count - 1))
    }

    /// A blank, or an empty line.
    private func isBlank(_ position: Position) -> Bool {
        let characters = lines[position.line]
        return position.column >= characters.count || characters[position.column].isWhitespace
    }
}
