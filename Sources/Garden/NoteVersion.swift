/// One version of a note's file (HEAD's or the work tree's), read from bytes by the loader's
/// own steps (`FrontMatterSplit`, `FrontMatterParser`, `BodyScan`, `NoteFactory`), reduced to
/// what a commit message names.
struct NoteVersion: Sendable, Equatable {
    var title: String
    var kind: Note.Kind
    var status: ReadStatus
    var readInDepth: Bool
    /// Lowercased, as tags compare.
    var tags: Set<String>
    /// The front matter's other keys, sorted by key (their order is not substance).
    var otherKeys: [String: YAMLValue]
    /// The body with every run of whitespace made one space (whitespace is not substance).
    var words: String

    static let namedKeys: Set<String> = ["title", "status", "read_in_depth", "tags"]

    /// nil when the bytes are not a note the loader would read (not UTF-8, broken YAML).
    init?(_ bytes: [UInt8], path: String) {
        guard var text = String(validating: bytes, as: UTF8.self) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let split: FrontMatterSplit
        var front = YAMLValue.map([])
        do {
            split = try FrontMatterSplit(text)
            if let yaml = split.yaml { front = try FrontMatterParser.parse(yaml) }
        } catch {
            return nil
        }
        let body = String(split.body)
        let record = FileRecord(path: path, size: bytes.count, modified: 0)
        let file = ParsedFile(record: record, frontMatter: front, body: body, bodyLineOffset: split.bodyLineOffset,
                              keyLines: [:], problems: [], scan: BodyScan(of: body, lineOffset: split.bodyLineOffset))
        let isIndex = GardenBuilder.indexNames.contains(path.fileName)
        var factory = NoteFactory(file: file, id: path.fileName.droppingExtension, knownTopics: [])
        let note = factory.make(front)
        title = isIndex
            ? front["title"]?.string ?? BodyScan.slice(file.scan.firstHeading, of: body).map(String.init) ?? Self.fallbackTitle(forIndexIn: path.folder)
            : note.title
        kind = note.kind
        status = note.status ?? .unread
        readInDepth = note.readInDepth
        tags = Set(note.tags.map { $0.lowercased() })
        var others: [String: YAMLValue] = [:]
        if case .map(let pairs) = front {
            for pair in pairs where !Self.namedKeys.contains(pair.key) { others[pair.key] = pair.value }
        }
        otherKeys = others
        words = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A topic's title when its folder has no index file or it names none (as the loader).
    static func fallbackTitle(forIndexIn folder: String) -> String {
        folder.isEmpty ? "Garden" : Topic.title(fromSlug: folder.fileName)
    }
}
