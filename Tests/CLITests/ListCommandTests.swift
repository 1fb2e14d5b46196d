import Foundation
import Testing

@Suite struct ListCommandTests {
    // MARK: Human output

    @Test func oneLinePerNoteWithMarkTitleYearAndTopic() throws {
        let result = try FixtureGarden.standard().run("list")
        #expect(result.status == 0)
        #expect(result.lines == [
            "✅ Deep Neural Networks as Gaussian Processes (2018) — NNGP / NTK",
            "·  Neural Tangent Kernel: Convergence and Generalization (2018) — NNGP / NTK",
            "   Compute the NTK of a ReLU net — Kernel zoo",
            "   A Mean Field View of Two-Layer Networks (2018) — Mean field",
            "   Evil \\u{1B}[31mred\\u{9B} title\\u{07} (2020) — Mean field",
            "✓  deep neural networks as gaussian processes (2017) — Scratch",
        ])
    }

    // MARK: Filters

    @Test(arguments: [
        (["--topic", "mean field"], ["mei2018", "lee2018", "escape"]),
        (["--topic", "nngp-ntk"], ["lee2018", "jacot2018", "ntk-todo"]),
        (["--topic", "nngp-ntk/kernels"], ["ntk-todo"]),
        (["--status", "read"], ["lee2018", "dup-title"]),
        (["--status", "unread"], ["mei2018", "escape"]),
        (["--tag", "KERNELS"], ["lee2018"]),
        (["--tag", "mean-field"], ["mei2018"]),
        (["--kind", "item"], ["ntk-todo"]),
        (["--kind", "paper", "--topic", "nngp-ntk"], ["lee2018", "jacot2018"]),
        (["--status", "reading", "--tag", "nngp"], []),
    ])
    func filtersSelectNotes(_ filter: [String], _ expected: [String]) throws {
        let garden = FixtureGarden.standard()
        let result = try CLI.run(["list", "--json", "--garden", garden.root] + filter)
        #expect(result.status == 0)
        #expect(try ids(result.stdout) == expected)
    }

    @Test func unknownTopicIsAnError() throws {
        let result = try FixtureGarden.standard().run("list", "--topic", "nope")
        #expect(result.status == 1)
        #expect(result.stderr == "trellis: no topic named 'nope'\n")
    }

    @Test func badStatusValueIsAUsageError() throws {
        let result = try FixtureGarden.standard().run("list", "--status", "skimmed")
        #expect(result.status == 2)
        #expect(result.stderr.contains("skimmed"))
    }

    // MARK: JSON

    @Test func jsonHasEveryFieldOfAPaper() throws {
        let notes = try objects(FixtureGarden.standard().run("list", "--json").stdout)
        let lee = try #require(notes.first { $0["id"] as? String == "lee2018" })
        #expect(Set(lee.keys) == ["id", "title", "path", "kind", "authors", "year", "topics", "status",
                                  "read_in_depth", "tags", "links", "abstract", "notes", "sources"])
        #expect(lee["title"] as? String == "Deep Neural Networks as Gaussian Processes")
        #expect(lee["path"] as? String == "nngp-ntk/lee2018.md")
        #expect(lee["kind"] as? String == "paper")
        #expect(lee["authors"] as? [String] == ["Jaehoon Lee", "Yasaman Bahri"])
        #expect(lee["year"] as? Int == 2018)
        #expect(lee["topics"] as? [String] == ["nngp-ntk", "mean-field"])
        #expect(lee["status"] as? String == "read")
        #expect(lee["read_in_depth"] as? Bool == true)
        #expect(lee["tags"] as? [String] == ["nngp", "kernels"])
        #expect(lee["links"] as? [String: String] == [
            "arxiv": "1711.00165", "url": "https://arxiv.org/abs/1711.00165", "openreview": "B1EA-M-0Z",
        ])
        #expect(lee["abstract"] as? String == "Infinitely wide networks are Gaussian processes.")
        #expect(lee["notes"] as? String == "Compare with [[jacot2018]]; the kernel recursion is exact.")
    }

    @Test func sourcesBecomeJSONWithTypedPlainScalars() throws {
        let stdout = try FixtureGarden.standard().run("list", "--json").stdout
        // The literal text, since JSONSerialization reads true and 1 alike as NSNumber.
        for literal in [#""count": 3,"#, #""done": true,"#, #""missing": null,"#, #""quoted": "null","#, #""ratio": "0.5""#] {
            #expect(stdout.contains(literal))
        }
        let notes = try objects(stdout)
        let lee = try #require(notes.first { $0["id"] as? String == "lee2018" })
        let sources = try #require(lee["sources"] as? [Any])
        #expect(sources.count == 2)
        let record = try #require(sources[0] as? [String: Any])
        #expect(record["page"] as? String == "Reading list")
        #expect(record["count"] as? Int == 3)
        #expect(record["done"] as? Bool == true)
        #expect(record["missing"] is NSNull)
        #expect(record["quoted"] as? String == "null", "a quoted null is a string")
        #expect(record["ratio"] as? String == "0.5", "non-integer scalars stay strings")
        #expect(sources[1] as? String == "just a string")
    }

    @Test func anItemHasNullsWhereItHasNoValue() throws {
        let notes = try objects(FixtureGarden.standard().run("list", "--json").stdout)
        let item = try #require(notes.first { $0["id"] as? String == "ntk-todo" })
        #expect(item["kind"] as? String == "item")
        #expect(item["status"] is NSNull)
        #expect(item["year"] is NSNull)
        #expect(item["abstract"] is NSNull)
        #expect(item["notes"] is NSNull)
        #expect(item["read_in_depth"] as? Bool == false)
        let links = try #require(item["links"] as? [String: Any])
        #expect(links.count == 3 && links.values.allSatisfy { $0 is NSNull })
        #expect((item["sources"] as? [Any])?.isEmpty == true)
    }

    @Test func jsonEscapesControlCharactersAndSortsKeys() throws {
        let stdout = try FixtureGarden.standard().run("list", "--json").stdout
        #expect(stdout.contains(#""title": "Evil \u001b[31mred\u009b title\u0007""#))
        #expect(!stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let firstObjectKeys = stdout.split(separator: "\n").prefix(while: { $0 != "  }," })
            .compactMap { line -> String? in
                guard line.hasPrefix("    \"") else { return nil }
                return String(line.dropFirst(5).prefix { $0 != "\"" })
            }
        #expect(firstObjectKeys == firstObjectKeys.sorted())
    }
}

/// The `id`s of a JSON array of note objects, in order.
func ids(_ json: String) throws -> [String] {
    try objects(json).map { $0["id"] as! String }
}

func objects(_ json: String) throws -> [[String: Any]] {
    try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
}
