import ArgumentParser
import Foundation
import Garden

/// `trellis set NOTE …`: edits a note's front matter from the shell, touching only the lines
/// the edit must (see docs/garden-format.md, "Edits"): the file is written atomically, and
/// never over a change made on disk since it was read.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change a note's status, read-in-depth mark, tags or title (only those lines change).")

    @OptionGroup var gardenOptions: GardenOptions

    @Argument(help: ArgumentHelp("The note's id, path or title.", valueName: "note"))
    var name: String

    @Option(parsing: .unconditional, help: ArgumentHelp("unread, reading or read.", valueName: "status")) var status: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("true or false (true implies read).", valueName: "bool")) var readInDepth: String?
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Add a tag (repeatable).", valueName: "tag")) var addTag: [String] = []
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Remove a tag (repeatable).", valueName: "tag")) var removeTag: [String] = []
    @Option(parsing: .unconditional, help: ArgumentHelp("A new title.", valueName: "title")) var title: String?
    @Flag(help: "Print one JSON object: the note's path and what changed.") var json = false

    func validate() throws {
        if let status, ReadStatus(rawValue: status) == nil {
            throw ValidationError("--status must be unread, reading or read, not '\(status)'")
        }
        if let readInDepth, !["true", "false"].contains(readInDepth) {
            throw ValidationError("--read-in-depth must be true or false, not '\(readInDepth)'")
        }
        for tag in addTag + removeTag where !NoteEdit.isPlainTag(tag) {
            throw ValidationError("a tag is one word of letters, digits, '-', '_', '.', '/' or '+', not '\(tag)'")
        }
        if let title, !NoteEdit.isPlainLine(title) {
            throw ValidationError("--title must be non-empty text without control characters")
        }
        if status == nil, readInDepth == nil, addTag.isEmpty, removeTag.isEmpty, title == nil {
            throw ValidationError("nothing to set: give --status, --read-in-depth, --add-tag, --remove-tag or --title")
        }
    }

    func run() throws {
        let garden = try gardenOptions.load()
        guard let note = garden.find(name) else { throw RuntimeError(garden.notFound(name)) }
        // "read in depth" implies read.
        let newStatus = readInDepth == "true" && status == nil && note.status != .read ? "read" : status
        var edits: [NoteEdit] = []
        if let newStatus, let value = ReadStatus(rawValue: newStatus) { edits.append(.status(value)) }
        if let readInDepth { edits.append(.readInDepth(readInDepth == "true")) }
        edits += addTag.map(NoteEdit.addTag) + removeTag.map(NoteEdit.removeTag)
        if let title { edits.append(.title(title)) }
        let changes: [String]
        do {
            changes = try NoteEdit.apply(edits, toFileAt: garden.root + "/" + note.path)
        } catch {
            throw RuntimeError(error.description.replacingOccurrences(of: garden.root + "/", with: ""))
        }
        if json {
            Output.print(JSON.object(["path": .string(note.path), "changed": .array(changes.map(JSON.string))]).rendered())
        } else {
            Output.print(changes.isEmpty ? "\(safe(note.path)): nothing to change" : "\(safe(note.path)): " + changes.map(safe).joined(separator: "; "))
        }
    }
}
