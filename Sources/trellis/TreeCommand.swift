import ArgumentParser
import Garden

struct TreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree",
        abstract: "Print the topic tree with read/total paper counts.")

    @OptionGroup var gardenOptions: GardenOptions

    @Flag(name: .long, help: "List each topic's notes under it, with read marks.")
    var notes = false

    func run() throws {
        Output.print(TreeView.lines(of: try gardenOptions.load(), withNotes: notes))
    }
}

/// The topic tree as lines, drawn with box-drawing characters:
///
///     Garden 3/7
///     ├── NNGP / NTK 2/4
///     │   └── Kernels 1/1
///     └── Mean field 1/3
enum TreeView {
    static func lines(of garden: Garden, withNotes: Bool) -> [String] {
        let counts = garden.readCounts()
        var lines = [label(garden.rootTopic, counts)]
        var children: [Entry] = garden.rootTopic.children.map(Entry.topic)
        if withNotes { children = garden.rootTopic.noteIDs.compactMap(garden.note).map(Entry.note) + children }
        append(children, prefix: "", garden: garden, counts: counts, withNotes: withNotes, to: &lines)
        return lines
    }

    private enum Entry {
        case topic(String)
        case note(Note)
    }

    private static func append(_ entries: [Entry], prefix: String, garden: Garden, counts: [String: (read: Int, total: Int)],
                               withNotes: Bool, to lines: inout [String]) {
        for (index, entry) in entries.enumerated() {
            let last = index == entries.count - 1
            let branch = prefix + (last ? "└── " : "├── ")
            switch entry {
            case .note(let note):
                lines.append(branch + readMark(note) + " " + safe(note.title))
            case .topic(let id):
                guard let topic = garden.topic(id) else { continue }
                lines.append(branch + label(topic, counts))
                var below: [Entry] = topic.children.map(Entry.topic)
                if withNotes { below = topic.noteIDs.compactMap(garden.note).map(Entry.note) + below }
                append(below, prefix: prefix + (last ? "    " : "│   "), garden: garden, counts: counts, withNotes: withNotes,
                       to: &lines)
            }
        }
    }

    /// "Title read/total" over the topic and everything below it.
    static func label(_ topic: Topic, _ counts: [String: (read: Int, total: Int)]) -> String {
        let count = counts[topic.id] ?? (0, 0)
        return "\(safe(topic.title)) \(count.read)/\(count.total)"
    }
}
