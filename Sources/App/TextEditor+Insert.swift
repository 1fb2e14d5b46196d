import Screen

/// Insert mode: what any text field does. Printable keys insert (any grapheme cluster), Enter
/// splits the line, Tab inserts a tab character, Backspace and Delete remove one cluster or join
/// lines, arrows move (left and right over line ends too), Home and End go to the line's ends;
/// ctrl-w and ctrl-u delete the word or the line before the cursor; Esc goes to normal mode
/// with the cursor one back, as vim does.
extension TextEditorState {
    mutating func handleInsert(_ key: Key) -> TextEditorAction {
        let line = cursor.line
        var keepsWantedColumn = false
        switch key {
        case .character(let character):
            insert(String(character))
        case .tab:
            insert("\t")
        case .enter:
            insert("\n")
        case .backspace:
            if cursor.column > 0 {
                delete(from: Position(line: line, column: cursor.column - 1), to: cursor)
            } else if line > 0 {
                joinLine(line - 1, spaced: false)
            }
        case .delete:
            if cursor.column < lines[line].count {
                delete(from: cursor, to: Position(line: line, column: cursor.column + 1))
            } else {
                joinLine(line, spaced: false)
            }
        case .control("w"):
            guard cursor.column > 0 else { return handleInsert(.backspace) }
            let start = wordBackward(from: cursor, bigWord: false)
            delete(from: Position(line: line, column: start.line == line ? start.column : 0), to: cursor)
        case .control("u"):
            delete(from: Position(line: line, column: 0), to: cursor)
        case .left:
            if cursor.column > 0 {
                cursor.column -= 1
            } else if line > 0 {
                cursor = Position(line: line - 1, column: lines[line - 1].count)
            }
        case .right:
            if cursor.column < lines[line].count {
                cursor.column += 1
            } else if line + 1 < lines.count {
                cursor = Position(line: line + 1, column: 0)
            }
        case .up, .down, .pageUp, .pageDown:
            let rows = key == .up || key == .down ? 1 : pageRows
            moveVertically(key == .up || key == .pageUp ? -rows : rows)
            keepsWantedColumn = true
        case .home:
            cursor.column = 0
        case .end:
            cursor.column = lines[line].count
        case .escape:
            mode = .normal
            cursor.column = max(0, cursor.column - 1)
            clampCursor()
        default:
            break
        }
        if !keepsWantedColumn { wantedColumn = nil }
        return .none
    }
}
