/// The parts of a note that search looks in, from the most telling to the least.
public enum SearchField: String, Sendable, CaseIterable {
    case title, authors, tags, abstract, notes
    /// The body outside the abstract and notes sections.
    case body

    /// How much one match here counts: a title match outweighs any pile of body matches
    /// (see `MatchRun.score`).
    public var weight: Double {
        switch self {
        case .title: return 12
        case .authors, .tags: return 4
        case .abstract: return 2
        case .notes: return 1.5
        case .body: return 1
        }
    }

    /// What stands between the pieces of `segments` (authors, tags, body pieces).
    var joiner: String {
        switch self {
        case .authors, .tags: return ", "
        default: return "\n"
        }
    }

    /// The note's text for this field, as pieces that are indexed with `joiner` between them.
    func segments(of note: Note) -> [Substring] {
        switch self {
        case .title: return [note.title[...]]
        case .authors: return note.authors.map { $0[...] }
        case .tags: return note.tags.map { $0[...] }
        case .abstract: return note.abstract.map { [$0] } ?? []
        case .notes: return note.notes.map { [$0] } ?? []
        case .body: return Self.bodyOutsideSections(of: note)
        }
    }

    /// The body with the abstract and notes sections cut out, so that their text is not counted
    /// twice. The sections are slices of the body; if one is not (a different storage), the
    /// whole body is used.
    static func bodyOutsideSections(of note: Note) -> [Substring] {
        let body = note.body
        let sections = [note.abstract, note.notes].compactMap { $0 }
            .filter { !$0.isEmpty }
            .sorted { $0.startIndex < $1.startIndex }
        guard !sections.isEmpty else { return [body] }
        let inside = sections.allSatisfy {
            $0.base.utf8.count == body.base.utf8.count
                && $0.startIndex >= body.startIndex && $0.endIndex <= body.endIndex
        }
        let disjoint = zip(sections, sections.dropFirst()).allSatisfy { $0.endIndex <= $1.startIndex }
        guard inside, disjoint else { return [body] }
        var pieces: [Substring] = []
        var start = body.startIndex
        for section in sections {
            if start < section.startIndex { pieces.append(body[start..<section.startIndex]) }
            start = section.endIndex
        }
        if start < body.endIndex { pieces.append(body[start...]) }
        return pieces
    }
}
