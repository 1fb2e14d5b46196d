import Foundation
import Garden
import Markdown
import Screen

/// The reading pane: what it shows, folds, links, matches and history.
extension AppState {
    /// Folds closed when a note is first shown: the abstract (long; the owner's notes come
    /// first) and every `<details>` block, closed as a browser shows them.
    static let defaultCollapsed: Set<FoldID> = Set([.abstract] + (0..<256).map(FoldID.details))

    /// The folded sections of the note being read.
    var collapsed: Set<FoldID> {
        guard case .note(let id)? = reading.subject else { return [] }
        return collapsedByNote[id] ?? Self.defaultCollapsed
    }

    /// Shows a note or topic page in the reading pane (cursor at the top unless it is already
    /// showing).
    mutating func show(_ location: Location) {
        guard reading.subject != location else { return }
        reading.subject = location
        reading.cursor = 0
        reading.scroll = 0
        reading.focusedLink = nil
        reading.width = 0
        relayoutReading()
    }

    /// Lays the subject out again (after a resize, a fold or a new subject).
    mutating func relayoutReading() {
        guard let garden, let subject = reading.subject else {
            reading.document = RenderedDocument()
            return
        }
        let width = readingWidth
        let wanted = CalculatorBlocks.Wanted()
        let embeds = CalculatorBlocks.renderer(blocks, glyphs: glyphs, wanted: wanted)
        switch subject {
        case .note(let id):
            guard let note = garden.note(id) else { return }
            reading.document = ReadingDocument.note(note, in: garden, width: width, collapsed: collapsed, glyphs: glyphs, embeds: embeds)
        case .topic(let id):
            guard let topic = garden.topic(id) else { return }
            reading.document = ReadingDocument.topic(topic, in: garden, counts: counts, width: width, glyphs: glyphs, embeds: embeds)
        }
        blocks.wanted.merge(wanted.requests) { $1 }
        reading.width = width
        let count = reading.document.lines.count
        reading.cursor = min(reading.cursor, max(0, count - 1))
        if let link = reading.focusedLink, link >= reading.document.links.count { reading.focusedLink = nil }
        reading.scroll = Scrolling.visible(reading.cursor, scroll: reading.scroll, rows: visibleRows(.reading), count: count)
    }

    var foldUnderCursor: FoldID? {
        reading.document.lines.indices.contains(reading.cursor) ? reading.document.lines[reading.cursor].fold : nil
    }

    mutating func setFold(_ fold: FoldID, collapsed isCollapsed: Bool) {
        guard case .note(let id)? = reading.subject else { return }
        var set = collapsed
        if isCollapsed { set.insert(fold) } else { set.remove(fold) }
        collapsedByNote[id] = set
        let headerLine = reading.document.lines.firstIndex { $0.fold == fold }
        relayoutReading()
        // Keep the header where the cursor was, so folding never makes the text jump away.
        if let line = reading.document.lines.firstIndex(where: { $0.fold == fold }), headerLine != nil {
            moveCursor(to: line)
        }
    }

    /// `a` / `m`: folds or unfolds the abstract or the notes of the note being read.
    mutating func toggleFold(_ fold: FoldID, name: String) {
        guard case .note? = reading.subject, reading.document.folds.contains(fold) else {
            status = StatusMessage("This page has no \(name) section")
            return
        }
        setFold(fold, collapsed: !collapsed.contains(fold))
    }

    /// Puts the reading cursor on `line` and focuses that line's first link (if any).
    mutating func moveCursor(to line: Int) {
        reading.cursor = min(max(0, line), max(0, reading.document.lines.count - 1))
        reading.scroll = Scrolling.visible(reading.cursor, scroll: reading.scroll, rows: visibleRows(.reading), count: reading.document.lines.count)
        reading.focusedLink = reading.document.links.firstIndex { $0.line == reading.cursor }
            ?? reading.document.lines[safe: reading.cursor]?.content.spans.compactMap(\.link).first
    }

    // MARK: - Links

    /// `]` / `[`: the next or previous link in the document, wrapping around.
    mutating func stepLink(forward: Bool) {
        let links = reading.document.links
        guard !links.isEmpty else {
            status = StatusMessage("No links on this page")
            return
        }
        let current = reading.focusedLink ?? (forward ? -1 : links.count)
        var next = current + (forward ? 1 : -1)
        if !links.indices.contains(next) { next = forward ? 0 : links.count - 1 }
        moveCursor(to: links[next].line)
        reading.focusedLink = next
        focus = .reading
    }

    /// `o`: opens the focused link: a wiki link in place, a URL with xdg-open.
    mutating func openFocusedLink() -> [Effect] {
        guard let index = reading.focusedLink, reading.document.links.indices.contains(index) else {
            status = StatusMessage("No link here: ] and [ move between links")
            return []
        }
        return follow(reading.document.links[index].target)
    }

