/// Decides whether two titles name the same paper, tolerating what differs between the
/// owner's pages: case, punctuation, a missing or mistyped minor word ("a", "of", "the"…),
/// and a short title that is the long one's part before the colon ("Neural Tangent Kernel"
/// for "Neural Tangent Kernel: Convergence and Generalization in Neural Networks").
public enum TitleMatch {
    static let minorWords: Set<String> = [
        "a", "an", "the", "of", "for", "in", "on", "to", "and", "with", "via", "is", "are", "by",
        "from", "as", "at", "or", "its", "into", "be",
    ]

    /// Lowercased words, punctuation dropped (hyphens split words).
    public static func words(_ title: String) -> [String] {
        title.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    public static func same(_ a: String, _ b: String) -> Bool {
        let (wa, wb) = (words(a), words(b))
        if wordsMatch(wa, wb) { return true }
        // "Title" against "Title: subtitle", when the short one says enough on its own.
        for (short, long) in [(a, b), (b, a)] where !short.contains(":") {
            if let colon = long.firstIndex(of: ":") {
                let head = words(String(long[..<colon]))
                if head.filter({ !minorWords.contains($0) }).count >= 3, wordsMatch(words(short), head) { return true }
            }
        }
        return false
    }

    /// Alignment of two word lists in which only minor words may be missing or changed, and
    /// at most two such edits are allowed.
    static func wordsMatch(_ a: [String], _ b: [String]) -> Bool {
        if a == b { return !a.isEmpty }
        let major = { (words: [String]) in words.filter { !minorWords.contains($0) } }
        guard !major(a).isEmpty, !major(b).isEmpty else { return false }
        let (n, m) = (a.count, b.count)
        let never = 1_000
        var cost = Array(repeating: Array(repeating: never, count: m + 1), count: n + 1)
        cost[0][0] = 0
        for i in 0...n {
            for j in 0...m {
                let here = cost[i][j]
                guard here < never else { continue }
                if i < n, j < m {
                    if a[i] == b[j] {
                        cost[i + 1][j + 1] = min(cost[i + 1][j + 1], here)
                    } else if minorWords.contains(a[i]) && minorWords.contains(b[j])
                                || (minorWords.contains(a[i]) || minorWords.contains(b[j])) && oneEditApart(a[i], b[j]) {
                        cost[i + 1][j + 1] = min(cost[i + 1][j + 1], here + 1)
                    }
                }
                if i < n, minorWords.contains(a[i]) { cost[i + 1][j] = min(cost[i + 1][j], here + 1) }
                if j < m, minorWords.contains(b[j]) { cost[i][j + 1] = min(cost[i][j + 1], here + 1) }
            }
        }
        return cost[n][m] <= 2
    }

    /// One insertion, deletion, substitution or swap of neighbours ("teh" for "the").
    static func oneEditApart(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a), Array(b))
        if x.count == y.count, let i = x.indices.first(where: { x[$0] != y[$0] }), i + 1 < x.count,
           x[i] == y[i + 1], x[i + 1] == y[i], x[(i + 2)...] == y[(i + 2)...] {
            return true
        }
        guard abs(x.count - y.count) <= 1 else { return false }
        var (i, j, edits) = (0, 0, 0)
        while i < x.count, j < y.count {
            if x[i] == y[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count { i += 1 } else if y.count > x.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }
}
