import Calculators
import Garden
import Markdown
import Screen

/// Lays out what the reading pane shows: a note (a header block from its front matter, its
/// Markdown body, its backlinks) or a topic's page (title, counts, prose, sub-topics).
enum ReadingDocument {
    static func note(_ note: Note, in garden: Garden, width: Int, collapsed: Set<FoldID>, glyphs: Glyphs,
                     embeds: EmbedRenderer? = nil) -> RenderedDocument {
        var document = RenderedDocument()
        append(header(note, width: width, glyphs: glyphs), to: &document)
        var body = MarkdownLayout.render(Markdown.parse(String(note.body)), width: width, collapsed: collapsed, glyphs: glyphs, embeds: embeds)
        markBrokenWikiLinks(&body, in: garden)
        append(body, to: &document)
        let backlinks = (garden.backlinks[note.id] ?? []).compactMap(garden.note)
        if !backlinks.isEmpty {
            var spans = [[Span("Backlinks", Style(.heading2, bold: true))]]
            for source in backlinks {
                spans.append([Span(glyphs.bullet + " "), Span(source.title, Style(.wikiLink, underline: true))])
            }
            var block = RenderedDocument()
            for (index, line) in spans.enumerated() {
                if index > 0, let title = line.last {
                    block.links.append(RenderedLink(target: .wiki(backlinks[index - 1].id), label: title.text, line: block.lines.count))
                    var linked = line
                    linked[linked.count - 1].link = block.links.count - 1
                    block.lines += TextWrap.wrap(linked, width: width, indent: [Span("  ")]).map { RenderedLine($0) }
                } else {
                    block.lines += TextWrap.wrap(line, width: width).map { RenderedLine($0) }
                }
            }
            append(block, to: &document, separated: true)
        }
        return document
    }

    /// Wiki links to no note are drawn as warnings, not links, so a dead link shows before it
    /// is followed.
    private static func markBrokenWikiLinks(_ document: inout RenderedDocument, in garden: Garden) {
        let broken = Set(document.links.indices.filter { index in
            if case .wiki(let name) = document.links[index].target {
                // [[Note#Heading]] names the note before the #; [[#Heading]] this note.
                let note = name.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? name
                return !note.isEmpty && garden.linkTarget(note) == nil && garden.linkTarget(name) == nil
            }
            return false
        })
        guard !broken.isEmpty else { return }
        for line in document.lines.indices {
            for span in document.lines[line].content.spans.indices {
                guard let link = document.lines[line].content.spans[span].link, broken.contains(link) else { continue }
                document.lines[line].content.spans[span].style = Style(.warning, italic: true)
            }
        }
    }

    static func topic(_ topic: Topic, in garden: Garden, counts allCounts: [String: (read: Int, total: Int)], width: Int, glyphs: Glyphs,
                      embeds: EmbedRenderer? = nil) -> RenderedDocument {
        let counts = allCounts[topic.id]
        var document = RenderedDocument()
        var lines: [[Span]] = [[Span(topic.title.isEmpty ? "Garden" : topic.title, Style(.heading1, bold: true))]]
        if let counts {
            lines.append([Span("\(counts.read) of \(counts.total) papers read", Style(.muted))])
        }
        let calculators = topic.calculators.compactMap(CalculatorKind.init(name:))
        if !calculators.isEmpty {
            lines.append([Span("Calculators (c opens the first): ", Style(.muted)),
                          Span(calculators.map { ":calc \($0.rawValue)" }.joined(separator: ", "), Style(.code))])
        }
        for line in lines {
            document.lines += TextWrap.wrap(line, width: width).map { RenderedLine($0) }
        }
        if !topic.prose.isEmpty {
            let prose = MarkdownLayout.render(Markdown.parse(String(topic.prose)), width: width, glyphs: glyphs, embeds: embeds)
            append(prose, to: &document, separated: true)
        }
        let children = topic.children.compactMap(garden.topic)
        if !children.isEmpty {
            var block = RenderedDocument()
            block.lines.append(RenderedLine(StyledLine("Topics", Style(.heading2, bold: true))))
            for child in children {
                let count = allCounts[child.id] ?? (0, 0)
                block.lines += TextWrap.wrap([Span(glyphs.bullet + " " + child.title), Span(" \(count.read)/\(count.total)", Style(.muted))],
                                             width: width, indent: [Span("  ")]).map { RenderedLine($0) }
            }
            append(block, to: &document, separated: true)
        }
        return document
    }

