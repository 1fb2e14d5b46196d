import Garden
import Markdown

/// Reads one of the owner's pages into entries and topics. One walk over the Markdown blocks
/// understands all five page shapes, and pages that mix them:
/// - headings become topics, and bulleted lists under them entries (✅ marks read in depth);
///   a list item with sub-items becomes a sub-topic;
/// - a table with Date and Paper columns is a reading-group schedule, one entry per row;
/// - a paragraph that is only a link is an entry, and the `<details>` blocks after it give its
///   abstract and notes (summary "Short abstract" / "Notes");
/// - a heading followed by a paragraph that is only a link is an entry titled by the heading,
///   and the paragraphs after it are its notes;
/// - headings like `2020-10` group entries by month instead of making topics.
/// Everything else is prose and is kept with the topic it stands in.
struct PageReader {
    let options: ImportOptions
    let path: String
    private var page: ImportedPage
    private var sourceLines: [Substring] = []
    private var lineOffset = 0
    private var stack: [(level: Int, topic: String, title: String)] = []
    private var siblingCount: [String: Int] = [:]
    private var month: String?
    private var lastEntry: Int?
    /// The entry whose notes are the paragraphs following a heading + link.
    private var headingEntry: Int?

    init(path: String, options: ImportOptions) {
        self.path = path
        self.options = options
        page = ImportedPage(path: path, name: path.fileName.droppingExtension)
    }

    mutating func read(_ text: String) throws(ImportError) -> ImportedPage {
        let split: FrontMatterSplit
        do { split = try FrontMatterSplit(text) } catch {
            throw ImportError(path: path, line: error.line, message: error.message)
        }
        let front = PageFrontMatter(split.yaml, path: path)
        if let warning = front.warning { page.warnings.append(warning) }
        page.name = options.pageName ?? front["title"] ?? page.name
        lineOffset = split.bodyLineOffset
        sourceLines = split.body.split(separator: "\n", omittingEmptySubsequences: false)

        var root = PageTopic(id: options.under, title: options.underTitle ?? front["title"] ?? page.name, order: 0)
        root.pageSource = .map([("page", .scalar(page.name, plain: false)), ("file", .scalar(path.fileName, plain: false))]
            + front.values.filter { $0.key != "title" }.map { ($0.key, .scalar($0.value, plain: false)) })
        page.topics.append(root)

        let blocks = Markdown.parse(String(split.body)).blocks
        for (index, block) in blocks.enumerated() {
            let nextLine = index + 1 < blocks.count ? blocks[index + 1].line : sourceLines.count + 1
            read(block, next: index + 1 < blocks.count ? blocks[index + 1] : nil, endLine: nextLine)
        }
        guard !page.entries.isEmpty else {
            throw ImportError(path: path, line: nil, message: "unknown page shape: found no headed lists, schedule table, linked paragraphs or headed links, so nothing to import")
        }
        return page
    }

    // MARK: Blocks

    private var currentTopic: String { stack.last?.topic ?? options.under }
    private var currentSection: String? { stack.last?.title }

    private mutating func read(_ block: Block, next: Block?, endLine: Int) {
        switch block {
        case .heading(let level, let inlines, let line):
            headingEntry = nil
            let title = inlines.plainText.trimmed
            if Self.isMonth(title) {
                month = title
            } else if let link = next.flatMap(Self.onlyLink) {
                addEntry(title: title, url: link.destination, line: line, linkedHeading: true)
                headingEntry = lastEntry
            } else {
                openTopic(title, level: level)
            }
        case .paragraph(let inlines, let line):
            if let headingEntry, let link = Self.onlyLink(block), page.entries[headingEntry].url == link.destination {
                return
            }
            if let headingEntry {
                appendNotes(text(from: line, to: endLine), to: headingEntry)
            } else if let link = Self.onlyLink(block), !link.text.hasPrefix("http") {
                addEntry(title: link.text, url: link.destination, line: line, linkedHeading: false)
            } else if !Self.isLiquid(inlines.plainText) {
                addProse(text(from: line, to: endLine))
            }
        case .list(let list, _):
            headingEntry = nil
            readList(list, topic: currentTopic)
        case .table(let table, let line):
            if !readSchedule(table, line: line) { addProse(text(from: line, to: endLine)) }
        case .htmlBlock(let html, let line):
            if !attachDetails(html) { addProse(text(from: line, to: endLine)) }
        case .thematicBreak:
            break
        case .blockQuote(_, let line), .codeBlock(_, _, let line):
            if let headingEntry { appendNotes(text(from: line, to: endLine), to: headingEntry) }
            else { addProse(text(from: line, to: endLine)) }
        }
    }

    private mutating func openTopic(_ title: String, level: Int) {
        while let top = stack.last, top.level >= level { stack.removeLast() }
        stack.append((level, addTopic(title, under: currentTopic), title))
    }

