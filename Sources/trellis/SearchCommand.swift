import ArgumentParser
import Dispatch
import Foundation
import Garden

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search: notes containing every word, best first.",
        discussion: """
            Words match case- and accent-insensitively, also as the start of a longer word; \
            "a phrase" in quotes matches as a whole. Title matches rank first, then authors and \
            tags, the abstract, the notes, and the rest of the body.
            """)

    @OptionGroup var gardenOptions: GardenOptions

    @Argument(help: "Words to look for.")
    var query: [String]

    @Option(help: "Show at most this many notes.")
    var limit = 20

    @Flag(help: "Print a JSON array of hits (id, title, path, score, field, snippet, highlight).")
    var json = false

    @Flag(help: "Print how long loading, indexing and searching took, on stderr.")
    var timing = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard query.contains(where: { $0.contains { !$0.isWhitespace } }) else {
            throw ValidationError("give at least one word to search for")
        }
    }

    func run() throws {
        var clock = Stopwatch()
        let garden = try gardenOptions.load()
        let loaded = clock.lap()
        let index = SearchIndex(garden)
        let indexed = clock.lap()
        let hits = index.search(query.joined(separator: " "), limit: limit)
        let searched = clock.lap()
        if timing {
            Output.error(String(format: "load %.1f ms, index %.1f ms, search %.2f ms, %d notes, %d hits",
                                loaded, indexed, searched, garden.notes.count, hits.count))
        }
        if json {
            Output.print(JSON.array(hits.map { Self.json($0, garden) }).rendered())
        } else if hits.isEmpty {
            Output.print("no notes match")
        } else {
            Output.print(hits.flatMap { Self.lines($0, garden) })
        }
    }

    /// Two lines per hit: mark, title and id; then the field and the snippet with the match
    /// between » and «.
    static func lines(_ hit: SearchHit, _ garden: Garden) -> [String] {
        guard let note = garden.note(hit.noteID) else { return [] }
        let snippet = hit.snippet
        let marked = safe(snippet[..<hit.highlight.lowerBound]) + "»" + safe(snippet[hit.highlight])
            + "«" + safe(snippet[hit.highlight.upperBound...])
        return [readMark(note) + " " + safe(note.title) + " (" + safe(note.id) + ")",
                "    " + hit.field.rawValue + ": " + marked]
    }

    static func json(_ hit: SearchHit, _ garden: Garden) -> JSON {
        let note = garden.note(hit.noteID)
        let offsets = hit.highlightScalarOffsets
        return .object([
            "id": .string(hit.noteID),
            "title": .string(note?.title),
            "path": .string(note?.path),
            "score": .double((hit.score * 1000).rounded() / 1000),
            "field": .string(hit.field.rawValue),
            "snippet": .string(hit.snippet),
            "highlight": .array([.number(offsets.lowerBound), .number(offsets.upperBound)]),
        ])
    }
}

/// Wall-clock laps in milliseconds, for `--timing`.
struct Stopwatch {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e6
    }
}
