import Garden

/// `trellis import`: reads pages, matches their entries with each other and with the garden's
/// notes, and writes the result. Importing never overwrites the owner's words: existing files
/// only gain what is new (sources, topics, values for empty keys, missing sections), and a
/// value that differs is reported as a conflict and left as it is.
public struct Importer {
    public struct Report: Sendable {
        public var createdNotes: [String] = []
        public var createdTopics: [String] = []
        public var updated: [String] = []
        public var conflicts: [String] = []
        public var warnings: [String] = []
        public var entries = 0
    }

    let gardenPath: String
    let options: ImportOptions
    var garden: Garden?
    var planned: [PlannedNote] = []
    var topicPlans: [String: TopicPlan] = [:]
    var topicOrder: [String] = []
    var takenIDs = Set<String>()
    var nextOrder: [String: Int] = [:]
    var report = Report()

    public init(garden: String, options: ImportOptions) {
        gardenPath = garden
        self.options = options
    }

    /// Reads every page first (a page that cannot be read stops the whole import before
    /// anything is written), then plans, then writes.
    public static func run(pages: [String], into garden: String, options: ImportOptions, dryRun: Bool = false) throws -> Report {
        let imported = try pages.map { try readPage($0, options: options) }
        var importer = Importer(garden: garden, options: options)
        try importer.loadGarden()
        for page in imported { importer.plan(page) }
        if !dryRun { try importer.write() }
        return importer.report
    }

