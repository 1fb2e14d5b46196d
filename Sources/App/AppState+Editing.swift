import Foundation
import Garden

/// Edits from the browser: each is an effect (the run loop writes the file safely), and the
/// garden is read again when it is done, keeping the place.
extension AppState {
    /// The note the edit keys act on: the one being read, else the one selected in the list.
    var editedNote: Note? {
        if focus != .list, case .note(let id)? = reading.subject, let note = garden?.note(id) { return note }
        return selectedNote
    }

    /// The note to edit, or nil after telling the owner to select one.
    mutating func noteToEdit() -> Note? {
        guard let note = editedNote else {
            status = StatusMessage("Select a paper or an item first")
            return nil
        }
        return note
    }

    /// `s` cycles unread → reading → read → unread; `*` toggles read in depth (which implies
    /// read, and is dropped when the status leaves read).
    mutating func editSelectedNote(cyclingStatus: Bool) -> [Effect] {
        guard let note = noteToEdit() else { return [] }
        guard note.kind == .paper else {
            status = StatusMessage("Only papers have a read status")
            return []
        }
        var edits: [NoteEdit]
        if cyclingStatus {
            let next: ReadStatus
            switch note.status ?? .unread {
            case .unread: next = .reading
            case .reading: next = .read
            case .read: next = .unread
            }
            edits = [.status(next)]
            if next != .read, note.readInDepth { edits.append(.readInDepth(false)) }
        } else {
            edits = [.readInDepth(!note.readInDepth)]
            if !note.readInDepth, note.status != .read { edits.insert(.status(.read), at: 0) }
        }
        return edit(note, edits)
    }

    /// `I` (the palette's `note TEXT`): one line added to the notes of the paper or item.
    mutating func appendQuickNote(_ text: String) -> [Effect] {
        let line = text.trimmingCharacters(in: .whitespaces)
        guard NoteEdit.isPlainLine(line) else {
            status = StatusMessage("note takes the text to add, without control characters: note TEXT", isError: true)
            return []
        }
        guard let note = noteToEdit() else { return [] }
        return edit(note, [.appendNote(line)])
    }

    /// `t` (the palette's `tags A B …`): the note's tags become exactly these (added and
    /// removed one by one, so the list keeps its style and order).
    mutating func setTags(_ text: String) -> [Effect] {
        guard let note = noteToEdit() else { return [] }
        let wanted = text.split(separator: " ").map(String.init)
        if let bad = wanted.first(where: { !NoteEdit.isPlainTag($0) }) {
            status = StatusMessage("a tag is one word of letters, digits, '-', '_', '.', '/' or '+', not '\(bad)'", isError: true)
            return []
        }
        let lower = Set(wanted.map { $0.lowercased() })
        let removed = note.tags.filter { !lower.contains($0.lowercased()) }.map(NoteEdit.removeTag)
        let current = Set(note.tags.map { $0.lowercased() })
        var seen = Set<String>()
        let added = wanted.filter { !current.contains($0.lowercased()) && seen.insert($0.lowercased()).inserted }.map(NoteEdit.addTag)
        guard !(removed + added).isEmpty else {
            status = StatusMessage("The tags are already \(wanted.isEmpty ? "empty" : wanted.joined(separator: " "))")
            return []
        }
        return edit(note, removed + added)
    }

    /// `r` (the palette's `title TEXT`): a new title.
    mutating func rename(_ text: String) -> [Effect] {
        let title = text.trimmingCharacters(in: .whitespaces)
        guard NoteEdit.isPlainLine(title) else {
            status = StatusMessage("title takes non-empty text without control characters", isError: true)
            return []
        }
        guard let note = noteToEdit() else { return [] }
        return edit(note, [.title(title)])
    }

    private func edit(_ note: Note, _ edits: [NoteEdit]) -> [Effect] {
        guard let root = garden?.root else { return [] }
        return [.editNote(noteID: note.id, path: root + "/" + note.path, edits)]
    }

    /// `u` / ctrl-r: the last edit undone (its file's bytes put back exactly) or redone; never
    /// over a change made on disk meanwhile.
    mutating func undoOrRedo(redo: Bool) -> [Effect] {
        guard let change = redo ? redoStack.popLast() : undoStack.popLast() else {
            status = StatusMessage(redo ? "Nothing to redo" : "Nothing to undo")
            return []
        }
        return [.applyChange(redo ? change : change.reversed, redo: redo)]
    }

    /// Reading again what a change touched: its notes alone when that is all it can have
    /// changed (the run loop decides), else the whole garden.
    func reloadEffects(after change: GardenChange) -> [Effect] {
        guard let root = garden?.root else { return [.reloadGarden(path: gardenPath)] }
        let paths = change.paths.map { $0.hasPrefix(root + "/") ? String($0.dropFirst(root.count + 1)) : $0 }
        return [.reloadNotes(paths: paths, outside: false)]
    }