    /// The topic a section title makes under `parent` (or where `--place` sends it), recorded
    /// once with its position among the page's other sub-topics of that parent.
    private mutating func addTopic(_ title: String, under parent: String) -> String {
        let id = options.places[TitleKey.of(title)] ?? (parent.isEmpty ? "" : parent + "/") + Slug.make(title)
        let order = siblingCount[parent, default: 0]
        siblingCount[parent] = order + 1
        if !page.topics.contains(where: { $0.id == id }) {
            page.topics.append(PageTopic(id: id, title: title, order: order))
        }
        return id
    }

    // MARK: Lists

    private mutating func readList(_ list: MarkdownList, topic: String) {
        let withChildren = list.items.filter { $0.blocks.contains(where: Self.isList) }.count
        // In a list where most items have sub-items, every item is a topic (the Pareto frontier
        // lists "Linear regression" beside "NNGP / NTK" and its papers).
        let allTopics = withChildren > 0 && withChildren * 2 >= list.items.count
        for item in list.items {
            guard let inlines = item.blocks.compactMap(Self.paragraphInlines).first else { continue }
            let sublists = item.blocks.compactMap { block -> MarkdownList? in
                if case .list(let list, _) = block { return list }
                return nil
            }
            if allTopics || !sublists.isEmpty {
                let title = inlines.plainText.trimmed
                let id = addTopic(title, under: topic)
                let saved = stack
                stack.append((Int.max, id, title))
                sublists.forEach { readList($0, topic: id) }
                stack = saved
            } else {
                addListEntry(inlines, line: item.line)
            }
        }
    }

    private mutating func addListEntry(_ inlines: [Inline], line: Int) {
        var text = inlines.plainText.trimmed
        var mark = false
        if text.hasPrefix("✅") {
            mark = true
            text = String(text.dropFirst()).trimmed
        }
        var url = inlines.links.first?.destination ?? Self.imageSource(inlines)
        var notesPage: String?
        if let link = inlines.links.first, inlines.links.count == 1, link.text.trimmed == text,
           !link.destination.contains("://"), text.lowercased().hasSuffix(" notes") {
            // "[X notes](/digitalGarden/X)": the owner's notes page about X.
            text = String(text.dropLast(6)).trimmed
            notesPage = link.destination
            url = nil
        }
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        // "[https://…]": a bare address in brackets, which Markdown leaves as text.
        if url == nil, text.hasPrefix("http://") || text.hasPrefix("https://"), !text.contains(" ") { url = text }
        var extra: [(String, YAMLValue)] = []
        if mark { extra.append(("mark", .scalar("✅", plain: false))) }
        if let notesPage { extra.append(("notes_page", .scalar(notesPage, plain: false))) }
        addEntry(title: text, url: url, line: line, linkedHeading: false, extra: extra, readInDepth: mark)
    }

    // MARK: Entries

    private mutating func addEntry(title written: String, url: String?, line: Int, linkedHeading: Bool,
                                   extra: [(String, YAMLValue)] = [], readInDepth: Bool = false,
                                   kind forcedKind: Note.Kind? = nil, status: ReadStatus? = nil) {
        var title = written
        var source: [(String, YAMLValue)] = [("page", .scalar(page.name, plain: false))]
        if let section = currentSection { source.append(("section", .scalar(section, plain: false))) }
        if let month { source.append(("month", .scalar(month, plain: false))) }
        source += extra
        var kind = forcedKind ?? (url.map { Identifiers.arxiv($0) != nil || Identifiers.openreview($0) != nil } == true || linkedHeading ? .paper : EntryKind.classify(written))
        if let alias = options.aliases[TitleKey.of(written)] {
            title = alias
            kind = .paper
            source.append(("as_written", .scalar(written, plain: false)))
        }
        var entry = PageEntry(title: title, kind: kind, url: url, topic: currentTopic,
                              source: .map(source.map { (key: $0.0, value: $0.1) }), line: line + lineOffset)
        entry.readInDepth = readInDepth
        entry.status = kind == .paper ? (status ?? (readInDepth ? .read : nil)) : nil
        page.entries.append(entry)
        lastEntry = page.entries.count - 1
    }

    private mutating func appendNotes(_ text: String, to index: Int) {
        guard !text.isEmpty else { return }
        let existing = page.entries[index].notes
        page.entries[index].notes = existing.map { $0 + "\n\n" + text } ?? text
        page.entries[index].hasNotesBlock = true
        // Notes in the owner's words mean the paper was read.
        if page.entries[index].kind == .paper, page.entries[index].status == nil { page.entries[index].status = .read }
    }

