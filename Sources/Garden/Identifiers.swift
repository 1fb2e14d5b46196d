/// Identifiers that name the same paper whatever the link looks like: arXiv ids (new style
/// `1806.07572`, old style `hep-th/9901001`, `math.PR/0601001`), OpenReview forum ids, and
/// URLs compared without scheme and `www.`. Shared by the importer and `Garden.addPaper`.
/// Every id is checked against its scheme, so a link that only mentions arxiv.org (a listing,
/// an author page) names no paper.
public enum Identifiers {
    /// The arXiv id, without its version, of an arXiv link: `1806.07572` from
    /// arxiv.org/abs/1806.07572v2, /pdf/1806.07572.pdf, /html/…, http or https, `www.` or
    /// `export.`; nil for any other link.
    public static func arxiv(_ url: String) -> String? {
        guard let (host, path, _) = split(url),
              ["arxiv.org", "www.arxiv.org", "export.arxiv.org"].contains(host) else { return nil }
        var rest = path[...]
        for prefix in ["abs/", "pdf/", "html/"] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.hasSuffix(".pdf") { rest = rest.dropLast(4) }
        return arxivID(String(rest))
    }

    /// A bare arXiv id without its version (`1806.07572v3` → `1806.07572`, `arXiv:hep-th/9901001`
    /// → `hep-th/9901001`); nil when the text is not one. New style is `YYMM.NNNN` until
    /// December 2014 and `YYMM.NNNNN` from January 2015 (arXiv's identifier scheme), old style `archive[.SUBJECT]/YYMMNNN`; the month must be
    /// 01–12 in both.
    public static func arxivID(_ text: String) -> String? {
        var id = text[...]
        if id.lowercased().hasPrefix("arxiv:") { id = id.dropFirst(6) }
        // A version: `v` and digits at the end.
        if let v = id.lastIndex(of: "v"), id.index(after: v) < id.endIndex, id[id.index(after: v)...].allSatisfy(\.isASCIIDigit) {
            id = id[..<v]
        }
        if let slash = id.firstIndex(of: "/") {
            let (archive, number) = (id[..<slash], id[id.index(after: slash)...])
            guard number.count == 7, number.allSatisfy(\.isASCIIDigit), isMonth(number.prefix(4)) else { return nil }
            let parts = archive.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard isWords(parts[0], upper: false), parts.count == 1 || isWords(parts[1], upper: true) else { return nil }
            return String(id)
        }
        let halves = id.split(separator: ".", omittingEmptySubsequences: false)
        guard halves.count == 2, halves[0].count == 4, halves.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              isMonth(halves[0]), halves[1].count == (Int(halves[0])! >= 1501 ? 5 : 4) else { return nil }
        return String(id)
    }

    /// The OpenReview forum id of an OpenReview link (`openreview.net/forum?id=I1mkUkaguP`,
    /// `/pdf?id=…`); nil for any other link.
    public static func openreview(_ url: String) -> String? {
        guard let (host, _, query) = split(url), ["openreview.net", "www.openreview.net"].contains(host) else { return nil }
        for parameter in query.split(separator: "&") where parameter.hasPrefix("id=") {
            let id = String(parameter.dropFirst(3))
            return isOpenReviewID(id) ? id : nil
        }
        return nil
    }

    /// Whether `text` can be an OpenReview forum id (letters, digits, `-` and `_`).
    public static func isOpenReviewID(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// A URL without scheme, `www.` and trailing slash, for comparing links.
    public static func canonicalURL(_ url: String) -> String {
        var text = url.lowercased()[...]
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        if text.hasPrefix("www.") { text = text.dropFirst(4) }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    /// Host (lowercased), path after the host's `/`, and query of an http(s) URL or of one
    /// written without a scheme (`arxiv.org/abs/…`); the fragment is dropped.
    static func split(_ url: String) -> (host: String, path: String, query: String)? {
        var text = url.trimmed[...]
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        guard !text.contains("://"), !text.contains(where: \.isWhitespace) else { return nil }
        var query = ""
        if let mark = text.firstIndex(of: "?") {
            query = String(text[text.index(after: mark)...])
            text = text[..<mark]
        }
        let host = text.prefix { $0 != "/" }
        guard !host.isEmpty else { return nil }
        return (host.lowercased(), String(text.dropFirst(host.count + 1)), query)
    }

    private static func isMonth(_ yymm: Substring) -> Bool {
        guard let month = Int(yymm.suffix(2)) else { return false }
        return (1...12).contains(month)
    }

    /// `hep-th`, `math`, `cond-mat` (lowercase) or `PR`, `stat-mech`-like subject classes
    /// (letters of either case when `upper`).
    private static func isWords(_ text: Substring, upper: Bool) -> Bool {
        let words = text.split(separator: "-", omittingEmptySubsequences: false)
        return words.allSatisfy { word in
            !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isLetter && (upper || $0.isLowercase) }
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
