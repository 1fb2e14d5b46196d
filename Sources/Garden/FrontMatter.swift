import Yams

/// Splits a note's text into its YAML front matter and its Markdown body, Jekyll-style: the
/// file starts with a line `---`, and the front matter ends at the next line that is `---`
/// or `...`.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the fences, or nil when the file has no front matter.
    public var yaml: Substring?
    public var body: Substring
    /// 1-based line of the file on which the body starts (so body line n is file line
    /// n + bodyLineOffset).
    public var bodyLineOffset: Int

    public init(_ text: String) throws(FrontMatterError) {
        let utf8 = text.utf8
        guard Self.isFence(utf8, from: utf8.startIndex, marks: ["---"]) != nil else {
            (yaml, body, bodyLineOffset) = (nil, text[...], 0)
            return
        }
        var lineStart = Self.lineEnd(utf8, from: utf8.startIndex)
        let yamlStart = lineStart
        var lineNumber = 2
        while lineStart < utf8.endIndex {
            if let afterFence = Self.isFence(utf8, from: lineStart, marks: ["---", "..."]) {
                yaml = text[yamlStart..<lineStart]
                body = text[afterFence...]
                bodyLineOffset = lineNumber
                return
            }
            lineStart = Self.lineEnd(utf8, from: lineStart)
            lineNumber += 1
        }
        throw FrontMatterError(line: 1, message: "front matter opened by '---' on line 1 is never closed")
    }

    /// If the line at `start` is exactly one of `marks` (trailing spaces and CR allowed),
    /// returns the index after its newline.
    private static func isFence(_ utf8: String.UTF8View, from start: String.Index, marks: [String]) -> String.Index? {
        let end = lineEnd(utf8, from: start)
        var content = utf8[start..<end]
        while let last = content.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") {
            content = content.dropLast()
        }
        return marks.contains { content.elementsEqual($0.utf8) } ? end : nil
    }

    /// The index just past the newline ending the line that starts at `start`.
    static func lineEnd(_ utf8: String.UTF8View, from start: String.Index) -> String.Index {
        guard let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else { return utf8.endIndex }
        return utf8.index(after: newline)
    }
}

public struct FrontMatterError: Error, Sendable, Equatable {
    /// 1-based line in the file.
    public var line: Int
    public var message: String
}

public enum FrontMatterParser {
    /// Parses front-matter YAML with Yams. The result must be a mapping (or empty).
    /// `firstLine` is the file line of the YAML's first line, so errors point into the file.
    public static func parse(_ yaml: Substring, firstLine: Int = 2) throws(FrontMatterError) -> YAMLValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: String(yaml))
        } catch let error as YamlError {
            throw Self.describe(error, firstLine: firstLine, lineCount: yaml.split(separator: "\n", omittingEmptySubsequences: false).count - (yaml.hasSuffix("\n") ? 1 : 0))
        } catch {
            throw FrontMatterError(line: firstLine, message: "front matter is not valid YAML: \(error)")
        }
        guard let node else { return .map([]) }
        let value = convert(node)
        guard case .map = value else {
            throw FrontMatterError(line: firstLine, message: "front matter must be a YAML mapping of keys to values")
        }
        return value
    }

    /// The file line of each top-level key (`key:` at column 0), without parsing YAML.
    public static func topLevelKeyLines(_ yaml: Substring, firstLine: Int) -> [String: Int] {
        var lines: [String: Int] = [:]
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let first = line.first, first != " ", first != "\t", first != "#", first != "-",
                  let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon]).trimmed.trimmingCharacters(in: "\"")
            if lines[key] == nil { lines[key] = firstLine + offset }
        }
        return lines
    }

    static func convert(_ node: Node) -> YAMLValue {
        switch node {
        case .scalar(let scalar):
            // Quoted and block scalars are always strings; only plain ones can mean null or a bool.
            return .scalar(scalar.string, plain: scalar.style == .plain)
        case .sequence(let sequence):
            return .list(sequence.map(convert))
        case .mapping(let mapping):
            return .map(mapping.map { (key: $0.key.string ?? "\($0.key)", value: convert($0.value)) })
        case .alias:
            return .scalar("", plain: true)
        }
    }

    /// Points the error at a file line. libyaml reports where it gave up, which for an
    /// unclosed `[` or quote is the end of the front matter; the line where the unclosed thing
    /// began (its context) is then the one to fix, and the message names both.
    private static func describe(_ error: YamlError, firstLine: Int, lineCount: Int) -> FrontMatterError {
        let found: (context: YamlError.Context?, problem: String, mark: Mark)
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            found = (context, problem, mark)
        default:
            return FrontMatterError(line: firstLine, message: "front matter YAML: \(error)")
        }
        let fileLine = { (mark: Mark) in firstLine - 1 + mark.line }
        guard let context = found.context else {
            return FrontMatterError(line: fileLine(found.mark), message: "front matter YAML: \(found.problem)")
        }
        let message = "front matter YAML: \(found.problem) \(context.text) that starts on line \(fileLine(context.mark))"
        let atEnd = found.mark.line > lineCount
        return FrontMatterError(line: fileLine(atEnd ? context.mark : found.mark), message: message)
    }
}
