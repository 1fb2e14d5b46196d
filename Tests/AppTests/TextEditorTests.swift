@testable import App
import Screen
import SnapshotSupport
import Testing

/// The notes editor as specs: a text with `|` at the cursor, keys in vim notation (`<esc>`,
/// `<cr>`, `<bs>`, `<del>`, `<tab>`, `<c-r>`, `<left>`; any other character is typed), and the
/// text and cursor after them.
@Suite("Notes editor")
struct TextEditorTests {
    // MARK: - Round trip

    static let trickyTexts = [
        "", "\n", "\n\n", "one line", "ends with a newline\n", "no newline\nat the end", "a\n\nb\n\n", "\ttabbed\t\n  \t",
        "bell\u{7}", "e\u{301}", "日本語", "👩‍👩‍👧", "\r\n", "carriage\rreturn", "\u{1B}[31mred\u{1B}[0m", "\u{9B}2J",
        "\n\u{301}after a newline", "🇺🇸🇫🇷", "a\u{200B}b\u{202E}c", "\u{7F}", "x\u{0}y",
    ]

    @Test("the text comes back byte for byte, unmodified", arguments: trickyTexts)
    func roundTrip(_ text: String) {
        let state = TextEditorState(text: text, title: "Notes")
        #expect(Array(state.text.utf8) == Array(text.utf8))
        #expect(!state.isModified)
    }

    @Test("opens in insert mode at the end of the text")
    func opensAtTheEnd() {
        let state = TextEditorState(text: "first\nsecond\n", title: "Notes")
        #expect(state.mode == .insert)
        #expect(state.lines.count == 3)
        #expect(state.marked == "first\nsecond\n|")
        var typing = TextEditorState(text: "abc", title: "Notes")
        typing.keys("de")
        #expect(typing.text == "abcde")
        #expect(typing.isModified)
    }

    // MARK: - Insert mode

    @Test("insert mode keys", arguments: [
        KeySpec("ab|cd", "X<cr>Y", "abX\nY|cd"),
        KeySpec("ab\n|cd", "<bs>", "ab|cd"),
        KeySpec("e\u{301}|x", "<bs>", "|x"),
        KeySpec("|👩‍👩‍👧x", "<del>", "|x"),
        KeySpec("ab|\ncd", "<del>", "ab|cd"),
        KeySpec("|", "<bs><del>", "|"),
        KeySpec("a|", "<tab>b", "a\tb|"),
        KeySpec("日|", "本語", "日本語|"),
        KeySpec("ab\n|cd", "<left>", "ab|\ncd"),
        KeySpec("ab|\ncd", "<right>", "ab\n|cd"),
        KeySpec("abc|def", "<home>", "|abcdef"),
        KeySpec("abc|def", "<end>", "abcdef|"),
        KeySpec("abcdef|\nab\nabcdefgh", "<down><down>", "abcdef\nab\nabcdef|gh"),
        KeySpec("one two|", "<c-w>", "one |"),
        KeySpec("abc|", "<esc>", "ab|c"),
        KeySpec("|abc", "<esc>", "|abc"),
    ])
    func insertKeys(_ spec: KeySpec) {
        var state = TextEditorState.inserting(spec.before)
        state.keys(spec.keys)
        #expect(state.marked == spec.after)
    }

    @Test("a combining mark typed after a letter joins it: one cluster, the cursor after it")
    func combiningMarkJoins() {
        var state = TextEditorState.inserting("e|x")
        state.keys("\u{301}")
        #expect(Array(state.text.utf8) == Array("e\u{301}x".utf8))
        #expect(state.lines[0].count == 2)
        #expect(state.cursor.column == 1)
    }

    // MARK: - Normal mode motions

