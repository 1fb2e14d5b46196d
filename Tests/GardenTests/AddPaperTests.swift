import Foundation
import Testing
@testable import Garden

/// Adding a paper creates exactly one file, named after its id or title, never over another,
/// and finds the paper instead when the garden has it already.
@Suite struct AddPaperTests {
    static let date = "2024-05-01"

    /// A garden with a topic, an arXiv paper known by its `arxiv:` key (with a version), one
    /// known only by a link, an OpenReview paper, and a title.
    static func garden() -> TemporaryGarden {
        let garden = TemporaryGarden()
        garden.write("index.md", "---\ntitle: Garden\n---\n")
        garden.write("kernels/index.md", "---\ntitle: Kernels\n---\n")
        garden.write("kernels/jacot.md", paper("Neural Tangent Kernel", "arxiv: \"1806.07572v2\"\n"))
        garden.write("kernels/lee.md", paper("Deep Neural Networks as Gaussian Processes", "url: http://www.arxiv.org/pdf/1711.00165v3.pdf\n"))
        garden.write("kernels/yang.md", paper("Tensor Programs", "sources:\n  - page: TBR\n    link: https://arxiv.org/abs/hep-th/9901001\n"))
        garden.write("kernels/or.md", paper("An OpenReview paper", "openreview: B1EA-M-0Z\n"))
        garden.write("kernels/or-link.md", paper("Linked from OpenReview", "url: https://openreview.net/pdf?id=QC10RmRbZy9\n"))
        garden.write("kernels/cites.md", paper("A survey", body: "See https://arxiv.org/abs/2001.08361 in the body.\n"))
        return garden
    }

