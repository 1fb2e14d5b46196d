import Foundation
import Testing
@testable import Garden

/// Tag lists in the shapes owners write them: edited with their comments kept, or, in a shape
/// the line editor does not understand, refused with the file untouched — never mangled.
@Suite struct NoteEditSafetyTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var before: String
        var edits: [NoteEdit]
        var after: String?  // nil: refused
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "flow list with a comment, a tag added",
             before: "---\ntitle: A\ntags: [a, b]  # c\n---\n", edits: [.addTag("z")],
             after: "---\ntitle: A\ntags: [a, b, z]  # c\n---\n"),
        Case(name: "empty flow list with a comment",
             before: "---\ntitle: A\ntags: []  # none yet\n---\n", edits: [.addTag("z")],
             after: "---\ntitle: A\ntags: [z]  # none yet\n---\n"),
        Case(name: "flow list with a comment, a tag removed",
             before: "---\ntitle: A\ntags: [a, b]  # c\n---\n", edits: [.removeTag("a")],
             after: "---\ntitle: A\ntags: [b]  # c\n---\n"),
        Case(name: "block item with a comment, removed",
             before: "---\ntitle: A\ntags:\n  - a   # first\n  - b\n---\n", edits: [.removeTag("a")],
             after: "---\ntitle: A\ntags:\n  - b\n---\n"),
        Case(name: "a flow list over two lines is refused",
             before: "---\ntitle: A\ntags: [a,\n  b]\nyear: 2020\n---\n", edits: [.addTag("z")], after: nil),
        Case(name: "a flow list over two lines: removal refused too",
             before: "---\ntitle: A\ntags: [a,\n  b]\n---\n", edits: [.removeTag("a")], after: nil),
    ]

    @Test(arguments: cases)
    func edit(_ test: Case) throws {
        let folder = NSTemporaryDirectory() + "trellis-safety-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/a.md"
        try Data(test.before.utf8).write(to: URL(fileURLWithPath: path))
        if let after = test.after {
            _ = try NoteEdit.applyRecording(test.edits, toFileAt: path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == after)
        } else {
            #expect(throws: NoteEditError.self) { try NoteEdit.applyRecording(test.edits, toFileAt: path) }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == test.before)
        }
    }

    @Test("the check catches an edit that changed another key or broke the YAML")
    func check() {
        let before = "---\ntitle: A\nyear: 2020\n---\n"
        #expect(NoteEdit.check([.status(.read)], before: before, after: "---\ntitle: A\nyear: 2021\nstatus: read\n---\n") != nil)
        #expect(NoteEdit.check([.status(.read)], before: before, after: "---\ntitle: [A\nstatus: read\n---\n") != nil)
        #expect(NoteEdit.check([.status(.read)], before: before, after: "---\ntitle: A\nyear: 2020\nstatus: read\n---\n") == nil)
    }
}