    @Test("motions", arguments: [
        KeySpec("ab|cd", "h", "a|bcd"), KeySpec("ab|cd", "l", "abc|d"), KeySpec("abc|d", "l", "abc|d"),
        KeySpec("|abc", "h", "|abc"), KeySpec("a|bcd", "2l", "abc|d"), KeySpec("ab|cd", "<left><right><right>", "abc|d"),
        KeySpec("|foo.bar baz", "w", "foo|.bar baz"), KeySpec("foo|.bar baz", "w", "foo.|bar baz"),
        KeySpec("foo.|bar baz", "w", "foo.bar |baz"), KeySpec("|foo.bar baz", "3w", "foo.bar |baz"),
        KeySpec("|foo.bar baz", "W", "foo.bar |baz"), KeySpec("foo |bar", "w", "foo ba|r"),
        KeySpec("|foo\n\n  bar", "w", "foo\n|\n  bar"), KeySpec("foo\n|\n  bar", "w", "foo\n\n  |bar"),
        KeySpec("|foo.bar baz", "e", "fo|o.bar baz"), KeySpec("fo|o.bar baz", "e", "foo|.bar baz"),
        KeySpec("fo|o.bar baz", "E", "foo.ba|r baz"), KeySpec("fo|o\n\nbar", "e", "foo\n\nba|r"),
        KeySpec("foo.bar |baz", "b", "foo.|bar baz"), KeySpec("foo.bar |baz", "B", "|foo.bar baz"),
        KeySpec("foo\n\n|bar", "b", "foo\n|\nbar"), KeySpec("foo\n|\nbar", "b", "|foo\n\nbar"),
        KeySpec("日本 語|x", "b", "日本 |語x"),
        KeySpec("  ab|cd", "0", "|  abcd"), KeySpec("  ab|cd", "^", "  |abcd"), KeySpec("|  abcd", "$", "  abc|d"),
        KeySpec("  ab|cd", "<home>", "|  abcd"), KeySpec("|  abcd", "<end>", "  abc|d"),
        KeySpec("a\nb\n|c", "gg", "|a\nb\nc"), KeySpec("|a\nb\n  c", "G", "a\nb\n  |c"), KeySpec("|a\nb\nc", "2G", "a\n|b\nc"),
        KeySpec("|a\nb\nc\nd", "2j", "a\nb\n|c\nd"), KeySpec("a\nb\n|c", "k", "a\n|b\nc"), KeySpec("a\n|b", "<down><up>", "|a\nb"),
        KeySpec("abcdef|g\nab\nabcdefgh", "jj", "abcdefg\nab\nabcdef|gh"),
        KeySpec("ab|cd\n日本語", "j", "abcd\n日|本語"),
        KeySpec("ab|c\n\tx", "j", "abc\n|\tx"), KeySpec("abcde|fg\n\txyz", "j", "abcdefg\n\tx|yz"),
        KeySpec("a|bc\nabcdef\nabcdefgh", "$jj", "abc\nabcdef\nabcdefg|h"),
        KeySpec("|a\nb\n\nc\nd", "}", "a\nb\n|\nc\nd"), KeySpec("a\nb\n\nc\n|d", "{", "a\nb\n|\nc\nd"),
        KeySpec("a\n|b\nc", "<cr>", "a\nb\n|c"),
    ])
    func motions(_ spec: KeySpec) {
        var state = TextEditorState.normal(spec.before)
        state.keys(spec.keys)
        #expect(state.marked == spec.after)
        #expect(!state.isModified)
    }

    // MARK: - Normal mode edits

