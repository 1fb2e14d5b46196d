import Screen

/// Makes text from a note safe to show and to measure. A note could hold escape sequences that
/// move the cursor, retitle the window or hide text; the screen buffer escapes them again on
/// write, but the layout must measure what will really be shown, so it escapes first.
///
/// The rule is Garden's `TerminalText` (this module cannot import Garden): every C0 control,
/// DEL, every C1 control (0x80–0x9F, CSI 0x9B among them) and the bidirectional overrides and
/// isolates that reorder what is shown become visible escapes such as `\u{1B}`.
enum SafeText {
    /// `text` with every control escaped, tabs and newlines included: callers that give those a
    /// meaning (a line break, a tab stop) deal with them first.
    static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return String(text) }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Prose from an inline: a tab or newline is only white space there (cmark already turned
    /// line endings into breaks), so it becomes one space; everything else as ``escaped(_:)``.
    static func prose(_ text: some StringProtocol) -> String {
        escaped(String(text).replacing("\t", with: " ").replacing("\n", with: " "))
    }

    /// Text about to be wrapped: "\n" stays (``TextWrap`` breaks the line there), a tab is
    /// one space, every other control is escaped. Idempotent, so text escaped before is kept.
    static func wrappable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        let lines = text.replacing("\r\n", with: "\n").replacing("\t", with: " ")
            .split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { escaped($0) }.joined(separator: "\n")
    }

    /// One line of verbatim text (code, raw HTML): tabs become spaces up to the next tab stop,
    /// counted in display columns of what is shown, then controls are escaped.
    static func verbatimLine(_ line: some StringProtocol, tabStop: Int = 4) -> String {
        guard line.contains("\t") else { return escaped(line) }
        var result = ""
        var column = 0
        for piece in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
            if piece.offset > 0 {
                let spaces = tabStop - column % tabStop
                result += String(repeating: " ", count: spaces)
                column += spaces
            }
            let shown = escaped(piece.element)
            result += shown
            column += DisplayWidth.of(shown)
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI.
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
