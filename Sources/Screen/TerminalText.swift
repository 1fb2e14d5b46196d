/// Makes text from garden files safe to print (the command line, the Markdown layout and the
/// screen buffer all use this one rule): a note could hold escape sequences that move the
/// cursor, retitle the window or hide text. Every C0 control except newline and tab, DEL, every
/// C1 control (0x80–0x9F, CSI 0x9B among them) and the bidirectional overrides that reorder
/// what is shown become visible escapes such as `\u{1B}`.
public enum TerminalText {
    public static func sanitized(_ text: some StringProtocol, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else {
            return String(text)
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepNewlines: keepNewlines) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// How a control is shown: `\u{1B}`, at least two hex digits.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2) + "}"
    }

    /// Whether `scalar` is shown as an escape (newline and tab only when `keepNewlines` is false).
    public static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepNewlines
        case 0x00...0x1F, 0x7F...0x9F: return true
        // LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI.
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