    @Test("edits", arguments: [
        KeySpec("a|bc", "x", "a|c"), KeySpec("a|bcd", "2x", "a|d"), KeySpec("ab|c", "x", "a|b"), KeySpec("|", "x", "|"),
        KeySpec("|👩‍👩‍👧b", "x", "|b"), KeySpec("ab|c", "X", "a|c"),
        KeySpec("a\n|b\nc", "dd", "a\n|c"), KeySpec("a\n|b", "dd", "|a"), KeySpec("|only", "dd", "|"),
        KeySpec("|a\nb\nc", "2dd", "|c"), KeySpec("|a\nb\nc", "dj", "|c"), KeySpec("a\n|b", "dj", "a\n|b"),
        KeySpec("a\nb\n|c", "dk", "|a"), KeySpec("a\n|b\nc", "dG", "|a"), KeySpec("a\n|b\nc", "dgg", "|c"),
        KeySpec("ab|cd", "D", "a|b"), KeySpec("ab|cd", "d$", "a|b"), KeySpec("ab|cd", "d0", "|cd"),
        KeySpec("foo |bar baz", "dw", "foo |baz"), KeySpec("foo |bar\nbaz", "dw", "foo| \nbaz"),
        KeySpec("|one two three", "d2w", "|three"), KeySpec("|one two three", "2dw", "|three"),
        KeySpec("foo |bar baz", "de", "foo | baz"), KeySpec("foo bar |baz", "db", "foo |baz"),
        KeySpec("|a\nb\n\nc", "d}", "|\nc"),
        KeySpec("|foo bar", "cwxy<esc>", "x|y bar"), KeySpec("a|bc", "Cxy<esc>", "ax|y"), KeySpec("a|bc", "sX<esc>", "a|Xc"),
        KeySpec("a\n|bc\nd", "ccX<esc>", "a\n|X\nd"), KeySpec("a\n|bc\nd", "SX<esc>", "a\n|X\nd"),
        KeySpec("|a\nc", "ob<esc>", "a\n|b\nc"), KeySpec("a\n|c", "Ob<esc>", "a\n|b\nc"),
        KeySpec("|ab", "Ac<esc>", "ab|c"), KeySpec("  a|b", "Ix<esc>", "  |xab"), KeySpec("a|b", "ix<esc>", "a|xb"),
        KeySpec("a|b", "ax<esc>", "ab|x"), KeySpec("|", "ax<esc>", "|x"),
        KeySpec("a|b\n   cd", "J", "ab| cd"), KeySpec("|ab\ncd\nef", "3J", "ab cd| ef"), KeySpec("ab \n|cd", "kJ", "ab |cd"),
        KeySpec("|a\nb", "yyp", "a\n|a\nb"), KeySpec("|a\nb", "ddp", "b\n|a"), KeySpec("a\n|b", "ddP", "|b\na"),
        KeySpec("|ab", "xp", "b|a"), KeySpec("|ab cd", "ywP", "ab| ab cd"), KeySpec("|ab", "Yp", "ab\n|ab"),
        KeySpec("|ab", "x3p", "baa|a"),
    ])
    func edits(_ spec: KeySpec) {
        var state = TextEditorState.normal(spec.before)
        state.keys(spec.keys)
        #expect(state.marked == spec.after)
        #expect(state.mode == .normal)
    }

    @Test("a pending count or operator is shown, and Esc drops it")
    func pendingCommand() {
        var state = TextEditorState.normal("|a\nb\nc")
        state.keys("2d")
        #expect(state.pending.typed == "2d")
        #expect(TextEditorState.draw(state, width: 40, height: 5).last?.hasSuffix("2d  1:1") == true)
        state.keys("<esc>j")
        #expect(state.pending.typed.isEmpty)
        #expect(state.marked == "a\n|b\nc")
    }

    // MARK: - Undo and redo

    @Test("one insert session is one undo step; undoing everything leaves the text unmodified")
    func insertSessionIsOneStep() {
        var state = TextEditorState(text: "e\u{301}\t日\n", title: "Notes")
        state.keys("one<cr>two<bs>o<esc>")
        #expect(state.text == "e\u{301}\t日\none\ntwo")
        state.keys("u")
        #expect(Array(state.text.utf8) == Array("e\u{301}\t日\n".utf8))
        #expect(!state.isModified)
        state.keys("<c-r>")
        #expect(state.text == "e\u{301}\t日\none\ntwo")
    }

