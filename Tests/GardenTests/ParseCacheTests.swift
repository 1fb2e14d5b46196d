import Foundation
import Testing
@testable import Garden

@Suite struct ParseCacheTests {
    func sampleGarden() -> TemporaryGarden {
        let garden = TemporaryGarden()
        garden.write("t/index.md", "---\ntitle: Topic\norder: 2\n---\nProse.\n")
        garden.write("t/a.md", paper("Alpha", "authors: [X Y]\narxiv: 1806.07572\nsources:\n  - page: P\n    mark: true\n",
                                     body: "## Abstract\n\nÉtude ✅ naïve — abs.\n\n## Notes\n\n[[Beta]] ü\n"))
        garden.write("t/c.md", paper("Gamma", "", body: "# Gamma heading ✅\n\n```\n## Abstract\n```\n"))
        garden.write("t/b.md", paper("Beta", "status: read\nyear: nineteen\n", body: "[[Alpha|a]]\n"))
        garden.write("bad.md", "---\ntitle: [\n---\n")
        return garden
    }

    func summary(_ garden: Garden) -> [String] {
        garden.notes.map { "\($0.id)|\($0.title)|\($0.body)|\($0.frontMatter)|\($0.keyLines.sorted { $0.key < $1.key })"
            + "|\($0.abstract ?? "-")|\($0.notes ?? "-")|\($0.wikiLinks)|\(garden.backlinks[$0.id] ?? [])" }
            + garden.problems.map(\.description)
    }

    @Test func secondLoadComesFromTheCacheAndIsIdentical() throws {
        let garden = sampleGarden()
        let first = try garden.load(cached: true)
        let cached = ParseCache(directory: garden.cache, gardenRoot: garden.root).read()
        #expect(cached.keys.sorted() == ["t/a.md", "t/b.md", "t/c.md", "t/index.md"])  // bad.md is parsed every time
        let second = try garden.load(cached: true)
        #expect(summary(second) == summary(first))
        // The sections and links come from the cache, not from a new scan, and still match.
        #expect(second.note("a")?.abstract == "Étude ✅ naïve — abs.")
        #expect(second.note("a")?.notes == "[[Beta]] ü")
        #expect(second.backlinks["b"] == ["a"])
        #expect(second.note("c")?.abstract == nil)
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
        #expect(ParseCache.decode(bytes, gardenRoot: garden.root)?.count == 4)  // a, b, c and the index
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
        #expect(loaded.notes.count == 3)  // a, b and c; bad.md is a problem
    }

    @Test func cacheFileIsNamedFromTheRootHash() {
        let cache = ParseCache(directory: "/c", gardenRoot: "/g")
        #expect(cache.path == "/c/garden-" + ParseCache.hexHash("/g") + ".cache")
        #expect(ParseCache.hexHash("") == "cbf29ce484222325")  // FNV-1a 64 offset basis
        #expect(ParseCache.hexHash("a") == "af63dc4c8601ec8c")  // published FNV-1a 64 test vector
    }

    /// The checksum fed in pieces equals a plain word-at-a-time reference over the joined bytes.
    @Test func checksumInPiecesMatchesTheWholeBuffer() {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<1_037).map { _ in UInt8.random(in: 0...255, using: &random) }
        func reference(_ bytes: [UInt8]) -> UInt64 {
            let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
            var offset = 0
            while offset + 8 <= bytes.count {
                var word: UInt64 = 0
                for k in 0..<8 { word |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
                hash = (hash ^ word) &* multiplier
                hash ^= hash >> 29
                offset += 8
            }
            for byte in bytes[offset...] { hash = (hash ^ UInt64(byte)) &* multiplier }
            return hash ^ (hash >> 32)
        }
        let whole = bytes.withUnsafeBytes { ParseCache.checksum($0) }
        #expect(whole == reference(bytes))
        for cuts in [[1], [3, 11], [7, 8, 9, 500, 1_030], Array(stride(from: 5, to: 1_037, by: 13))] {
            var checksum = Checksum(length: bytes.count)
            var start = 0
            for end in cuts + [bytes.count] {
                bytes[start..<end].withUnsafeBytes { checksum.add($0) }
                start = end
            }
            #expect(checksum.value == whole, "cut at \(cuts)")
        }
    }
}
