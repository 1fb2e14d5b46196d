/// What adding a paper did: a new note, or the note the garden already has for that paper.
public enum PaperAddition: Sendable, Equatable {
    /// A note was created: its path relative to the root (its id is the file name without
    /// `.md`), and the change that `u` undoes (one file created).
    case added(path: String, GardenChange)
    /// The paper is in the garden already: that note. Nothing was written.
    case found(Note)
}

extension Garden {
    /// Adds a paper as a new note in the topic `topicID` (`""` is the root) — unless the
    /// garden has it already, in which case that note is returned and nothing is written.
    /// The file is `<arxiv id>.md` (`/` written `-` for old-style ids), `openreview-<id>.md`
    /// or `<title slug>.md`; when that name is taken anywhere in the garden (ids are unique
    /// garden-wide) it is numbered: `<stem>-2.md`, `-3`…; an existing file is never
    /// overwritten. `date` (`YYYY-MM-DD`) is written as `added:`.
    public func addPaper(_ reference: PaperReference, to topicID: String,
                         date: String = PaperNote.today()) throws(GardenEditError) -> PaperAddition {
        if let existing = existingNote(for: reference) { return .found(existing) }
        guard let topic = topic(topicID) else { throw .unknownTopic(topicID) }
        let path = freeNotePath(stem: reference.fileStem, in: topic.id)
        let text = PaperNote.text(for: reference, date: date)
        let change = GardenChange(path: absolute(path), before: nil, after: Array(text.utf8),
                                  changes: ["added \(path)"])
        return .added(path: path, try apply(change))
    }

    /// `addPaper` from what the owner typed (see `PaperReference.parse`).
    public func addPaper(_ input: String, to topicID: String,
                         date: String = PaperNote.today()) throws(GardenEditError) -> PaperAddition {
        let reference: PaperReference
        do {
            reference = try PaperReference.parse(input)
        } catch {
            throw .badReference(error)
        }
        return try addPaper(reference, to: topicID, date: date)
    }

    /// The note the garden already has for this paper, if any: for an arXiv id, a note whose
    /// `arxiv:` or any link in its front matter names the same id (whatever the version), or
    /// whose file is named after it; for an OpenReview id the same with `openreview:`; for a
    /// title, a note with the same title (`TitleKey`: any case, runs of spaces as one). Links
    /// in note bodies do not count: a body cites other papers.
    public func existingNote(for reference: PaperReference) -> Note? {
        switch reference {
        case .arxiv(let id):
            let key = id.lowercased()
            return note(reference.fileStem) ?? notes.first { Self.arxivIDs(in: $0.frontMatter).contains(key) }
        case .openreview(let id):
            return note(reference.fileStem) ?? notes.first { Self.openreviewIDs(in: $0.frontMatter).contains(id) }
        case .title(let title):
            let key = TitleKey.of(title)
            return notes.first { TitleKey.of($0.title) == key }
        }
    }

    /// The arXiv ids (lowercased, no version) that a front matter names: its `arxiv:` value
    /// (an id or a link) and every arXiv link among its values.
    static func arxivIDs(in front: YAMLValue) -> Set<String> {
        var ids = Set<String>()
        if let value = front["arxiv"]?.string, let id = Identifiers.arxivID(value.trimmed) { ids.insert(id.lowercased()) }
        front.forEachString { text in
            if text.contains("arxiv.org"), let id = Identifiers.arxiv(text) { ids.insert(id.lowercased()) }
        }
        return ids
    }

    /// The OpenReview ids that a front matter names: `openreview:` and every OpenReview link.
    static func openreviewIDs(in front: YAMLValue) -> Set<String> {
        var ids = Set<String>()
        if let value = front["openreview"]?.string?.trimmed, Identifiers.isOpenReviewID(value) { ids.insert(value) }
        front.forEachString { text in
            if text.contains("openreview.net"), let id = Identifiers.openreview(text) { ids.insert(id) }
        }
        return ids
    }

    /// `<folder>/<stem>.md`, numbered (`<stem>-2`, `-3`…) until the id is free in the whole
    /// garden, no file is there, and it is not a topic's index name.
    func freeNotePath(stem: String, in folder: String) -> String {
        // Files that did not load (bad YAML, bad bytes) still hold their ids.
        let skipped = Set(problems.map { $0.path.fileName.droppingExtension.lowercased() })
        var candidate = stem
        var number = 2
        while note(candidate) != nil || skipped.contains(candidate.lowercased())
                || GardenBuilder.indexNames.contains(candidate.lowercased() + ".md")
                || SafeFile.exists(absolute(Self.join(folder, candidate + ".md"))) {
            candidate = stem + "-\(number)"
            number += 1
        }
        return Self.join(folder, candidate + ".md")
    }

    /// `folder/name`, or `name` at the root.
    static func join(_ folder: String, _ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
}

extension YAMLValue {
    /// Calls `body` with every string scalar, at any depth.
    func forEachString(_ body: (String) -> Void) {
        switch self {
        case .scalar: if let text = string { body(text) }
        case .list(let items): items.forEach { $0.forEachString(body) }
        case .map(let pairs): pairs.forEach { $0.value.forEachString(body) }
        }
    }
}