    @Test("each normal-mode change is a step; undo brings the cursor back too")
    func normalChangesAreSteps() {
        var state = TextEditorState.normal("a|bcd\nxyz")
        state.keys("xjdd")
        #expect(state.marked == "|acd")
        state.keys("u")
        #expect(state.marked == "acd\nx|yz")
        state.keys("u")
        #expect(state.marked == "a|bcd\nxyz")
        #expect(!state.isModified)
        state.keys("u")
        #expect(state.message == .init("Already at oldest change"))
        state.keys("<c-r><c-r>")
        #expect(state.text == "acd")
    }

    @Test("o and what is typed after it are one step")
    func openLineIsOneStep() {
        var state = TextEditorState.normal("|a")
        state.keys("onew<esc>u")
        #expect(state.marked == "|a")
        #expect(state.history.undo.isEmpty)
    }

    @Test("a new change clears what could be redone")
    func newChangeClearsRedo() {
        var state = TextEditorState.normal("|abc")
        state.keys("xu")
        #expect(state.text == "abc")
        state.keys("$x<c-r>")
        #expect(state.text == "ab")
        #expect(state.message == .init("Already at newest change"))
        state.keys("u")
        #expect(state.text == "abc")
    }

    @Test("the session the editor opens with is undone in one step, back to the opened text")
    func openingSessionUndoes() {
        var state = TextEditorState(text: "notes\n", title: "Notes")
        state.keys("more<cr>and more<esc>u")
        #expect(state.text == "notes\n")
        #expect(!state.isModified)
    }

    // MARK: - Saving, closing, the command line

    @Test("ctrl-s saves the text from any mode")
    func controlS() {
        var state = TextEditorState(text: "a", title: "Notes")
        #expect(state.keys("b<c-s>") == .save("ab"))
        #expect(state.keys("<esc>x<c-s>") == .save("a"))
        #expect(state.keys(":w<c-s>") == .save("a"))
        #expect(state.mode == .normal)
    }

    @Test(":w writes and stays; once the host has written, :q closes")
    func writeThenQuit() {
        var state = TextEditorState.normal("|abc")
        state.keys("x")
        #expect(state.keys(":w<cr>") == .write("bc"))
        #expect(state.mode == .normal)
        #expect(state.isModified)
        state.markSaved("bc")
        #expect(!state.isModified)
        #expect(state.keys(":q<cr>") == .close)
    }