    /// `<details><summary>Short abstract</summary>…</details>` blocks after an entry. Without a
    /// blank line between them, several arrive as one HTML block.
    private mutating func attachDetails(_ html: String) -> Bool {
        guard let lastEntry else { return false }
        var rest = html[...]
        var attached = false
        while let summaryStart = rest.range(of: "<summary>"),
              let summaryEnd = rest.range(of: "</summary>", range: summaryStart.upperBound..<rest.endIndex) {
            let summary = rest[summaryStart.upperBound..<summaryEnd.lowerBound].lowercased()
            let closing = rest.range(of: "</details>", range: summaryEnd.upperBound..<rest.endIndex)
            let inner = String(rest[summaryEnd.upperBound..<(closing?.lowerBound ?? rest.endIndex)]).trimmed
            if summary.contains("abstract") {
                page.entries[lastEntry].abstract = inner.isEmpty ? nil : inner
            } else if summary.contains("note") {
                page.entries[lastEntry].hasNotesBlock = true
                if !inner.isEmpty { appendNotes(inner, to: lastEntry) }
            } else {
                return attached
            }
            attached = true
            rest = rest[(closing?.upperBound ?? rest.endIndex)...]
        }
        return attached
    }

    // MARK: Schedule tables

    private mutating func readSchedule(_ table: Table, line: Int) -> Bool {
        let headers = table.header.map { $0.plainText.trimmed.lowercased() }
        guard let dateColumn = headers.firstIndex(of: "date"),
              let paperColumn = headers.firstIndex(where: { $0 == "paper" || $0 == "papers" || $0 == "reading" }) else { return false }
        let resourceColumn = headers.firstIndex(where: { $0.hasPrefix("resource") })
        for (offset, row) in table.rows.enumerated() {
            let rowLine = line + 2 + offset
            let cell = row[paperColumn]
            let text = cell.plainText.trimmed
            guard !text.isEmpty else { continue }
            var extra: [(String, YAMLValue)] = []
            let written = row[dateColumn].plainText.trimmed
            extra.append(("date", .scalar(Self.isoDate(written) ?? written, plain: false)))
            let link = cell.links.first
            let detail = link.map { text.replacingFirst($0.text, with: "").trimmed } ?? ""
            if !detail.isEmpty { extra.append(("part", .scalar(detail, plain: false))) }
            if let resourceColumn {
                let resources = row[resourceColumn].links.map { link -> YAMLValue in
                    link.text == link.destination
                        ? .scalar(link.destination, plain: false)
                        : .map([(key: "text", value: .scalar(link.text, plain: false)), (key: "url", value: .scalar(link.destination, plain: false))])
                }
                if !resources.isEmpty { extra.append(("resources", .list(resources))) }
            }
            let isItem = link == nil || EntryKind.isChapterOrLecture(detail)
            addEntry(title: link?.text.trimmed ?? text, url: link?.destination, line: rowLine, linkedHeading: false,
                     extra: extra, kind: isItem ? .item : .paper, status: .read)
        }
        return true
    }

    /// The reading group writes dates day first: 06/07/2022 is 6 July 2022.
    static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3, (1...31).contains(parts[0]), (1...12).contains(parts[1]), parts[2] > 1900 else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts[2])-\(two(parts[1]))-\(two(parts[0]))"
    }

    // MARK: Prose

    private mutating func addProse(_ text: String) {
        guard !text.isEmpty, let index = page.topics.firstIndex(where: { $0.id == currentTopic }) else { return }
        page.topics[index].prose.append(text)
    }

    /// The page's own text for lines `from..<to` (body lines, 1-based), trailing blanks dropped.
    private func text(from start: Int, to end: Int) -> String {
        let lines = sourceLines[max(0, start - 1)..<min(sourceLines.count, max(start - 1, end - 1))]
        return lines.joined(separator: "\n").trimmed
    }

    // MARK: Block shapes

    /// The link of a paragraph that holds nothing but one link (or autolink).
    static func onlyLink(_ block: Block) -> MarkdownLink? {
        guard case .paragraph(let inlines, _) = block else { return nil }
        let meaningful = inlines.filter {
            if case .text(let text) = $0 { return !text.trimmed.isEmpty }
            if case .softBreak = $0 { return false }
            return true
        }
        guard meaningful.count == 1, case .link(let destination, _, let children) = meaningful[0] else { return nil }
        return MarkdownLink(destination: destination, text: children.plainText.trimmed)
    }

    static func paragraphInlines(_ block: Block) -> [Inline]? {
        if case .paragraph(let inlines, _) = block { return inlines }
        return nil
    }

    static func isList(_ block: Block) -> Bool {
        if case .list = block { return true }
        return false
    }

    static func imageSource(_ inlines: [Inline]) -> String? {
        for inline in inlines { if case .image(let source, _, _) = inline { return source } }
        return nil
    }

    static func isMonth(_ title: String) -> Bool {
        let parts = title.split(separator: "-")
        return parts.count == 2 && parts[0].count == 4 && parts[1].count == 2 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// Jekyll's `{% include … %}` lines are site template, not the owner's prose.
    static func isLiquid(_ text: String) -> Bool {
        let trimmed = text.trimmed
        return trimmed.hasPrefix("{%") && trimmed.hasSuffix("%}")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
