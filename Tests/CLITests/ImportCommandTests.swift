import Foundation
import Testing

/// `trellis import` through the real binary, and the shipped garden as the recipe builds it.
@Suite struct ImportCommandTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let page = """
        ## Mean Field

        - ✅ Mean Field Residual Networks: On the Edge of Chaos
        - Find stuff about storage capacity in models
        """

    @Test func importsThenChangesNothingTheSecondTime() throws {
        let fixture = FixtureGarden()
        let page = fixture.base + "/page.md"
        try Self.page.write(toFile: page, atomically: true, encoding: .utf8)
        let into = fixture.base + "/new-garden"

        let dry = try CLI.run(["import", page, "--into", into, "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("would create 2 notes"), "\(dry)")
        #expect(!FileManager.default.fileExists(atPath: into), "a dry run writes nothing")

        let first = try CLI.run(["import", page, "--into", into, "--place", "Mean Field=models/mean-field"])
        #expect(first.status == 0, "\(first.stderr)")
        // The garden root, `models` and `models/mean-field` are new topics.
        #expect(first.stdout == "2 entries read; created 2 notes and 3 topics; updated 0 files; 0 conflicts\n")
        let listed = try CLI.run(["list", "--json", "--garden", into])
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let paper = try #require(notes.first { $0["kind"] as? String == "paper" })
        #expect(paper["topics"] as? [String] == ["models/mean-field"])
        #expect(paper["read_in_depth"] as? Bool == true && paper["status"] as? String == "read")

        let second = try CLI.run(["import", page, "--into", into, "--place", "Mean Field=models/mean-field"])
        #expect(second.stdout == "2 entries read; created 0 notes and 0 topics; updated 0 files; 0 conflicts\n")
    }

    @Test func badInputIsOneClearLine() throws {
        let fixture = FixtureGarden()
        let missing = try CLI.run(["import", fixture.base + "/nope.md", "--into", fixture.root])
        #expect(missing.status == 1 && missing.stderr.contains("nope.md") && missing.stderr.contains("cannot read"))
        let malformed = try CLI.run(["import", fixture.base + "/nope.md", "--into", fixture.root, "--place", "NTK"])
        #expect(malformed.status == 2 && malformed.stderr.contains("LEFT=RIGHT"))
        let prose = fixture.base + "/prose.md"
        try "Only a paragraph.\n".write(toFile: prose, atomically: true, encoding: .utf8)
        let unknown = try CLI.run(["import", prose, "--into", fixture.root])
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown page shape"))
    }

    /// The committed `garden/` is byte for byte what `scripts/build-garden` makes from the seeds,
    /// so it can always be rebuilt and never drifts from the importer.
    @Test func shippedGardenIsWhatTheRecipeBuilds() throws {
        let fixture = FixtureGarden()
        let built = fixture.base + "/built"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.package + "/scripts/build-garden", built]
        var environment = ProcessInfo.processInfo.environment
        environment["TRELLIS"] = CLI.binary
        environment["SEEDS"] = Self.package + "/Tests/ImporterTests/Fixtures/seeds"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let shipped = Self.files(in: Self.package + "/garden")
        let rebuilt = Self.files(in: built)
        #expect(shipped.keys.sorted() == rebuilt.keys.sorted())
        for (path, bytes) in shipped where rebuilt[path] != bytes {
            Issue.record("garden/\(path) differs from what scripts/build-garden makes")
        }
    }

    static func files(in root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: root + "/" + path)
            }
        }
        return files
    }
}