    @Test(":q refuses with unsaved changes; :q! discards; :wq and :x save")
    func quitting() {
        var state = TextEditorState.normal("|abc")
        state.keys("x")
        #expect(state.keys(":q<cr>") == TextEditorAction.none)
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains(":q!") == true)
        #expect(TextEditorState.draw(state, width: 60, height: 5).last?.contains("Unsaved changes") == true)
        #expect(state.keys(":q!<cr>") == .close)
        #expect(state.keys(":wq<cr>") == .save("bc"))
        #expect(state.keys(": x <cr>") == .save("bc"))
        #expect(state.keys("ZZ") == .save("bc"))
        #expect(state.keys("ZQ") == .close)
        var unchanged = TextEditorState.normal("|abc")
        #expect(unchanged.keys(":q<cr>") == .close)
    }

    @Test("the command line: an unknown command is an error, a number goes to the line, Esc and Backspace leave")
    func commandLine() {
        var state = TextEditorState.normal("|a\nb\nc")
        #expect(state.keys(":wat<cr>") == TextEditorAction.none)
        #expect(state.message == .init("Not an editor command: wat", isError: true))
        state.keys("l")
        #expect(state.message == nil)
        state.keys(":3<cr>")
        #expect(state.marked == "a\nb\n|c")
        state.keys(":q<esc>")
        #expect(state.mode == .normal)
        state.keys(":q<bs><bs>")
        #expect(state.mode == .normal)
    }

    @Test("ctrl-c: at once when nothing changed; with changes only y discards, anything else keeps editing")
    func cancel() {
        var unchanged = TextEditorState(text: "a", title: "Notes")
        #expect(unchanged.keys("<c-c>") == .close)

        var state = TextEditorState(text: "a", title: "Notes")
        state.keys("b")
        #expect(state.keys("<c-c>") == TextEditorAction.none)
        #expect(state.mode == .confirmingDiscard(fromInsert: true))
        #expect(TextEditorState.draw(state, width: 80, height: 5).last == "Discard your changes? y discards · any other key keeps editing")
        #expect(state.keys("n") == TextEditorAction.none)
        #expect(state.mode == .insert)
        #expect(state.text == "ab")
        state.keys("<esc><c-c>")
        #expect(state.keys("<c-s>") == TextEditorAction.none)
        #expect(state.mode == .normal)
        state.keys("<c-c>")
        #expect(state.keys("y") == .close)
    }

    // MARK: - Wrapping

    @Test("rows break after a blank, else before the character that does not fit", arguments: [
        WrapSpec("hello world foo", width: 8, ["hello ", "world ", "foo"]),
        WrapSpec("abcdefghij", width: 4, ["abcd", "efgh", "ij"]),
        WrapSpec("abc日本", width: 4, ["abc", "日本"]),
        WrapSpec("日本語", width: 5, ["日本", "語"]),
        WrapSpec("e\u{301}e\u{301}e\u{301}e\u{301}x", width: 4, ["e\u{301}e\u{301}e\u{301}e\u{301}", "x"]),
        WrapSpec("a\tbc", width: 5, ["a\t", "bc"]),
        WrapSpec("a\tb\tc", width: 9, ["a\tb\tc"]),
        WrapSpec("a\tb\tc", width: 8, ["a\tb\t", "c"]),
        WrapSpec("a\u{7}b", width: 2, ["a", "\u{7}", "b"]),
        WrapSpec("日", width: 1, ["日"]),
        WrapSpec("", width: 4, [""]),
    ])
    func wrapping(_ spec: WrapSpec) {
        let line = Array(spec.text)
        let rows = TextEditorLayout.rows(of: line, width: spec.width)
        #expect(rows.map { String(line[$0]) } == spec.rows)
    }

    @Test("a wide character that would straddle the right edge is drawn on the next row")
    func wideCharacterMovesDown() {
        let lines = TextEditorState.draw(.normal("|abc日本"), width: 4, height: 5)
        #expect(Array(lines[1...2]) == ["abc", "日本"])
    }

    @Test("every row fits its width, and the rows cover the line in order", arguments: [1, 2, 3, 5, 8, 13])
    func wrappingInvariant(_ width: Int) {
        let line = Array("A garden 日本語 of notes\tand e\u{301}motes 👩‍👩‍👧 with\u{7}controls and averyveryverylongword.")
        let rows = TextEditorLayout.rows(of: line, width: width)
        #expect(rows.first?.lowerBound == 0)
        #expect(rows.last?.upperBound == line.count)
        for (row, next) in zip(rows, rows.dropFirst()) { #expect(row.upperBound == next.lowerBound) }
        for row in rows {
            var column = 0
            for character in line[row] { column += TextEditorLayout.width(of: character, atColumn: column, rowWidth: width) }
            #expect(column <= width || row.count == 1)
        }
    }

    @Test("in insert mode a full row keeps a cell for the cursor after the last character")
    func cursorAfterAFullRow() {
        var state = TextEditorState(text: "abcdefghij", title: "Notes")
        let cell = TextEditorLayout.cursorCell(state, width: 10)
        #expect(cell.row == .init(line: 0, row: 1))
        #expect(cell.column == 0)
        state.layout(width: 11, height: 5)
        var buffer = ScreenBuffer(size: Size(width: 11, height: 5))
        TextEditorView.draw(state, in: buffer.bounds, into: &buffer, glyphs: .unicode)
        #expect(Array(buffer.lines[1...2]) == [" abcdefghij", "›"])
        #expect(buffer.cursor.map { [$0.x, $0.y] } == [1, 2])
        state.keys("<esc>")
        #expect(TextEditorLayout.rows(state, line: 0, width: 10).count == 1)
    }

    // MARK: - Drawing

    @Test("the cursor row stays in view while moving and typing in a small editor")
    func cursorStaysVisible() {
        var state = TextEditorState(text: (1...100).map { "line \($0)" }.joined(separator: "\n"), title: "Notes")
        let rect = Rect(x: 0, y: 0, width: 20, height: 6)
        func check(typing: Bool = false, _ sourceLocation: SourceLocation = #_sourceLocation) {
            state.layout(width: rect.width, height: rect.height)
            var buffer = ScreenBuffer(size: Size(width: 20, height: 6))
            TextEditorView.draw(state, in: rect, into: &buffer, glyphs: .unicode)
            let cursor = buffer.cursor
            #expect(cursor != nil, sourceLocation: sourceLocation)
            guard let cursor else { return }
            #expect((1...4).contains(cursor.y), sourceLocation: sourceLocation)
            if typing {
                // Just after the last "x" typed: beside it, or at the start of the next row.
                let besideIt = cursor.x > 1 && buffer[cursor.x - 1, cursor.y].text == "x"
                #expect(besideIt || (cursor.x == 1 && buffer.lines[cursor.y - 1].hasSuffix("x")), sourceLocation: sourceLocation)
            } else {
                #expect(buffer.lines[cursor.y].contains("line \(state.cursor.line + 1)"), sourceLocation: sourceLocation)
            }
        }
        check()
        #expect(state.scroll == .init(line: 96, row: 0))
        state.keys("<esc>gg")
        check()
        #expect(state.scroll == .init(line: 0, row: 0))
        state.keys("50G")
        check()
        let scroll = state.scroll
        state.keys("k")
        check()
        #expect(state.scroll == scroll, "a move inside the view does not scroll")
        state.keys("A")
        for _ in 0..<40 {
            state.keys("x")
            check(typing: true)
        }
        state.keys("<esc>G")
        check()
    }

    @Test("control characters are drawn as placeholders, never raw; the text keeps them")
    func controlCharacters() {
        let text = "a\u{7}b\u{1B}[31mc\u{9B}d\u{7F}e\u{202E}f\u{0}g\rh\u{200B}i"
        let state = TextEditorState.normal("|" + text)
        var buffer = ScreenBuffer(size: Size(width: 60, height: 4))
        TextEditorView.draw(state, in: buffer.bounds, into: &buffer, glyphs: .unicode)
        #expect(buffer.lines[1] == " a^Gb^[[31mc<9b>d^?e<202e>f^@g^Mh<200b>i")
        for cell in buffer.cells {
            #expect(!cell.text.unicodeScalars.contains { TerminalText.needsEscape($0, keepNewlines: false) })
        }
        #expect(buffer[3, 1].style.role == .warning)
        #expect(Array(state.text.utf8) == Array(text.utf8))
    }

    @Test("a tab is drawn as blanks to the next multiple of four; the text keeps the tab")
    func tabs() {
        let lines = TextEditorState.draw(.normal("|a\tb\tc\n\tx\nabcd\te"), width: 20, height: 5, gutter: false)
        #expect(lines[1] == "a   b   c")
        #expect(lines[2] == "    x")
        #expect(lines[3] == "abcd    e")
    }

    @Test("the title row shows [+] once the text is modified")
    func titleMark() {
        var state = TextEditorState(text: "a", title: "Notes — Deep Neural Networks as Gaussian Processes")
        #expect(TextEditorState.draw(state, width: 40, height: 4).first == " Notes — Deep Neural Networks as Gauss…")
        state.keys("b")
        #expect(TextEditorState.draw(state, width: 40, height: 4).first == " Notes — Deep Neural Networks as G… [+]")
        state.keys("<bs>")
        #expect(TextEditorState.draw(state, width: 40, height: 4).first?.hasSuffix("[+]") == false)
    }

    @Test("any rectangle can be drawn, down to nothing", arguments: [(20, 5), (1, 1), (0, 0), (0, 5), (5, 0), (2, 2), (3, 3), (9, 3), (10, 2)])
    func smallRectangles(_ width: Int, _ height: Int) {
        let size = Size(width: width, height: height)
        var state = TextEditorState(text: "日本語\t\u{7}\n👩‍👩‍👧 e\u{301} a very long line that wraps and wraps\n\n", title: "Notes — 日本")
        for keys in ["", "<esc>", "gg", "$", ":w", "<esc><c-c>"] {
            state.keys(keys)
            state.layout(width: size.width, height: size.height)
            var buffer = ScreenBuffer(size: Size(width: 30, height: 10))
            TextEditorView.draw(state, in: Rect(x: 2, y: 1, width: size.width, height: size.height), into: &buffer, glyphs: .ascii)
            if let cursor = buffer.cursor {
                #expect(Rect(x: 2, y: 1, width: size.width, height: size.height).contains(x: cursor.x, y: cursor.y))
            }
            for y in 0..<buffer.height { for x in 0..<buffer.width where !Rect(x: 2, y: 1, width: size.width, height: size.height).contains(x: x, y: y) {
                #expect(buffer[x, y] == .blank)
            } }
        }
        var edge = ScreenBuffer(size: Size(width: 10, height: 4))
        TextEditorView.draw(state, in: Rect(x: 6, y: 2, width: 20, height: 5), into: &edge, glyphs: .unicode)
    }

    @Test("the status row: the mode and its keys, the position")
    func statusRow() {
        var state = TextEditorState(text: "日本", title: "Notes")
        #expect(TextEditorState.draw(state, width: 80, height: 4).last
            == "-- INSERT --  esc normal mode · ctrl-s save · ctrl-c cancel                  1:5")
        state.keys("<esc>")
        #expect(TextEditorState.draw(state, width: 80, height: 4).last
            == "-- NORMAL --  i insert · u undo · ctrl-s save · ctrl-c cancel · :q quit      1:3")
        state.keys(":w")
        #expect(TextEditorState.draw(state, width: 80, height: 4).last == ":w")
    }

    // MARK: - Snapshots

    static let notes = """
        - The NNGP kernel of a deep network follows the recursion K^{l+1} = σ_w² E[φ(u)φ(v)] + σ_b², which this note keeps as the reference.
        \tIndented with a tab; a bell\u{7} that must not ring.
        - 日本語のメモ: wide characters wrap as whole cells, never split at the right edge of the screen.

        Combining: cafe\u{301}, and a family 👩‍👩‍👧 in one cluster.
        """

    @Test("snapshot: typing at the end, 80×12")
    func snapshotWide() {
        var state = TextEditorState(text: Self.notes, title: "Notes — Deep Neural Networks as Gaussian Processes")
        state.keys(" More")
        state.layout(width: 80, height: 12)
        var buffer = ScreenBuffer(size: Size(width: 80, height: 12))
        TextEditorView.draw(state, in: buffer.bounds, into: &buffer, glyphs: .unicode)
        assertSnapshot(buffer.lines, named: "editor-insert-80x12", width: 80)
        #expect(buffer.cursor.map { [$0.x, $0.y] } == [54, 7])
    }

    @Test("snapshot: normal mode, scrolled to the third line, narrow and in ASCII, 24×8")
    func snapshotNarrow() {
        var state = TextEditorState(text: Self.notes, title: "Notes — Deep Neural Networks as Gaussian Processes")
        state.keys("<esc>3G")
        state.layout(width: 24, height: 8)
        var buffer = ScreenBuffer(size: Size(width: 24, height: 8))
        TextEditorView.draw(state, in: buffer.bounds, into: &buffer, glyphs: .ascii)
        assertSnapshot(buffer.lines, named: "editor-normal-ascii-24x8", width: 24)
        #expect(buffer.cursor.map { [$0.x, $0.y] } == [1, 6])
    }
}

