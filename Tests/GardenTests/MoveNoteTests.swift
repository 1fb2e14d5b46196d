import Foundation
import Testing
@testable import Garden

/// Moving a note to another topic: one rename (and `order:` dropped), undone byte for byte.
@Suite struct MoveNoteTests {
    static func garden() -> TemporaryGarden {
        let garden = TemporaryGarden()
        garden.write("kernels/index.md", "---\ntitle: Kernels\n---\n")
        garden.write("mean-field/index.md", "---\ntitle: Mean field\n---\n")
        garden.write("kernels/ntk.md", "\u{FEFF}---\r\ntitle: NTK\r\norder: 2 # second\r\nstatus: read\r\n---\r\nMy notes.\r\n")
        garden.write("kernels/nngp.md", paper("NNGP", "tags: [gp]\n"))
        garden.write("mean-field/taken.md", paper("Taken here"))
        garden.write("kernels/taken.md", paper("Taken there"))
        return garden
    }

    @Test("a note with order: the key goes, the file moves; the reverse restores bytes and place")
    func moveAndReverse() throws {
        let garden = Self.garden()
        let before = AddPaperTests.snapshot(garden.root)
        let edit = try garden.load().moveNote("ntk", to: "mean-field")
        #expect(edit.path == "mean-field/ntk.md")
        #expect(edit.change.steps.count == 2)
        let moved = try #require(FileManager.default.contents(atPath: garden.root + "/mean-field/ntk.md"))
        #expect(String(decoding: moved, as: UTF8.self) == "\u{FEFF}---\r\ntitle: NTK\r\nstatus: read\r\n---\r\nMy notes.\r\n")
        let loaded = try garden.load()
        #expect(loaded.note("ntk")?.topics == ["mean-field"] && loaded.note("ntk")?.order == nil)
        try edit.change.reversed.apply()
        #expect(AddPaperTests.snapshot(garden.root) == before)
    }

    @Test("a note without order: only the rename; by title through findTopic as the CLI does")
    func moveWithoutOrder() throws {
        let garden = Self.garden()
        let loaded = try garden.load()
        let topic = try #require(loaded.findTopic("MEAN FIELD"))
        let edit = try loaded.moveNote("nngp", to: topic.id)
        #expect(edit.change.steps == [.move(from: garden.root + "/kernels/nngp.md", to: garden.root + "/mean-field/nngp.md")])
        #expect(FileManager.default.contents(atPath: garden.root + "/mean-field/nngp.md") == Data(paper("NNGP", "tags: [gp]\n").utf8))
    }

    @Test("refused: a file of that name there, the same topic, unknown names; nothing changes")
    func refusals() throws {
        let garden = Self.garden()
        let before = AddPaperTests.snapshot(garden.root)
        let loaded = try garden.load()
        // `taken` is a duplicate id: the loader keeps the first (kernels/taken.md).
        #expect(throws: GardenEditError.occupied("mean-field/taken.md")) { try loaded.moveNote("taken", to: "mean-field") }
        #expect(throws: GardenEditError.alreadyThere("kernels/nngp.md")) { try loaded.moveNote("nngp", to: "kernels") }
        #expect(throws: GardenEditError.unknownTopic("nowhere")) { try loaded.moveNote("nngp", to: "nowhere") }
        #expect(throws: GardenEditError.unknownNote("nothing")) { try loaded.moveNote("nothing", to: "kernels") }
        #expect(AddPaperTests.snapshot(garden.root) == before)
    }

    @Test("a file of that name appearing after loading: refused, the note untouched")
    func targetAppearsAfterLoading() throws {
        let garden = Self.garden()
        let loaded = try garden.load()
        garden.write("mean-field/ntk.md", "someone else's\n")
        #expect(throws: GardenEditError.occupied("mean-field/ntk.md")) { try loaded.moveNote("ntk", to: "mean-field") }
        #expect(FileManager.default.contents(atPath: garden.root + "/kernels/ntk.md")
                == Data("\u{FEFF}---\r\ntitle: NTK\r\norder: 2 # second\r\nstatus: read\r\n---\r\nMy notes.\r\n".utf8))
    }
}
