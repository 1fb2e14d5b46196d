import ArgumentParser
import Garden

/// `trellis add PAPER --topic T`: a new paper note from a title, an arXiv id or link, or an
/// OpenReview link (see docs/garden-format.md, "Adding a paper"). A paper the garden has
/// already is named, not added again.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a paper by title, arXiv id or link, or OpenReview link (nothing is fetched).",
        discussion: """
            Prints the new note's path, or 'already in the garden: PATH' (exit 0) when a note \
            has the same arXiv id (any version), OpenReview id or title. With --json: one object \
            with added (true or false), id, path, title and topic.
            """)

    @OptionGroup var gardenOptions: GardenOptions

    @Argument(help: ArgumentHelp(
        "A title, an arXiv id (1806.07572, hep-th/9901001) or link, or an OpenReview link.", valueName: "paper"))
    var paper: String

    @Option(help: ArgumentHelp("The topic to add it to: its path or title.", valueName: "topic"))
    var topic: String

    @Flag(help: "Print one JSON object: added, id, path, title, topic.") var json = false

    func validate() throws {
        do {
            _ = try PaperReference.parse(paper)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let garden = try gardenOptions.load()
        guard let topic = garden.findTopic(self.topic) else { throw RuntimeError("no topic named '\(self.topic)'") }
        let result: PaperAddition
        do {
            result = try garden.addPaper(paper, to: topic.id)
        } catch {
            throw RuntimeError(error.description)
        }
        switch result {
        case .added(let path, _):
            let id = path.fileName.droppingExtension
            let title = (try? PaperReference.parse(paper))?.title ?? id
            if json {
                Output.print(Self.json(added: true, id: id, path: path, title: title, topic: topic.id))
            } else {
                Output.print(safe(path))
            }
        case .found(let note):
            if json {
                Output.print(Self.json(added: false, id: note.id, path: note.path, title: note.title, topic: note.topics[0]))
            } else {
                Output.print("already in the garden: \(safe(note.path))")
            }
        }
    }

    static func json(added: Bool, id: String, path: String, title: String, topic: String) -> String {
        JSON.object([
            "added": .bool(added), "id": .string(id), "path": .string(path), "title": .string(title), "topic": .string(topic),
        ]).rendered()
    }
}