// MARK: - Support

/// Text with `|` at the cursor, keys, and the text and cursor expected after them.
struct KeySpec: Sendable, CustomTestStringConvertible {
    var before: String
    var keys: String
    var after: String
    init(_ before: String, _ keys: String, _ after: String) {
        self.before = before
        self.keys = keys
        self.after = after
    }
    var testDescription: String { "\(before.debugDescription) \(keys) → \(after.debugDescription)" }
}

/// A line, a width, and the rows it should wrap into.
struct WrapSpec: Sendable, CustomTestStringConvertible {
    var text: String
    var width: Int
    var rows: [String]
    init(_ text: String, width: Int, _ rows: [String]) {
        self.text = text
        self.width = width
        self.rows = rows
    }
    var testDescription: String { "\(text.debugDescription) at \(width)" }
}

extension TextEditorState {
    /// An editor on `marked` (text with `|` at the cursor) in normal mode, with no history.
    static func normal(_ marked: String) -> TextEditorState {
        var state = opened(marked)
        state.mode = .normal
        state.history = EditHistory()
        return state
    }

    /// An editor on `marked` in insert mode, its session starting there.
    static func inserting(_ marked: String) -> TextEditorState {
        var state = opened(marked)
        state.history = EditHistory()
        state.history.insertStart = EditHistory.Snapshot(lines: state.lines, cursor: state.cursor)
        return state
    }

