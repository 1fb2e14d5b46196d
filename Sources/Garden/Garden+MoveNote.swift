extension Garden {
    /// Moves a note's file into another topic's folder: one rename, keeping the file name, so
    /// the note's id and every wiki link to it stay. An `order:` key is removed first (one
    /// write), because it placed the note among its old siblings: in the new topic the note
    /// follows the ordered notes, by title, until it is reordered there. Refused when a file
    /// of that name is in the folder, or the note lives in that topic already.
    /// - Returns: the note's new path and the change (the write, if any, then the rename).
    public func moveNote(_ noteID: String, to topicID: String) throws(GardenEditError) -> GardenEdit {
        guard let note = note(noteID) else { throw .unknownNote(noteID) }
        guard let topic = topic(topicID) else { throw .unknownTopic(topicID) }
        guard note.path.folder != topic.id else { throw .alreadyThere(note.path) }
        let target = Self.join(topic.id, note.path.fileName)
        guard !SafeFile.exists(absolute(target)) else { throw .occupied(target) }
        var steps: [GardenChange.Step] = []
        var changes = ["moved to \(topic.id.isEmpty ? "the root" : topic.id)"]
        let (bytes, text) = try readForEdit(note.path)
        var editor = FrontMatterEditor(text)
        if editor.remove("order") {
            steps.append(.write(path: absolute(note.path), before: bytes, after: Array(editor.text.utf8)))
            changes.append("order removed")
        }
        steps.append(.move(from: absolute(note.path), to: absolute(target)))
        let change = GardenChange(steps, changes: changes)
        return GardenEdit(path: target, change: try apply(change))
    }
}
