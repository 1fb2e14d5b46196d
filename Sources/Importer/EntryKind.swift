import Garden

/// Tells a paper title from the other things the owner lists: to-dos ("Find stuff about…",
/// "Look at…", "Idk"), bare links, people, short topic names. The rules are written down in
/// docs/importer.md; an `--alias` or an existing paper of the same title overrides them.
enum EntryKind {
    static let todoOpenings: Set<String> = ["find", "look", "maybe", "idk", "read", "watch", "todo", "check", "try", "ask"]
    static let fillerWords: Set<String> = ["smth", "idk", "stuff", "etc"]

    static func classify(_ text: String) -> Note.Kind {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let lower = words.map { $0.lowercased() }
        guard let first = lower.first else { return .item }
        if text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("[http") { return .item }
        if todoOpenings.contains(first) || lower.contains(where: fillerWords.contains) { return .item }
        if words.count >= 3, text.contains(":") { return .paper }
        if words.count >= 3, words.allSatisfy({ $0.uppercased() == $0 }), words.contains(where: { $0.count > 3 }) { return .paper }
        if words.count >= 4, isTitleCase(words) { return .paper }
        if words.count >= 6 { return .paper }
        return .item
    }

    /// Every word of four or more letters that is not a minor word starts with a capital.
    static func isTitleCase(_ words: [String]) -> Bool {
        let major = words.filter { $0.count >= 4 && !TitleMatch.minorWords.contains($0.lowercased()) }
        return !major.isEmpty && major.allSatisfy { $0.first!.isUppercase || $0.first!.isNumber }
    }

    /// Schedule rows about book chapters or lectures are items, not papers.
    static func isChapterOrLecture(_ detail: String) -> Bool {
        let lower = detail.lowercased()
        return ["chapter", "lecture"].contains { lower.contains($0) }
    }
}