    static func readPage(_ path: String, options: ImportOptions) throws(ImportError) -> ImportedPage {
        guard let bytes = SafeFile.read(path) else {
            throw ImportError(path: path, line: nil, message: "cannot read the page (missing or unreadable)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = bytes.prefix { _ in true }.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
            throw ImportError(path: path, line: line, message: "the page is not valid UTF-8; nothing imported")
        }
        var reader = PageReader(path: path, options: options)
        return try reader.read(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    }

    private mutating func loadGarden() throws {
        let result = Result { () throws(GardenError) -> Garden in try GardenLoader.load(gardenPath) }
        switch result {
        case .success(let loaded): garden = loaded
        case .failure(.missing): garden = nil
        case .failure(let error): throw error
        }
        if let garden {
            takenIDs = Set(garden.notes.map { $0.id.lowercased() })
            let broken = garden.problems.filter { $0.severity == .error }
            report.warnings += broken.map { "garden has a problem, left untouched: \($0)" }
        }
    }

    // MARK: Planning

    private mutating func plan(_ page: ImportedPage) {
        report.warnings += page.warnings
        for topic in page.topics { planTopic(topic) }
        for entry in page.entries {
            report.entries += 1
            ensureTopic(entry.topic)
            let note = match(entry) ?? create(entry)
            merge(entry, into: note)
        }
    }

    private mutating func match(_ entry: PageEntry) -> PlannedNote? {
        let ids = entry.identities
        if !ids.isEmpty, let byID = planned.first(where: { !$0.identities.isDisjoint(with: ids) }) { return byID }
        if !ids.isEmpty, let garden, let note = garden.notes.first(where: { !identities(of: $0).isDisjoint(with: ids) }) {
            return adopt(note)
        }
        func titleMatches(_ title: String, kind: Note.Kind, identities other: Set<String>) -> Bool {
            guard ids.isEmpty || other.isEmpty else { return false }
            guard kind == entry.kind || kind == .paper else { return false }
            return TitleMatch.same(title, entry.title)
        }
        let plannedTitles = planned
        if let byTitle = plannedTitles.first(where: { titleMatches($0.title, kind: $0.kind, identities: $0.identities) }) { return byTitle }
        if let garden, let note = garden.notes.first(where: { titleMatches($0.title, kind: $0.kind, identities: identities(of: $0)) }) {
            return adopt(note)
        }
        return nil
    }

    private func identities(of note: Note) -> Set<String> {
        var ids = Set<String>()
        if let arxiv = note.links.arxiv ?? note.links.url.flatMap(Identifiers.arxiv) { ids.insert("arxiv:" + arxiv) }
        if let openreview = note.links.openreview ?? note.links.url.flatMap(Identifiers.openreview) { ids.insert("openreview:" + openreview) }
        if ids.isEmpty, let url = note.links.url { ids.insert("url:" + Identifiers.canonicalURL(url)) }
        return ids
    }

    /// The plan for an existing note (one plan per note, made on first use).
    private mutating func adopt(_ note: Note) -> PlannedNote {
        if let plan = planned.first(where: { $0.existing?.id == note.id }) { return plan }
        let plan = PlannedNote(existing: note)
        planned.append(plan)
        return plan
    }

    private mutating func create(_ entry: PageEntry) -> PlannedNote {
        var title = entry.title
        let allTitles = Set(planned.map { TitleKey.of($0.title) } + (garden?.notes.map { TitleKey.of($0.title) } ?? []))
        if allTitles.contains(TitleKey.of(title)) {
            // A different thing with the same name (five lectures of one course): tell them apart.
            let detail = entry.source["part"]?.string ?? entry.source["date"]?.string ?? "\(entry.line)"
            title += " (\(detail))"
        }
        var id = Slug.make(title)
        var suffix = 2
        while takenIDs.contains(id.lowercased()) { id = Slug.make(title) + "-\(suffix)"; suffix += 1 }
        takenIDs.insert(id.lowercased())
        let order = nextOrder[entry.topic] ?? firstFreeOrder(in: entry.topic)
        nextOrder[entry.topic] = order + 1
        var planEntry = entry
        planEntry.title = title
        let note = PlannedNote(entry: planEntry, path: (entry.topic.isEmpty ? "" : entry.topic + "/") + id + ".md", order: order)
        planned.append(note)
        report.createdNotes.append(note.path)
        return note
    }

    private func firstFreeOrder(in topic: String) -> Int {
        guard let garden else { return 0 }
        let orders = garden.notes(in: topic).filter { $0.topics.first == topic }.compactMap(\.order)
        return (orders.max() ?? -1) + 1
    }

    private mutating func merge(_ entry: PageEntry, into note: PlannedNote) {
        var source = entry.source
        if note.title != entry.title, entry.source["as_written"] == nil, case .map(var pairs) = source {
            pairs.append((key: "as_written", value: .scalar(entry.title, plain: false)))
            source = .map(pairs)
        }
        let key = source.canonicalText
        note.sourceCountsImported[key, default: 0] += 1
        if note.sourceCountsImported[key]! > note.sourceCountsOnDisk[key, default: 0] {
            if note.existing == nil { note.sources.append(source) } else { note.addedSources.append(source) }
        }
        // The garden root as an extra topic says nothing; a note listed there stays where it is.
        if !note.topics.contains(entry.topic), entry.topic != "" || note.existing == nil && note.topics.isEmpty {
            note.topics.append(entry.topic)
            if note.existing != nil { note.addedTopics.append(entry.topic) }
        }
        if entry.kind == .paper, note.kind == .item, note.existing == nil { note.kind = .paper }
        fill(note, "arxiv", current: \.arxiv, with: entry.arxiv)
        fill(note, "openreview", current: \.openreview, with: entry.openreview)
        fill(note, "url", current: \.url, with: entry.url)
        if entry.readInDepth, !note.readInDepth {
            if note.existing == nil || note.existing?.frontMatter["read_in_depth"]?.isNull ?? true {
                note.readInDepth = true
                if note.existing != nil { note.fills.append(("read_in_depth", "true")) }
            } else {
                conflict(note, "read_in_depth is false in the garden but the page marks it ✅; kept false")
            }
        }
        if let status = entry.status, note.status != status, note.kind == .paper {
            if note.status == nil || note.existing == nil && note.status == .unread {
                note.status = status
                if note.existing != nil { note.fills.append(("status", status.rawValue)) }
            } else if note.existing != nil || status == .read {
                if note.existing == nil { note.status = .read } else {
                    conflict(note, "status is '\(note.status!.rawValue)' in the garden, the page suggests '\(status.rawValue)'; kept '\(note.status!.rawValue)'")
                }
            }
        }
        section(note, \.abstract, added: \.addedAbstract, entry.abstract, name: "abstract")
        section(note, \.notes, added: \.addedNotes, entry.notes, name: "notes")
        if entry.hasNotesBlock, note.existing == nil { note.hasNotesBlock = true }
    }

    private mutating func fill(_ note: PlannedNote, _ key: String, current: ReferenceWritableKeyPath<PlannedNote, String?>, with value: String?) {
        guard let value else { return }
        if note[keyPath: current] == nil {
            note[keyPath: current] = value
            if note.existing != nil { note.fills.append((key, YAMLText.scalar(value))) }
        } else if note[keyPath: current] != value, key != "url" {
            conflict(note, "\(key) is '\(note[keyPath: current]!)' in the garden, a page gives '\(value)'; kept the garden's")
        }
    }

    private mutating func section(_ note: PlannedNote, _ current: ReferenceWritableKeyPath<PlannedNote, String?>,
                                  added: ReferenceWritableKeyPath<PlannedNote, String?>, _ value: String?, name: String) {
        guard let value, !value.isEmpty else { return }
        if let existing = note[keyPath: current] {
            if TitleKey.words(existing) != TitleKey.words(value), !existing.contains(value) {
                conflict(note, "its \(name) differs from the one in a page; kept the garden's")
            }
        } else {
            note[keyPath: current] = value
            if note.existing != nil { note[keyPath: added] = value }
        }
    }

    private mutating func conflict(_ note: PlannedNote, _ message: String) {
        let line = "\(note.path): conflict: \(message)"
        if !report.conflicts.contains(line) { report.conflicts.append(line) }
    }
}

extension TitleKey {
    static func words(_ text: String) -> [Substring] { text.split(whereSeparator: \.isWhitespace) }
}
