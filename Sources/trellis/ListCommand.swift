import ArgumentParser
import Garden

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List notes, one per line: read mark, title, year, topic.")

    @OptionGroup var gardenOptions: GardenOptions

    @Option(help: ArgumentHelp("Only notes in this topic or below it (id or title).", valueName: "topic"))
    var topic: String?

    @Option(help: "Only notes with this status (unread, reading, read).")
    var status: ReadStatus?

    @Option(help: ArgumentHelp("Only notes with this tag (any case).", valueName: "tag"))
    var tag: String?

    @Option(help: "Only papers or only items (paper, item).")
    var kind: Note.Kind?

    @Flag(help: "Print a JSON array of note objects.")
    var json = false

    func run() throws {
        let garden = try gardenOptions.load()
        let notes = try selectedNotes(garden)
        if json {
            Output.print(JSON.array(notes.map(JSON.init)).rendered())
        } else if notes.isEmpty {
            Output.print("no notes")
        } else {
            Output.print(notes.map { Self.line($0, garden) })
        }
    }

    func selectedNotes(_ garden: Garden) throws -> [Note] {
        var notes = garden.notes
        if let topic {
            guard let found = garden.findTopic(topic) else { throw RuntimeError("no topic named '\(topic)'") }
            notes = garden.notes(in: found.id, recursive: true)
        }
        if let status { notes = notes.filter { $0.status == status } }
        if let kind { notes = notes.filter { $0.kind == kind } }
        if let tag {
            let wanted = tag.lowercased()
            notes = notes.filter { $0.tags.contains { $0.lowercased() == wanted } }
        }
        return notes
    }

    /// "✓  Title (2018) — Topic title".
    static func line(_ note: Note, _ garden: Garden) -> String {
        let year = note.year.map { " (\($0))" } ?? ""
        let topic = note.topics.first.flatMap(garden.topic).map { " — " + safe($0.title) } ?? ""
        return readMark(note) + " " + safe(note.title) + year + topic
    }
}

extension ReadStatus: ExpressibleByArgument {}
extension Note.Kind: ExpressibleByArgument {}
