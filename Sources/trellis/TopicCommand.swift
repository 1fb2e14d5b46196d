import ArgumentParser
import Garden

/// `trellis topic add|rename|move`: topics are folders; these make, title and move them
/// (see docs/garden-format.md, "Topics").
struct TopicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic",
        abstract: "Add, rename or move a topic (a folder of the garden).",
        subcommands: [TopicAddCommand.self, TopicRenameCommand.self, TopicMoveCommand.self])
}

/// Finds a topic by path or title, or fails with one line (exit 1).
private func topic(_ name: String, in garden: Garden) throws -> Topic {
    guard let topic = garden.findTopic(name) else { throw RuntimeError("no topic named '\(name)'") }
    return topic
}

/// Runs a structural edit, its refusal as one line (exit 1).
private func edit(_ work: () throws(GardenEditError) -> GardenEdit) throws -> GardenEdit {
    do {
        return try work()
    } catch {
        throw RuntimeError(error.description)
    }
}

struct TopicAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a topic: a folder named by the title's slug, with an index.md holding the title.",
        discussion: """
            TITLE may start with an existing topic's path or title and a slash \
            ('nngp-ntk/Infinite width'); '/TITLE' is at the root. Prints the new folder; with \
            --json one object with id (the folder) and title.
            """)

    @OptionGroup var gardenOptions: GardenOptions
    @Argument(help: ArgumentHelp("[PARENT/]TITLE.", valueName: "title")) var text: String
    @Option(help: ArgumentHelp("The parent topic when TITLE names none (default: the root).", valueName: "topic"))
    var under: String?
    @Flag(help: "Print one JSON object: id, title.") var json = false

    func validate() throws {
        guard NoteEdit.isPlainLine(text) else { throw ValidationError("a topic's title must be non-empty text without control characters") }
    }

    func run() throws {
        let garden = try gardenOptions.load()
        let parent = try under.map { try topic($0, in: garden).id } ?? ""
        let (parentID, title) = garden.newTopicPlace(text, under: parent)
        let made = try edit { () throws(GardenEditError) in try garden.addTopic(title, under: parentID) }
        if json {
            Output.print(JSON.object(["id": .string(made.path), "title": .string(title.trimmed)]).rendered())
        } else {
            Output.print(safe(made.path))
        }
    }
}

struct TopicRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Give a topic a new title (title: in its index file; the folder keeps its name).")

    @OptionGroup var gardenOptions: GardenOptions
    @Argument(help: ArgumentHelp("The topic's path or title.", valueName: "topic")) var name: String
    @Argument(help: ArgumentHelp("The new title.", valueName: "title")) var title: String
    @Flag(help: "Print one JSON object: id, title, changed.") var json = false

    func validate() throws {
        guard NoteEdit.isPlainLine(title) else { throw ValidationError("a topic's title must be non-empty text without control characters") }
    }

    func run() throws {
        let garden = try gardenOptions.load()
        let found = try topic(name, in: garden)
        let renamed = try edit { () throws(GardenEditError) in try garden.renameTopic(found.id, to: title) }
        if json {
            Output.print(JSON.object([
                "id": .string(found.id), "title": .string(title.trimmed), "changed": .array(renamed.change.changes.map(JSON.string)),
            ]).rendered())
        } else {
            let label = found.id.isEmpty ? "(root)" : found.id
            Output.print(renamed.change.steps.isEmpty ? "\(safe(label)): nothing to change" : "\(safe(label)): title: \(safe(title.trimmed))")
        }
    }
}

struct TopicMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move a topic's folder under another topic (topics: naming it are rewritten).")

    @OptionGroup var gardenOptions: GardenOptions
    @Argument(help: ArgumentHelp("The topic's path or title.", valueName: "topic")) var name: String
    @Option(help: ArgumentHelp("The new parent topic's path or title ('/' for the root).", valueName: "topic")) var under: String
    @Flag(help: "Print one JSON object: from, to, changed.") var json = false

    func run() throws {
        let garden = try gardenOptions.load()
        let found = try topic(name, in: garden)
        let parent = try topic(under, in: garden)
        let moved = try edit { () throws(GardenEditError) in try garden.moveTopic(found.id, under: parent.id) }
        if json {
            Output.print(JSON.object([
                "from": .string(found.id), "to": .string(moved.path), "changed": .array(moved.change.changes.map(JSON.string)),
            ]).rendered())
        } else {
            Output.print("moved \(safe(found.id)) to \(safe(moved.path))")
        }
    }
}
