/// Turns parsed files into the garden model: topics from folders and index files, notes from
/// the other files, then memberships, duplicate checks, wiki links and backlinks.
struct GardenBuilder {
    static let indexNames: Set<String> = ["index.md", "_index.md", "index.markdown"]

    let root: String
    let directories: [String]
    let files: [ParsedFile]
    var problems: [Problem]

    init(root: String, directories: [String], files: [ParsedFile], problems: [Problem]) {
        self.root = root
        self.directories = directories
        self.files = files
        self.problems = problems
    }

    mutating func build() -> Garden {
        problems += files.flatMap(\.problems)
        var topics = makeTopics()
        var notes = makeNotes(knownTopics: Set(topics.keys))
        placeNotes(&notes, in: &topics)
        checkDuplicateTitles(notes)
        let (orderedNotes, ordered) = orderNotes(notes, topics: orderTopics(topics))
        let (backlinks, resolved) = linkNotes(orderedNotes, topics: ordered)
        problems.sort { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        return Garden(root: root, topics: ordered, notes: orderedNotes, problems: problems,
                      backlinks: backlinks, resolvedLinks: resolved,
                      records: Dictionary(files.map { ($0.record.path, $0.record) }, uniquingKeysWith: { a, _ in a }))
    }

    // MARK: Topics

    private mutating func makeTopics() -> [String: Topic] {
        var indexFiles: [String: ParsedFile] = [:]
        for file in files where Self.indexNames.contains(file.record.path.fileName) {
            indexFiles[file.record.path.folder] = file
        }
        var topics: [String: Topic] = [:]
        for id in directories {
            let index = indexFiles[id]
            let front = index?.frontMatter ?? .map([])
            let body = index.map { $0.body[...] } ?? ""
            let scanTitle = index.flatMap { BodyScan.slice($0.scan.firstHeading, of: $0.body) }.map(String.init)
            let fallback = id.isEmpty ? "Garden" : Topic.title(fromSlug: id.fileName)
            var order: Int?
            if let value = front["order"] {
                order = value.int
                if order == nil, !value.isNull, let index {
                    problems.append(Problem(path: index.record.path, line: Self.line(of: "order", in: index),
                                            message: "'order' must be a whole number"))
                }
            }
            topics[id] = Topic(
                id: id, title: front["title"]?.string ?? scanTitle ?? fallback, order: order,
                calculators: front["calculators"]?.strings ?? [],
                parent: id.isEmpty ? nil : id.folder, children: [], noteIDs: [],
                indexPath: index?.record.path, frontMatter: front, prose: body, depth: id.isEmpty ? 0 : id.split(separator: "/").count)
        }
        return topics
    }

    private func orderTopics(_ topics: [String: Topic]) -> [Topic] {
        var byParent: [String: [Topic]] = [:]
        for topic in topics.values where topic.parent != nil {
            byParent[topic.parent!, default: []].append(topic)
        }
        var result: [Topic] = []
        func visit(_ id: String) {
            var topic = topics[id]!
            let children = (byParent[id] ?? []).sorted(by: Self.displayOrder)
            topic.children = children.map(\.id)
            result.append(topic)
            children.forEach { visit($0.id) }
        }
        visit("")
        return result
    }

    static func displayOrder(_ a: Topic, _ b: Topic) -> Bool {
        if (a.order ?? Int.max) != (b.order ?? Int.max) { return (a.order ?? Int.max) < (b.order ?? Int.max) }
        return NaturalOrder.less(a.title.lowercased(), a.id, b.title.lowercased(), b.id)
    }

    // MARK: Notes

    private mutating func makeNotes(knownTopics: Set<String>) -> [Note] {
        var chosen: [(file: ParsedFile, id: String, front: YAMLValue)] = []
        var firstPathByID: [String: String] = [:]
        for file in files where !Self.indexNames.contains(file.record.path.fileName) {
            guard let front = file.frontMatter else { continue }
            let id = file.record.path.fileName.droppingExtension
            if let first = firstPathByID[id.lowercased()] {
                problems.append(Problem(path: file.record.path, line: 1,
                                        message: "duplicate note id '\(id)': \(first) has the same file name; this file is skipped"))
                continue
            }
            firstPathByID[id.lowercased()] = file.record.path
            chosen.append((file, id, front))
        }
        // Each note is made from its own file alone (scanning its body is most of the work),
        // so they are made on every core; the problems are gathered in file order.
        let made = chosen.parallelMap { choice in
            var builder = NoteFactory(file: choice.file, id: choice.id, knownTopics: knownTopics)
            return (note: builder.make(choice.front), problems: builder.problems)
        }
        problems += made.flatMap(\.problems)
        return made.map(\.note)
    }

    private func placeNotes(_ notes: inout [Note], in topics: inout [String: Topic]) {
        for note in notes {
            for topic in note.topics { topics[topic]?.noteIDs.append(note.id) }
        }
    }

    /// The notes in display order, and the topics with their `noteIDs` in display order.
    private func orderNotes(_ notes: [Note], topics: [Topic]) -> (notes: [Note], topics: [Topic]) {
        // Positions and lowercased titles are worked out once, not in every comparison.
        let byID = Dictionary(uniqueKeysWithValues: notes.indices.map { (notes[$0].id, $0) })
        let lowerTitles = notes.map { $0.title.lowercased() }
        var ordered: [Note] = []
        ordered.reserveCapacity(notes.count)
        var seen = Set<String>()
        var sortedTopics = topics
        for (position, topic) in topics.enumerated() {
            let sorted = topic.noteIDs.compactMap { byID[$0] }.sorted { a, b in
                let orderA = notes[a].topics.first == topic.id ? notes[a].order ?? Int.max : Int.max
                let orderB = notes[b].topics.first == topic.id ? notes[b].order ?? Int.max : Int.max
                if orderA != orderB { return orderA < orderB }
                return NaturalOrder.less(lowerTitles[a], notes[a].id, lowerTitles[b], notes[b].id)
            }
            sortedTopics[position].noteIDs = sorted.map { notes[$0].id }
            for index in sorted where notes[index].topics.first == topic.id && seen.insert(notes[index].id).inserted {
                ordered.append(notes[index])
            }
        }
        return (ordered + notes.filter { !seen.contains($0.id) }, sortedTopics)
    }

    private mutating func checkDuplicateTitles(_ notes: [Note]) {
        var firstPathByTitle: [String: String] = [:]
        for position in notes.indices {
            let key = TitleKey.of(notes[position].title)
            if let first = firstPathByTitle[key] {
                let note = notes[position]
                problems.append(Problem(path: note.path, line: Self.line(of: "title", inBody: note),
                                        severity: .warning,
                                        message: Self.sharedTitlePrefix + "\"\(note.title)\" (also \(first)); wiki links to it are ambiguous"))
            } else {
                firstPathByTitle[key] = notes[position].path
            }
        }
    }

    // MARK: Links

    private mutating func linkNotes(_ notes: [Note], topics: [Topic]) -> ([String: [String]], [String: String]) {
        var byName: [String: String] = [:]
        for note in notes.reversed() {
            byName[TitleKey.of(note.title)] = note.id
        }
        for note in notes { byName[note.id.lowercased()] = note.id }
        let topicNames = Set(topics.flatMap { [TitleKey.of($0.title), $0.id.lowercased()] })
        var backlinks: [String: [String]] = [:]
        var resolved: [String: String] = [:]
        for position in notes.indices where !notes[position].wikiLinks.isEmpty {
            let id = notes[position].id
            for link in notes[position].wikiLinks {
                let key = TitleKey.of(link.target)
                let lowered = link.target.lowercased()
                if let target = byName[key] ?? byName[lowered] {
                    resolved[lowered] = target
                    if target != id, backlinks[target]?.last != id {
                        if !(backlinks[target]?.contains(id) ?? false) { backlinks[target, default: []].append(id) }
                    }
                } else if !topicNames.contains(key) {
                    problems.append(Problem(path: notes[position].path, line: link.line, severity: .warning,
                                            message: Self.unresolvedLinkPrefix + "\(link.target)]] matches no note or topic"))
                }
            }
        }
        return (backlinks, resolved)
    }

    // MARK: Helpers

    /// How the problems found by comparing notes begin (`Garden.reloading` keeps them).
    static let sharedTitlePrefix = "two notes have the title "
    static let unresolvedLinkPrefix = "wiki link [["


    /// The file line of a top-level front-matter key, for pointing problems at it.
    static func line(of key: String, in file: ParsedFile) -> Int? { file.keyLines[key] }

    static func line(of key: String, inBody note: Note) -> Int? { note.keyLines[key] ?? 1 }
}

/// Titles in the order a person expects: runs of digits compare as numbers, so "Lecture 2"
/// comes before "Lecture 10"; ties fall back to the id.
enum NaturalOrder {
    static func less(_ a: String, _ aID: String, _ b: String, _ bID: String) -> Bool {
        if a != b {
            if compare(a, b) { return true }
            if compare(b, a) { return false }
        }
        return (a, aID) < (b, bID)  // "a01" and "a1" are equal as numbers: any fixed order
    }

    /// `a` before `b`, digits compared by value (leading zeros aside), everything else by
    /// Unicode scalar value.
    static func compare(_ a: String, _ b: String) -> Bool {
        var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
        var x = i.next(), y = j.next()
        while let p = x, let q = y {
            if p.properties.numericType == .decimal, q.properties.numericType == .decimal, p.isASCII, q.isASCII {
                var left = "", right = ""
                while let d = x, d.isASCII, d.properties.numericType == .decimal { left.unicodeScalars.append(d); x = i.next() }
                while let d = y, d.isASCII, d.properties.numericType == .decimal { right.unicodeScalars.append(d); y = j.next() }
                let l = left.drop { $0 == "0" }, r = right.drop { $0 == "0" }
                if l.count != r.count { return l.count < r.count }
                if l != r { return l < r }
                continue
            }
            if p != q { return p.value < q.value }
            x = i.next()
            y = j.next()
        }
        return x == nil && y != nil
    }
}
