import Foundation  // case-insensitive anchored String.range(of:)

/// Cuts a raw HTML block into the `<details>` tags it holds and the text between them.
///
/// cmark keeps a `<details>` element in one of two shapes (shared/notes/platform.md): with no
/// blank line inside, one HTML block holds all of it and its inner Markdown is NOT parsed;
/// with blank lines, an HTML block opens it, ordinary blocks follow, and a later HTML block
/// closes it. Scanning every HTML block into the same events lets ``DetailsAssembler`` treat
/// both shapes, and any mixture of them, alike.
enum DetailsTagScanner {
    enum Event: Equatable {
        /// `<details>` or `<details open>`.
        case open
        case close
        /// The raw content of `<summary>…</summary>` (tags inside it not yet stripped).
        case summary(String)
        /// Text between tags: Markdown when inside a `<details>`, raw HTML outside.
        case text(String)
    }

    /// The events of `html`, or nil when it holds no `<details>` or `<summary>` tag (an
    /// ordinary HTML block, shown verbatim) or is a comment (a commented-out `<details>`).
    static func events(in html: String) -> [Event]? {
        guard !html.hasPrefix("<!--") else { return nil }
        var events: [Event] = []
        var textStart = html.startIndex
        var cursor = html.startIndex
        while let tagStart = html[cursor...].firstIndex(of: "<") {
            guard let (event, tagEnd) = tag(in: html, at: tagStart) else {
                cursor = html.index(after: tagStart)
                continue
            }
            if textStart < tagStart { events.append(.text(String(html[textStart..<tagStart]))) }
            events.append(event)
            textStart = tagEnd
            cursor = tagEnd
        }
        guard !events.isEmpty else { return nil }  // no tag found: texts are only cut at tags
        if textStart < html.endIndex { events.append(.text(String(html[textStart...]))) }
        return events
    }

    /// The details-related tag starting at `start`, and where it ends; nil for any other tag.
    private static func tag(in html: String, at start: String.Index) -> (Event, String.Index)? {
        if let name = match("<details", in: html, at: start), let end = tagEnd(in: html, after: name) {
            return (.open, end)
        }
        if let name = match("</details", in: html, at: start), let end = tagEnd(in: html, after: name) {
            return (.close, end)
        }
        if let name = match("<summary", in: html, at: start), let open = tagEnd(in: html, after: name) {
            let close = html.range(of: "</summary", options: .caseInsensitive, range: open..<html.endIndex)
            let content = String(html[open..<(close?.lowerBound ?? html.endIndex)])
            let end = close.flatMap { html[$0.upperBound...].firstIndex(of: ">") }.map { html.index(after: $0) }
            return (.summary(content), end ?? html.endIndex)
        }
        return nil
    }

    /// The end of `prefix` when `html` has it at `start` followed by the end of the tag name
    /// (`>`, `/` or white space), so that `<detailsx>` is not `<details>`.
    private static func match(_ prefix: String, in html: String, at start: String.Index) -> String.Index? {
        guard let range = html.range(of: prefix, options: [.caseInsensitive, .anchored], range: start..<html.endIndex),
            range.upperBound < html.endIndex
        else { return nil }
        let next = html[range.upperBound]
        return next == ">" || next == "/" || next.isWhitespace ? range.upperBound : nil
    }

    /// Just past the `>` that closes a tag whose name ends at `index`.
    private static func tagEnd(in html: String, after index: String.Index) -> String.Index? {
        html[index...].firstIndex(of: ">").map { html.index(after: $0) }
    }
}
