import Garden

/// A note as the import will leave it: either a new file, or an existing file with additions
/// (new sources, new topics, values for empty keys, missing sections).
final class PlannedNote {
    var existing: Note?
    var title: String
    var kind: Note.Kind
    var url: String?
    var arxiv: String?
    var openreview: String?
    var status: ReadStatus?
    var readInDepth: Bool
    var abstract: String?
    var notes: String?
    var hasNotesBlock: Bool
    /// Topic ids; the first is the folder.
    var topics: [String]
    var sources: [YAMLValue]
    var order: Int?
    var path: String

    /// Additions to an existing note.
    var addedTopics: [String] = []
    var addedSources: [YAMLValue] = []
    var fills: [(key: String, yaml: String)] = []
    var addedAbstract: String?
    var addedNotes: String?
    /// Each source's count in the file, and in this import: a page that lists the same entry
    /// twice in one section gives two equal sources, and importing it again adds none.
    var sourceCountsOnDisk: [String: Int] = [:]
    var sourceCountsImported: [String: Int] = [:]

    init(entry: PageEntry, path: String, order: Int) {
        title = entry.title
        kind = entry.kind
        url = entry.url
        arxiv = entry.arxiv
        openreview = entry.openreview
        status = entry.status
        readInDepth = entry.readInDepth
        abstract = entry.abstract
        notes = entry.notes
        hasNotesBlock = entry.hasNotesBlock
        topics = [entry.topic]
        sources = []
        self.order = order
        self.path = path
    }

    init(existing note: Note) {
        existing = note
        title = note.title
        kind = note.kind
        url = note.links.url
        arxiv = note.links.arxiv
        openreview = note.links.openreview
        status = note.frontMatter["status"]?.isNull == false ? note.status : nil
        readInDepth = note.readInDepth
        abstract = note.abstract.map(String.init)
        notes = note.notes.map(String.init)
        hasNotesBlock = note.notes != nil
        topics = note.topics
        sources = note.sources
        order = note.order
        path = note.path
        for source in note.sources { sourceCountsOnDisk[source.canonicalText, default: 0] += 1 }
    }

    /// Identities that name one paper whatever the link looks like.
    var identities: Set<String> {
        var ids = Set<String>()
        if let arxiv { ids.insert("arxiv:" + arxiv) }
        if let openreview { ids.insert("openreview:" + openreview) }
        if let url, Identifiers.arxiv(url) == nil, Identifiers.openreview(url) == nil {
            ids.insert("url:" + Identifiers.canonicalURL(url))
        }
        return ids
    }
}

extension PageEntry {
    var identities: Set<String> {
        var ids = Set<String>()
        if let arxiv { ids.insert("arxiv:" + arxiv) }
        if let openreview { ids.insert("openreview:" + openreview) }
        if let url, arxiv == nil, openreview == nil { ids.insert("url:" + Identifiers.canonicalURL(url)) }
        return ids
    }
}

extension YAMLValue {
    /// The value's content as text, ignoring how scalars were quoted, for comparing what the
    /// importer builds with what it wrote earlier.
    var canonicalText: String {
        switch self {
        case .scalar(let text, _): return isNull ? "~" : "'" + text + "'"
        case .list(let items): return "[" + items.map(\.canonicalText).joined(separator: ",") + "]"
        case .map(let pairs): return "{" + pairs.map { $0.key + ":" + $0.value.canonicalText }.joined(separator: ",") + "}"
        }
    }
}
