import ArgumentParser
import Garden

/// `trellis rm NOTE`: the note goes to the garden's `.trash/` (nothing is deleted).
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm", abstract: "Move a note into the garden's .trash/ folder (trellis restore brings it back).",
        discussion: "With --json: one object with id, from (the note's path) and to (its path in the trash).")

    @OptionGroup var gardenOptions: GardenOptions
    @Argument(help: ArgumentHelp("The note's id, path or title.", valueName: "note")) var name: String
    @Flag(help: "Print one JSON object: id, from, to.") var json = false

    func run() throws {
        let garden = try gardenOptions.load()
        guard let note = garden.find(name) else { throw RuntimeError(garden.notFound(name)) }
        do {
            let target = try Trash.remove(note.path, root: garden.root)
            if json {
                Output.print(JSON.object(["id": .string(note.id), "from": .string(note.path), "to": .string(target)]).rendered())
            } else {
                Output.print("moved \(safe(note.path)) to \(safe(target))")
            }
        } catch {
            throw RuntimeError(error.description)
        }
    }
}

/// `trellis restore NOTE`: a trashed note back where it was.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Bring a note back from the garden's .trash/ folder to where it was.",
        discussion: "With --json: one object with id, from (its path in the trash) and to (the restored path).")

    @OptionGroup var gardenOptions: GardenOptions
    @Argument(help: ArgumentHelp("The trashed note's id, file name or path inside .trash/.", valueName: "note")) var name: String
    @Flag(help: "Print one JSON object: id, from, to.") var json = false

    func run() throws {
        let garden = try gardenOptions.load()
        do {
            let (from, to) = try Trash.restore(name, root: garden.root)
            if json {
                Output.print(JSON.object([
                    "id": .string(to.fileName.droppingExtension), "from": .string(from), "to": .string(to),
                ]).rendered())
            } else {
                Output.print("restored \(safe(to))")
            }
        } catch {
            throw RuntimeError(error.description)
        }
    }
}
