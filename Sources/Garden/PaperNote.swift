#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file a new paper note starts as: its front matter (title, kind, the paper's id and
/// canonical link, status, the day it was added) and an empty `## Notes` section.
public enum PaperNote {
    /// The note's text. `date` is `YYYY-MM-DD`; every value is written by `YAMLText`, so ids
    /// and dates are quoted (unquoted, YAML would read `1806.10` as a number).
    public static func text(for reference: PaperReference, date: String) -> String {
        var lines = ["---", "title: " + YAMLText.scalar(reference.title), "kind: paper"]
        if case .arxiv(let id) = reference { lines.append("arxiv: " + YAMLText.scalar(id)) }
        if let url = reference.url { lines.append("url: " + YAMLText.scalar(url)) }
        if case .openreview(let id) = reference { lines.append("openreview: " + YAMLText.scalar(id)) }
        lines += ["status: unread", "added: " + YAMLText.scalar(date), "---", "", "## Notes", ""]
        return lines.joined(separator: "\n")
    }

    /// Today in local time, `YYYY-MM-DD`.
    public static func today() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let pad = { (value: Int32) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))"
    }
}
