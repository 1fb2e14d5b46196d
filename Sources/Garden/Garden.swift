/// The whole garden as one immutable value: topics in display order, notes, backlinks, and the
/// problems found while loading. Built by `GardenLoader`; safe to share between threads.
public struct Garden: Sendable {
    /// The garden folder's absolute path.
    public let root: String
    /// Every topic, the root first, in depth-first display order.
    public let topics: [Topic]
    /// Every note that loaded, in the order of the topic tree.
    public let notes: [Note]
    public let problems: [Problem]
    /// Note id → ids of the notes whose wiki links point at it.
    public let backlinks: [String: [String]]
    /// Resolved wiki-link targets: note id for every link that resolved.
    let resolvedLinks: [String: String]
    /// Size and modification time of every Markdown file as it was read (relative path →
    /// record): how a change on disk is told from the garden's own state.
    let records: [String: FileRecord]

    let topicIndex: [String: Int]
    let noteIndex: [String: Int]
    let titleIndex: [String: [Int]]

    init(root: String, topics: [Topic], notes: [Note], problems: [Problem],
         backlinks: [String: [String]], resolvedLinks: [String: String], records: [String: FileRecord] = [:]) {
        self.root = root
        self.topics = topics
        self.notes = notes
        self.problems = problems
        self.backlinks = backlinks
        self.resolvedLinks = resolvedLinks
        self.records = records
        topicIndex = Dictionary(uniqueKeysWithValues: topics.enumerated().map { ($1.id, $0) })
        noteIndex = Dictionary(notes.enumerated().map { ($1.id.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        titleIndex = Dictionary(grouping: notes.indices, by: { TitleKey.of(notes[$0].title) })
    }

    /// A copy with new notes, problems and records but the same indexes: for notes replaced
    /// in place (same ids, titles and positions).
    init(_ garden: Garden, notes: [Note], problems: [Problem], records: [String: FileRecord]) {
        root = garden.root
        topics = garden.topics
        self.notes = notes
        self.problems = problems
        backlinks = garden.backlinks
        resolvedLinks = garden.resolvedLinks
        self.records = records
        topicIndex = garden.topicIndex
        noteIndex = garden.noteIndex
        titleIndex = garden.titleIndex
    }

    public var rootTopic: Topic { topics[0] }

    public func topic(_ id: String) -> Topic? { topicIndex[id].map { topics[$0] } }

    public func note(_ id: String) -> Note? { noteIndex[id.lowercased()].map { notes[$0] } }

    /// Finds a note the way a person names it: its id, its path, or its title (any case) or
    /// the beginning of one ("Linformer"); nil when nothing or more than one note answers
    /// (`candidates` says which).
    public func find(_ name: String) -> Note? {
        let found = candidates(name)
        return found.count == 1 ? found[0] : nil
    }

    /// The note a link by name reaches: as `find`, but of several notes with that title the
    /// first (the loader warns that such links are ambiguous).
    public func linkTarget(_ name: String) -> Note? {
        let found = candidates(name)
        if found.count == 1 { return found[0] }
        return titleIndex[TitleKey.of(name)]?.first.map { notes[$0] }
    }

    /// Every note `name` could mean: the one with that id or path; else those with that
    /// title; else those whose title begins so.
    public func candidates(_ name: String) -> [Note] {
        var key = name
        if key.hasSuffix(".md") { key = String(key.dropLast(3)) }
        if let slash = key.lastIndex(of: "/") { key = String(key[key.index(after: slash)...]) }
        if let note = note(key) { return [note] }
        if let exact = titleIndex[TitleKey.of(name)] { return exact.map { notes[$0] } }
        let prefix = TitleKey.of(name)
        guard !prefix.isEmpty else { return [] }
        return notes.filter { TitleKey.of($0.title).hasPrefix(prefix) }
    }

    /// Why `find` found no note: none, or several (named by path, so the owner can choose).
    public func notFound(_ name: String) -> String {
        let found = candidates(name)
        guard found.count > 1 else { return "no note named '\(name)'" }
        let paths = found.prefix(5).map(\.path).joined(separator: ", ") + (found.count > 5 ? ", …" : "")
        return "'\(name)' names \(found.count) notes (\(paths)); give the id or the path"
    }

    /// Finds a topic by id (its folder path), title (any case), or folder name when one
    /// folder has it; "Garden" and "/" name the root.
    public func findTopic(_ name: String) -> Topic? {
        let trimmed = name.trimmingCharacters(in: "/")
        if let topic = topic(trimmed) { return topic }
        let key = TitleKey.of(name)
        if key == "garden" { return rootTopic }
        if let topic = topics.first(where: { TitleKey.of($0.title) == key || TitleKey.of($0.id) == key }) { return topic }
        let byFolder = topics.filter { !$0.id.isEmpty && TitleKey.of($0.id.fileName) == key }
        return byFolder.count == 1 ? byFolder[0] : nil
    }

    /// The notes of a topic; with `recursive`, those of every topic below it too (each once).
    public func notes(in topicID: String, recursive: Bool = false) -> [Note] {
        noteIDs(in: topicID, recursive: recursive).compactMap(note)
    }

    /// The ids of `notes(in:recursive:)`, without looking each note up (for the root of a
    /// 10,000-note garden the lookups alone took milliseconds).
    public func noteIDs(in topicID: String, recursive: Bool = false) -> [String] {
        guard let topic = topic(topicID) else { return [] }
        guard recursive else { return topic.noteIDs }
        var seen = Set<String>()
        var result: [String] = []
        for id in subtreeIDs(of: topic.id) {
            for noteID in topics[topicIndex[id]!].noteIDs where seen.insert(noteID).inserted { result.append(noteID) }
        }
        return result
    }

    /// The topic and every topic below it, in display order.
    public func subtreeIDs(of topicID: String) -> [String] {
        guard let topic = topic(topicID) else { return [] }
        return [topic.id] + topic.children.flatMap(subtreeIDs)
    }

    /// Papers read and papers in all, over the topic and everything below it.
    public func readCount(of topicID: String) -> (read: Int, total: Int) {
        let papers = notes(in: topicID, recursive: true).filter { $0.kind == .paper }
        return (papers.filter(\.isRead).count, papers.count)
    }

    /// `readCount(of:)` for every topic at once, in one pass over the notes: each paper counts
    /// once in every topic it is in and in their ancestors. Positions and ancestor chains are
    /// computed once (looking topics up per note cost 23 ms for 10,000 notes; each lookup
    /// copies a Topic).
    public func readCounts() -> [String: (read: Int, total: Int)] {
        let chains: [[Int]] = topics.map { topic in
            var chain: [Int] = []
            var current: String? = topic.id
            while let id = current, let index = topicIndex[id], !chain.contains(index) {
                chain.append(index)
                current = topics[index].parent
            }
            return chain
        }
        var read = [Int](repeating: 0, count: topics.count)
        var total = [Int](repeating: 0, count: topics.count)
        var counted = [Int](repeating: -1, count: topics.count)  // the last note counted, per topic
        for (position, note) in notes.enumerated() where note.kind == .paper {
            let isRead = note.isRead
            for topicID in note.topics {
                guard let start = topicIndex[topicID] else { continue }
                for index in chains[start] where counted[index] != position {
                    counted[index] = position
                    total[index] += 1
                    if isRead { read[index] += 1 }
                }
            }
        }
        var counts: [String: (read: Int, total: Int)] = [:]
        for (index, topic) in topics.enumerated() { counts[topic.id] = (read[index], total[index]) }
        return counts
    }

    /// The note a wiki link in `note` resolves to, if any.
    public func resolve(_ link: WikiLink) -> Note? {
        resolvedLinks[link.target.lowercased()].flatMap(note)
    }
}

/// How titles are compared for wiki links and duplicate detection: case-insensitive, with runs
/// of whitespace collapsed.
public enum TitleKey {
    public static func of(_ title: String) -> String {
        if let key = title.utf8.withContiguousStorageIfAvailable(asciiKey) ?? nil { return key }
        return title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The same key for an all-ASCII title, on bytes (the Character path above costs ~10 µs a
    /// title, and the loader takes a key for every note and every wiki link); nil otherwise.
    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !key.isEmpty
                continue
            }
            if pendingSpace { key.append(0x20) }
            pendingSpace = false
            key.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: key, as: UTF8.self)
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var result = self[...]
        while result.first == set { result = result.dropFirst() }
        while result.last == set { result = result.dropLast() }
        return String(result)
    }
}
