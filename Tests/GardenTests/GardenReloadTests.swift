import Foundation
import Testing
@testable import Garden

/// One note read again must give exactly the garden a whole reading gives, or decline.
@Suite struct GardenReloadTests {
    static func garden() -> TemporaryGarden {
        let garden = TemporaryGarden()
        garden.write("kernels/index.md", "---\ntitle: Kernels\n---\n")
        garden.write("kernels/a.md", "---\ntitle: Paper A\nstatus: unread\ntags: [x]\n---\n\n## Notes\n\nSee [[Nowhere]] and [[Paper B]].\n")
        garden.write("kernels/b.md", "---\ntitle: Paper B\nstatus: read\n---\nBody.\n")
        garden.write("c.md", "---\ntitle: Paper B\n---\n")  // a shared title: a garden-wide warning
        return garden
    }

    /// The notes and problems of two gardens, compared field by field.
    static func same(_ a: Garden, _ b: Garden) -> Bool {
        a.notes.map(\.fields) == b.notes.map(\.fields) && a.problems == b.problems
            && a.topics.map(\.noteIDs) == b.topics.map(\.noteIDs) && a.backlinks == b.backlinks
    }

    @Test("a status, tag or notes change: the note alone is read again, and the result equals a whole reading")
    func sameAsWholeReading() throws {
        let folder = Self.garden()
        let before = try folder.load()
        #expect(before.problems.contains { $0.path == "kernels/a.md" })  // the unresolved link
        folder.write("kernels/a.md", "---\ntitle: Paper A\nstatus: read\ntags: [x, y]\n---\n\n## Notes\n\nSee [[Nowhere]] and [[Paper B]].\n", mtime: 1_700_000_000)
        folder.write("c.md", "---\ntitle: Paper B\n---\nNew body.\n", mtime: 1_700_000_000)
        #expect(before.changedFiles(["kernels/a.md", "c.md", "kernels/b.md"]) == ["kernels/a.md", "c.md"])
        let reloaded = try #require(before.reloading(["kernels/a.md", "c.md"]))
        let whole = try folder.load()
        #expect(reloaded.note("a")?.status == .read && reloaded.note("a")?.tags == ["x", "y"])
        #expect(Self.same(reloaded, whole))
        // Read again, the files are the garden's own: nothing is new any more.
        #expect(reloaded.changedFiles(["kernels/a.md", "c.md"]).isEmpty)
    }

    @Test("a change that reaches beyond the note (title, folder's index, new file, gone file, broken YAML, moved link) needs the whole garden")
    func declines() throws {
        let cases: [(String, (TemporaryGarden) -> Void)] = [
            ("title", { $0.write("kernels/b.md", "---\ntitle: Paper B2\nstatus: read\n---\nBody.\n", mtime: 1_700_000_000) }),
            ("index", { $0.write("kernels/index.md", "---\ntitle: Kernel methods\n---\n", mtime: 1_700_000_000) }),
            ("broken YAML", { $0.write("kernels/b.md", "---\ntitle: [unclosed\n---\n", mtime: 1_700_000_000) }),
            ("bad value", { $0.write("kernels/b.md", "---\ntitle: Paper B\nstatus: done\n---\n", mtime: 1_700_000_000) }),
            ("link moved", { $0.write("kernels/a.md", "---\ntitle: Paper A\nstatus: unread\ntags: [x]\n---\n\n## Notes\n\nNew line.\nSee [[Nowhere]] and [[Paper B]].\n", mtime: 1_700_000_000) }),
            ("gone", { $0.remove("kernels/b.md") }),
        ]
        for (name, change) in cases {
            let folder = Self.garden()
            let before = try folder.load()
            change(folder)
            let path = name == "index" ? "kernels/index.md" : name == "link moved" ? "kernels/a.md" : "kernels/b.md"
            #expect(before.changedFiles([path]) == [path], "\(name)")
            #expect(before.reloading([path]) == nil, "\(name)")
        }
        let folder = Self.garden()
        let before = try folder.load()
        folder.write("kernels/new.md", "---\ntitle: New\n---\n")
        #expect(before.changedFiles(["kernels/new.md", ".trash/x.md", "kernels/.a.md.tmp", "kernels/image.png"]) == ["kernels/new.md"])
        #expect(before.reloading(["kernels/new.md"]) == nil)
    }

    @Test("a note whose own problem is fixed is read wholly, so the problem does not linger")
    func ownProblemFixed() throws {
        let folder = Self.garden()
        folder.write("kernels/b.md", "---\ntitle: Paper B\nyear: soon\n---\n")
        let before = try folder.load()
        #expect(before.problems.contains { $0.path == "kernels/b.md" && $0.severity == .error })
        folder.write("kernels/b.md", "---\ntitle: Paper B\nyear: 2020\n---\n", mtime: 1_700_000_000)
        #expect(before.reloading(["kernels/b.md"]) == nil)
    }
}
