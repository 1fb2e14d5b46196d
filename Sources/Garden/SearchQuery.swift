/// A query as search runs it: folded terms, each of which a note must contain.
struct SearchQuery: Equatable {
    /// Folded bytes of each distinct term, in the order typed.
    var terms: [[UInt8]]

    /// Words separated by whitespace; `"a phrase"` in double quotes is one term. Punctuation
    /// around a word (`NTK,` or `(2018)`) is dropped, but not inside one (`infinite-width`).
    init(_ text: String) {
        var pieces: [String] = []
        for (index, part) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            if index % 2 == 1 {
                pieces.append(String(part))
            } else {
                pieces += part.split(whereSeparator: \.isWhitespace).map(String.init)
            }
        }
        var terms: [[UInt8]] = []
        for piece in pieces {
            let term = Self.trimPunctuation(SearchFolding.fold(piece))
            if !term.isEmpty, !terms.contains(term) { terms.append(term) }
        }
        self.terms = terms
    }

    private static let edgePunctuation = Set(",.;:!?()[]{}<>'\"` ".utf8)

    private static func trimPunctuation(_ term: [UInt8]) -> [UInt8] {
        var slice = term[...]
        while let first = slice.first, edgePunctuation.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, edgePunctuation.contains(last) { slice = slice.dropLast() }
        return slice.isEmpty && !term.allSatisfy({ $0 == SearchFolding.space }) ? term : Array(slice)
    }
}

extension SearchIndex {
    /// The terms a query searches for, folded (lower case, no diacritics), as text: what the
    /// reading pane highlights and steps through, so it follows the search's own rule
    /// (`"a phrase"` is one term, punctuation around a word is dropped).
    public static func terms(of query: String) -> [String] {
        SearchQuery(query).terms.map { String(decoding: $0, as: UTF8.self) }
    }
}