    private static func opened(_ marked: String) -> TextEditorState {
        let parts = marked.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let before = String(parts[0])
        var state = TextEditorState(text: before + (parts.count > 1 ? String(parts[1]) : ""), title: "Notes")
        let linesBefore = before.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        state.cursor = Position(line: linesBefore.count - 1, column: String(linesBefore[linesBefore.count - 1]).count)
        return state
    }

    /// The text with `|` at the cursor.
    var marked: String {
        lines.enumerated().map { index, line in
            index == cursor.line ? String(line[..<cursor.column]) + "|" + String(line[cursor.column...]) : String(line)
        }.joined(separator: "\n")
    }

    /// Presses keys written in vim notation; returns the last key's action.
    @discardableResult
    mutating func keys(_ sequence: String) -> TextEditorAction {
        let named: [String: Key] = [
            "esc": .escape, "cr": .enter, "bs": .backspace, "del": .delete, "tab": .tab, "left": .left, "right": .right,
            "up": .up, "down": .down, "home": .home, "end": .end, "c-r": .control("r"), "c-s": .control("s"),
            "c-c": .control("c"), "c-w": .control("w"),
        ]
        var action = TextEditorAction.none
        var rest = Substring(sequence)
        while let first = rest.first {
            if first == "<", let close = rest.firstIndex(of: ">"), let key = named[String(rest[rest.index(after: rest.startIndex)..<close])] {
                action = handle(key)
                rest = rest[rest.index(after: close)...]
            } else {
                action = handle(.character(first))
                rest = rest.dropFirst()
            }
        }
        return action
    }

    /// The editor drawn in a `width` × `height` screen, as text lines (the gutter column
    /// dropped unless `gutter`).
    static func draw(_ state: TextEditorState, width: Int, height: Int, gutter: Bool = true) -> [String] {
        var state = state
        state.layout(width: width, height: height)
        var buffer = ScreenBuffer(size: Size(width: width, height: height))
        TextEditorView.draw(state, in: buffer.bounds, into: &buffer, glyphs: .unicode)
        guard !gutter else { return buffer.lines }
        return buffer.lines.enumerated().map { index, line in
            index == 0 || index == height - 1 || line.isEmpty ? line : String(line.dropFirst())
        }
    }
}
