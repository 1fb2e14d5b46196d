/// Finds `[[wiki links]]` in a run of text. cmark knows nothing of them: to it `[[Target]]` is
/// plain text (the converter merges the bracket runs back into one text), so the layout finds
/// them here. Code spans are never scanned: `[[x]]` in code is code.
enum WikiLinkScanner {
    /// A piece of scanned text: plain text, or a wiki link.
    enum Piece: Equatable {
        case text(String)
        /// `target` is the note's name (before any `#heading` or `|label`); `label` is what is
        /// shown: the text after `|`, or else everything inside the brackets as written.
        case link(target: String, label: String)
    }

    /// `text` cut into plain runs and wiki links, in order. `[[Target]]`, `[[Target|label]]`
    /// and `[[Target#Heading]]` are links; brackets with no target (`[[]]`, `[[#x]]`) or
    /// spanning another `[[` stay text.
    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var plainStart = text.startIndex
        var searchStart = text.startIndex
        while let open = text[searchStart...].firstRange(of: "[["),
            let close = text[open.upperBound...].firstRange(of: "]]")
        {
            let inner = text[open.upperBound..<close.lowerBound]
            guard !inner.contains("[["), !inner.contains("\n"), let link = link(inner) else {
                searchStart = text.index(after: open.lowerBound)
                continue
            }
            if plainStart < open.lowerBound { pieces.append(.text(String(text[plainStart..<open.lowerBound]))) }
            pieces.append(link)
            plainStart = close.upperBound
            searchStart = close.upperBound
        }
        if plainStart < text.endIndex { pieces.append(.text(String(text[plainStart...]))) }
        return pieces
    }

    private static func link(_ inner: Substring) -> Piece? {
        let bar = inner.firstIndex(of: "|")
        let reference = inner[..<(bar ?? inner.endIndex)]
        let target = reference.prefix { $0 != "#" }.trimmingWhitespace
        guard !target.isEmpty else { return nil }
        let label = bar.map { inner[inner.index(after: $0)...].trimmingWhitespace } ?? ""
        return .link(target: target, label: label.isEmpty ? reference.trimmingWhitespace : label)
    }
}

extension StringProtocol {
    /// Without leading and trailing white space.
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
