/// Reading one note again instead of the whole garden: after an edit, or when another program
/// changed a file. A 10,000-note garden takes a few hundred milliseconds to load; one note
/// takes well under one.
extension Garden {
    /// Which of `paths` (relative to the root) the garden does not hold as they are on disk
    /// now: changed, new or gone. Hidden files and non-Markdown files never count; so an
    /// outside change is told from the garden's own edits, which it already read.
    public func changedFiles(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        return paths.filter { path in
            guard seen.insert(path).inserted, GardenFiles.isMarkdownNote(path) else { return false }
            return GardenFiles.record(root: root, path: path) != records[path]
        }
    }

    /// The garden with the notes at `paths` (relative) read again, when nothing else can have
    /// changed: each is a note the garden holds, it still loads without a problem, and its id,
    /// title, topics, order, kind and wiki links are the same (the list's order, the tree,
    /// links and backlinks then stand). Otherwise nil: read the whole garden again.
    public func reloading(_ paths: [String]) -> Garden? {
        let topicIDs = Set(topics.map(\.id))
        var notes = self.notes
        var records = self.records
        var replaced = Set<String>()
        for path in Set(paths) {
            let id = path.fileName.droppingExtension
            guard GardenFiles.isMarkdownNote(path), !GardenBuilder.indexNames.contains(path.fileName),
                  let position = noteIndex[id.lowercased()], notes[position].path == path,
                  let record = GardenFiles.record(root: root, path: path)
            else { return nil }
            let file = ParsedFile.parse(record, root: root)
            guard let front = file.frontMatter, file.problems.isEmpty else { return nil }
            var factory = NoteFactory(file: file, id: id, knownTopics: topicIDs)
            let note = factory.make(front)
            let old = notes[position]
            guard factory.problems.isEmpty, note.title == old.title, note.topics == old.topics,
                  note.order == old.order, note.kind == old.kind, note.wikiLinks == old.wikiLinks
            else { return nil }
            notes[position] = note
            records[path] = record
            replaced.insert(path)
        }
        // The problems the garden found at these paths must all be about the garden as a whole
        // (links, shared titles), which the conditions above keep true; a problem of the
        // file's own may be gone now, so that needs the whole reading.
        guard !problems.contains(where: { replaced.contains($0.path) && !$0.isAboutTheGarden }) else { return nil }
        return Garden(self, notes: notes, problems: problems, records: records)
    }
}

extension Problem {
    /// Whether the builder found this problem by comparing notes (an unresolved wiki link, a
    /// shared title), not in the file alone.
    var isAboutTheGarden: Bool {
        severity == .warning && (message.hasPrefix(GardenBuilder.unresolvedLinkPrefix) || message.hasPrefix(GardenBuilder.sharedTitlePrefix))
    }
}
