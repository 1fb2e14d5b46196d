import Garden

extension JSON {
    /// A note as `list --json` and `show --json` print it.
    init(_ note: Note) {
        self = .object([
            "id": .string(note.id),
            "title": .string(note.title),
            "path": .string(note.path),
            "kind": .string(note.kind.rawValue),
            "authors": .array(note.authors.map(JSON.string)),
            "year": .number(note.year),
            "topics": .array(note.topics.map(JSON.string)),
            "status": .string(note.status?.rawValue),
            "read_in_depth": .bool(note.readInDepth),
            "tags": .array(note.tags.map(JSON.string)),
            "links": .object([
                "arxiv": .string(note.links.arxiv),
                "url": .string(note.links.url),
                "openreview": .string(note.links.openreview),
            ]),
            "abstract": .string(note.abstract),
            "notes": .string(note.notes),
            "sources": .array(note.sources.map(JSON.init)),
        ])
    }

    /// Front-matter YAML as JSON: mappings become objects, lists arrays, and scalars strings,
    /// except plain (unquoted) ones that mean null, true/false or a whole number.
    init(_ value: YAMLValue) {
        switch value {
        case .map(let pairs):
            self = .object(Dictionary(pairs.map { ($0.key, JSON($0.value)) }, uniquingKeysWith: { first, _ in first }))
        case .list(let items):
            self = .array(items.map(JSON.init))
        case .scalar(let text, let plain):
            if value.isNull {
                self = .null
            } else if plain, let flag = Self.yamlBool[text] {
                self = .bool(flag)
            } else if plain, let number = Int(text) {
                self = .number(number)
            } else {
                self = .string(text)
            }
        }
    }

    /// YAML 1.2 core schema booleans (not 1.1's yes/no/on/off, which stay strings).
    private static let yamlBool: [String: Bool] = [
        "true": true, "True": true, "TRUE": true, "false": false, "False": false, "FALSE": false,
    ]

    /// Adds members to an object (for `show --json`'s extra keys).
    func adding(_ extra: [String: JSON]) -> JSON {
        guard case .object(var members) = self else { return self }
        members.merge(extra) { _, new in new }
        return .object(members)
    }
}
