import Garden

/// One entry read from a page: a paper or an item (a to-do, a bare link, a talk, a chapter),
/// with the place it came from. Several entries may become one note.
public struct PageEntry: Sendable {
    /// The title the note gets (after any alias).
    public var title: String
    public var kind: Note.Kind
    public var url: String?
    /// The topic it was listed under, as a garden topic id.
    public var topic: String
    /// Where it came from: page, section, date, marks, resources (written to `sources:`).
    public var source: YAMLValue
    public var readInDepth = false
    public var status: ReadStatus?
    public var abstract: String?
    public var notes: String?
    /// The page had a Notes block for it, even an empty one (kept as an empty section).
    public var hasNotesBlock = false
    /// 1-based line in the page.
    public var line: Int

    public var arxiv: String? { url.flatMap(Identifiers.arxiv) }
    public var openreview: String? { url.flatMap(Identifiers.openreview) }
}

/// A topic that a page creates or adds to.
public struct PageTopic: Sendable {
    public var id: String
    public var title: String
    /// Position among the siblings this page creates under the same parent.
    public var order: Int
    /// Markdown that is not an entry (introductions, side notes), as written in the page.
    public var prose: [String] = []
    /// The page's own front matter, for the topic the page is imported under.
    public var pageSource: YAMLValue?
}

/// What one page yields.
public struct ImportedPage: Sendable {
    public var path: String
    public var name: String
    public var topics: [PageTopic] = []
    public var entries: [PageEntry] = []
    public var warnings: [String] = []
}

/// Reading a page failed as a whole; nothing from it is imported.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String {
        "\(line.map { "\(path):\($0)" } ?? path): error: \(message)"
    }
}