    /// The files under the root, with their bytes.
    static func snapshot(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)!
        while let path = enumerator.nextObject() as? String {
            var folder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &folder), !folder.boolValue {
                files[path] = FileManager.default.contents(atPath: root + "/" + path)
            }
        }
        return files
    }

    // MARK: Adding

    @Test("an arXiv id makes <id>.md with the expected bytes; the reverse removes it, nothing else changes")
    func addByID() throws {
        let garden = Self.garden()
        let before = Self.snapshot(garden.root)
        let result = try garden.load().addPaper("https://arxiv.org/pdf/2001.08361v1.pdf", to: "kernels", date: Self.date)
        guard case .added(let path, let change) = result else { Issue.record("not added: \(result)"); return }
        #expect(path == "kernels/2001.08361.md")
        #expect(change.steps == [.write(path: garden.root + "/kernels/2001.08361.md", before: nil,
                                        after: Array(PaperNote.text(for: .arxiv("2001.08361"), date: Self.date).utf8))])
        var after = Self.snapshot(garden.root)
        #expect(after.removeValue(forKey: "kernels/2001.08361.md") == Data(PaperNote.text(for: .arxiv("2001.08361"), date: Self.date).utf8))
        #expect(after == before)
        // It loads as an unread paper with its link.
        let note = try #require(try garden.load().note("2001.08361"))
        #expect(note.kind == .paper && note.status == .unread && note.title == "2001.08361")
        #expect(note.links == Links(arxiv: "2001.08361", url: "https://arxiv.org/abs/2001.08361"))
        try change.reversed.apply()
        #expect(Self.snapshot(garden.root) == before)
    }

    @Test(arguments: [
        ("hep-th/9901002", "hep-th-9901002.md"),
        ("https://openreview.net/forum?id=XyZ_1-a", "openreview-XyZ_1-a.md"),
        ("Scaling Laws for Neural Language Models", "scaling-laws-for-neural-language-models.md"),
    ])
    func namesByIDOrSlug(_ input: String, _ file: String) throws {
        let garden = Self.garden()
        let result = try garden.load().addPaper(input, to: "", date: Self.date)
        #expect(result.addedPath == file)
        #expect(FileManager.default.fileExists(atPath: garden.root + "/" + file))
    }

    // MARK: Duplicates

    @Test(arguments: [
        ("1806.07572", "jacot"),                                   // arxiv: with a version
        ("https://arxiv.org/abs/1806.07572v5", "jacot"),           // another version, as a link
        ("arXiv:1711.00165", "lee"),                               // only in url: (a pdf link)
        ("hep-th/9901001v3", "yang"),                              // a link deep in sources:
        ("https://openreview.net/pdf?id=B1EA-M-0Z", "or"),         // openreview:
        ("https://openreview.net/forum?id=QC10RmRbZy9", "or-link"), // an OpenReview link in url:
        ("neural   TANGENT kernel", "jacot"),                      // the title, any case and spacing
    ])
    func aPaperInTheGardenIsFoundNotAdded(_ input: String, _ id: String) throws {
        let garden = Self.garden()
        let before = Self.snapshot(garden.root)
        let result = try garden.load().addPaper(input, to: "kernels", date: Self.date)
        guard case .found(let note) = result else { Issue.record("added: \(result)"); return }
        #expect(note.id == id)
        #expect(Self.snapshot(garden.root) == before)
    }

    @Test("a link in a note's body cites another paper: it is not that paper")
    func bodyLinksDoNotCount() throws {
        let garden = Self.garden()
        #expect(try garden.load().addPaper("2001.08361", to: "kernels", date: Self.date).addedPath == "kernels/2001.08361.md")
    }

    @Test("a different paper with the same slug, or a name taken elsewhere, gets a numbered name")
    func collisionsAreNumbered() throws {
        let garden = Self.garden()
        // Same slug, different title (the title check does not find it).
        garden.write("kernels/scaling-laws.md", paper("Scaling laws?"))
        // The id is taken by a note in another folder, and by a file that does not load.
        garden.write("other/scaling-laws-2.md", paper("Something else"))
        garden.write("other/scaling-laws-3.md", "---\ntitle: [broken\n---\n")
        let before = Self.snapshot(garden.root)
        let result = try garden.load().addPaper("Scaling: laws", to: "kernels", date: Self.date)
        #expect(result.addedPath == "kernels/scaling-laws-4.md")
        var after = Self.snapshot(garden.root)
        after["kernels/scaling-laws-4.md"] = nil
        #expect(after == before)
        // A title whose slug is a topic's index name is numbered too.
        #expect(try garden.load().addPaper("Index", to: "kernels", date: Self.date).addedPath == "kernels/index-2.md")
    }

    @Test("bad input and unknown topics are refused before anything is written")
    func refusals() throws {
        let garden = Self.garden()
        let before = Self.snapshot(garden.root)
        let loaded = try garden.load()
        #expect(throws: GardenEditError.badReference(.empty)) { try loaded.addPaper("  ", to: "kernels") }
        #expect(throws: GardenEditError.badReference(.noWords("!!!"))) { try loaded.addPaper("!!!", to: "kernels") }
        #expect(throws: GardenEditError.badReference(.controlCharacters)) { try loaded.addPaper("a\u{7}b", to: "kernels") }
        #expect(throws: GardenEditError.unknownTopic("nope")) { try loaded.addPaper("A new paper", to: "nope") }
        #expect(Self.snapshot(garden.root) == before)
    }

    @Test("the file appearing between load and write is not overwritten")
    func raceWithTheDisk() throws {
        let garden = Self.garden()
        let loaded = try garden.load()
        garden.write("kernels/2001.08361.md", "mine\n")
        // The name is free in the loaded garden but not on disk: numbered, not overwritten.
        #expect(try loaded.addPaper("2001.08361", to: "kernels", date: Self.date).addedPath == "kernels/2001.08361-2.md")
        #expect(FileManager.default.contents(atPath: garden.root + "/kernels/2001.08361.md") == Data("mine\n".utf8))
    }
}

extension PaperAddition {
    var addedPath: String? {
        if case .added(let path, _) = self { return path }
        return nil
    }
}
