import Foundation
import Testing
@testable import Garden

/// Topics added, renamed and moved, each one change that undo reverses exactly.
@Suite struct TopicEditTests {
    static func garden() -> TemporaryGarden {
        let garden = TemporaryGarden()
        garden.write("index.md", "---\ntitle: Garden\n---\n")
        garden.write("nngp-ntk/index.md", "---\ntitle: NNGP / NTK\norder: 1\n---\nProse.\n")
        garden.write("nngp-ntk/kernels/index.md", "---\ntitle: Kernel zoo\n---\n")
        garden.write("nngp-ntk/kernels/zoo.md", paper("Zoo"))
        garden.write("models/note.md", paper("In models"))
        garden.write("reading/lee.md", "---\r\ntitle: Lee\r\ntopics:\r\n  - nngp-ntk/kernels\r\n  - \"models\"\r\n---\r\n")
        garden.write("reading/mei.md", paper("Mei", "topics: [models, /nngp-ntk/]\n"))
        return garden
    }

    // MARK: Add

    @Test(arguments: [
        ("Infinite width", "", "infinite-width"),
        ("nngp-ntk/Infinite width", "", "nngp-ntk/infinite-width"),
        ("NNGP / NTK/Infinite width", "", "nngp-ntk/infinite-width"),
        ("/Infinite width", "models", "infinite-width"),
        ("Infinite width", "models", "models/infinite-width"),
        ("NNGP / NTKs", "", "nngp-ntks"),
    ])
    func placesFromText(_ text: String, _ defaultParent: String, _ folder: String) throws {
        let garden = Self.garden()
        let loaded = try garden.load()
        let (parent, title) = loaded.newTopicPlace(text, under: defaultParent)
        let edit = try loaded.addTopic(title, under: parent)
        #expect(edit.path == folder)
        let topic = try #require(try garden.load().topic(folder))
        #expect(topic.title == title)
    }

