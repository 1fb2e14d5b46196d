/// What the loader learns from one file on its own: the front matter and body, or the
/// problems that stopped it. This is the unit the parse cache stores.
struct ParsedFile: Sendable {
    var record: FileRecord
    /// nil when the file could not be read or decoded; the problems say why.
    var frontMatter: YAMLValue?
    var body: String
    var bodyLineOffset: Int
    /// File line of each top-level front-matter key, to point problems at.
    var keyLines: [String: Int]
    var problems: [Problem]
    /// Sections and wiki links of the body, found once when the file is parsed.
    var scan: BodyScan = .empty

    /// Reads and parses one file. Never throws: everything wrong becomes a problem.
    static func parse(_ record: FileRecord, root: String) -> ParsedFile {
        var parsed = ParsedFile(record: record, frontMatter: nil, body: "", bodyLineOffset: 0, keyLines: [:], problems: [])
        let bytes: [UInt8]
        switch readFile(root + "/" + record.path) {
        case .success(let read): bytes = read
        case .failure(let error):
            parsed.problems.append(Problem(path: record.path, message: "cannot read file: \(error.message)"))
            return parsed
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            parsed.problems.append(Problem(path: record.path, line: line,
                                           message: "not valid UTF-8 (first bad byte at column \(column)); file skipped"))
            return parsed
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        do {
            let split = try FrontMatterSplit(text)
            parsed.body = String(split.body)
            parsed.bodyLineOffset = split.bodyLineOffset
            parsed.scan = BodyScan(of: parsed.body, lineOffset: split.bodyLineOffset)
            if let yaml = split.yaml {
                parsed.keyLines = FrontMatterParser.topLevelKeyLines(yaml, firstLine: 2)
                parsed.frontMatter = try FrontMatterParser.parse(yaml)
            } else {
                parsed.frontMatter = .map([])
            }
        } catch {
            parsed.problems.append(Problem(path: record.path, line: error.line, message: error.message))
            parsed.frontMatter = nil
        }
        return parsed
    }

    /// 1-based line and column (in bytes) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            if length == 0 || end > bytes.count
                || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                return (line, index - lineStart + 1)
            }
            if byte == UInt8(ascii: "\n") { line += 1; lineStart = index + 1 }
            index = end
        }
        return (line, index - lineStart + 1)
    }
}
