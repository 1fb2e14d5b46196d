import Foundation
import Screen
import Testing

/// Compares screen lines with `Snapshots/NAME.txt` beside the calling test file. A missing snapshot is written and the test
/// FAILS, so a person looks at every recorded picture before it becomes the expectation (delete
/// the file to re-record after an intended change). Each line is framed by `|` so trailing
/// blanks and the width are visible.
public func assertSnapshot(
    _ lines: [String], named name: String, width: Int, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name + ".txt")
    let framed = lines.map { line in "|" + line + String(repeating: " ", count: max(0, width - displayWidth(line))) + "|" }
        .joined(separator: "\n") + "\n"
    guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? framed.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded a new snapshot \(name).txt: review it, then run the tests again", sourceLocation: sourceLocation)
        return
    }
    if recorded != framed {
        let expected = recorded.split(separator: "\n", omittingEmptySubsequences: false)
        let actual = framed.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = (0..<min(expected.count, actual.count)).first { expected[$0] != actual[$0] } ?? min(expected.count, actual.count)
        Issue.record("""
            Snapshot \(name) differs at line \(firstDifference + 1):
            expected: \(firstDifference < expected.count ? expected[firstDifference] : "(none)")
            actual:   \(firstDifference < actual.count ? actual[firstDifference] : "(none)")
            whole screen:
            \(framed)
            """, sourceLocation: sourceLocation)
    }
}

/// One character per role for style snapshots; upper case (where there is one) when bold.
public let styleLetters: [Role: Character] = {
    var letters: [Role: Character] = [
        .text: ".", .muted: "m", .heading1: "h", .heading2: "h", .heading3: "h", .code: "c", .quote: "q",
        .link: "l", .wikiLink: "w", .match: "!", .selection: "s", .selectionInactive: "i", .statusBar: "b",
        .statusMode: "d", .border: "|", .title: "t", .read: "r", .reading: "g", .unread: "u", .tag: "#",
        .error: "e", .warning: "x", .overlay: "o", .highlight: "*", .reference: "~",
        .series1: "1", .series2: "2", .series3: "3", .series4: "4", .series5: "5", .series6: "6",
    ]
    for (level, digit) in ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"].enumerated() {
        letters[Role.heat(level, of: 10)] = Character(digit)
    }
    return letters
}()

/// A buffer's styles: one letter per cell for its role (see `styleLetters`), so a change of
/// colour or emphasis shows up as a changed picture too.
public func styleLines(_ buffer: ScreenBuffer) -> [String] {
    (0..<buffer.height).map { y in
        String((0..<buffer.width).map { x -> Character in
            let style = buffer[x, y].style
            let letter = styleLetters[style.role] ?? "?"
            return style.bold ? Character(letter.uppercased()) : letter
        })
    }
}

private func displayWidth(_ line: String) -> Int { DisplayWidth.of(line) }
