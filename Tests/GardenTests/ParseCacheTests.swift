import Foundation
import Testing
@testable import Garden

@Suite struct ParseCacheTests {
    func sampleGarden() -> TemporaryGarden {
        let garden = TemporaryGarden()
        garden.write("t/index.md", "---\ntitle: Topic\norder: 2\n---\nProse.\n")
        garden.write("t/a.md", paper("Alpha", "authors: [X Y]\narxiv: 1806.07572\nsources:\n  - page: P\n    mark: true\n",
                                     body: "## Abstract\n\nAbs.\n\n## Notes\n\n[[Beta]]\n"))
        garden.write("t/b.md", paper("Beta", "status: read\nyear: nineteen\n", body: "[[Alpha|a]]\n"))
        garden.write("bad.md", "---\ntitle: [\n---\n")
        return garden
    }

    func summary(_ garden: Garden) -> [String] {
        garden.notes.map { "\($0.id)|\($0.title)|\($0.body)|\($0.frontMatter)|\($0.keyLines.sorted { $0.key < $1.key })" }
            + garden.problems.map(\.description)
    }

    @Test func secondLoadComesFromTheCacheAndIsIdentical() throws {
        let garden = sampleGarden()
        let first = try garden.load(cached: true)
        let cached = ParseCache(directory: garden.cache, gardenRoot: garden.root).read()
        #expect(cached.keys.sorted() == ["t/a.md", "t/b.md", "t/index.md"])  // bad.md is parsed every time
        let second = try garden.load(cached: true)
        #expect(summary(second) == summary(first))
        #expect(summary(second) == summary(try garden.load()))
        // Proof that the second load used the cache: same size and mtime, other text.
        garden.write("t/b.md", paper("Bet2", "status: read\nyear: nineteen\n", body: "[[Alpha|a]]\n"))
        #expect(try garden.load(cached: true).note("b")?.title == "Beta")
    }

    @Test func anEditedFileIsParsedAgain() throws {
        let garden = sampleGarden()
        _ = try garden.load(cached: true)
        garden.write("t/a.md", paper("Alpha Two"), mtime: 1_600_000_100)
        #expect(try garden.load(cached: true).note("a")?.title == "Alpha Two")
        #expect(ParseCache(directory: garden.cache, gardenRoot: garden.root).read()["t/a.md"]?.body == "")
    }

    @Test func aDeletedFileDisappears() throws {
        let garden = sampleGarden()
        _ = try garden.load(cached: true)
        garden.remove("t/b.md")
        let loaded = try garden.load(cached: true)
        #expect(loaded.note("b") == nil)
        #expect(ParseCache(directory: garden.cache, gardenRoot: garden.root).read()["t/b.md"] == nil)
    }

    @Test func anUnchangedGardenDoesNotRewriteTheCache() throws {
        let garden = sampleGarden()
        _ = try garden.load(cached: true)
        let before = try FileManager.default.attributesOfItem(atPath: garden.cacheFile)[.modificationDate] as? Date
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: garden.cacheFile)
        _ = try garden.load(cached: true)
        let after = try FileManager.default.attributesOfItem(atPath: garden.cacheFile)[.modificationDate] as? Date
        #expect(before != nil)
        #expect(after == Date(timeIntervalSince1970: 1_000_000_000))
    }

    @Test func recentlyModifiedFilesAreNotStored() throws {
        let garden = sampleGarden()
        garden.write("t/new.md", paper("New"), mtime: Date().timeIntervalSince1970)
        _ = try garden.load(cached: true)
        let cached = ParseCache(directory: garden.cache, gardenRoot: garden.root).read()
        #expect(cached["t/new.md"] == nil)
        #expect(cached["t/a.md"] != nil)
    }

    @Test(arguments: ["random", "truncated", "flipped"])
    func aCorruptCacheIsIgnored(_ damage: String) throws {
        let garden = sampleGarden()
        let expected = summary(try garden.load(cached: true))
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: garden.cacheFile)))
        switch damage {
        case "random":
            var random = SystemRandomNumberGenerator()
            bytes = (0..<bytes.count).map { _ in UInt8.random(in: 0...255, using: &random) }
        case "truncated": bytes.removeLast(bytes.count / 3)
        default: bytes[bytes.count / 2] ^= 0x5A
        }
        try Data(bytes).write(to: URL(fileURLWithPath: garden.cacheFile))
        #expect(ParseCache(directory: garden.cache, gardenRoot: garden.root).read().isEmpty)
        #expect(summary(try garden.load(cached: true)) == expected)
    }

    @Test func everyPrefixOfACacheDecodesToNothing() throws {
        let garden = sampleGarden()
        _ = try garden.load(cached: true)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: garden.cacheFile)))
        for length in 0..<bytes.count {
            #expect(ParseCache.decode(Array(bytes[..<length]), gardenRoot: garden.root) == nil)
        }
        #expect(ParseCache.decode(bytes, gardenRoot: garden.root)?.count == 3)
    }

    @Test func aCacheForAnotherRootIsIgnored() throws {
        let garden = sampleGarden()
        _ = try garden.load(cached: true)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: garden.cacheFile)))
        #expect(ParseCache.decode(bytes, gardenRoot: garden.root + "-other") == nil)
        // Even under the other root's file name.
        let other = ParseCache(directory: garden.cache, gardenRoot: "/elsewhere")
        try Data(bytes).write(to: URL(fileURLWithPath: other.path))
        #expect(other.read().isEmpty)
    }

    @Test func anUnwritableCacheFolderIsHarmless() throws {
        let garden = sampleGarden()
        let loaded = try GardenLoader.load(garden.root, options: .init(cacheDirectory: "/proc/no-such-place/cache"))
        #expect(loaded.notes.count == 2)
    }

    @Test func cacheFileIsNamedFromTheRootHash() {
        let cache = ParseCache(directory: "/c", gardenRoot: "/g")
        #expect(cache.path == "/c/garden-" + ParseCache.hexHash("/g") + ".cache")
        #expect(ParseCache.hexHash("") == "cbf29ce484222325")  // FNV-1a 64 offset basis
        #expect(ParseCache.hexHash("a") == "af63dc4c8601ec8c")  // published FNV-1a 64 test vector
    }
}
