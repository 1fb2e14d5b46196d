#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the parts of a note's Markdown body that the model needs: the abstract and notes
/// sections, the first heading, and wiki links. A line scanner rather than a full Markdown
/// parse, because it runs over every file at load time; it skips fenced code blocks so that
/// code is never mistaken for headings or links.
enum NoteBody {
    struct Scan {
        var abstract: Substring?
        var notes: Substring?
        var firstHeading: Substring?
        var wikiLinks: [WikiLink] = []
    }

    /// Section headings (any ATX level 1–3, any case) that hold the abstract and the notes.
    static let abstractHeadings: Set<String> = ["abstract", "short abstract", "summary"]
    static let notesHeadings: Set<String> = ["notes", "note", "my notes"]

    static func scan(_ body: Substring, lineOffset: Int) -> Scan {
        if let scan = body.utf8.withContiguousStorageIfAvailable({ scan(body, bytes: $0, lineOffset: lineOffset) }) {
            return scan
        }
        var copy = String(body)  // a bridged string without contiguous UTF-8
        copy.makeContiguousUTF8()
        return scan(copy[...], lineOffset: lineOffset)
    }

    /// The scan proper. Lines are found and classified on the UTF-8 bytes (a Character walk
    /// over 20 MB of bodies took most of a warm load); only the few lines whose first bytes
    /// can open a fence or heading, or that hold `[[`, go through the Substring functions
    /// below, which decide exactly as before.
    private static func scan(_ body: Substring, bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> Scan {
        var scan = Scan()
        var fence: Substring?  // the opening fence while inside a code block
        var open: (which: WritableKeyPath<Scan, Substring?>, level: Int, start: String.Index)?
        var lineNumber = lineOffset
        let utf8 = body.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(body.startIndex, offsetBy: offset) }

        func close(at end: String.Index) {
            guard let section = open else { return }
            let text = body[section.start..<end].trimmingBlankLines()
            scan[keyPath: section.which] = text.isEmpty ? nil : text
            open = nil
        }

        var start = 0
        while start < bytes.count {
            let end = lineEnd(bytes, from: start)
            lineNumber += 1
            defer { start = end }
            if let opening = fence {
                // Only a line whose first non-blank byte is the fence's (or not ASCII) can close it.
                let first = firstNonBlank(bytes, start, end)
                guard first == end || bytes[first] >= 0x80 || bytes[first] == opening.utf8.first else { continue }
                let line = body[index(start)..<index(end)]
                if line.trimmingWhitespace().hasPrefix(opening) { fence = nil }
                continue
            }
            var first = start
            while first < end, bytes[first] == UInt8(ascii: " ") { first += 1 }
            if first < end, bytes[first] == UInt8(ascii: "`") || bytes[first] == UInt8(ascii: "~") || bytes[first] == UInt8(ascii: "#") {
                let line = body[index(start)..<index(end)]
                if let marker = codeFence(line) {
                    fence = marker
                    continue
                }
                if let (level, title) = atxHeading(line) {
                    let lineStart = index(start)
                    if let section = open, level <= section.level { close(at: lineStart) }
                    if scan.firstHeading == nil, level == 1 { scan.firstHeading = title }
                    let key = title.lowercased()
                    if open == nil, level <= 3 {
                        if abstractHeadings.contains(key), scan.abstract == nil {
                            open = (\.abstract, level, index(end))
                        } else if notesHeadings.contains(key), scan.notes == nil {
                            open = (\.notes, level, index(end))
                        }
                    }
                    continue
                }
            }
            if containsDoubleBracket(bytes, start, end) {
                scan.wikiLinks += wikiLinks(in: body[index(start)..<index(end)], line: lineNumber)
            }
        }
        close(at: body.endIndex)
        return scan
    }

