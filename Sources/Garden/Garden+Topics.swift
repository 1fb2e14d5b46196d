extension Garden {
    /// Where `topic add TEXT` puts a new topic: `PARENT/TITLE`, where PARENT names an existing
    /// topic by id or title (the longest such prefix before a `/`; `/TITLE` is the root), else
    /// the whole text is the title, under `defaultParent`. So "NNGP / NTK" is a title, and
    /// "nngp-ntk/Infinite width" a title under nngp-ntk.
    public func newTopicPlace(_ text: String, under defaultParent: String = "") -> (parent: String, title: String) {
        let text = text.trimmed
        var slash = text.lastIndex(of: "/")
        while let position = slash {
            let title = String(text[text.index(after: position)...]).trimmed
            if !title.isEmpty, let parent = findTopic(String(text[..<position]).trimmed) { return (parent.id, title) }
            slash = text[..<position].lastIndex(of: "/")
        }
        return (defaultParent, text)
    }

    /// A new topic under `parentID` ("" is the root): the folder named by the title's slug
    /// (`Slug.make`) and an `index.md` holding `title:`. Refused when a folder or file of
    /// that name is there, or a sibling topic has the same title.
    /// - Returns: the new topic's id (its folder) and the change: the folder made, the index
    ///   written (undo removes both, the folder only while it is empty).
    public func addTopic(_ title: String, under parentID: String) throws(GardenEditError) -> GardenEdit {
        let title = title.trimmed
        guard NoteEdit.isPlainLine(title), title.contains(where: { $0.isLetter || $0.isNumber }) else { throw .badTitle(title) }
        guard let parent = topic(parentID) else { throw .unknownTopic(parentID) }
        let key = TitleKey.of(title)
        if let twin = parent.children.compactMap(topic).first(where: { TitleKey.of($0.title) == key }) {
            throw .alreadyThere("a topic titled '\(twin.title)' (\(twin.id))")
        }
        let folder = Self.join(parent.id, Slug.make(title))
        guard !SafeFile.exists(absolute(folder)) else { throw .occupied(folder) }
        let index = "---\ntitle: \(YAMLText.scalar(title))\n---\n"
        let change = GardenChange([
            .makeFolder(absolute(folder)),
            .write(path: absolute(Self.join(folder, "index.md")), before: nil, after: Array(index.utf8)),
        ], changes: ["added topic \(folder)"])
        return GardenEdit(path: folder, change: try apply(change))
    }

    /// Gives a topic a new title: `title:` in its index file, which is created (`index.md`
    /// with only `title:`) when the folder has none. The folder keeps its name, so the topic's
    /// id, its notes' paths and every `topics:` naming it stay. An unchanged title writes
    /// nothing (the change is empty).
    public func renameTopic(_ topicID: String, to title: String) throws(GardenEditError) -> GardenEdit {
        let title = title.trimmed
        guard NoteEdit.isPlainLine(title) else { throw .badTitle(title) }
        guard let topic = topic(topicID) else { throw .unknownTopic(topicID) }
        let step: GardenChange.Step
        if let indexPath = topic.indexPath {
            let (bytes, text) = try readForEdit(indexPath)
            var editor = FrontMatterEditor(text)
            guard editor.set("title", YAMLText.scalar(title)) else { return GardenEdit(path: topic.id, change: GardenChange([], changes: [])) }
            step = .write(path: absolute(indexPath), before: bytes, after: Array(editor.text.utf8))
        } else {
            let index = "---\ntitle: \(YAMLText.scalar(title))\n---\n"
            step = .write(path: absolute(Self.join(topic.id, "index.md")), before: nil, after: Array(index.utf8))
        }
        return GardenEdit(path: topic.id, change: try apply(GardenChange([step], changes: ["title: \(title)"])))
    }

    /// Moves a topic's folder (with everything in it) under another topic: one rename. Notes
    /// whose `topics:` name the folder or a folder below it are rewritten to the new paths,
    /// and the topic's own `order:` is removed (it placed the topic among its old siblings), in
    /// the same change. Refused for the root, into itself or below itself, where it already
    /// is, or onto an existing folder or file. Wiki links that name a topic by its path are
    /// not rewritten (links by title keep working).
    /// - Returns: the topic's new id (its folder) and the change.
    public func moveTopic(_ topicID: String, under parentID: String) throws(GardenEditError) -> GardenEdit {
        guard let topic = topic(topicID) else { throw .unknownTopic(topicID) }
        guard !topic.id.isEmpty else { throw .rootTopic }
        guard let parent = self.topic(parentID) else { throw .unknownTopic(parentID) }
        guard parent.id != topic.id, !parent.id.hasPrefix(topic.id + "/") else { throw .intoItself(topic.id) }
        guard topic.parent != parent.id else { throw .alreadyThere(topic.id) }
        let target = Self.join(parent.id, topic.id.fileName)
        guard !SafeFile.exists(absolute(target)) else { throw .occupied(target) }
        let renamed = { (item: String) -> String? in
            let path = item.trimmingCharacters(in: "/")
            if path == topic.id { return target }
            if path.hasPrefix(topic.id + "/") { return target + path.dropFirst(topic.id.count) }
            return nil
        }
        var steps: [GardenChange.Step] = []
        for note in notes where (note.frontMatter["topics"]?.strings ?? []).contains(where: { renamed($0) != nil }) {
            let (bytes, text) = try readForEdit(note.path)
            var editor = FrontMatterEditor(text)
            if editor.replaceListItems("topics", renamed) {
                steps.append(.write(path: absolute(note.path), before: bytes, after: Array(editor.text.utf8)))
            }
        }
        if let indexPath = topic.indexPath {
            let (bytes, text) = try readForEdit(indexPath)
            var editor = FrontMatterEditor(text)
            if editor.remove("order") {
                steps.append(.write(path: absolute(indexPath), before: bytes, after: Array(editor.text.utf8)))
            }
        }
        steps.append(.move(from: absolute(topic.id), to: absolute(target)))
        let change = GardenChange(steps, changes: ["moved to \(parent.id.isEmpty ? "the root" : parent.id)"])
        return GardenEdit(path: target, change: try apply(change))
    }
}
