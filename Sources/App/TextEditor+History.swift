/// Undo and redo, vim's way: one insert session (from entering insert mode to leaving it) is
/// one step, and so is each normal-mode change. A step is the whole text and the cursor before
/// it; the lines are arrays of arrays, so a snapshot shares every line it does not change.
struct EditHistory: Equatable, Sendable {
    struct Snapshot: Equatable, Sendable {
        var lines: [[Character]]
        var cursor: TextEditorState.Position
    }

    /// Beyond this many steps the oldest is forgotten.
    static let limit = 500

    var undo: [Snapshot] = []
    var redo: [Snapshot] = []
    /// The text when the current insert session began, and whether the session has changed
    /// it yet (its first change records that text as one step).
    var insertStart: Snapshot?
    var insertRecorded = false
    /// Counts undos and redos, so that `handle` can tell one from a change.
    var moves = 0

    /// A change was made to `snapshot`: it becomes the step to undo, and what was undone can no
    /// longer be redone.
    mutating func record(_ snapshot: Snapshot) {
        undo.append(snapshot)
        if undo.count > Self.limit { undo.removeFirst() }
        redo.removeAll()
    }
}

extension TextEditorState {
    /// After a key: records the text before it when the key changed it (in insert mode, only the
    /// session's first change, as the text before the session).
    mutating func recordChange(from before: EditHistory.Snapshot, wasInserting: Bool) {
        let changed = lines != before.lines
        if wasInserting {
            if changed, !history.insertRecorded, let start = history.insertStart {
                history.record(start)
                history.insertRecorded = true
            }
            if mode != .insert { history.insertStart = nil }
        } else {
            if changed { history.record(before) }
            // `o`, `cw` and the like change the text and go on in insert mode: one step.
            if mode == .insert {
                history.insertStart = before
                history.insertRecorded = changed
            }
        }
    }

    /// `u`: back one step (`count` times).
    mutating func undo(_ count: Int) {
        for _ in 0..<count {
            guard let step = history.undo.popLast() else {
                message = Message("Already at oldest change")
                break
            }
            history.redo.append(EditHistory.Snapshot(lines: lines, cursor: cursor))
            restore(step)
        }
    }

    /// ctrl-r: forward one undone step (`count` times).
    mutating func redo(_ count: Int) {
        for _ in 0..<count {
            guard let step = history.redo.popLast() else {
                message = Message("Already at newest change")
                break
            }
            history.undo.append(EditHistory.Snapshot(lines: lines, cursor: cursor))
            restore(step)
        }
    }

    private mutating func restore(_ snapshot: EditHistory.Snapshot) {
        lines = snapshot.lines
        cursor = snapshot.cursor
        wantedColumn = nil
        clampCursor()
        history.moves += 1
    }
}
