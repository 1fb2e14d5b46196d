import Garden

/// One visible row of the topic tree.
public struct TopicRow: Equatable, Sendable {
    public var topicID: String
    public var depth: Int
    public var hasChildren: Bool
    public var isExpanded: Bool
}

extension AppState {
    /// The topics shown in the tree, in display order: the root and, under every expanded topic,
    /// its children (the Pareto-frontier order of the garden's `order` keys).
    public var topicRows: [TopicRow] {
        guard let garden else { return [] }
        var rows: [TopicRow] = []
        func visit(_ id: String) {
            guard let topic = garden.topic(id) else { return }
            let expanded = tree.expanded.contains(id)
            rows.append(TopicRow(topicID: id, depth: topic.depth, hasChildren: !topic.children.isEmpty,
                                 isExpanded: expanded))
            if expanded { topic.children.forEach(visit) }
        }
        visit(garden.rootTopic.id)
        return rows
    }

    /// The index of the selected topic among `topicRows` (0 when it is hidden).
    var selectedTopicRow: Int {
        topicRows.firstIndex { $0.topicID == tree.selected } ?? 0
    }

    /// The note selected in the papers list, if any.
    public var selectedNote: Note? {
        guard list.noteIDs.indices.contains(list.selected) else { return nil }
        return garden?.note(list.noteIDs[list.selected])
    }
}
