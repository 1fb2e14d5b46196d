import Testing
@testable import Garden

/// SearchIndex on small gardens, without the binary.
@Suite struct SearchIndexTests {
    static func index(_ notes: [String: String]) throws -> SearchIndex {
        let garden = FixtureGarden()
        for (id, text) in notes { garden.write("\(id).md", text) }
        return SearchIndex(try GardenLoader.load(garden.root))
    }

    static func note(_ title: String, tags: [String] = [], body: String = "") -> String {
        "---\ntitle: \"\(title)\"\ntags: [\(tags.joined(separator: ", "))]\n---\n\(body)\n"
    }

    // MARK: Ranking

    @Test func titleOutranksManyBodyMatches() throws {
        let index = try Self.index([
            "a": Self.note("Kernels everywhere"),
            "b": Self.note("Something else", body: String(repeating: "kernels ", count: 200)),
        ])
        #expect(index.search("kernels").map(\.noteID) == ["a", "b"])
    }

    @Test func fieldsRankTitleTagsAbstractNotesBody() throws {
        let index = try Self.index([
            "body": Self.note("One", body: "## Other\n\nspectrum"),
            "notes": Self.note("Two", body: "## Notes\n\nspectrum"),
            "abstract": Self.note("Three", body: "## Abstract\n\nspectrum"),
            "tag": Self.note("Four", tags: ["spectrum"]),
            "title": Self.note("The spectrum"),
        ])
        let hits = index.search("spectrum")
        #expect(hits.map(\.noteID) == ["title", "tag", "abstract", "notes", "body"])
        #expect(hits.map(\.field) == [.title, .tags, .abstract, .notes, .body])
    }

    @Test func wholeWordsBeatWordStartsBeatInsideWords() throws {
        let index = try Self.index([
            "inside": Self.note("Subkernel"),
            "start": Self.note("Kernels"),
            "whole": Self.note("Kernel"),
        ])
        #expect(index.search("kernel").map(\.noteID) == ["whole", "start", "inside"])
    }

    @Test func moreMatchesRankHigher() throws {
        let index = try Self.index([
            "once": Self.note("A", body: "width"),
            "thrice": Self.note("B", body: "width, width and width"),
        ])
        #expect(index.search("width").map(\.noteID) == ["thrice", "once"])
    }

    @Test func tiesAreBrokenByTitle() throws {
        let index = try Self.index([
            "z": Self.note("Alpha kernel"),
            "a": Self.note("Beta kernel"),
            "m": Self.note("alpha kernel"),
        ])
        // Equal titles after folding fall back to the id.
        #expect(index.search("kernel").map(\.noteID) == ["m", "z", "a"])
    }

    // MARK: Matching

    @Test func everyTermMustMatchSomewhere() throws {
        let index = try Self.index([
            "both": Self.note("Mean field", body: "kernel"),
            "one": Self.note("Mean field"),
        ])
        #expect(index.search("field kernel").map(\.noteID) == ["both"])
        #expect(index.search("field nothing").isEmpty)
        #expect(index.search("   ").isEmpty)
        #expect(index.search("field", limit: 0).isEmpty)
    }

    @Test func foldingIgnoresCaseAccentsAndLigatures() throws {
        let index = try Self.index([
            "erdos": Self.note("Erdős–Rényi graphs"),
            "fi": Self.note("Deﬁnitions"),
            "strasse": Self.note("Straße"),
        ])
        #expect(index.search("ERDOS renyi").map(\.noteID) == ["erdos"])
        #expect(index.search("erdős-rényi").map(\.noteID) == ["erdos"])
        #expect(index.search("definitions").map(\.noteID) == ["fi"])
        #expect(index.search("strasse").map(\.noteID) == ["strasse"])
    }

    @Test func quotedPhrasesMatchAcrossWhitespace() throws {
        let index = try Self.index([
            "phrase": Self.note("X", body: "the mean\n  field limit"),
            "apart": Self.note("Y", body: "mean of the field"),
        ])
        #expect(index.search("\"mean field\"").map(\.noteID) == ["phrase"])
        #expect(Set(index.search("mean field").map(\.noteID)) == ["phrase", "apart"])
    }

    @Test func shardsGiveTheSameAnswerAsOne() throws {
        let garden = FixtureGarden()
        for number in 0..<700 {
            garden.write("n\(number).md", Self.note("Note \(number)", body: number % 7 == 0 ? "kernel kernel" : "other"))
        }
        let loaded = try GardenLoader.load(garden.root)
        let one = SearchIndex(notes: loaded.notes, shardCount: 1)
        let three = SearchIndex(notes: loaded.notes, shardCount: 3)
        #expect(three.shards.count == 3)
        #expect(one.search("kernel", limit: 500) == three.search("kernel", limit: 500))
        #expect(one.search("kernel", limit: 500).count == 100)
    }

    // MARK: Snippets

    @Test func snippetIsOneShortLineAroundTheFirstMatch() throws {
        let filler = (0..<60).map { "word\($0)" }.joined(separator: " ")
        let index = try Self.index(["long": Self.note("T", body: filler + "\n\nthe Lyapunov\texponent\n" + filler)])
        let hit = try #require(index.search("lyapunov").first)
        #expect(hit.field == .body)
        #expect(!hit.snippet.contains("\n") && !hit.snippet.contains("\t"))
        #expect(hit.snippet.count <= 102)
        #expect(hit.snippet.hasPrefix("…") && hit.snippet.hasSuffix("…"))
        #expect(hit.snippet[hit.highlight] == "Lyapunov")
        #expect(hit.snippet.contains("the Lyapunov exponent"))
    }

    @Test func highlightCoversTheOriginalAccentedText() throws {
        let index = try Self.index(["a": Self.note("Théorie des noyaux")])
        let hit = try #require(index.search("theorie").first)
        #expect(hit.snippet == "Théorie des noyaux")
        #expect(hit.snippet[hit.highlight] == "Théorie")
        #expect(hit.highlightScalarOffsets == 0..<7)
    }
}
