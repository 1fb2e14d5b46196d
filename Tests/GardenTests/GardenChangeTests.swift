import Foundation
import Testing
@testable import Garden

/// A change lands whole or not at all, and its reverse puts every byte and name back.
@Suite struct GardenChangeTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "trellis-change-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/a", withIntermediateDirectories: true)
        return path
    }

    @Test("a write, a creation and a move, then the reverse: the folder is as it was, byte for byte")
    func roundTrip() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = Array("---\r\ntitle: x\r\n---\r\nbody".utf8)
        try Data(before).write(to: URL(fileURLWithPath: root + "/a/x.md"))
        let change = GardenChange([
            .write(path: root + "/a/x.md", before: before, after: Array("new".utf8)),
            .write(path: root + "/a/y.md", before: nil, after: Array("created".utf8)),
            .move(from: root + "/a/x.md", to: root + "/b/x.md"),
        ], changes: ["test"])
        try change.apply()
        #expect(SafeFile.read(root + "/b/x.md") == Array("new".utf8) && SafeFile.read(root + "/a/y.md") == Array("created".utf8))
        #expect(!FileManager.default.fileExists(atPath: root + "/a/x.md"))
        try change.reversed.apply()
        #expect(SafeFile.read(root + "/a/x.md") == before)
        #expect(!FileManager.default.fileExists(atPath: root + "/a/y.md") && !FileManager.default.fileExists(atPath: root + "/b/x.md"))
    }

    @Test("a step that finds the disk changed stops the change, and the steps before it are undone")
    func rollsBack() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("one".utf8).write(to: URL(fileURLWithPath: root + "/a/1.md"))
        try Data("edited outside".utf8).write(to: URL(fileURLWithPath: root + "/a/2.md"))
        let change = GardenChange([
            .write(path: root + "/a/1.md", before: Array("one".utf8), after: Array("ONE".utf8)),
            .write(path: root + "/a/2.md", before: Array("two".utf8), after: Array("TWO".utf8)),
        ], changes: ["test"])
        #expect(throws: SafeFile.WriteError.changedOnDisk(root + "/a/2.md")) { try change.apply() }
        #expect(SafeFile.read(root + "/a/1.md") == Array("one".utf8))
        #expect(SafeFile.read(root + "/a/2.md") == Array("edited outside".utf8))
    }

    @Test("a move never lands on an existing file, and a removal needs the bytes it expects")
    func neverClobbers() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/a/x.md"))
        try Data("y".utf8).write(to: URL(fileURLWithPath: root + "/a/y.md"))
        #expect(throws: SafeFile.WriteError.alreadyExists(root + "/a/y.md")) {
            try GardenChange([.move(from: root + "/a/x.md", to: root + "/a/y.md")], changes: []).apply()
        }
        #expect(throws: SafeFile.WriteError.changedOnDisk(root + "/a/y.md")) {
            try GardenChange(path: root + "/a/y.md", before: Array("other".utf8), after: nil, changes: []).apply()
        }
        #expect(throws: SafeFile.WriteError.missing(root + "/a/z.md")) {
            try GardenChange([.move(from: root + "/a/z.md", to: root + "/a/w.md")], changes: []).apply()
        }
        #expect(SafeFile.read(root + "/a/x.md") == Array("x".utf8) && SafeFile.read(root + "/a/y.md") == Array("y".utf8))
    }
}

/// The trash gives back the note trashed last under a name.
@Suite struct TrashOrderTests {
    @Test("two notes of one name trashed in turn: restore brings back the later one, then the earlier")
    func lastTrashedFirst() throws {
        let garden = TemporaryGarden()
        garden.write("kernels/a.md", "Version One")
        try Trash.remove("kernels/a.md", root: garden.root)
        garden.write("kernels/a.md", "Version Two")
        #expect(try Trash.remove("kernels/a.md", root: garden.root) == ".trash/kernels/a.1.md")
        #expect(try Trash.restore("a", root: garden.root).to == "kernels/a.md")
        #expect(SafeFile.read(garden.root + "/kernels/a.md") == Array("Version Two".utf8))
        try FileManager.default.moveItem(atPath: garden.root + "/kernels/a.md", toPath: garden.root + "/kernels/b.md")
        #expect(try Trash.restore("a", root: garden.root).from == ".trash/kernels/a.md")
        #expect(SafeFile.read(garden.root + "/kernels/a.md") == Array("Version One".utf8))
    }
}
