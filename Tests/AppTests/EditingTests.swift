@testable import App
import Foundation
import Garden
import Screen
import Testing

/// Status edits from the browser: the keys ask for a file edit, the edit touches one line, and
/// the garden read again keeps the place.
@Suite("Editing from the browser")
struct EditingTests {
    /// A small garden in a temporary folder (its own, so edits never touch other tests').
    static func garden() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-edit-" + UUID().uuidString).path
        let write = { (path: String, text: String) in
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        try write("index.md", "---\ntitle: Root\n---\n")
        try write("kernels/index.md", "---\ntitle: Kernels\n---\n")
        try write("kernels/a.md", "---\ntitle: Paper A\nstatus: unread # to read soon\ntags: [x]\n---\nBody A\n")
        try write("kernels/b.md", "---\ntitle: Paper B\nstatus: read\nread_in_depth: true\n---\nBody B\n")
        return root
    }

    /// The browser on `root` with the Kernels papers focused (Paper A selected).
    static func browsing(_ root: String) throws -> AppState {
        var (state, _) = App.start(size: Size(width: 120, height: 30), gardenPath: root)
        _ = App.update(&state, .gardenLoaded(try GardenLoader.load(root)))
        state.selectTopic("kernels")
        state.focus = .list
        return state
    }

    /// Performs the edit effects as the run loop does, and the reload.
    static func perform(_ effects: [Effect], on state: inout AppState) throws {
        var pending = effects
        while let effect = pending.first {
            pending.removeFirst()
            switch effect {
            case .editNote(let id, let path, let edits):
                let change = try NoteEdit.applyRecording(edits, toFileAt: path)
                pending += App.update(&state, .noteEdited(noteID: id, change))
            case .applyChange(let change, let redo):
                try change.apply()
                pending += App.update(&state, .changeApplied(change, redo: redo))
            case .trashNote(let title, let path, let root):
                let target = try Trash.remove(path, root: root)
                pending += App.update(&state, .noteTrashed(title: title, path: target, Trash.change(root: root, from: path, to: target, "trashed")))
            case .restoreNote(let name, let root):
                let (from, to) = try Trash.restore(name, root: root)
                pending += App.update(&state, .noteRestored(path: to, Trash.change(root: root, from: from, to: to, "restored")))
            case .reloadGarden(let path):
                pending += App.update(&state, .gardenReloaded(try GardenLoader.load(path), outside: []))
            case .structureEdit(let edit):
                pending += App.update(&state, edit.perform(in: try #require(state.garden)))
            case .readNoteForEditing(let id, let path):
                pending += App.update(&state, .noteReadForEditing(noteID: id, path: path, try #require(SafeFile.read(path))))
            case .saveNotes(_, let path, let original, let text):
                do {
                    let change = try NoteEdit.applyRecording([.replaceNotes(text)], toFileAt: path, basedOn: original)
                    pending += App.update(&state, .notesSaved(change, text: text))
                } catch {
                    let disk = SafeFile.read(path)
                    pending += App.update(&state, .notesSaveFailed("\(error)", disk: disk, gone: disk == nil))
                }
            case .writeSideCopy(let path, let text):
                try SafeFile.write(text, to: path, expecting: nil)
                pending += App.update(&state, .sideCopyWritten(path: path))
            case .reloadNotes(let paths, let outside):
                // As the run loop: the notes alone when they can be, else the whole garden.
                let garden = try #require(state.garden)
                let changed = outside ? garden.changedFiles(paths) : paths
                let reloaded = try garden.reloading(changed) ?? GardenLoader.load(garden.root)
                pending += App.update(&state, .gardenReloaded(reloaded, outside: outside ? changed : []))
            default:
                break
            }
        }
    }

    @Test("s cycles the status in the file, one line changed, the comment kept; the list keeps its place")
    func statusCycles() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = try Self.browsing(root)
        #expect(state.selectedNote?.id == "a")
        try Self.perform(state.press("s"), on: &state)
        let text = try String(contentsOfFile: root + "/kernels/a.md", encoding: .utf8)
        #expect(text == "---\ntitle: Paper A\nstatus: reading # to read soon\ntags: [x]\n---\nBody A\n")
        #expect(state.garden?.note("a")?.status == .reading && state.selectedNote?.id == "a" && state.focus == .list)
        #expect(state.status?.text == "Paper A: status: reading")
        try Self.perform(state.press("s"), on: &state)
        try Self.perform(state.press("s"), on: &state)
        #expect(state.garden?.note("a")?.status == .unread)
        #expect(state.counts["kernels"]?.read == 1)
    }

    @Test("an outside change is read again keeping the place: one note alone, or the whole garden for a new file")
    func outsideChange() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = try Self.browsing(root)
        state.press("j")
        #expect(state.selectedNote?.id == "b")
        // Another editor saves Paper A with a new status.
        try Data("---\ntitle: Paper A\nstatus: read\ntags: [x]\n---\nBody A, edited elsewhere\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/kernels/a.md"))
        let effects = App.update(&state, .filesChanged(["kernels/a.md"]))
        #expect(effects == [.reloadNotes(paths: ["kernels/a.md"], outside: true)])
        let before = try #require(state.garden)
        #expect(before.reloading(["kernels/a.md"]) != nil)  // one note alone
        try Self.perform(effects, on: &state)
        #expect(state.garden?.note("a")?.status == .read && state.counts["kernels"]?.read == 2)
        #expect(state.selectedNote?.id == "b" && state.status?.text == "Read again: a.md changed on disk")
        // A new paper: the whole garden, still keeping the place.
        try Data("---\ntitle: Paper C\n---\n".utf8).write(to: URL(fileURLWithPath: root + "/kernels/c.md"))
        try Self.perform(App.update(&state, .filesChanged(["kernels/c.md"])), on: &state)
        #expect(state.list.noteIDs == ["a", "b", "c"] && state.selectedNote?.id == "b")
        // Nothing new on disk: nothing happens.
        state.status = nil
        try Self.perform(App.update(&state, .filesChanged(["kernels/c.md"])), on: &state)
        #expect(state.status == nil)
    }

    @Test("the watcher's echo of the session's own edit is told from an outside change")
    func ownWriteEcho() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = try Self.browsing(root)
        let path = root + "/kernels/a.md"
        try Self.perform(state.press("s"), on: &state)
        #expect(state.holdsOwnWrite(path, bytes: SafeFile.read(path)))
        try Self.perform(state.press("u"), on: &state)
        #expect(state.holdsOwnWrite(path, bytes: SafeFile.read(path)))
        try Data("---\ntitle: Paper A\nstatus: read\n---\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(!state.holdsOwnWrite(path, bytes: SafeFile.read(path)))
    }

    @Test("* marks read in depth (and read); s away from read drops the mark")
    func readInDepth() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = try Self.browsing(root)
        let effects = state.press("*")
        #expect(effects == [.editNote(noteID: "a", path: root + "/kernels/a.md", [.status(.read), .readInDepth(true)])])
        try Self.perform(effects, on: &state)
        #expect(state.garden?.note("a")?.status == .read && state.garden?.note("a")?.readInDepth == true)
        state.press("j")
        #expect(state.selectedNote?.id == "b")
        try Self.perform(state.press("s"), on: &state)
        #expect(state.garden?.note("b")?.status == .unread && state.garden?.note("b")?.readInDepth == false)
    }

