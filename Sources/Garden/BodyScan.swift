/// What `NoteBody.scan` finds in a body, as UTF-8 byte offsets into it, so the parse cache can
/// keep it: a warm load then never scans bodies again (the scan was a fifth of a warm load).
struct BodyScan: Sendable, Equatable {
    var abstract: Range<Int>?
    var notes: Range<Int>?
    var firstHeading: Range<Int>?
    var wikiLinks: [WikiLink] = []

    static let empty = BodyScan()

    init() {}

    init(abstract: Range<Int>?, notes: Range<Int>?, firstHeading: Range<Int>?, wikiLinks: [WikiLink]) {
        self.abstract = abstract
        self.notes = notes
        self.firstHeading = firstHeading
        self.wikiLinks = wikiLinks
    }

    /// Scans `body` (a whole String, so offsets count from its start).
    init(of body: String, lineOffset: Int) {
        let scan = NoteBody.scan(body[...], lineOffset: lineOffset)
        func offsets(_ part: Substring?) -> Range<Int>? {
            part.map { body.utf8.distance(from: body.startIndex, to: $0.startIndex)
                ..< body.utf8.distance(from: body.startIndex, to: $0.endIndex) }
        }
        self.init(abstract: offsets(scan.abstract), notes: offsets(scan.notes),
                  firstHeading: offsets(scan.firstHeading), wikiLinks: scan.wikiLinks)
    }

    /// The part of `body` that `range` names; nil for nil or a range that does not fit (a
    /// corrupted cache entry must not crash).
    static func slice(_ range: Range<Int>?, of body: String) -> Substring? {
        guard let range, range.lowerBound >= 0, range.upperBound <= body.utf8.count else { return nil }
        let start = body.utf8.index(body.startIndex, offsetBy: range.lowerBound)
        let end = body.utf8.index(start, offsetBy: range.count)
        return body[start..<end]
    }
}
