/// Builds a `Note` from a parsed file, checking each known front-matter key and reporting
/// values of the wrong shape as problems (the note still loads, without that value).
struct NoteFactory {
    let file: ParsedFile
    let id: String
    let knownTopics: Set<String>
    var problems: [Problem] = []

    init(file: ParsedFile, id: String, knownTopics: Set<String>) {
        self.file = file
        self.id = id
        self.knownTopics = knownTopics
    }

    /// Keys that mark a note as a paper when `kind` is not given.
    static let paperKeys = ["authors", "year", "arxiv", "openreview", "status", "read_in_depth"]

    mutating func make(_ front: YAMLValue) -> Note {
        let body = file.body[...]
        let scan = file.scan
        let folder = file.record.path.folder
        var topics = [folder]
        for extra in stringList("topics", front) {
            let topic = extra.trimmingCharacters(in: "/")
            if !knownTopics.contains(topic) {
                report("topics", "topic '\(extra)' does not exist (no such folder)", .warning)
            } else if !topics.contains(topic) {
                topics.append(topic)
            }
        }
        let kind = noteKind(front)
        return Note(Note.Fields(
            id: id, kind: kind,
            title: front["title"]?.string ?? BodyScan.slice(scan.firstHeading, of: file.body).map(String.init) ?? id,
            authors: stringList("authors", front),
            year: wholeNumber("year", front),
            links: Links(arxiv: front["arxiv"]?.string, url: front["url"]?.string,
                         openreview: front["openreview"]?.string),
            status: status(front, kind: kind),
            readInDepth: flag("read_in_depth", front),
            tags: stringList("tags", front),
            topics: topics,
            sources: listValue("sources", front),
            order: wholeNumber("order", front),
            path: file.record.path, frontMatter: front,
            body: body, bodyLineOffset: file.bodyLineOffset,
            abstract: BodyScan.slice(scan.abstract, of: file.body), notes: BodyScan.slice(scan.notes, of: file.body),
            wikiLinks: scan.wikiLinks,
            keyLines: file.keyLines))
    }

    private mutating func noteKind(_ front: YAMLValue) -> Note.Kind {
        if let value = front["kind"], !value.isNull {
            if let text = value.string, let kind = Note.Kind(rawValue: text.lowercased()) { return kind }
            report("kind", "'kind' must be one of paper, item", .error)
        }
        return Self.paperKeys.contains { front[$0] != nil } ? .paper : .item
    }

    private mutating func status(_ front: YAMLValue, kind: Note.Kind) -> ReadStatus? {
        guard let value = front["status"], !value.isNull else { return kind == .paper ? .unread : nil }
        if let text = value.string, let status = ReadStatus(rawValue: text.lowercased()) { return status }
        report("status", "'status' must be one of unread, reading, read (got '\(value.string ?? "a list")')", .error)
        return kind == .paper ? .unread : nil
    }

    private mutating func stringList(_ key: String, _ front: YAMLValue) -> [String] {
        guard let value = front[key] else { return [] }
        if let strings = value.strings { return strings }
        report(key, "'\(key)' must be a list of names", .error)
        return []
    }

    private mutating func wholeNumber(_ key: String, _ front: YAMLValue) -> Int? {
        guard let value = front[key], !value.isNull else { return nil }
        if let number = value.int { return number }
        report(key, "'\(key)' must be a whole number (got '\(value.string ?? "a list")')", .error)
        return nil
    }

    private mutating func flag(_ key: String, _ front: YAMLValue) -> Bool {
        guard let value = front[key], !value.isNull else { return false }
        if let flag = value.bool { return flag }
        report(key, "'\(key)' must be true or false", .error)
        return false
    }

    private mutating func listValue(_ key: String, _ front: YAMLValue) -> [YAMLValue] {
        guard let value = front[key], !value.isNull else { return [] }
        if case .list(let items) = value { return items }
        report(key, "'\(key)' must be a list", .error)
        return []
    }

    private mutating func report(_ key: String, _ message: String, _ severity: Problem.Severity) {
        problems.append(Problem(path: file.record.path, line: file.keyLines[key], severity: severity, message: message))
    }
}
