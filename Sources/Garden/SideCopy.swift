import Foundation

/// Where text that could not go into its note is kept, so it is never lost: a file beside the
/// note, `<id>.<label>-<date>-<time>.md` ("linformer.mine-20261206-051200.md"). It is a note
/// like any other (the owner sees it in the list, and `trellis check` warns of the shared
/// title until it is merged and deleted).
public enum SideCopy {
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
