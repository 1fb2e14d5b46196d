#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A realistic garden for benchmarks: 50 topics in a three-level hierarchy (5 × 3 × 2, each
/// with an index.md), and notes of ~2 KB — front matter with the keys the owner uses, a body
/// with `## Abstract` and `## Notes` sections, wiki links to other notes' titles, an
/// occasional code block. Everything follows from the seed; mtimes are fixed in the past
/// (2023-11-14 onwards) so the parse cache trusts every file at once.
struct SyntheticGarden {
    let noteCount: Int
    let seed: UInt64

    struct Summary {
        var topics = 0
        var notes = 0
        var bytes = 0
    }

    /// The first mtime given to generated files, in seconds since the epoch.
    static let baseTime = 1_700_000_000

    func write(to root: String) throws -> Summary {
        var random = SplitMix64(seed: seed)
        var summary = Summary()
        let topics = makeTopics(&random)
        let titles = makeTitles(&random)
        try makeFolder(root)
        for (position, topic) in topics.enumerated() {
            try makeFolder(root + "/" + topic.path)
            let text = "---\ntitle: \(topic.title)\norder: \(topic.order)\n---\n\n# \(topic.title)\n\nNotes on \(topic.title.lowercased()).\n"
            try writeFile(root + "/" + topic.path + "/index.md", text, mtime: Self.baseTime + position)
            summary.topics += 1
            summary.bytes += text.utf8.count
        }
        for index in 0..<noteCount {
            let topic = topics[random.below(topics.count)]
            let text = note(index, title: titles[index], topic: topic, topics: topics, titles: titles, &random)
            let slug = Self.slug(titles[index]) + "-\(index)"
            try writeFile(root + "/" + topic.path + "/" + slug + ".md", text, mtime: Self.baseTime + topics.count + index)
            summary.notes += 1
            summary.bytes += text.utf8.count
        }
        return summary
    }

    // MARK: Content

    struct TopicSpec {
        var path: String
        var title: String
        var order: Int
    }

    private func makeTopics(_ random: inout SplitMix64) -> [TopicSpec] {
        var topics: [TopicSpec] = []
        var themes = Vocabulary.themes.shuffled(using: &random)
        var words = Vocabulary.adjectives.shuffled(using: &random)
        for top in 0..<5 {
            let title = themes.removeLast()
            let path = Self.slug(title)
            topics.append(TopicSpec(path: path, title: title, order: top + 1))
            for middle in 0..<3 {
                let childTitle = themes.isEmpty ? words.removeLast() + " " + random.pick(Vocabulary.nouns) : themes.removeLast()
                let childPath = path + "/" + Self.slug(childTitle)
                topics.append(TopicSpec(path: childPath, title: childTitle, order: middle + 1))
                for leaf in 0..<2 {
                    let leafTitle = words.removeLast() + " " + random.pick(Vocabulary.nouns)
                    topics.append(TopicSpec(path: childPath + "/" + Self.slug(leafTitle), title: leafTitle, order: leaf + 1))
                }
            }
        }
        return topics
    }

    /// Distinct titles, one per note, drawn before any note so that links can point forward.
    private func makeTitles(_ random: inout SplitMix64) -> [String] {
        var seen = Set<String>()
        var titles: [String] = []
        while titles.count < noteCount {
            let title: String
            switch random.below(3) {
            case 0: title = "\(random.pick(Vocabulary.adjectives)) \(random.pick(Vocabulary.nouns)) and \(random.pick(Vocabulary.themes))"
            case 1: title = "On the \(random.pick(Vocabulary.themes)) of \(random.pick(Vocabulary.adjectives)) \(random.pick(Vocabulary.nouns))"
            default: title = "\(random.pick(Vocabulary.themes)) in \(random.pick(Vocabulary.adjectives)) \(random.pick(Vocabulary.adjectives)) \(random.pick(Vocabulary.nouns))"
            }
            if seen.insert(title.lowercased()).inserted { titles.append(title) }
        }
        return titles
    }

    private func note(_ index: Int, title: String, topic: TopicSpec, topics: [TopicSpec], titles: [String],
                      _ random: inout SplitMix64) -> String {
        let authors = (0..<(1 + random.below(4))).map { _ in "\(random.pick(Vocabulary.firstNames)) \(random.pick(Vocabulary.lastNames))" }
        let tags = Set((0..<(1 + random.below(3))).map { _ in random.pick(Vocabulary.tags) }).sorted()
        let year = 2012 + random.below(13)
        let arxiv = String(format2(year % 100)) + format2(1 + random.below(12)) + "." + String(10000 + random.below(90000))
        let status = random.pick(["unread", "unread", "reading", "read", "read"])
        var lines = ["---", "title: \"\(title)\"", "kind: paper",
                     "authors: [\(authors.joined(separator: ", "))]", "year: \(year)", "arxiv: \"\(arxiv)\"",
                     "url: https://arxiv.org/abs/\(arxiv)", "status: \(status)"]
        if random.chance(0.2) { lines.append("read_in_depth: true") }
        lines.append("tags: [\(tags.joined(separator: ", "))]")
        if random.chance(0.25) {
            let other = topics[random.below(topics.count)].path
            if other != topic.path { lines.append("topics: [\(other)]") }
        }
        lines.append("sources:")
        lines.append("  - page: \(random.pick(Vocabulary.pages))")
        lines.append("    section: \(topic.title)")
        if random.chance(0.3) { lines.append("    mark: true") }
        if random.chance(0.3) {
            lines.append("  - page: \(random.pick(Vocabulary.pages))")
            lines.append("    date: 20\(format2(15 + random.below(10)))-\(format2(1 + random.below(12)))-\(format2(1 + random.below(28)))")
        }
        lines += ["---", "", "## Abstract", ""]
        lines.append(paragraph(sentences: 7 + random.below(5), &random))
        lines += ["", "## Notes", ""]
        for _ in 0..<(3 + random.below(4)) {
            var bullet = "- " + sentence(&random)
            if random.chance(0.5) {
                let target = titles[random.below(titles.count)]
                bullet += random.chance(0.2) ? " See [[\(target)|this paper]]." : " See [[\(target)]]."
            }
            lines.append(bullet)
        }
        if random.chance(0.1) {
            lines += ["", "```python", "## not a heading, and [[not a link]]", "x = kernel(X, X)", "```"]
        }
        if random.chance(0.3) {
            lines += ["", "## Related", "", paragraph(sentences: 2, &random)]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func paragraph(sentences: Int, _ random: inout SplitMix64) -> String {
        (0..<sentences).map { _ in sentence(&random) }.joined(separator: " ")
    }

    private func sentence(_ random: inout SplitMix64) -> String {
        var words = (0..<(10 + random.below(10))).map { _ in random.pick(Vocabulary.prose) }
        if random.chance(0.001) { words[words.count / 2] = random.pick(Vocabulary.rare) }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func slug(_ title: String) -> String {
        title.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    }
}

struct GenerateError: Error, CustomStringConvertible {
    var description: String
}

private func makeFolder(_ path: String) throws {
    if mkdir(path, 0o755) != 0, errno != EEXIST {
        throw GenerateError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
    }
}

private func writeFile(_ path: String, _ text: String, mtime: Int) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw GenerateError(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var text = text
    let written = text.withUTF8 { write(fd, $0.baseAddress, $0.count) }
    guard written == text.utf8.count else { throw GenerateError(description: "short write to \(path)") }
    var times = [timespec(tv_sec: mtime, tv_nsec: 0), timespec(tv_sec: mtime, tv_nsec: 0)]
    futimens(fd, &times)
}
