import Garden
import Screen

/// The in-app editor open on a note's notes section (`i`, or `e` without `$EDITOR`): the
/// editor, and the file's bytes it was opened against. A save writes the section into those
/// bytes and only if the file still holds them; if another program changed the note
/// meanwhile, the owner chooses: take the disk's version (theirs kept beside the note), keep
/// theirs beside the note, or see the difference first. Their text is never dropped.
public struct NotesEditing: Sendable, Equatable {
    public var editor: TextEditorState
    public var noteID: String
    /// The note's file, absolute.
    public var path: String
    /// The file's bytes when the editor opened it (or last saved it).
    public var original: [UInt8]
    /// The file's bytes on disk when a save found them changed: the choice is showing.
    public var conflict: [UInt8]?
    /// A save is under way; close when it lands.
    public var closeAfterSave = false
    /// The note's file was deleted or moved while the editor was open.
    public var gone = false

    /// The prompt while the choice is showing.
    var conflictPrompt: String {
        gone ? "Deleted on disk: k keep yours aside · d diff · esc edit"
            : "Changed on disk: r use disk's · k close · d diff · esc edit (yours is kept aside)"
    }

    /// The whole file as it would be with the editor's text as its notes.
    public var mineAsFile: String {
        var file = FrontMatterEditor(String(decoding: original, as: UTF8.self))
        file.replaceNotes(with: editor.text)
        return file.text
    }
}

extension AppState {
    /// `i`: asks the run loop for the note's bytes; the editor opens when they arrive.
    mutating func openNotesEditor() -> [Effect] {
        guard let note = noteToEdit(), let root = garden?.root else { return [] }
        return [.readNoteForEditing(noteID: note.id, path: root + "/" + note.path)]
    }

    /// The note's bytes arrived: the editor opens on its notes section, in the reading pane.
    mutating func receiveNoteForEditing(noteID: String, path: String, bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            status = StatusMessage("\(path.fileName) is not valid UTF-8; not opened for editing", isError: true)
            return
        }
        let title = garden?.note(noteID)?.title ?? path.fileName
        var editor = TextEditorState(text: FrontMatterEditor(text).notesText, title: "Notes: \(title)")
        editing = NotesEditing(editor: editor, noteID: noteID, path: path, original: bytes)
        focus = .reading
        if let rect = notesEditorRect {
            editor.layout(width: rect.width, height: rect.height)
            editing?.editor = editor
        }
    }

    /// Where the editor is drawn: the reading pane, title row included.
    var notesEditorRect: Rect? {
        Layout.of(size, focus: .reading, calculators: calculators).panes[.reading]
    }

    /// A key while the editor is open (it takes every key).
    mutating func handleEditorKey(_ key: Key) -> [Effect] {
        guard var session = editing else { return [] }
        if let disk = session.conflict {
            return resolveConflict(key, session, disk: disk)
        }
        let action = session.editor.handle(key)
        if let rect = notesEditorRect { session.editor.layout(width: rect.width, height: rect.height) }
        editing = session
        switch action {
        case .none:
            return []
        case .close:
            editing = nil
            status = StatusMessage("Notes not changed")
            return []
        case .save(let text), .write(let text):
            let close = action == .save(text)
            guard session.editor.isModified else {
                if close { editing = nil; status = StatusMessage("Notes not changed") }
                return []
            }
            editing?.closeAfterSave = close
            return [.saveNotes(noteID: session.noteID, path: session.path, basedOn: session.original, text: text)]
        }
    }

    /// The save landed: the change is recorded for undo; the editor closes or goes on from the
    /// new bytes.
    mutating func notesSaved(_ change: GardenChange, text: String) -> [Effect] {
        guard var session = editing else { return [] }
        let title = garden?.note(session.noteID)?.title ?? session.path.fileName
        status = StatusMessage("\(title): notes saved")
        if case .write(_, _, let after?)? = change.steps.first { session.original = after }
        session.editor.markSaved(text)
        editing = session.closeAfterSave ? nil : session
        guard !change.isEmpty else { return [] }
        recordUndo(change)
        return reloadEffects(after: change)
    }

    /// The save failed. A change on disk opens the choice; anything else (a full disk, a
    /// read-only file) is said in the editor, whose text stays.
    mutating func notesSaveFailed(_ reason: String, disk: [UInt8]?, gone: Bool = false) {
        guard var session = editing else { return }
        session.closeAfterSave = false
        if let disk, disk != session.original || gone {
            session.conflict = disk
            session.gone = gone
            session.editor.show(session.conflictPrompt, isError: true)
        } else {
            session.editor.show(reason + "; your text is still here", isError: true)
        }
        editing = session
    }

    private mutating func resolveConflict(_ key: Key, _ session: NotesEditing, disk: [UInt8]) -> [Effect] {
        var session = session
        switch key {
        case .character("d"):
            let mine = session.mineAsFile
            overlay = .text(TextViewState(title: "\(session.path.fileName): the disk's version → yours (esc closes)",
                                          lines: LineDiff.unified(from: String(decoding: disk, as: UTF8.self), to: mine)))
            return []
        case .character("r") where session.gone:
            session.editor.show(session.conflictPrompt, isError: true)
            editing = session
            return []
        case .character("r"), .character("k"):
            let side = SideCopy.path(for: session.path, label: "mine")
            let effects: [Effect] = [.writeSideCopy(path: side, text: session.mineAsFile)]
            if key == .character("r") {
                // The editor again, on the note as it is on disk now.
                let title = session.editor.title
                session.original = disk
                session.conflict = nil
                session.editor = TextEditorState(text: FrontMatterEditor(String(decoding: disk, as: UTF8.self)).notesText, title: title)
                session.editor.show("The disk's version; yours is in \(side.fileName)", isError: false)
                editing = session
            } else {
                editing = nil
            }
            return effects
        case .escape:
            session.conflict = nil
            session.editor.show("Not saved: \(session.path.fileName) changed on disk (ctrl-s asks again)", isError: true)
            editing = session
            return []
        default:
            session.editor.show(session.conflictPrompt, isError: true)
            editing = session
            return []
        }
    }
}
