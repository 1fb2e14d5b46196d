/// One note that matches a query.
public struct SearchHit: Sendable, Equatable {
    public var noteID: String
    public var score: Double
    /// The field the snippet comes from: the one that contributed most to the score.
    public var field: SearchField
    /// About 100 characters of one line around the field's first match, whitespace collapsed;
    /// `…` marks text cut off. Raw file text: sanitize it (Screen's `TerminalText`) before display.
    public var snippet: String
    /// Where the match is within `snippet`.
    public var highlight: Range<String.Index>

    /// `highlight` as offsets in Unicode scalars (what JSON consumers index strings by).
    public var highlightScalarOffsets: Range<Int> {
        let scalars = snippet.unicodeScalars
        let start = scalars.distance(from: scalars.startIndex, to: highlight.lowerBound)
        return start..<(start + scalars.distance(from: highlight.lowerBound, to: highlight.upperBound))
    }
}

extension SearchIndex {
    /// The notes that contain every term of `query`, best first, at most `limit` of them.
    ///
    /// Terms match case- and diacritic-insensitively anywhere in a word; matches at the start
    /// of a word count more and whole words most (see `MatchRun.score`). Ties are broken by
    /// title, then id.
    public func search(_ query: String, limit: Int = 50) -> [SearchHit] {
        let terms = SearchQuery(query).terms
        guard !terms.isEmpty, limit > 0, !notes.isEmpty else { return [] }
        var candidates: [Candidate] = []
        for (shard, found) in zip(shards, shards.concurrentMap { $0.matches(terms) }) {
            for (local, score) in found {
                candidates.append(Candidate(position: shard.firstNote + local, score: score,
                                            title: shard.titles.bytes[shard.titles.range(of: local)]))
            }
        }
        return best(candidates, limit: limit).map { candidate in
            let (field, snippet, highlight) = excerpt(note: candidate.position, terms: terms)
            return SearchHit(noteID: notes[candidate.position].id, score: candidate.score, field: field,
                             snippet: snippet, highlight: highlight)
        }
    }

    /// A note that matched, with what ranking compares: score, then folded title, then id.
    private struct Candidate {
        var position: Int
        var score: Double
        var title: ArraySlice<UInt8>
    }

    /// The best `limit` candidates in order. Keeps a sorted list of at most `limit` and
    /// inserts only candidates that beat its last one, so that thousands of tied matches of a
    /// common word cost little.
    private func best(_ candidates: [Candidate], limit: Int) -> [Candidate] {
        func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.score != b.score { return a.score > b.score }
            if a.title != b.title { return a.title.lexicographicallyPrecedes(b.title) }
            return notes[a.position].id < notes[b.position].id
        }
        var top: [Candidate] = []
        top.reserveCapacity(limit + 1)
        for candidate in candidates {
            if top.count == limit {
                guard precedes(candidate, top[limit - 1]) else { continue }
                top.removeLast()
            }
            var low = 0, high = top.count
            while low < high {
                let mid = (low + high) / 2
                if precedes(top[mid], candidate) { low = mid + 1 } else { high = mid }
            }
            top.insert(candidate, at: low)
        }
        return top
    }

    /// The snippet for a hit: from the field that scores highest for this note, around the
    /// first match in it.
    private func excerpt(note position: Int, terms: [[UInt8]]) -> (SearchField, String, Range<String.Index>) {
        let (shard, local) = locate(position)
        var best: (field: SearchField, score: Double, match: Range<Int>)?
        for (field, text) in zip(SearchField.allCases, shard.fields) {
            let range = text.range(of: local)
            var score = 0.0
            var first: Range<Int>?
            text.bytes.withUnsafeBufferPointer { bytes in
                for term in terms {
                    let matcher = Matcher(bytes: bytes, term: term)
                    var run = MatchRun()
                    var cursor = range.lowerBound
                    while let (offset, quality) = matcher.next(from: cursor, end: range.upperBound) {
                        run.add(quality)
                        if first == nil || offset < first!.lowerBound { first = offset..<(offset + term.count) }
                        cursor = offset + term.count
                    }
                    score += run.score(weight: field.weight)
                }
            }
            if let first, score > (best?.score ?? 0) {
                best = (field, score, (first.lowerBound - range.lowerBound)..<(first.upperBound - range.lowerBound))
            }
        }
        let note = notes[position]
        guard let best else { return (.title, note.title, note.title.startIndex..<note.title.startIndex) }
        let (snippet, highlight) = SearchSnippet.make(field: best.field, note: note, foldedMatch: best.match)
        return (best.field, snippet, highlight)
    }
}
