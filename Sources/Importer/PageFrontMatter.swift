import Garden

/// A page's own front matter (Jekyll's `title`, `description`, `date`…). Pages written for
/// Jekyll are often not strict YAML (a tab in the table of contents is common), so when Yams
/// rejects the block the top-level `key: value` lines are still read, and a warning is given.
struct PageFrontMatter {
    var values: [(key: String, value: String)] = []
    var warning: String?

    /// The keys worth keeping as the page's source record.
    static let kept = ["title", "description", "date", "permalink", "author"]

    init(_ yaml: Substring?, path: String) {
        guard let yaml else { return }
        do {
            let parsed = try FrontMatterParser.parse(yaml)
            for key in Self.kept { if let text = parsed[key]?.string { values.append((key, text.trimmed)) } }
        } catch {
            warning = "\(path):\(error.line): warning: page front matter is not strict YAML (\(error.message)); read its top-level keys line by line"
            for line in yaml.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { continue }
                let key = String(line[..<colon])
                var value = String(line[line.index(after: colon)...]).trimmed
                if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                    value = String(value.dropFirst().dropLast())
                }
                if Self.kept.contains(key), !value.isEmpty { values.append((key, value)) }
            }
        }
    }

    subscript(key: String) -> String? { values.first { $0.key == key }?.value }
}
