import Screen

/// Makes text from a note safe to show and to measure. A note could hold escape sequences that
/// move the cursor, retitle the window or hide text; the screen buffer escapes them again on
/// write, but the layout must measure what will really be shown, so it escapes first.
///
/// The rule is `TerminalText`'s: every C0 control, DEL, every C1 control (0x80–0x9F, CSI 0x9B
/// among them) and the bidirectional overrides and isolates that reorder what is shown become
/// visible escapes such as `\u{1B}`.
enum SafeText {
    /// `text` with every control escaped, tabs and newlines included: callers that give those a
    /// meaning (a line break, a tab stop) deal with them first.
    static func escaped(_ text: some StringProtocol) -> String {
        TerminalText.sanitized(text, keepNewlines: false)
    }

    /// Prose from an inline: a tab or newline is only white space there (cmark already turned
    /// line endings into breaks), so it becomes one space; everything else as ``escaped(_:)``.
    static func prose(_ text: some StringProtocol) -> String {
        escaped(String(text).replacing("\t", with: " ").replacing("\n", with: " "))
    }

    /// Text about to be wrapped: "\n" stays (``TextWrap`` breaks the line there), a tab is
    /// one space, every other control is escaped. Idempotent, so text escaped before is kept.
    static func wrappable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { TerminalText.needsEscape($0, keepNewlines: false) }) else { return text }
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
}
