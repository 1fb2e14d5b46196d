/// A commit message that names what changed: a subject of at most 72 characters grouping the
/// changes by kind ("Read: Linformer, Performer; added 2 papers to NNGP / NTK"), and a body
/// with every change on a line of its own, untruncated.
public struct CommitMessage: Sendable, Equatable {
    /// git's convention: a subject fits an 80-column log with room to spare.
    public static let subjectLimit = 72

    public var subject: String
    public var body: [String]

    /// The whole message, as `git commit -m` takes it.
    public var text: String { subject + "\n\n" + body.joined(separator: "\n") + "\n" }

    /// nil when there is nothing to commit.
    public init?(_ changes: [UncommittedChange]) {
        guard !changes.isEmpty else { return nil }
        let sorted = changes.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element)
        subject = Self.fit(Self.groups(sorted), limit: Self.subjectLimit)
        body = sorted.map(Self.line)
    }

    /// One part of the subject: `head` + items joined by ", " + `tail` ("moved " A, B " to X").
    struct Group: Equatable {
        var key: String
        var head: String
        var items: [String]
        var tail = ""
    }

    static func groups(_ changes: [UncommittedChange]) -> [Group] {
        var groups: [Group] = []
        // Papers and items added, per topic, in the order the topics come.
        var addedTo: [(topic: String, papers: Int, items: Int)] = []
        for change in changes {
            let title = clean(change.title)
            let (key, head, tail): (String, String, String)
            switch change.kind {
            case .readInDepth: (key, head, tail) = ("in-depth", "Read in depth: ", "")
            case .read: (key, head, tail) = ("read", "Read: ", "")
            case .reading: (key, head, tail) = ("reading", "Reading: ", "")
            case .unread: (key, head, tail) = ("unread", "Unread: ", "")
            case .added(let topic, let paper):
                // One group for all topics, in the place of the first note added; its items
                // (a count per topic) are filled in at the end.
                append(&groups, Group(key: "added", head: "added ", items: []))
                if let index = addedTo.firstIndex(where: { $0.topic == topic }) {
                    if paper { addedTo[index].papers += 1 } else { addedTo[index].items += 1 }
                } else {
                    addedTo.append((topic, paper ? 1 : 0, paper ? 0 : 1))
                }
                continue
            case .newTopic: (key, head, tail) = ("topic", "new topic ", "")
            case .renamed(let from):
                append(&groups, Group(key: "renamed", head: "renamed ", items: ["\(clean(from)) to \(title)"]))
                continue
            case .moved(_, let topic): (key, head, tail) = ("moved " + topic, "moved ", " to " + clean(topic))
            case .tagged: (key, head, tail) = ("tagged", "tagged ", "")
            case .notes: (key, head, tail) = ("notes", "notes on ", "")
            case .removed: (key, head, tail) = ("removed", "removed ", "")
            case .restored: (key, head, tail) = ("restored", "restored ", "")
            case .edited: (key, head, tail) = ("edited", "Edit ", "")
            case .file: (key, head, tail) = ("file", "updated ", "")
            }
            append(&groups, Group(key: key, head: head, items: [title], tail: tail))
        }
        if let index = groups.firstIndex(where: { $0.key == "added" }) {
            groups[index].items = addedTo.map { added in
                [added.papers > 0 ? count(added.papers, "paper") : nil, added.items > 0 ? count(added.items, "item") : nil]
                    .compactMap { $0 }.joined(separator: " and ") + " to " + clean(added.topic)
            }
        }
        for index in groups.indices where groups[index].key == "topic" && groups[index].items.count > 1 {
            groups[index].head = "new topics "
        }
        return groups
    }

    private static func append(_ groups: inout [Group], _ group: Group) {
        if let index = groups.firstIndex(where: { $0.key == group.key }) {
            groups[index].items += group.items
        } else {
            groups.append(group)
        }
    }

    /// The groups on one line of at most `limit` characters: whole if they fit; else as many
    /// items as fit followed by "… and N more"; else the first item cut with "…".
    static func fit(_ groups: [Group], limit: Int) -> String {
        let total = groups.reduce(0) { $0 + $1.items.count }
        func render(_ shown: Int) -> String {
            var left = shown
            var parts: [String] = []
            for group in groups where left > 0 {
                let items = group.items.prefix(left)
                left -= items.count
                parts.append(group.head + items.joined(separator: ", ") + group.tail)
            }
            let line = parts.joined(separator: "; ")
            return line.prefix(1).uppercased() + line.dropFirst()
        }
        let whole = render(total)
        if whole.count <= limit { return whole }
        for shown in stride(from: total - 1, through: 1, by: -1) {
            let line = render(shown) + "… and \(total - shown) more"
            if line.count <= limit { return line }
        }
        let ending = total > 1 ? "… and \(total - 1) more" : "…"
        let first = render(1)
        var cut = first.prefix(limit - ending.count)
        // At the end of a word when one ends near the cut.
        if let next = first.dropFirst(cut.count).first, !next.isWhitespace,
           let space = cut.lastIndex(where: \.isWhitespace), cut.distance(from: space, to: cut.endIndex) <= 20 {
            cut = cut[..<space]
        }
        while let last = cut.last, last.isWhitespace || ",;:".contains(last) { cut.removeLast() }
        return cut + ending
    }

    /// A change on its own body line, with the note's path.
    static func line(_ change: UncommittedChange) -> String {
        let title = clean(change.title)
        let path = change.path
        switch change.kind {
        case .readInDepth: return "Read in depth: \(title) (\(path))"
        case .read: return "Read: \(title) (\(path))"
        case .reading: return "Reading: \(title) (\(path))"
        case .unread: return "Unread: \(title) (\(path))"
        case .added(let topic, let paper): return "added \(paper ? "paper" : "item") \(title) to \(clean(topic)) (\(path))"
        case .newTopic: return "new topic \(title) (\(path))"
        case .renamed(let from): return "renamed \(clean(from)) to \(title) (\(path))"
        case .moved(let from, let topic): return "moved \(title) to \(clean(topic)) (\(from) → \(path))"
        case .tagged(let added, let removed):
            let tags = (added.map { "+" + $0 } + removed.map { "-" + $0 }).joined(separator: " ")
            return "tagged \(title): \(tags) (\(path))"
        case .notes: return "notes on \(title) (\(path))"
        case .removed: return "removed \(title) (\(path))"
        case .restored: return "restored \(title) (\(path))"
        case .edited: return "Edit \(title) (\(path))"
        case .file: return "updated \(path)"
        }
    }

    /// A title on one line: control characters and runs of whitespace become one space.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
            .joined(separator: " ")
    }

    private static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}

extension UncommittedChange {
    /// The order of kinds in a message: what was read, what came in, what moved, what was
    /// written, what went.
    var rank: Int {
        switch kind {
        case .readInDepth: return 0
        case .read: return 1
        case .reading: return 2
        case .unread: return 3
        case .added: return 4
        case .newTopic: return 5
        case .renamed: return 6
        case .moved: return 7
        case .tagged: return 8
        case .notes: return 9
        case .removed: return 10
        case .restored: return 11
        case .edited: return 12
        case .file: return 13
        }
    }
}