    @Test("add makes a folder and an index; the reverse removes both")
    func addAndReverse() throws {
        let garden = Self.garden()
        let before = AddPaperTests.snapshot(garden.root)
        let edit = try garden.load().addTopic("Mean field: muP", under: "")
        #expect(edit.path == "mean-field-mup")
        #expect(edit.change.steps == [
            .makeFolder(garden.root + "/mean-field-mup"),
            .write(path: garden.root + "/mean-field-mup/index.md", before: nil, after: Array("---\ntitle: 'Mean field: muP'\n---\n".utf8)),
        ])
        try edit.change.reversed.apply()
        #expect(AddPaperTests.snapshot(garden.root) == before)
        #expect(!FileManager.default.fileExists(atPath: garden.root + "/mean-field-mup"))
    }

    @Test("undoing an add keeps a folder that holds a file by then (and its index)")
    func undoKeepsNewFiles() throws {
        let garden = Self.garden()
        let edit = try garden.load().addTopic("Fresh", under: "")
        garden.write("fresh/new.md", paper("Written since"))
        #expect(throws: SafeFile.WriteError.notEmpty(garden.root + "/fresh")) { try edit.change.reversed.apply() }
        #expect(FileManager.default.fileExists(atPath: garden.root + "/fresh/index.md"))
    }

    @Test("refused: a folder of that name, a sibling with that title, blank titles, unknown parents")
    func addRefusals() throws {
        let garden = Self.garden()
        let loaded = try garden.load()
        #expect(throws: GardenEditError.occupied("nngp-ntk/kernels")) { try loaded.addTopic("Kernels", under: "nngp-ntk") }
        #expect(throws: GardenEditError.alreadyThere("a topic titled 'Kernel zoo' (nngp-ntk/kernels)")) {
            try loaded.addTopic("kernel   ZOO", under: "nngp-ntk")
        }
        #expect(throws: GardenEditError.badTitle("")) { try loaded.addTopic("  ", under: "") }
        #expect(throws: GardenEditError.badTitle("?!")) { try loaded.addTopic("?!", under: "") }
        #expect(throws: GardenEditError.unknownTopic("nope")) { try loaded.addTopic("New", under: "nope") }
    }

    // MARK: Rename

    @Test("rename edits title: in place; a folder without an index gets one; the folder keeps its name")
    func rename() throws {
        let garden = Self.garden()
        let before = AddPaperTests.snapshot(garden.root)
        let first = try garden.load().renameTopic("nngp-ntk", to: "Kernels: NNGP and NTK")
        #expect(FileManager.default.contents(atPath: garden.root + "/nngp-ntk/index.md")
                == Data("---\ntitle: 'Kernels: NNGP and NTK'\norder: 1\n---\nProse.\n".utf8))
        let second = try garden.load().renameTopic("models", to: "Models")
        #expect(second.change.steps == [.write(path: garden.root + "/models/index.md", before: nil, after: Array("---\ntitle: Models\n---\n".utf8))])
        let loaded = try garden.load()
        #expect(loaded.topic("nngp-ntk")?.title == "Kernels: NNGP and NTK" && loaded.topic("models")?.title == "Models")
        #expect(try loaded.renameTopic("models", to: "Models").change.isEmpty)
        #expect(throws: GardenEditError.badTitle("a\tb")) { try loaded.renameTopic("models", to: "a\tb") }
        try second.change.reversed.apply()
        try first.change.reversed.apply()
        #expect(AddPaperTests.snapshot(garden.root) == before)
    }

    // MARK: Move

    @Test("move renames the folder, rewrites topics: naming it or below, drops its order; the reverse restores all")
    func moveAndReverse() throws {
        let garden = Self.garden()
        let before = AddPaperTests.snapshot(garden.root)
        let edit = try garden.load().moveTopic("nngp-ntk", under: "models")
        #expect(edit.path == "models/nngp-ntk")
        #expect(FileManager.default.contents(atPath: garden.root + "/reading/lee.md")
                == Data("---\r\ntitle: Lee\r\ntopics:\r\n  - models/nngp-ntk/kernels\r\n  - \"models\"\r\n---\r\n".utf8))
        #expect(FileManager.default.contents(atPath: garden.root + "/reading/mei.md")
                == Data(paper("Mei", "topics: [models, models/nngp-ntk]\n").utf8))
        #expect(FileManager.default.contents(atPath: garden.root + "/models/nngp-ntk/index.md")
                == Data("---\ntitle: NNGP / NTK\n---\nProse.\n".utf8))
        let loaded = try garden.load()
        #expect(loaded.topic("models/nngp-ntk/kernels")?.noteIDs.contains("lee") == true)
        #expect(loaded.note("zoo")?.path == "models/nngp-ntk/kernels/zoo.md")
        #expect(!loaded.problems.contains { $0.message.contains("does not exist") }, "\(loaded.problems)")
        try edit.change.reversed.apply()
        #expect(AddPaperTests.snapshot(garden.root) == before)
        #expect(!FileManager.default.fileExists(atPath: garden.root + "/models/nngp-ntk"))
    }

    @Test("refused: into itself or below, where it is, onto a folder, the root; nothing changes")
    func moveRefusals() throws {
        let garden = Self.garden()
        garden.write("models/kernels/index.md", "---\ntitle: Other kernels\n---\n")
        let before = AddPaperTests.snapshot(garden.root)
        let loaded = try garden.load()
        #expect(throws: GardenEditError.intoItself("nngp-ntk")) { try loaded.moveTopic("nngp-ntk", under: "nngp-ntk") }
        #expect(throws: GardenEditError.intoItself("nngp-ntk")) { try loaded.moveTopic("nngp-ntk", under: "nngp-ntk/kernels") }
        #expect(throws: GardenEditError.alreadyThere("nngp-ntk/kernels")) { try loaded.moveTopic("nngp-ntk/kernels", under: "nngp-ntk") }
        #expect(throws: GardenEditError.occupied("models/kernels")) { try loaded.moveTopic("nngp-ntk/kernels", under: "models") }
        #expect(throws: GardenEditError.rootTopic) { try loaded.moveTopic("", under: "models") }
        #expect(throws: GardenEditError.unknownTopic("nope")) { try loaded.moveTopic("models", under: "nope") }
        #expect(AddPaperTests.snapshot(garden.root) == before)
    }
}
