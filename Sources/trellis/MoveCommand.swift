import ArgumentParser
import Garden

/// `trellis move NOTE --topic T`: the note's file into another topic's folder (one rename;
/// an `order:` key is removed first, see docs/garden-format.md, "Moving a note").
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move a note into another topic's folder (its file name, id and links stay).",
        discussion: """
            Refused (exit 1) when a file of that name is in the topic's folder. With --json: \
            one object with id, from, to and changed.
            """)

    @OptionGroup var gardenOptions: GardenOptions
    @Argument(help: ArgumentHelp("The note's id, path or title.", valueName: "note")) var name: String
    @Option(help: ArgumentHelp("The topic to move it to: its path or title.", valueName: "topic")) var topic: String
    @Flag(help: "Print one JSON object: id, from, to, changed.") var json = false

    func run() throws {
        let garden = try gardenOptions.load()
        guard let note = garden.find(name) else { throw RuntimeError(garden.notFound(name)) }
        guard let topic = garden.findTopic(self.topic) else { throw RuntimeError("no topic named '\(self.topic)'") }
        let edit: GardenEdit
        do {
            edit = try garden.moveNote(note.id, to: topic.id)
        } catch .alreadyThere {
            // Like `set` with nothing to change: not a failure.
            edit = GardenEdit(path: note.path, change: GardenChange([], changes: []))
        } catch {
            throw RuntimeError(error.description)
        }
        if json {
            Output.print(JSON.object([
                "id": .string(note.id), "from": .string(note.path), "to": .string(edit.path),
                "changed": .array(edit.change.changes.map(JSON.string)),
            ]).rendered())
        } else if edit.change.steps.isEmpty {
            Output.print("\(safe(note.path)): already in \(safe(topic.id.isEmpty ? "the root" : topic.id)); nothing to move")
        } else {
            Output.print("moved \(safe(note.path)) to \(safe(edit.path))")
        }
    }
}
