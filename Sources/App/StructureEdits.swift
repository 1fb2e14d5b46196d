import Garden

/// Edits that change the garden's shape: a paper added, a note or topic moved, reordered or
/// renamed. The keys and the palette ask for one; the run loop performs it (`perform`, which
/// writes files through Garden); the answer selects what was made or moved, and `u` undoes it.
public enum StructureEdit: Sendable, Equatable {
    case addPaper(String, topic: String)
    case moveNote(String, topic: String)
    case reorderNote(String, OrderDirection, topic: String)
    case reorderTopic(String, OrderDirection)
    case addTopic(String, under: String)
    case renameTopic(String, title: String)
    case moveTopic(String, under: String)

    /// Writes the edit (the run loop calls this; it touches the disk). Answers
    /// `.structureEdited`, `.paperFound` or `.effectFailed` (nothing written).
    public func perform(in garden: Garden) -> Message {
        do throws(GardenEditError) {
            switch self {
            case .addPaper(let input, let topic):
                switch try garden.addPaper(input, to: topic) {
                case .added(let path, let change):
                    return .structureEdited(change, select: .note(path.fileName.droppingExtension), "Added \(path)")
                case .found(let note):
                    return .paperFound(noteID: note.id)
                }
            case .moveNote(let id, let topic):
                let edit = try garden.moveNote(id, to: topic)
                let title = garden.note(id)?.title ?? id
                return .structureEdited(edit.change, select: .note(id), "Moved \"\(title)\" to \(garden.topic(topic)?.title ?? topic)")
            case .reorderNote(let id, let direction, let topic):
                let edit = try garden.reorderNote(id, direction, in: topic)
                return .structureEdited(edit.change, select: .note(id), "Moved \"\(garden.note(id)?.title ?? id)\" \(direction == .up ? "up" : "down")")
            case .reorderTopic(let id, let direction):
                let edit = try garden.reorderTopic(id, direction)
                return .structureEdited(edit.change, select: .topic(id), "Moved \(garden.topic(id)?.title ?? id) \(direction == .up ? "up" : "down")")
            case .addTopic(let title, let parent):
                let edit = try garden.addTopic(title, under: parent)
                return .structureEdited(edit.change, select: .topic(edit.path), "Added the topic \(title)")
            case .renameTopic(let id, let title):
                let edit = try garden.renameTopic(id, to: title)
                return .structureEdited(edit.change, select: .topic(id), edit.change.isEmpty ? "The topic is already called \(title)" : "Renamed the topic to \(title)")
            case .moveTopic(let id, let parent):
                let edit = try garden.moveTopic(id, under: parent)
                return .structureEdited(edit.change, select: .topic(edit.path), "Moved \(garden.topic(id)?.title ?? id) under \(garden.topic(parent)?.title ?? "the root")")
            }
        } catch {
            return .effectFailed(error.description)
        }
    }
}

extension AppState {
    /// `A` (the palette's `add …`): a paper from a title, an arXiv id or URL, or an
    /// OpenReview URL, into the selected topic.
    mutating func addPaper(_ input: String) -> [Effect] {
        let text = input.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            status = StatusMessage("add takes a title, an arXiv id or URL, or an OpenReview URL", isError: true)
            return []
        }
        return [.structureEdit(.addPaper(text, topic: tree.selected))]
    }

    /// `M` (the palette's `move TOPIC`): the note to another topic.
    mutating func moveNote(toTopic name: String) -> [Effect] {
        guard let note = noteToEdit() else { return [] }
        guard let topic = garden?.findTopic(name) else {
            status = StatusMessage("No topic called \"\(name)\"", isError: true)
            return []
        }
        return [.structureEdit(.moveNote(note.id, topic: topic.id))]
    }

    /// `J` / `K`: the selected topic (tree focused) or note one place down or up among its
    /// siblings, written as `order:` values.
    mutating func reorder(_ direction: OrderDirection) -> [Effect] {
        if focus == .tree {
            guard !tree.selected.isEmpty else {
                status = StatusMessage("The root topic has no siblings", isError: true)
                return []
            }
            return [.structureEdit(.reorderTopic(tree.selected, direction))]
        }
        guard let note = noteToEdit() else { return [] }
        // In the list: among the topic's own papers; elsewhere, in the note's home topic.
        let topic = focus == .list ? tree.selected : note.topics.first ?? tree.selected
        return [.structureEdit(.reorderNote(note.id, direction, topic: topic))]
    }

    /// The palette's `topic add NAME`, `topic rename TITLE`, `topic move PARENT`, acting on the
    /// selected topic; nil when `argument` is not one of them.
    mutating func topicEdit(_ argument: String) -> [Effect]? {
        let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard let sub = parts.first?.lowercased(), ["add", "rename", "move"].contains(sub), let garden else { return nil }
        let rest = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard !rest.isEmpty else {
            status = StatusMessage("topic \(sub) takes \(sub == "move" ? "the new parent topic" : "a title")", isError: true)
            return []
        }
        switch sub {
        case "add":
            let place = garden.newTopicPlace(rest, under: tree.selected)
            return [.structureEdit(.addTopic(place.title, under: place.parent))]
        case "rename":
            return [.structureEdit(.renameTopic(tree.selected, title: rest))]
        default:
            let isRoot = ["/", "garden", "root", TitleKey.of(garden.rootTopic.title)].contains(TitleKey.of(rest))
            // By name, else the best of the letters-in-order matches (as `M`'s chooser).
            let fuzzy = CommandPalette.fuzzy(garden.topics.dropFirst().map(\.title), matching: rest).first.flatMap(garden.findTopic)
            guard let parent = isRoot ? garden.rootTopic : garden.findTopic(rest) ?? fuzzy else {
                status = StatusMessage("No topic called \"\(rest)\"", isError: true)
                return []
            }
            return [.structureEdit(.moveTopic(tree.selected, under: parent.id))]
        }
    }

    /// After the garden is read again: select what the last edit made or moved.
    mutating func applyPendingSelection() {
        guard let selection = pendingSelection, let garden else { return }
        pendingSelection = nil
        switch selection {
        case .topic(let id):
            guard garden.topic(id) != nil else { return }
            selectTopic(id)
            focus = .tree
        case .note(let id):
            guard let note = garden.note(id) else { return }
            if !list.noteIDs.contains(id) { selectTopic(note.topics.first ?? "", showingPage: false) }
            if let index = list.noteIDs.firstIndex(of: id) {
                list.selected = index
                focus = .list
                show(.note(id))
            }
            keepSelectionsVisible()
        }
    }
}
