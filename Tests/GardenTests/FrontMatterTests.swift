import Testing
@testable import Garden

@Suite struct FrontMatterSplitTests {
    @Test func noFrontMatterIsAllBody() throws {
        let split = try FrontMatterSplit("# Title\n\ntext\n")
        #expect(split.yaml == nil)
        #expect(split.body == "# Title\n\ntext\n")
        #expect(split.bodyLineOffset == 0)
    }

    @Test func crlfFences() throws {
        let split = try FrontMatterSplit("---\r\ntitle: A\r\n---\r\nbody\r\n")
        #expect(split.yaml == "title: A\r\n")
        #expect(split.body == "body\r\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func unclosedFenceIsAnErrorOnLineOne() {
        #expect(throws: FrontMatterError.self) { try FrontMatterSplit("---\ntitle: A\nbody\n") }
        do {
            _ = try FrontMatterSplit("---\ntitle: A\n")
        } catch {
            #expect(error.line == 1)
        }
    }

    @Test func dotsCloseTheFrontMatter() throws {
        let split = try FrontMatterSplit("---\ntitle: A\n...\nbody\n")
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "body\n")
    }
}

@Suite struct FrontMatterParserTests {
    @Test func scalarsKeepTheirText() throws {
        let value = try FrontMatterParser.parse("arxiv: 1806.07572\nyear: 2018\n")
        #expect(value["arxiv"]?.string == "1806.07572")
        #expect(value["year"]?.int == 2018)
    }

    @Test func quotedNullIsAString() throws {
        let value = try FrontMatterParser.parse("a: \"null\"\nb: null\n")
        #expect(value["a"]?.string == "null")
        #expect(value["a"]?.isNull == false)
        #expect(value["b"]?.isNull == true)
    }

    @Test func badYAMLReportsTheFileLine() {
        // Front matter starts on file line 2. libyaml stops at `year:` (file line 4), inside
        // the list opened on file line 3: the error points at 4 and names 3.
        do {
            _ = try FrontMatterParser.parse("title: A\ntags: [a, b\nyear: 2018\n", firstLine: 2)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 4, "line \(error.line)")
            #expect(error.message.hasSuffix("flow sequence that starts on line 3"), "\(error.message)")
        }
        // An unclosed list on the last line: libyaml gives up past the end of the front matter
        // (the closing fence); the line to fix is where the list opens.
        do {
            _ = try FrontMatterParser.parse("title: [oops\n", firstLine: 2)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2, "line \(error.line): \(error.message)")
        }
        do {
            _ = try FrontMatterParser.parse("title: A\nyear: 2018\n  bad: indent\n", firstLine: 2)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 4, "line \(error.line): \(error.message)")
        }
    }
}

/// The quick note: one line at the end of the `## Notes` section, every other byte kept.
@Suite struct AppendToNotesTests {
    @Test(arguments: [
        // A Notes section followed by another section: the line goes before the blank line.
        ("---\ntitle: A\n---\n## Notes\n\nFirst.\n\n## Abstract\n\nText.\n", "---\ntitle: A\n---\n## Notes\n\nFirst.\nAdded.\n\n## Abstract\n\nText.\n"),
        // Notes last, with a final newline.
        ("---\ntitle: A\n---\n## Abstract\n\nText.\n\n## Notes\n\nFirst.\n", "---\ntitle: A\n---\n## Abstract\n\nText.\n\n## Notes\n\nFirst.\nAdded.\n"),
        // An empty Notes heading.
        ("---\ntitle: A\n---\n## Notes\n", "---\ntitle: A\n---\n## Notes\n\nAdded.\n"),
        // No Notes section: one is added at the end.
        ("---\ntitle: A\n---\nBody.\n", "---\ntitle: A\n---\nBody.\n\n## Notes\n\nAdded.\n"),
        // CRLF kept.
        ("---\r\ntitle: A\r\n---\r\n## Notes\r\n\r\nFirst.\r\n", "---\r\ntitle: A\r\n---\r\n## Notes\r\n\r\nFirst.\r\nAdded.\r\n"),
    ])
    func appendsInTheNotesSection(before: String, after: String) {
        var editor = FrontMatterEditor(before)
        editor.appendToNotes("Added.")
        #expect(editor.text == after, "\(editor.text.debugDescription)")
    }
}