    @Test("u undoes every edit of the session, byte for byte; ctrl-r redoes; an outside change blocks an undo")
    func undoAndRedo() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/kernels/a.md"
        let original = try #require(SafeFile.read(path))
        var state = try Self.browsing(root)
        try Self.perform(state.press("s"), on: &state)
        try Self.perform(state.press("*"), on: &state)
        let edited = try #require(SafeFile.read(path))
        try Self.perform(state.press("u"), on: &state)
        try Self.perform(state.press("u"), on: &state)
        #expect(SafeFile.read(path) == original && state.garden?.note("a")?.status == .unread)
        #expect(state.press("u").isEmpty && state.status?.text == "Nothing to undo")
        try Self.perform(state.press("ctrl-r"), on: &state)
        try Self.perform(state.press("ctrl-r"), on: &state)
        #expect(SafeFile.read(path) == edited && state.garden?.note("a")?.readInDepth == true)
        // Someone else edits the file: the undo is refused and their text stays.
        try Data("outside\n".utf8).write(to: URL(fileURLWithPath: path))
        guard case .applyChange(let change, let redo)? = state.press("u").first else {
            Issue.record("no undo")
            return
        }
        #expect(throws: SafeFile.WriteError.self) { try change.apply() }
        #expect(redo == false && (try? String(contentsOfFile: path, encoding: .utf8)) == "outside\n")
    }

    @Test("I opens the palette on note; Enter adds the line to the note's notes section")
    func quickNote() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = try Self.browsing(root)
        state.press("I")
        guard case .palette(let palette)? = state.overlay else {
            Issue.record("no prompt")
            return
        }
        #expect(palette.input == "note ")
        state.type("Asked about the NTK at the talk.")
        try Self.perform(state.press("enter"), on: &state)
        #expect(try String(contentsOfFile: root + "/kernels/a.md", encoding: .utf8)
                == "---\ntitle: Paper A\nstatus: unread # to read soon\ntags: [x]\n---\nBody A\n\n## Notes\n\nAsked about the NTK at the talk.\n")
        #expect(state.garden?.note("a")?.notes?.contains("Asked about the NTK") == true)
        state.press(":")
        state.type("note ")
        state.press("enter")
        #expect(state.status?.isError == true)
    }

    @Test("t sets the tags as typed (Tab completes from the garden's); r renames; bad input says why")
    func tagsAndTitle() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = try Self.browsing(root)
        state.press("t")
        guard case .palette(let palette)? = state.overlay else {
            Issue.record("no prompt")
            return
        }
        #expect(palette.input == "tags x ")
        // The completions offer the garden's tags, not those already typed.
        #expect(!palette.completions.contains("tags x x"))
        state.type("kernels")
        try Self.perform(state.press("enter"), on: &state)
        #expect(state.garden?.note("a")?.tags == ["x", "kernels"])
        state.press(":")
        state.type("tags kernels")
        try Self.perform(state.press("enter"), on: &state)
        #expect(state.garden?.note("a")?.tags == ["kernels"])
        let text = try String(contentsOfFile: root + "/kernels/a.md", encoding: .utf8)
        #expect(text == "---\ntitle: Paper A\nstatus: unread # to read soon\ntags: [kernels]\n---\nBody A\n")
        state.press(":")
        state.type("tags two$words")
        state.press("enter")
        #expect(state.status?.isError == true)
        state.press("r")
        guard case .palette(let rename)? = state.overlay else {
            Issue.record("no prompt")
            return
        }
        #expect(rename.input == "title Paper A")
        state.type(": revised")
        try Self.perform(state.press("enter"), on: &state)
        #expect(state.garden?.note("a")?.title == "Paper A: revised")
    }

    @Test("d asks first; y moves the note to .trash/, any other key keeps it; :restore brings it back")
    func trashAndRestore() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = try Self.browsing(root)
        #expect(state.press("d").isEmpty && state.confirmingTrash == "a")
        #expect(state.press("n").isEmpty && state.status?.text == "Kept" && FileManager.default.fileExists(atPath: root + "/kernels/a.md"))
        state.press("d")
        try Self.perform(state.press("y"), on: &state)
        #expect(!FileManager.default.fileExists(atPath: root + "/kernels/a.md"))
        #expect(FileManager.default.fileExists(atPath: root + "/.trash/kernels/a.md"))
        #expect(state.garden?.note("a") == nil && state.list.noteIDs == ["b"])
        state.press(":")
        state.type("restore a")
        try Self.perform(state.press("enter"), on: &state)
        #expect(state.garden?.note("a") != nil && state.status?.text == "Restored kernels/a.md")
    }

    @Test("u undoes a move to the trash and ctrl-r redoes it; the note's bytes never change")
    func undoTrash() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let original = try #require(SafeFile.read(root + "/kernels/a.md"))
        var state = try Self.browsing(root)
        state.press("d")
        try Self.perform(state.press("y"), on: &state)
        #expect(state.garden?.note("a") == nil)
        try Self.perform(state.press("u"), on: &state)
        #expect(SafeFile.read(root + "/kernels/a.md") == original && state.garden?.note("a") != nil)
        #expect(!FileManager.default.fileExists(atPath: root + "/.trash/kernels/a.md"))
        try Self.perform(state.press("ctrl-r"), on: &state)
        #expect(SafeFile.read(root + "/.trash/kernels/a.md") == original && state.garden?.note("a") == nil)
    }

    @Test("a file changed on disk since it was read is not overwritten, and the owner is told")
    func neverClobbers() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/kernels/a.md"
        let original = try #require(SafeFile.read(path))
        var editor = FrontMatterEditor(String(decoding: original, as: UTF8.self))
        editor.set("status", "read")
        try Data("someone else's edit\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SafeFile.WriteError.changedOnDisk(path)) { try SafeFile.write(editor.text, to: path, expecting: original) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "someone else's edit\n")
    }
}
