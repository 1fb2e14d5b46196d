/// What the owner typed to add a paper: a title, an arXiv id or link, or an OpenReview link.
/// Read without the network; the id, when there is one, names the note's file and links it.
public enum PaperReference: Sendable, Equatable {
    /// An arXiv id without its version: `1806.07572`, `hep-th/9901001`, `math.PR/0601001`.
    case arxiv(String)
    /// An OpenReview forum id (`B1EA-M-0Z`).
    case openreview(String)
    /// A title, trimmed.
    case title(String)

    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case controlCharacters
        /// A title with no letter or digit in it ("???").
        case noWords(String)
        /// A link that names no arXiv or OpenReview paper.
        case unknownLink(String)
        /// Shaped like a new-style arXiv id (`YYMM.NNNN…`) but not one.
        case badArxivID(String)

        public var description: String {
            switch self {
            case .empty: return "nothing to add: give a title, an arXiv id or an arXiv or OpenReview link"
            case .controlCharacters: return "a title or link cannot contain control characters (tabs, newlines, escapes)"
            case .noWords(let text): return "'\(text)' has no letter or digit: not a title"
            case .badArxivID(let text):
                return "'\(text)' is not an arXiv id: YYMM.NNNN until 2014, YYMM.NNNNN (five digits) from 2015, month 01–12"
            case .unknownLink(let text):
                return "'\(text)' is not an arXiv or OpenReview paper link (arxiv.org/abs/ID, arxiv.org/pdf/ID, openreview.net/forum?id=ID); give the title instead"
            }
        }
    }

    /// Reads a title, an arXiv id (`1806.07572`, `1806.07572v3`, `arXiv:1806.07572`,
    /// `hep-th/9901001`, `math.PR/0601001`), an arXiv link (`/abs/…`, `/pdf/….pdf`, any version,
    /// http or https, `www.` or `export.`) or an OpenReview link (`/forum?id=…`, `/pdf?id=…`).
    /// Anything that looks like a link (a scheme, or a host with a path) must be one of those.
    public static func parse(_ input: String) throws(ParseError) -> PaperReference {
        let text = input.trimmed
        guard !text.isEmpty else { throw .empty }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .controlCharacters
        }
        if let id = Identifiers.arxivID(text) { return .arxiv(id) }
        // Digits, a dot, digits (and a version): meant as an id, and a mistyped one is refused
        // rather than added as a paper titled "1706.0376".
        let bare = text.lowercased().hasPrefix("arxiv:") ? text.dropFirst(6) : text[...]
        if bare.split(separator: ".").count == 2, bare.prefix(4).allSatisfy(\.isASCIIDigit),
           bare.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "v" }) {
            throw .badArxivID(text)
        }
        if looksLikeLink(text) {
            if let id = Identifiers.arxiv(text) { return .arxiv(id) }
            if let id = Identifiers.openreview(text) { return .openreview(id) }
            throw .unknownLink(text)
        }
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else { throw .noWords(text) }
        return .title(text)
    }

    /// A scheme (`https://`), or a single word with a dot in its first part and a slash after
    /// it (`arxiv.org/abs/…`); titles have spaces, or no such shape.
    static func looksLikeLink(_ text: String) -> Bool {
        if text.contains("://") { return true }
        guard !text.contains(where: \.isWhitespace), let slash = text.firstIndex(of: "/") else { return false }
        return text[..<slash].contains(".")
    }

    /// The note's file name without `.md`: the arXiv id with `/` made `-`
    /// (`hep-th-9901001`), `openreview-<id>`, or the title's slug.
    public var fileStem: String {
        switch self {
        case .arxiv(let id): return id.replacingSlashes()
        case .openreview(let id): return "openreview-" + id
        case .title(let title): return Slug.make(title)
        }
    }

    /// The title a new note gets: the title, or the id until the owner renames it.
    public var title: String {
        switch self {
        case .arxiv(let id), .openreview(let id), .title(let id): return id
        }
    }

    /// The paper's canonical page: arxiv.org/abs/ID or openreview.net/forum?id=ID.
    public var url: String? {
        switch self {
        case .arxiv(let id): return "https://arxiv.org/abs/" + id
        case .openreview(let id): return "https://openreview.net/forum?id=" + id
        case .title: return nil
        }
    }
}

extension String {
    fileprivate func replacingSlashes() -> String { String(map { $0 == "/" ? "-" : $0 }) }
}