    /// The offset just past the newline ending the line that starts at `start`.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress,
              let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return bytes.count }
        return base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
    }

    /// The offset of the first byte in `start..<end` that is not ASCII whitespace, or `end`.
    private static func firstNonBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var offset = start
        while offset < end, [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(bytes[offset]) { offset += 1 }
        return offset
    }

    private static func containsDoubleBracket(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var offset = start
        while offset + 1 < end {
            if bytes[offset + 1] != UInt8(ascii: "[") {
                offset += 2
            } else if bytes[offset] == UInt8(ascii: "[") {
                return true
            } else {
                offset += 1
            }
        }
        return false
    }

    /// `#`–`######` followed by a space; returns the level and the title without closing #s.
    static func atxHeading(_ line: Substring) -> (Int, Substring)? {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count < 4 else { return nil }
        let hashes = trimmed.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = trimmed.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" || rest.first == "\n" || rest.first == "\r" else { return nil }
        var title = rest.trimmingWhitespace()
        while title.hasSuffix("#") { title = title.dropLast() }
        return (hashes.count, title.trimmingWhitespace())
    }

    /// The fence characters if the line opens a fenced code block (``` or ~~~).
    static func codeFence(_ line: Substring) -> Substring? {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count < 4 else { return nil }
        for mark: Character in ["`", "~"] {
            let run = trimmed.prefix { $0 == mark }
            if run.count >= 3 { return run }
        }
        return nil
    }

    /// Wiki links on one line, skipping inline code spans: a `[[` after an odd number of
    /// backticks on the line (counted from the last link) is inside code, and the search goes
    /// on after the next backtick. Searches run on the UTF-8 bytes; `[`, `]`, `` ` `` are ASCII.
    static func wikiLinks(in line: Substring, line number: Int) -> [WikiLink] {
        if let links = line.utf8.withContiguousStorageIfAvailable({ wikiLinks(in: line, bytes: $0, line: number) }) {
            return links
        }
        var copy = String(line)
        copy.makeContiguousUTF8()
        return wikiLinks(in: copy[...], line: number)
    }

    private static func wikiLinks(in line: Substring, bytes: UnsafeBufferPointer<UInt8>, line number: Int) -> [WikiLink] {
        let tick = UInt8(ascii: "`")
        func index(_ offset: Int) -> String.Index { line.utf8.index(line.startIndex, offsetBy: offset) }
        func find(_ mark: UInt8, from start: Int) -> Int? {
            var offset = start
            while offset + 1 < bytes.count {
                if bytes[offset] == mark, bytes[offset + 1] == mark { return offset }
                offset += 1
            }
            return nil
        }
        /// The text of `start..<end` without surrounding whitespace, trimmed on bytes unless a
        /// non-ASCII byte (possibly Unicode whitespace) sits at an end.
        func trimmed(_ start: Int, _ end: Int) -> String {
            var (start, end) = (start, end)
            while start < end, bytes[start] == 0x20 || (0x09...0x0D).contains(bytes[start]) { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || (0x09...0x0D).contains(bytes[end - 1]) { end -= 1 }
            let text = String(line[index(start)..<index(end)])
            return start < end && (bytes[start] >= 0x80 || bytes[end - 1] >= 0x80) ? text.trimmed : text
        }
        var links: [WikiLink] = []
        var rest = 0
        while let open = find(UInt8(ascii: "["), from: rest) {
            let ticks = bytes[rest..<open].reduce(0) { $1 == tick ? $0 + 1 : $0 }
            if ticks % 2 == 1, let closeTick = bytes[(open + 2)...].firstIndex(of: tick) {
                rest = closeTick + 1
                continue
            }
            guard let close = find(UInt8(ascii: "]"), from: open + 2) else { break }
            rest = close + 2
            guard close > open + 2, !bytes[(open + 2)..<close].contains(UInt8(ascii: "\n")) else { continue }
            // `target#heading|label`: the target ends at the first `|`, then at the first `#`.
            let bar = bytes[(open + 2)..<close].firstIndex(of: UInt8(ascii: "|"))
            let targetEnd = bar ?? close
            let hash = bytes[(open + 2)..<targetEnd].firstIndex(of: UInt8(ascii: "#"))
            let label = bar.map { trimmed($0 + 1, close) }
            let name = trimmed(open + 2, hash ?? targetEnd)
            guard !name.isEmpty else { continue }
            links.append(WikiLink(target: name, label: label, line: number))
        }
        return links
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }

    /// Drops blank lines at both ends but keeps the indentation of the first kept line.
    /// Works on the UTF-8 bytes while they are ASCII and falls back to Characters (for
    /// Unicode whitespace) at the first byte that is not.
    func trimmingBlankLines() -> Substring {
        if let trimmed = utf8.withContiguousStorageIfAvailable({ trimmingBlankLines($0) }) { return trimmed }
        return trimmingBlankLinesByCharacter()
    }

    private func trimmingBlankLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Substring {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func index(_ offset: Int) -> String.Index { utf8.index(startIndex, offsetBy: offset) }
        var lineStart = 0
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte >= 0x80 { return self[index(lineStart)...].trimmingBlankLinesByCharacter() }
            if byte == UInt8(ascii: "\n") { lineStart = offset + 1 } else if !isBlank(byte) { break }
            offset += 1
        }
        if offset == bytes.count { return self[endIndex...] }
        var end = bytes.count
        while end > offset, bytes[end - 1] < 0x80, isBlank(bytes[end - 1]) { end -= 1 }
        let result = self[index(lineStart)..<index(end)]
        return bytes[end - 1] < 0x80 ? result : result.trimmingTrailingWhitespace()
    }

    /// The same on Characters: the reference the byte version must agree with.
    func trimmingBlankLinesByCharacter() -> Substring {
        var result = self
        while let newline = result.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }),
              result[..<newline].allSatisfy(\.isWhitespace) {
            result = result[result.index(after: newline)...]
        }
        if result.allSatisfy(\.isWhitespace) { return result[result.endIndex...] }
        return result.trimmingTrailingWhitespace()
    }

    func trimmingTrailingWhitespace() -> Substring {
        var result = self
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}


/// The section headings the loader gives a meaning, for code outside the module.
public enum NoteSections {
    /// Whether a heading's text (without the `#`s) names the notes section.
    public static func isNotesHeading(_ text: String) -> Bool {
        NoteBody.notesHeadings.contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The file line of the note's notes heading, if it has one (where editors open).
    public static func notesHeadingLine(of note: Note) -> Int? {
        headingLines(in: note.body).first { isNotesHeading($0.text) && $0.level <= 3 }.map { note.bodyLineOffset + 1 + $0.line }
    }

    /// The ATX headings of a body (outside fenced code): 0-based line, level and text.
    public static func headingLines(in body: Substring) -> [(line: Int, level: Int, text: String)] {
        var result: [(Int, Int, String)] = []
        var fence: Substring?
        // "\r\n" is one Character: split on either ending.
        for (index, line) in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fence = trimmed.prefix(3); continue }
            let hashes = trimmed.prefix { $0 == "#" }
            guard (1...6).contains(hashes.count), trimmed.dropFirst(hashes.count).first?.isWhitespace ?? true else { continue }
            result.append((index, hashes.count, String(trimmed.dropFirst(hashes.count)).trimmingCharacters(in: .whitespaces)))
        }
        return result
    }

}
