import ArgumentParser
import Foundation
import Garden

/// `trellis edit NOTE`: the note's file in `$VISUAL` or `$EDITOR` (at its notes section), then
/// the note read again and any problem the edit made shown, as the browser's `e` does.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open a note in $VISUAL or $EDITOR, then check it (an editor that fails changes nothing).")

    @OptionGroup var gardenOptions: GardenOptions
    @Argument(help: ArgumentHelp("The note's id, path or title.", valueName: "note")) var name: String
    @Option(help: ArgumentHelp("The file line to open at (default: the notes section's heading).", valueName: "n")) var line: Int?
    @Flag(help: "Print one JSON object: the note's path, whether it changed, what happened, its problems.") var json = false

    func validate() throws {
        if let line, line < 1 { throw ValidationError("--line must be 1 or more, not \(line)") }
    }

    func run() throws {
        guard let editor = ExternalEditor.fromEnvironment else {
            throw RuntimeError("no editor: set $VISUAL or $EDITOR (for example EDITOR=vi)")
        }
        let garden = try gardenOptions.load()
        guard let note = garden.find(name) else { throw RuntimeError(garden.notFound(name)) }
        let notesLine = NoteSections.notesHeadingLine(of: note)
        let (change, message, failed) = editor.edit(path: garden.root + "/" + note.path, line: line ?? notesLine, title: note.title)
        // Read again: an edit that broke the front matter is said at once, not at the next load.
        let problems = change.isEmpty ? [] : ((try? GardenLoader.load(garden.root))?.problems.filter { $0.path == note.path } ?? [])
        if json {
            Output.print(JSON.object([
                "path": .string(note.path), "changed": .bool(!change.isEmpty), "message": .string(message),
                "problems": .array(problems.map { .string($0.description) }),
            ]).rendered())
        } else {
            Output.print(safe(message))
            for problem in problems { Output.print(safe(problem.description)) }
        }
        if failed { throw ExitCode(1) }
    }
}
