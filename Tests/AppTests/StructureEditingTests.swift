@testable import App
import Foundation
import Garden
import Screen
import Testing

/// Adding, moving and ordering from the keyboard, and the notes editor, on a real folder: each
/// lands on disk, selects what it made or moved, and `u` puts every byte back.
@Suite("Structure edits and the notes editor from the browser")
struct StructureEditingTests {
    typealias Edit = EditingTests

    static func garden() throws -> String {
        let root = try Edit.garden()
        try Data("---\ntitle: Models\n---\n".utf8).write(to: URL(fileURLWithPath: root + "/models-index.tmp"))
        try FileManager.default.createDirectory(atPath: root + "/models", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: root + "/models-index.tmp", toPath: root + "/models/index.md")
        return root
    }

    static func files(_ root: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for path in FileManager.default.subpaths(atPath: root) ?? [] where path.hasSuffix(".md") && !path.hasPrefix(".") {
            result[path] = SafeFile.read(root + "/" + path)
        }
        return result
    }

    @Test("A adds a paper from an arXiv URL to the topic and selects it; the same paper again is found, not added; u removes it")
    func addPaper() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = Self.files(root)
        var state = try Edit.browsing(root)
        state.press("A")
        guard case .palette(let palette)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(palette.input == "add ")
        state.type("https://arxiv.org/abs/1806.07572v3")
        try Edit.perform(state.press("enter"), on: &state)
        #expect(FileManager.default.fileExists(atPath: root + "/kernels/1806.07572.md"))
        #expect(state.selectedNote?.id == "1806.07572" && state.focus == .list)
        // Again, by its bare id: found and selected, nothing written.
        state.press("j")
        state.press("A")
        state.type("1806.07572")
        try Edit.perform(state.press("enter"), on: &state)
        #expect(state.selectedNote?.id == "1806.07572" && state.status?.text.hasPrefix("Already in the garden") == true)
        try Edit.perform(state.press("u"), on: &state)
        #expect(Self.files(root) == before)
    }

    @Test("M moves the note to a topic chosen by fuzzy letters; J and K reorder; u undoes each, byte for byte")
    func moveAndReorder() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = Self.files(root)
        var state = try Edit.browsing(root)
        #expect(state.list.noteIDs == ["a", "b"])
        try Edit.perform(state.press("J"), on: &state)
        #expect(state.list.noteIDs == ["b", "a"] && state.selectedNote?.id == "a")
        try Edit.perform(state.press("K"), on: &state)
        #expect(state.list.noteIDs == ["a", "b"])
        state.press("M")
        state.type("mdl")  // fuzzy: M-o-D-e-L-s
        guard case .palette(let palette)? = state.overlay else { Issue.record("no chooser"); return }
        #expect(palette.completions.first == "move Models")
        try Edit.perform(state.press("enter"), on: &state)
        #expect(FileManager.default.fileExists(atPath: root + "/models/a.md") && state.selectedNote?.id == "a")
        // Undone, the note is selected back where it was, and the page shows that note.
        try Edit.perform(state.press("u"), on: &state)
        #expect(state.tree.selected == "kernels" && state.selectedNote?.id == "a" && state.reading.subject == .note("a"))
        for _ in 0..<2 { try Edit.perform(state.press("u"), on: &state) }
        #expect(Self.files(root) == before)
    }

    @Test("the palette adds, renames and moves topics; u undoes them")
    func topics() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = try Edit.browsing(root)
        state.press(":")
        state.type("topic add Linear networks")
        try Edit.perform(state.press("enter"), on: &state)
        let added = try #require(state.garden?.topics.first { $0.title == "Linear networks" })
        #expect(state.tree.selected == added.id)
        state.press(":")
        state.type("topic rename Deep linear networks")
        try Edit.perform(state.press("enter"), on: &state)
        #expect(state.garden?.topic(added.id)?.title == "Deep linear networks")
        state.press(":")
        state.type("topic move Models")
        try Edit.perform(state.press("enter"), on: &state)
        // Added under the selected topic (Kernels), then moved under Models.
        #expect(added.id == "kernels/linear-networks")
        #expect(state.garden?.topic("models/linear-networks") != nil && state.tree.selected == "models/linear-networks")
        for _ in 0..<3 { try Edit.perform(state.press("u"), on: &state) }
        #expect(!FileManager.default.fileExists(atPath: root + "/" + added.id))
    }

    @Test("i edits the notes section in the app: ctrl-s writes only that section; u puts the bytes back")
    func notesEditor() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/kernels/a.md"
        let original = try #require(SafeFile.read(path))
        var state = try Edit.browsing(root)
        try Edit.perform(state.press("i"), on: &state)
        #expect(state.editing?.editor.text == "" && state.focus == .reading)
        state.type("First thought: χ₁ = 1 at the edge.")
        #expect(state.screen.joined().contains("First thought"))
        try Edit.perform(state.press("ctrl-s"), on: &state)
        #expect(state.editing == nil)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "---\ntitle: Paper A\nstatus: unread # to read soon\ntags: [x]\n---\nBody A\n\n## Notes\n\nFirst thought: χ₁ = 1 at the edge.\n")
        try Edit.perform(state.press("u"), on: &state)
        #expect(SafeFile.read(path) == original)
    }

    @Test("a note changed on disk while its notes are edited: the save is refused, d shows the diff, k keeps the text beside the note")
    func conflict() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/kernels/a.md"
        var state = try Edit.browsing(root)
        try Edit.perform(state.press("i"), on: &state)
        state.type("Mine.")
        let outside = "---\ntitle: Paper A\nstatus: read\n---\nBody A\n"
        try Data(outside.utf8).write(to: URL(fileURLWithPath: path))
        try Edit.perform(state.press("ctrl-s"), on: &state)
        #expect(state.editing?.conflict != nil && state.editing?.editor.message?.text.contains("Changed on disk") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == outside)
        state.press("d")
        guard case .text(let diff)? = state.overlay else { Issue.record("no diff"); return }
        #expect(diff.lines.contains("+Mine.") && diff.lines.contains("-status: read"))
        state.press("esc")
        try Edit.perform(state.press("k"), on: &state)
        #expect(state.editing == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == outside)
        let side = try FileManager.default.contentsOfDirectory(atPath: root + "/kernels").filter { $0.hasPrefix("a.mine-") }
        #expect(side.count == 1)
        #expect(try String(contentsOfFile: root + "/kernels/" + side[0], encoding: .utf8).hasSuffix("## Notes\n\nMine.\n"))
    }

    @Test("a note deleted while its notes are edited: the save says so, r cannot take a file that is gone, k keeps the text")
    func deletedWhileEditing() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/kernels/a.md"
        var state = try Edit.browsing(root)
        try Edit.perform(state.press("i"), on: &state)
        state.type("Kept.")
        try FileManager.default.removeItem(atPath: path)
        try Edit.perform(state.press("ctrl-s"), on: &state)
        #expect(state.editing?.gone == true && state.editing?.editor.message?.text.contains("Deleted on disk") == true)
        try Edit.perform(state.press("r"), on: &state)
        #expect(state.editing?.editor.text == "Kept.")
        try Edit.perform(state.press("k"), on: &state)
        #expect(state.editing == nil && !FileManager.default.fileExists(atPath: path))
        let side = try FileManager.default.contentsOfDirectory(atPath: root + "/kernels").filter { $0.hasPrefix("a.mine-") }
        #expect(side.count == 1)
    }

    @Test("a terminal too small to draw the editor takes no keys (they would change the text unseen)")
    func tooSmallWhileEditing() throws {
        let root = try Self.garden()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var state = try Edit.browsing(root)
        try Edit.perform(state.press("i"), on: &state)
        state.type("Seen.")
        _ = App.update(&state, .resize(Size(width: 30, height: 10)))
        #expect(state.screen.joined().contains("grow it to go on editing"))
        state.type("q unseen")
        _ = App.update(&state, .resize(Size(width: 120, height: 30)))
        #expect(state.editing?.editor.text == "Seen.")
        #expect(SideCopy.isSideCopy("a.mine-20261206-051200.md") && SideCopy.isSideCopy("a.editor-20261206-051200-2.md"))
        #expect(!SideCopy.isSideCopy("a.mine.md") && !SideCopy.isSideCopy("1806.07572.md"))
    }

    @Test("a diff's long lines wrap, so a change at the end of one shows")
    func diffWraps() {
        let long = String(repeating: "word ", count: 40)
        let diff = LineDiff.unified(from: long + "old", to: long + "new")
        #expect(diff.contains("-" + long + "old") && diff.contains("+" + long + "new"))
        let rows = TextOverlay.wrapped(diff, width: 60)
        #expect(rows.contains { $0.text.hasSuffix("old") } && rows.contains { $0.text.hasSuffix("new") })
        #expect(rows.allSatisfy { DisplayWidth.of($0.text) <= 60 })
    }
}
