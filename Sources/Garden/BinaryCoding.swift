/// The parse cache's encoding of one `ParsedFile` and the values inside it. The layout, field
/// by field (varints unless noted; strings are length-prefixed UTF-8):
///
///     record       path, size, modified (zigzag)
///     frontMatter  0 = none | 1 then a YAML value
///     body, bodyLineOffset (zigzag)
///     scan         abstract, notes, first heading: each 0 = none | 1 then start, length;
///                  wiki links: count, then (target, 0 = no label | 1 then label, line (zigzag))
///     keyLines     count, then (key, line (zigzag)) pairs
///     problems     count, then (path, 0 = no line | line + 1, severity 0/1, message)
///
/// A YAML value is a tag then its contents: 0 plain scalar, 1 quoted scalar (text),
/// 2 list (count, values), 3 map (count, then key and value pairs in written order).
/// Changing any of this needs a new `ParseCache.formatVersion`.
extension BinaryWriter {
    mutating func parsedFile(_ file: ParsedFile) {
        string(file.record.path)
        count(file.record.size)
        signed(file.record.modified)
        if let front = file.frontMatter {
            byte(1)
            yaml(front)
        } else {
            byte(0)
        }
        string(file.body)
        signed(Int64(file.bodyLineOffset))
        for range in [file.scan.abstract, file.scan.notes, file.scan.firstHeading] {
            if let range {
                byte(1)
                count(range.lowerBound)
                count(range.count)
            } else {
                byte(0)
            }
        }
        count(file.scan.wikiLinks.count)
        for link in file.scan.wikiLinks {
            string(link.target)
            if let label = link.label {
                byte(1)
                string(label)
            } else {
                byte(0)
            }
            signed(Int64(link.line))
        }
        count(file.keyLines.count)
        for (key, line) in file.keyLines.sorted(by: { $0.key < $1.key }) {
            string(key)
            signed(Int64(line))
        }
        count(file.problems.count)
        for problem in file.problems {
            string(problem.path)
            varint(problem.line.map { UInt64(Swift.max($0, 0)) + 1 } ?? 0)
            byte(problem.severity == .error ? 0 : 1)
            string(problem.message)
        }
    }

    mutating func yaml(_ value: YAMLValue) {
        switch value {
        case .scalar(let text, let plain):
            byte(plain ? 0 : 1)
            string(text)
        case .list(let items):
            byte(2)
            count(items.count)
            for item in items { yaml(item) }
        case .map(let pairs):
            byte(3)
            count(pairs.count)
            for pair in pairs {
                string(pair.key)
                yaml(pair.value)
            }
        }
    }
}

extension BinaryReader {
    /// Front matter deeper than this is treated as corruption, so a crafted file cannot
    /// overflow the stack through recursion. Real front matter nests two or three levels.
    static let maximumYAMLDepth = 64

    mutating func parsedFile() throws(Malformed) -> ParsedFile {
        let record = FileRecord(path: try string(), size: try count(limit: Int.max), modified: try signed())
        let frontMatter: YAMLValue?
        switch try byte() {
        case 0: frontMatter = nil
        case 1: frontMatter = try yaml(depth: 0)
        default: throw Malformed()
        }
        let body = try string()
        let bodyLineOffset = try int()
        var scan = BodyScan()
        scan.abstract = try range()
        scan.notes = try range()
        scan.firstHeading = try range()
        let linkCount = try count()
        scan.wikiLinks.reserveCapacity(linkCount)
        for _ in 0..<linkCount {
            let target = try string()
            let label: String?
            switch try byte() {
            case 0: label = nil
            case 1: label = try string()
            default: throw Malformed()
            }
            scan.wikiLinks.append(WikiLink(target: target, label: label, line: try int()))
        }
        let keyCount = try count()
        var keyLines: [String: Int] = Dictionary(minimumCapacity: keyCount)
        for _ in 0..<keyCount {
            let key = try string()
            keyLines[key] = try int()
        }
        let problemCount = try count()
        var problems: [Problem] = []
        problems.reserveCapacity(problemCount)
        for _ in 0..<problemCount {
            let path = try string()
            let line = try varint()
            let severity: Problem.Severity
            switch try byte() {
            case 0: severity = .error
            case 1: severity = .warning
            default: throw Malformed()
            }
            problems.append(Problem(path: path, line: line == 0 ? nil : Int(truncatingIfNeeded: line - 1),
                                    severity: severity, message: try string()))
        }
        return ParsedFile(record: record, frontMatter: frontMatter, body: body, bodyLineOffset: bodyLineOffset,
                          keyLines: keyLines, problems: problems, scan: scan)
    }

    /// An optional byte range written as 0, or 1 then its start and length.
    mutating func range() throws(Malformed) -> Range<Int>? {
        switch try byte() {
        case 0: return nil
        case 1:
            let start = try count(limit: Int.max)
            let length = try count(limit: Int.max)
            guard start <= Int.max - length else { throw Malformed() }
            return start..<(start + length)
        default: throw Malformed()
        }
    }

    mutating func yaml(depth: Int) throws(Malformed) -> YAMLValue {
        guard depth < Self.maximumYAMLDepth else { throw Malformed() }
        switch try byte() {
        case 0: return .scalar(try string(), plain: true)
        case 1: return .scalar(try string(), plain: false)
        case 2:
            let n = try count()
            var items: [YAMLValue] = []
            items.reserveCapacity(n)
            for _ in 0..<n { items.append(try yaml(depth: depth + 1)) }
            return .list(items)
        case 3:
            let n = try count()
            var pairs: [(key: String, value: YAMLValue)] = []
            pairs.reserveCapacity(n)
            for _ in 0..<n {
                let key = try string()
                pairs.append((key, try yaml(depth: depth + 1)))
            }
            return .map(pairs)
        default:
            throw Malformed()
        }
    }
}
