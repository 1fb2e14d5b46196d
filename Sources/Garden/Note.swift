/// One note of the garden: a paper, or an item that is not a paper (a to-do, a bare link, a
/// talk, a chapter). Immutable; built by the loader from one Markdown file.
///
/// The fields live in one shared box, so copying a note (sorting, indexing, handing it to the
/// UI) costs one reference count instead of one per string and array: with 10,000 notes that
/// was a fifth of the load time. Read fields as `note.title`; they come from `Note.Fields`.
@dynamicMemberLookup
public struct Note: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable { case paper, item }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private let box: Box

    public init(_ fields: Fields) { box = Box(fields) }

    public var fields: Fields { box.fields }
    public var id: String { box.fields.id }

    public subscript<Value>(dynamicMember keyPath: KeyPath<Fields, Value>) -> Value {
        box.fields[keyPath: keyPath]
    }

    public var isRead: Bool { box.fields.status == .read }

    public static func == (lhs: Note, rhs: Note) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }
}

extension Note {
    /// Everything the loader knows about a note.
    public struct Fields: Sendable, Equatable {
        /// The file name without `.md`; unique in the garden.
        public var id: String
        public var kind: Kind
        public var title: String
        public var authors: [String]
        public var year: Int?
        public var links: Links
        /// nil for items that carry no status.
        public var status: ReadStatus?
        /// The owner's separate "read in depth" mark (✅).
        public var readInDepth: Bool
        public var tags: [String]
        /// The topic ids this note belongs to: its folder first, then the `topics:` key's.
        public var topics: [String]
        /// Where the note came from (pages, sections, schedule dates, marks), as written.
        public var sources: [YAMLValue]
        /// Position within its folder's topic when the front matter gives one.
        public var order: Int?
        /// The file's path relative to the garden root.
        public var path: String
        /// The whole front matter, unknown keys included.
        public var frontMatter: YAMLValue
        /// The Markdown after the front matter.
        public var body: Substring
        /// File line on which `body` starts.
        public var bodyLineOffset: Int
        public var abstract: Substring?
        public var notes: Substring?
        /// `[[wiki links]]` in the body, in order.
        public var wikiLinks: [WikiLink]
        /// File line of each top-level front-matter key.
        public var keyLines: [String: Int]
    }
}

public enum ReadStatus: String, Sendable, CaseIterable {
    case unread, reading, read
}

public struct Links: Sendable, Equatable {
    public var arxiv: String?
    public var url: String?
    public var openreview: String?

    public init(arxiv: String? = nil, url: String? = nil, openreview: String? = nil) {
        self.arxiv = arxiv
        self.url = url
        self.openreview = openreview
    }

    public var isEmpty: Bool { arxiv == nil && url == nil && openreview == nil }
}

/// A `[[target]]`, `[[target|label]]` or `[[target#heading]]` in a note's body.
public struct WikiLink: Sendable, Equatable {
    public var target: String
    public var label: String?
    /// 1-based line in the file.
    public var line: Int
}
