import Testing
@testable import Garden

/// The in-app editor's save: only the notes section's text changes, byte for byte.
@Suite struct NotesSectionTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var before: String
        var notes: String  // notesText before
        var new: String
        var after: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "LF, a section between two others",
             before: "---\ntitle: A\n---\n## Abstract\n\nAbs.\n\n## Notes\n\nOld line.\nSecond.\n\n## Links\n- x\n",
             notes: "Old line.\nSecond.", new: "New line.",
             after: "---\ntitle: A\n---\n## Abstract\n\nAbs.\n\n## Notes\n\nNew line.\n\n## Links\n- x\n"),
        Case(name: "CRLF and a BOM kept; new lines written CRLF",
             before: "\u{FEFF}---\r\ntitle: A\r\n---\r\n## Notes\r\n\r\nOld.\r\n",
             notes: "Old.", new: "One.\nTwo.",
             after: "\u{FEFF}---\r\ntitle: A\r\n---\r\n## Notes\r\n\r\nOne.\r\nTwo.\r\n"),
        Case(name: "no final newline",
             before: "---\ntitle: A\n---\n# My notes\nOld", notes: "Old", new: "New",
             after: "---\ntitle: A\n---\n# My notes\nNew"),
        Case(name: "an empty section before another heading",
             before: "---\ntitle: A\n---\n## Notes\n## Later\nx\n", notes: "", new: "Filled.",
             after: "---\ntitle: A\n---\n## Notes\n\nFilled.\n\n## Later\nx\n"),
        Case(name: "an empty section at the end",
             before: "---\ntitle: A\n---\nBody.\n\n### Note\n", notes: "", new: "Filled.",
             after: "---\ntitle: A\n---\nBody.\n\n### Note\n\nFilled.\n"),
        Case(name: "no section: added at the end",
             before: "---\ntitle: A\n---\nBody.\n", notes: "", new: "First.",
             after: "---\ntitle: A\n---\nBody.\n\n## Notes\n\nFirst.\n"),
        Case(name: "a Notes heading inside a code fence is not the section",
             before: "---\ntitle: A\n---\n```\n## Notes\n```\n## Notes\nReal.\n", notes: "Real.", new: "Changed.",
             after: "---\ntitle: A\n---\n```\n## Notes\n```\n## Notes\nChanged.\n"),
        Case(name: "tabs, wide characters and trailing spaces inside the text round-trip",
             before: "---\ntitle: A\n---\n## Notes\n\n\tσ_w² 日本 e\u{301}\nend  \n", notes: "\tσ_w² 日本 e\u{301}\nend", new: "\tσ_w² 日本 e\u{301}\nend",
             after: "---\ntitle: A\n---\n## Notes\n\n\tσ_w² 日本 e\u{301}\nend  \n"),
    ]

    @Test(arguments: cases)
    func replace(_ test: Case) {
        var editor = FrontMatterEditor(test.before)
        #expect(editor.notesText == test.notes)
        editor.replaceNotes(with: test.new)
        #expect(editor.text == test.after)
        #expect(Array(editor.text.utf8) == Array(test.after.utf8))
    }

    @Test("saving the notes unchanged is no edit at all")
    func unchangedIsNoEdit() {
        var editor = FrontMatterEditor("---\ntitle: A\n---\n## Notes\n\nSame.\n")
        #expect(NoteEdit.replaceNotes("Same.").apply(to: &editor) == nil)
        #expect(NoteEdit.replaceNotes("Other.").apply(to: &editor) == "notes edited")
    }
}
