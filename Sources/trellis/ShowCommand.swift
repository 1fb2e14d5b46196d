import ArgumentParser
import Garden

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one note: its details, abstract, notes and backlinks.")

    @OptionGroup var gardenOptions: GardenOptions

    @Argument(help: ArgumentHelp("The note's id, path or title.", valueName: "note"))
    var name: String

    @Flag(help: "Print one JSON object: the keys of `list --json` plus body and backlinks.")
    var json = false

    func run() throws {
        let garden = try gardenOptions.load()
        // Reading only: of several notes with the title, the first (as a wiki link would);
        // the commands that edit refuse to guess.
        guard let note = garden.linkTarget(name) else { throw RuntimeError(garden.notFound(name)) }
        let backlinks = (garden.backlinks[note.id] ?? []).compactMap(garden.note)
        if json {
            Output.print(JSON(note).adding([
                "body": .string(String(note.body)),
                "backlinks": .array(backlinks.map { .string($0.id) }),
            ]).rendered())
        } else {
            Output.print(NoteView.lines(note, backlinks: backlinks, garden: garden))
        }
    }
}

/// A note for reading in the terminal: a header block, the abstract and notes, the backlinks.
enum NoteView {
    static func lines(_ note: Note, backlinks: [Note], garden: Garden) -> [String] {
        var lines = [safe(note.title), String(repeating: "=", count: min(max(note.title.count, 3), 80))]
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append((name + ":").padding(to: 12) + value)
        }
        field("id", safe(note.id))
        field("kind", note.kind.rawValue)
        field("authors", note.authors.map(safe).joined(separator: ", "))
        field("year", note.year.map(String.init))
        field("status", status(note))
        field("arxiv", note.links.arxiv.map(safe))
        field("url", note.links.url.map(safe))
        field("openreview", note.links.openreview.map(safe))
        field("tags", note.tags.map(safe).joined(separator: ", "))
        field("topics", note.topics.map { id in safe(garden.topic(id)?.title ?? id) }.joined(separator: ", "))
        field("path", safe(note.path))
        if !note.sources.isEmpty {
            lines.append("sources:")
            lines += note.sources.map { "  - " + safe($0.oneLine) }
        }
        for (heading, text) in [("Abstract", note.abstract), ("Notes", note.notes)] {
            guard let text else { continue }
            lines += ["", "## " + heading, ""]
            lines += safeBlock(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        if !backlinks.isEmpty {
            lines += ["", "## Linked from", ""]
            lines += backlinks.map { "- " + safe($0.title) + " (" + safe($0.id) + ")" }
        }
        return lines
    }

    static func status(_ note: Note) -> String? {
        guard let status = note.status else { return note.readInDepth ? "read in depth" : nil }
        return status.rawValue + (note.readInDepth ? ", in depth ✅" : "")
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
