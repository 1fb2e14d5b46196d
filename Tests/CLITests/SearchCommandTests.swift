import Foundation
import Testing

@Suite struct SearchCommandTests {
    @Test func titleHitsRankBeforeAbstractBeforeBody() throws {
        let result = try FixtureGarden.standard().run("search", "gaussian", "--json")
        #expect(result.status == 0)
        let hits = try objects(result.stdout)
        #expect(hits.map { $0["id"] as? String } == ["lee2018", "dup-title", "jacot2018", "mei2018"])
        #expect(hits.map { $0["field"] as? String } == ["title", "title", "abstract", "body"])
    }

    @Test func jsonSnippetMarksTheMatch() throws {
        let hits = try objects(FixtureGarden.standard().run("search", "follows", "--json").stdout)
        let hit = try #require(hits.first)
        #expect(hit["id"] as? String == "jacot2018")
        let snippet = try #require(hit["snippet"] as? String)
        #expect(snippet == "The training of wide networks follows a kernel. Builds on [[Deep Neural Networks as Gaussian Processes]].")
        let range = try #require(hit["highlight"] as? [Int])
        let scalars = Array(snippet.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[range[0]..<range[1]])) == "follows")
    }

    @Test func humanOutputShowsTitleFieldAndMarkedSnippet() throws {
        let result = try FixtureGarden.standard().run("search", "recursion")
        #expect(result.lines == [
            "✅ Deep Neural Networks as Gaussian Processes (lee2018)",
            "    notes: Compare with [[jacot2018]]; the kernel »recursion« is exact.",
        ])
    }

    @Test func everyWordMustMatchAndLimitCuts() throws {
        let garden = FixtureGarden.standard()
        #expect(try ids(garden.run("search", "gaussian", "kernel", "--json").stdout) == ["lee2018", "jacot2018"])
        #expect(try ids(garden.run("search", "gaussian", "--limit", "1", "--json").stdout) == ["lee2018"])
        let none = try garden.run("search", "gaussian", "zebra")
        #expect(none.status == 0)
        #expect(none.stdout == "no notes match\n")
    }

    @Test func accentsAndCaseDoNotMatter() throws {
        let garden = FixtureGarden.standard()
        #expect(try ids(garden.run("search", "CLEMENT", "--json").stdout) == ["jacot2018"])
        #expect(try ids(garden.run("search", "clément", "--json").stdout) == ["jacot2018"])
    }

    @Test func snippetsFromFilesAreEscaped() throws {
        let result = try FixtureGarden.standard().run("search", "pwned")
        #expect(result.lines.count == 2)
        #expect(result.lines[1] == "    body: Body with \\u{1B}]0;»pwned«\\u{07} inside.")
    }

    @Test func emptyQueryIsAUsageError() throws {
        let result = try FixtureGarden.standard().run("search", " ")
        #expect(result.status == 2)
    }
}