    /// The front matter as a header block: title, authors, year and status, links, tags and
    /// sources. The links are focusable like the body's.
    private static func header(_ note: Note, width: Int, glyphs: Glyphs) -> RenderedDocument {
        var document = RenderedDocument()
        func add(_ spans: [Span]) {
            document.lines += TextWrap.wrap(spans, width: width, indent: [Span("  ")]).map { RenderedLine($0) }
        }
        add([Span(note.title, Style(.heading1, bold: true))])
        if !note.authors.isEmpty { add([Span(note.authors.joined(separator: ", "))]) }
        var facts: [Span] = []
        if let year = note.year { facts.append(Span(String(year), Style(.muted))) }
        if let status = note.status {
            facts.append(Span(StatusMark.label(status, readInDepth: note.readInDepth, glyphs), Style(StatusMark.role(status))))
        }
        if note.kind == .item { facts.append(Span("item", Style(.muted))) }
        if !facts.isEmpty { add(Array(facts.map { [Span(glyphs.dot, Style(.muted)), $0] }.joined().dropFirst())) }
        let links = links(of: note)
        if !links.isEmpty {
            var spans: [Span] = []
            for (label, url) in links {
                if !spans.isEmpty { spans.append(Span("  ")) }
                document.links.append(RenderedLink(target: .url(url), label: label, line: document.lines.count))
                spans.append(Span(label, Style(.link, underline: true), link: document.links.count - 1))
            }
            add(spans)
        }
        if !note.tags.isEmpty {
            add([Span("Tags: ", Style(.muted))] + note.tags.map { Span("#" + $0 + " ", Style(.tag)) })
        }
        // One line each: front-matter values can hold newlines.
        let sources = note.sources.map { sourceSummary($0, glyphs).split(whereSeparator: \.isNewline).map { String($0).trimmed }.joined(separator: " ") }
            .filter { !$0.isEmpty }
        if !sources.isEmpty { add([Span("From: " + sources.joined(separator: "; "), Style(.muted))]) }
        return document
    }

    /// Where a note came from, briefly: `page › section` for the importer's records, the value
    /// on one line otherwise (`trellis show` lists the records in full).
    static func sourceSummary(_ source: YAMLValue, _ glyphs: Glyphs) -> String {
        guard let page = source["page"]?.string else { return source.oneLine }
        return [page, source["section"]?.string].compactMap { $0 }.joined(separator: glyphs.pathSeparator)
    }

    /// The note's links (arXiv, OpenReview, URL) as URLs, in that order.
    static func links(of note: Note) -> [(label: String, url: String)] {
        var links: [(String, String)] = []
        if let arxiv = note.links.arxiv {
            links.append(("arXiv:" + arxiv, arxiv.hasPrefix("http") ? arxiv : "https://arxiv.org/abs/" + arxiv))
        }
        if let openreview = note.links.openreview {
            links.append(("OpenReview", openreview.hasPrefix("http") ? openreview : "https://openreview.net/forum?id=" + openreview))
        }
        if let url = note.links.url { links.append((url, url)) }
        return links
    }

    /// Appends `part` below `document` (after a blank line when `separated` and `document` is
    /// not empty), shifting its line numbers and link indices.
    static func append(_ part: RenderedDocument, to document: inout RenderedDocument, separated: Bool = true) {
        if separated, !document.lines.isEmpty, !part.lines.isEmpty { document.lines.append(RenderedLine(StyledLine())) }
        let lineOffset = document.lines.count
        let linkOffset = document.links.count
        for line in part.lines {
            var shifted = line
            for index in shifted.content.spans.indices {
                if let link = shifted.content.spans[index].link { shifted.content.spans[index].link = link + linkOffset }
            }
            document.lines.append(shifted)
        }
        for link in part.links {
            document.links.append(RenderedLink(target: link.target, label: link.label, line: link.line + lineOffset))
        }
        document.folds += part.folds
    }
}

/// Read marks and labels shared by the list and the reading pane.
enum StatusMark {
    static func label(_ status: ReadStatus, readInDepth: Bool, _ glyphs: Glyphs) -> String {
        switch status {
        case .read: return readInDepth ? "read in depth" + glyphs.inDepth : "read"
        case .reading: return "reading"
        case .unread: return "unread"
        }
    }

    static func role(_ status: ReadStatus?) -> Role {
        switch status {
        case .read: return .read
        case .reading: return .reading
        case .unread: return .unread
        case nil: return .muted
        }
    }

    static func glyph(_ status: ReadStatus?, _ glyphs: Glyphs) -> String {
        switch status {
        case .read: return glyphs.readMark
        case .reading: return glyphs.readingMark
        case .unread: return glyphs.unreadMark
        case nil: return glyphs.bullet
        }
    }
}
