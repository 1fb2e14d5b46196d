import Foundation
import Testing
@testable import Garden

@Suite struct GardenLoaderTests {
    // MARK: Model

    @Test func topicsOrderByOrderThenTitle() throws {
        let garden = TemporaryGarden()
        garden.write("zeta/index.md", "---\ntitle: Zeta\norder: 1\n---\n")
        garden.write("alpha/index.md", "---\ntitle: Alpha\n---\n")
        garden.write("beta/index.md", "---\ntitle: Beta\n---\n")
        let loaded = try garden.load()
        #expect(loaded.rootTopic.children == ["zeta", "alpha", "beta"])
    }

    @Test func readCountsAreRecursiveAndNotesJoinTopicsListed() throws {
        let garden = TemporaryGarden()
        garden.write("a/index.md", "# A\n")
        garden.write("a/b/index.md", "# B\n")
        garden.write("c/index.md", "# C\n")
        garden.write("a/one.md", paper("One", "status: read\n"))
        garden.write("a/b/two.md", paper("Two", "status: unread\ntopics: [c]\n"))
        let loaded = try garden.load()
        #expect(loaded.readCount(of: "a") == (read: 1, total: 2))
        #expect(loaded.readCount(of: "") == (read: 1, total: 2))
        #expect(loaded.note("two")?.topics == ["a/b", "c"])
        #expect(loaded.topic("c")?.noteIDs == ["two"])
        #expect(loaded.topic("a/b")?.title == "B", "an index without a title takes its first heading")
    }

    @Test func aTopicWithoutIndexIsTitledFromItsFolder() throws {
        let garden = TemporaryGarden()
        garden.write("mean-field_theory/note.md", paper("Note"))
        #expect(try garden.load().topic("mean-field_theory")?.title == "Mean field theory")
    }

    @Test func notesInATopicAreInDisplayOrder() throws {
        let garden = TemporaryGarden()
        garden.write("t/b.md", paper("Bravo"))
        garden.write("t/a.md", paper("Charlie"))
        garden.write("t/c.md", paper("Alpha"))
        garden.write("t/d.md", paper("Zulu", "order: 1\n"))
        let loaded = try garden.load()
        #expect(loaded.topic("t")?.noteIDs == ["d", "c", "b", "a"])
    }

    @Test func unknownKeysStayInFrontMatter() throws {
        let garden = TemporaryGarden()
        garden.write("n.md", paper("N", "venue: NeurIPS\n"))
        let note = try #require(try garden.load().note("n"))
        #expect(note.frontMatter["venue"]?.string == "NeurIPS")
        #expect(note.frontMatter.keys == ["title", "kind", "venue"])
    }

    // MARK: Problems

    @Test func badFilesBecomeProblemsWhileTheRestLoads() throws {
        let garden = TemporaryGarden()
        garden.write("good.md", paper("Good"))
        garden.write("yaml.md", "---\ntitle: Y\n  bad: indent\n---\n")
        garden.write("bytes.md", bytes: Array("---\ntitle: B\n---\nok\nbad \u{FF}".utf8) + [0xFF, 0x0A])
        garden.write("picture.txt", "not a note")
        let loaded = try garden.load()
        #expect(loaded.notes.map(\.id) == ["good"])
        let byPath = Dictionary(grouping: loaded.problems, by: \.path)
        #expect(byPath["yaml.md"]?.first?.line == 3)
        #expect(byPath["bytes.md"]?.first?.line == 5)
        #expect(byPath["picture.txt"]?.first?.severity == .warning)
    }

    @Test func unreadableFileIsAProblem() throws {
        let garden = TemporaryGarden()
        garden.write("good.md", paper("Good"))
        garden.write("secret.md", paper("Secret"))
        chmod(garden.root + "/secret.md", 0)
        defer { chmod(garden.root + "/secret.md", 0o644) }
        let loaded = try garden.load()
        #expect(loaded.note("good") != nil)
        // root reads any file, so there is nothing to report when the tests run as root.
        if getuid() != 0 {
            #expect(loaded.problems.contains { $0.path == "secret.md" && $0.message.contains("cannot read") })
            #expect(loaded.note("secret") == nil)
        }
    }

    @Test func duplicateIDsAndTitles() throws {
        let garden = TemporaryGarden()
        garden.write("a/same.md", paper("First"))
        garden.write("b/same.md", paper("Second"))
        garden.write("c.md", paper("First"))
        let loaded = try garden.load()
        #expect(loaded.notes.count == 2)
        #expect(loaded.problems.contains { $0.path == "b/same.md" && $0.message.contains("duplicate note id") })
        #expect(loaded.problems.contains { $0.severity == .warning && $0.message.contains("two notes have the title") })
    }

    @Test func wikiLinkCycleLoadsWithBacklinksBothWays() throws {
        let garden = TemporaryGarden()
        garden.write("a.md", paper("A", body: "see [[B]]\n"))
        garden.write("b.md", paper("B", body: "see [[A]]\n"))
        let loaded = try garden.load()
        #expect(loaded.backlinks["a"] == ["b"])
        #expect(loaded.backlinks["b"] == ["a"])
        #expect(loaded.problems.isEmpty)
    }

    @Test func symlinkCycleTerminatesWithAWarning() throws {
        let garden = TemporaryGarden()
        garden.write("t/n.md", paper("N"))
        try FileManager.default.createSymbolicLink(atPath: garden.root + "/t/loop", withDestinationPath: garden.root + "/t")
        let loaded = try garden.load()
        #expect(loaded.note("n") != nil)
        #expect(loaded.problems.contains { $0.severity == .warning && $0.message.contains("cycle") })
    }

    @Test func missingGardenThrows() {
        #expect(throws: GardenError.missing("/no/such/garden")) { try GardenLoader.load("/no/such/garden") }
    }
}

/// Papers and topics sort as a person reads numbers: "Lecture 2" before "Lecture 10".
@Suite struct NaturalOrderTests {
    @Test func numbersCompareByValue() {
        let titles = ["lecture 10", "lecture 2", "lecture 1", "lecture 02b", "lecture", "a", "b 3 c 10", "b 3 c 9"]
        let sorted = titles.sorted { NaturalOrder.less($0, $0, $1, $1) }
        #expect(sorted == ["a", "b 3 c 9", "b 3 c 10", "lecture", "lecture 1", "lecture 2", "lecture 02b", "lecture 10"])
        // A strict order: never both ways.
        for a in titles { for b in titles where a != b { #expect(!(NaturalOrder.less(a, a, b, b) && NaturalOrder.less(b, b, a, a))) } }
    }
}
