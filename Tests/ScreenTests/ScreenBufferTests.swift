import Screen
import Testing

@Suite("Screen buffer")
struct ScreenBufferTests {
    @Test("wide characters take two cells and are clipped whole")
    func wideCharacters() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        let used = buffer.write("a✅b漢", x: 0, y: 0)
        // a(1) ✅(2) b(1) 漢 needs 2 but only 2 remain: fits exactly.
        #expect(used == 6)
        #expect(buffer.lines == ["a✅b漢"])
        var narrow = ScreenBuffer(size: Size(width: 5, height: 1))
        narrow.write("a✅b漢", x: 0, y: 0)
        #expect(narrow.lines == ["a✅b"])
    }

    @Test("control characters are written as visible escapes")
    func controls() {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 1))
        buffer.write("a\u{1B}[2Jb\u{07}", x: 0, y: 0)
        #expect(buffer.lines == ["a\\u{1B}[2Jb\\u{07}"])
        #expect(buffer.cells.allSatisfy { !$0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test("overwriting half of a wide character blanks the other half")
    func halfOverwrite() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.write("漢字", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.lines == [" x字"])
    }

    @Test("display widths: ASCII, combining marks, CJK, emoji")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute: one cluster, 1 column
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("✅") == 2)
        #expect(DisplayWidth.of("❤️") == 2)  // U+2764 + VS16: emoji presentation
        #expect(DisplayWidth.of("χ₁ σ²") == 5)
        #expect(DisplayWidth.of("👩‍🔬") == 2)  // a ZWJ sequence is one cluster
    }
}

@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeVisibleEscapes() {
        #expect(TerminalText.sanitized("a\u{1B}[2Jb\u{07}c\u{9B}d\u{7F}") == "a\\u{1B}[2Jb\\u{07}c\\u{9B}d\\u{7F}")
        #expect(TerminalText.sanitized("tab\tand\nnewline") == "tab\tand\nnewline")
        #expect(TerminalText.sanitized("one\nline", keepNewlines: false) == "one\\u{0A}line")
        #expect(TerminalText.sanitized("\u{202E}reversed") == "\\u{202E}reversed")
        #expect(TerminalText.sanitized("Erdős ✅") == "Erdős ✅")
    }
}