    mutating func follow(_ target: LinkTarget) -> [Effect] {
        switch target {
        case .url(let url):
            let lower = url.lowercased()
            guard ["http://", "https://", "file://"].contains(where: lower.hasPrefix) else {
                status = StatusMessage("Only http, https and file links open: \(url)", isError: true)
                return []
            }
            status = StatusMessage("Opening \(url)")
            return [.openURL(url)]
        case .embed(let source):
            return openBlock(source)
        case .wiki(let name):
            // [[Note#Heading]] opens the note at that heading; [[#Heading]] stays in this one.
            let parts = name.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let heading = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            let target: Note?
            if parts[0].isEmpty, case .note(let id)? = reading.subject { target = garden?.note(id) } else { target = garden?.linkTarget(parts[0]) }
            guard let note = target ?? garden?.linkTarget(name) else {
                status = StatusMessage("No note called \"\(parts[0])\"", isError: true)
                return []
            }
            rememberVisit()
            reveal(note.id)
            focus = .reading
            if !heading.isEmpty {
                if let line = headingLine(heading) {
                    moveCursor(to: line)
                    reading.scroll = min(line, max(0, reading.document.lines.count - visibleRows(.reading)))
                } else {
                    status = StatusMessage("\(note.title) has no heading \"\(heading)\"")
                }
            }
            return []
        }
    }

    /// The line of the heading whose text is `heading` (any case; a fold's ▸ or ▾ aside).
    func headingLine(_ heading: String) -> Int? {
        let wanted = heading.lowercased()
        let headingRoles: Set<Role> = [.heading1, .heading2, .heading3]
        return reading.document.lines.firstIndex { line in
            guard line.content.spans.contains(where: { headingRoles.contains($0.style.role) }) else { return false }
            let text = line.content.text.lowercased().trimmingCharacters(in: .whitespaces)
            return text == wanted || text.hasSuffix(" " + wanted) || text.hasPrefix(wanted + " (")
        }
    }

    /// Back to where the last followed link was.
    mutating func goBack() {
        guard let previous = history.popLast() else {
            status = StatusMessage("Nothing to go back to")
            return
        }
        switch previous.location {
        case .note(let id): reveal(id)
        case .topic(let id): selectTopic(id); show(.topic(id))
        }
        focus = .reading
        let lines = reading.document.lines.count
        reading.cursor = min(max(0, previous.cursor), max(0, lines - 1))
        reading.scroll = Scrolling.visible(reading.cursor, scroll: previous.scroll, rows: visibleRows(.reading), count: lines)
        reading.focusedLink = previous.focusedLink.flatMap { reading.document.links.indices.contains($0) ? $0 : nil }
    }

    /// Records where the reader is before leaving for another place.
    mutating func rememberVisit() {
        guard let subject = reading.subject else { return }
        history.append(Visit(location: subject, cursor: reading.cursor, scroll: reading.scroll, focusedLink: reading.focusedLink))
    }

    // MARK: - Matches

    /// The words of the last search, for highlighting and n/N.
    var matchTerms: [String] { MatchFinder.terms(of: lastQuery) }

    /// `n` / `N`: the next or previous line holding a match of the last search, wrapping.
    mutating func stepMatch(forward: Bool) {
        let terms = matchTerms
        guard !terms.isEmpty else {
            status = StatusMessage("No search yet: press / to search")
            return
        }
        let matching = reading.document.lines.indices.filter {
            !MatchFinder.columns(in: reading.document.lines[$0].content.text, terms: terms).isEmpty
        }
        let cursor = reading.cursor
        if let next = forward ? matching.first(where: { $0 > cursor }) : matching.last(where: { $0 < cursor }) {
            moveCursor(to: next)
            focus = .reading
            status = StatusMessage("match \(matching.firstIndex(of: next)! + 1) of \(matching.count) lines")
            return
        }
        if let wrapped = forward ? matching.first : matching.last {
            moveCursor(to: wrapped)
            focus = .reading
            let position = matching.firstIndex(of: wrapped)! + 1
            status = StatusMessage("match \(position) of \(matching.count) lines (from the \(forward ? "top" : "bottom"))")
            return
        }
        status = StatusMessage("\"\(lastQuery)\" is not on this page (folded sections are not searched)")
    }
}

/// Finds the words of a search in rendered text, case- and diacritic-insensitively, as column
/// ranges (display width) for highlighting.
enum MatchFinder {
    static func terms(of query: String) -> [String] { SearchIndex.terms(of: query) }

    static func columns(in text: String, terms: [String]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for term in terms {
            var searchStart = text.startIndex
            while searchStart < text.endIndex,
                  let found = text.range(of: term, options: [.caseInsensitive, .diacriticInsensitive],
                                         range: searchStart..<text.endIndex) {
                let start = DisplayWidth.of(text[..<found.lowerBound])
                ranges.append(start..<(start + DisplayWidth.of(text[found])))
                searchStart = found.upperBound
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
