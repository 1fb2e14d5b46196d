/// One step of reordering: towards the top of the list (the browser's K) or the bottom (J).
public enum OrderDirection: Sendable, Equatable {
    case up, down
}

extension Garden {
    /// Swaps a note with its neighbour among its siblings: the notes whose folder is the same
    /// topic, in display order (notes listed there only through `topics:` are ordered in their
    /// own folders). `order:` values are written (`OrderPlan`) so that the new display order
    /// is exactly the old one with the two swapped, in as few files as possible; notes
    /// without `order` get one only when the new order needs it.
    /// - Parameter topicID: the topic the list shows, when the caller has one: a note that
    ///   only appears there through `topics:` is refused rather than reordered elsewhere.
    /// - Returns: the note's path and the change (one write per file whose `order` changed).
    public func reorderNote(_ noteID: String, _ direction: OrderDirection,
                            in topicID: String? = nil) throws(GardenEditError) -> GardenEdit {
        guard let note = note(noteID) else { throw .unknownNote(noteID) }
        let home = note.topics[0]
        if let topicID, topicID != home { throw .notHome(note: note.id, home: home) }
        let siblings = (topic(home)?.noteIDs ?? []).compactMap(self.note).filter { $0.topics.first == home }
        let items = siblings.map { OrderPlan.Item(order: $0.order, title: $0.title.lowercased(), id: $0.id) }
        let values = try Self.swapped(items, at: siblings.firstIndex { $0.id == note.id }!, direction, name: note.id)
        var steps: [GardenChange.Step] = []
        for (index, value) in values.sorted(by: { $0.key < $1.key }) {
            let path = siblings[index].path
            let (bytes, text) = try readForEdit(path)
            var editor = FrontMatterEditor(text)
            if let value { editor.set("order", String(value)) } else { editor.remove("order") }
            steps.append(.write(path: absolute(path), before: bytes, after: Array(editor.text.utf8)))
        }
        let change = GardenChange(steps, changes: [direction == .up ? "moved up" : "moved down"])
        return GardenEdit(path: note.path, change: try apply(change))
    }

    /// Swaps a topic with its neighbour among its sibling topics, as `reorderNote` does for
    /// notes, through `order:` in each folder's index file; a folder without one gets an
    /// `index.md` holding only the front matter (`order: N`).
    /// - Returns: the topic's id and the change.
    public func reorderTopic(_ topicID: String, _ direction: OrderDirection) throws(GardenEditError) -> GardenEdit {
        guard let topic = topic(topicID) else { throw .unknownTopic(topicID) }
        guard let parent = topic.parent.flatMap(self.topic) else { throw .rootTopic }
        let siblings = parent.children.compactMap(self.topic)
        let items = siblings.map { OrderPlan.Item(order: $0.order, title: $0.title.lowercased(), id: $0.id) }
        let values = try Self.swapped(items, at: siblings.firstIndex { $0.id == topic.id }!, direction, name: topic.id)
        var steps: [GardenChange.Step] = []
        for (index, value) in values.sorted(by: { $0.key < $1.key }) {
            let sibling = siblings[index]
            guard let indexPath = sibling.indexPath else {
                // No index file: only a value can be new (removing one needs a file).
                guard let value else { continue }
                let text = "---\norder: \(value)\n---\n"
                steps.append(.write(path: absolute(Self.join(sibling.id, "index.md")), before: nil, after: Array(text.utf8)))
                continue
            }
            let (bytes, text) = try readForEdit(indexPath)
            var editor = FrontMatterEditor(text)
            if let value { editor.set("order", String(value)) } else { editor.remove("order") }
            steps.append(.write(path: absolute(indexPath), before: bytes, after: Array(editor.text.utf8)))
        }
        let change = GardenChange(steps, changes: [direction == .up ? "moved up" : "moved down"])
        return GardenEdit(path: topic.id, change: try apply(change))
    }

    /// The `order` values that swap `items[index]` with its neighbour (see `OrderPlan`).
    static func swapped(_ items: [OrderPlan.Item], at index: Int, _ direction: OrderDirection,
                        name: String) throws(GardenEditError) -> [Int: Int?] {
        let other = direction == .up ? index - 1 : index + 1
        guard items.indices.contains(other) else { throw .atEdge(name) }
        var wanted = items
        wanted.swapAt(index, other)
        let values = OrderPlan.assignments(for: wanted)
        // Positions in `wanted` → positions in `items`.
        return Dictionary(uniqueKeysWithValues: values.map { position, value in
            (position == index ? other : position == other ? index : position, value)
        })
    }
}