    /// `e`: the note's file in the owner's editor at the section being read; without one
    /// (`$VISUAL`, `$EDITOR` unset), the notes in the app's own editor.
    mutating func editExternally() -> [Effect] {
        guard let note = noteToEdit(), let root = garden?.root else { return [] }
        guard editor != nil else { return openNotesEditor() }
        return [.runEditor(noteID: note.id, path: root + "/" + note.path, line: editorLine(for: note))]
    }

    /// The file line to open the editor at: the heading of the section the reading pane's
    /// cursor is in (the n-th heading of that text in the body), the notes' heading when the
    /// list is focused, else nil (the top).
    func editorLine(for note: Note) -> Int? {
        let headings = NoteSections.headingLines(in: note.body)
        let firstBodyLine = note.bodyLineOffset + 1
        if focus == .reading, case .note(note.id)? = reading.subject {
            let lines = reading.document.lines
            guard !lines.isEmpty else { return nil }
            var wanted: String?
            var occurrence = 0
            for line in lines[...min(reading.cursor, lines.count - 1)].reversed() {
                guard let first = line.content.spans.first, [.heading1, .heading2, .heading3].contains(first.style.role) else { continue }
                let text = Self.headingKey(line.content.spans.map(\.text).joined())
                if wanted == nil { wanted = text }
                if text == wanted { occurrence += 1 }
            }
            guard let wanted else { return nil }
            let matches = headings.filter { Self.headingKey($0.text) == wanted }
            guard !matches.isEmpty else { return nil }
            return firstBodyLine + matches[min(occurrence, matches.count) - 1].line
        }
        return NoteSections.notesHeadingLine(of: note)
    }

    /// A heading's words for comparing the source with the screen: no fold glyphs, marks or
    /// closing hashes, spaces collapsed, any case.
    static func headingKey(_ text: String) -> String {
        text.split { !($0.isLetter || $0.isNumber) }.joined(separator: " ").lowercased()
    }

    /// Whether the file at `path` (absolute) holds what this session's own last edits left in
    /// it: a watcher's report of it is the echo of that edit, not an outside change.
    public func holdsOwnWrite(_ path: String, bytes: [UInt8]?) -> Bool {
        let recent = undoStack.suffix(4) + redoStack.suffix(1).map(\.reversed)
        return recent.reversed().contains { change in
            change.steps.contains { step in
                if case .write(path, _, let after) = step { return after == bytes }
                if case .move(_, path) = step { return bytes != nil }
                return false
            }
        }
    }

    /// The note a change leaves somewhere visible: the last Markdown file it wrote or moved to,
    /// outside the trash (nil when there is none, e.g. a note moved into the trash).
    func noteSelection(after change: GardenChange) -> Location? {
        let targets = change.steps.compactMap { step -> String? in
            switch step {
            case .write(let path, _, let after): return after == nil ? nil : path
            case .move(_, let to): return to
            default: return nil
            }
        }
        guard let path = targets.last(where: { $0.hasSuffix(".md") && !$0.contains("/" + Trash.folder + "/") }),
              path.fileName != "index.md" else { return nil }
        return .note(path.fileName.droppingExtension)
    }

    /// A change just made: undone by `u`; it ends the redo history.
    mutating func recordUndo(_ change: GardenChange) {
        undoStack.append(change)
        redoStack = []
    }

    /// The garden after an edit or an outside change: the same topic, note, list selection,
    /// reading position and folds, the counts and the page redone.
    mutating func reload(_ newGarden: Garden) {
        let selectedID = list.noteIDs.indices.contains(list.selected) ? list.noteIDs[list.selected] : nil
        let (cursor, scroll, link) = (reading.cursor, reading.scroll, reading.focusedLink)
        garden = newGarden
        counts = newGarden.readCounts()
        subtreeNoteIDs = [:]
        if newGarden.topic(tree.selected) == nil { tree.selected = newGarden.rootTopic.id }
        refreshList()
        if let selectedID, let index = list.noteIDs.firstIndex(of: selectedID) { list.selected = index }
        if case .note(let id)? = reading.subject, newGarden.note(id) == nil { reading.subject = .topic(tree.selected) }
        relayoutReading()
        reading.cursor = min(cursor, max(0, reading.document.lines.count - 1))
        reading.scroll = scroll
        reading.focusedLink = link.flatMap { reading.document.links.indices.contains($0) ? $0 : nil }
        keepSelectionsVisible()
    }
}
