import Foundation

/// Where text that could not go into its note is kept, so it is never lost: a file beside the
/// note, `<id>.<label>-<date>-<time>.md` ("linformer.mine-20261206-051200.md"). It is a note
/// like any other (the owner sees it in the list, and `trellis check` warns of the shared
/// title until it is merged and deleted).
public enum SideCopy {
    /// The labels Trellis gives its side copies.
    public static let labels = ["mine", "editor", "unsaved"]

    /// Whether a file name is one of Trellis's side copies (`x.mine-20261206-051200.md`,
    /// `x.editor-20261206-051200-2.md`).
    public static func isSideCopy(_ name: String) -> Bool {
        let stem = name.droppingExtension
        guard name.hasSuffix(".md"), let dot = stem.lastIndex(of: ".") else { return false }
        let tail = stem[stem.index(after: dot)...]
        guard let dash = tail.firstIndex(of: "-"), labels.contains(String(tail[..<dash])) else { return false }
        let stamp = tail[tail.index(after: dash)...].split(separator: "-")
        return stamp.count >= 2 && stamp.count <= 3 && stamp.allSatisfy { $0.allSatisfy(\.isNumber) }
            && stamp[0].count == 8 && stamp[1].count == 6
    }

    /// A free path for a side copy of the note at `path` (absolute or relative).
    public static func path(for path: String, label: String, at date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = path.droppingExtension + "." + label + "-" + formatter.string(from: date)
        var candidate = stem + ".md"
        var number = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = stem + "-\(number).md"
            number += 1
        }
        return candidate
    }
}
