import Foundation
import Testing

/// Compares screen lines with `Snapshots/NAME.txt`. A missing snapshot is written and the test
/// FAILS, so a person looks at every recorded picture before it becomes the expectation (delete
/// the file to re-record after an intended change). Each line is framed by `|` so trailing
/// blanks and the width are visible.
func assertSnapshot(_ lines: [String], named name: String, width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
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

import Screen

private func displayWidth(_ line: String) -> Int { DisplayWidth.of(line) }
