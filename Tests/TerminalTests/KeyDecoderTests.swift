import CNcursesw
import Screen
import Testing
@testable import Terminal

@Suite struct KeyDecoderTests {
    // MARK: Character codes (raw mode, nonl)

    @Test func controlLettersAreControlKeys() {
        #expect(KeyDecoder.key(character: 1) == .control("a"))
        #expect(KeyDecoder.key(character: 3) == .control("c"))  // Ctrl-C is a key in raw mode
        #expect(KeyDecoder.key(character: 4) == .control("d"))
        #expect(KeyDecoder.key(character: 26) == .control("z"))
    }

    @Test func controlCodesThatAreNamedKeys() {
        #expect(KeyDecoder.key(character: 9) == .tab)
        #expect(KeyDecoder.key(character: 10) == .enter)
        #expect(KeyDecoder.key(character: 13) == .enter)
        #expect(KeyDecoder.key(character: 27) == .escape)
        #expect(KeyDecoder.key(character: 127) == .backspace)
        #expect(KeyDecoder.key(character: 8) == .backspace)
    }

    @Test func unusableCodesAreIgnored() {
        for code: UInt32 in [0, 28, 29, 30, 31, 0x85, 0x9B, 0xD800] {
            #expect(KeyDecoder.decode(.character(code)) == .ignored, "code \(code)")
        }
    }

    @Test func printableCharacters() {
        #expect(KeyDecoder.key(character: 0x20) == .character(" "))
        #expect(KeyDecoder.key(character: 0x6A) == .character("j"))
        #expect(KeyDecoder.key(character: 0x47) == .character("G"))
        #expect(KeyDecoder.key(character: 0xE9) == .character("é"))
        #expect(KeyDecoder.key(character: 0x4E2D) == .character("中"))
        #expect(KeyDecoder.key(character: 0x1F600) == .character("😀"))
    }

    // MARK: Function keys (KEY_CODE_YES)

    @Test func functionKeys() {
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
            (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_BTAB, .backTab),
            (KEY_F0 + 1, .function(1)), (KEY_F0 + 5, .function(5)), (KEY_F0 + 12, .function(12)),
        ]
        for (code, key) in expected {
            #expect(KeyDecoder.decode(.functionKey(code)) == .key(key), "KEY code \(code)")
        }
    }

    @Test func resizeMouseAndUnmappedKeys() {
        #expect(KeyDecoder.decode(.functionKey(KEY_RESIZE)) == .resize)
        #expect(KeyDecoder.decode(.functionKey(KEY_MOUSE)) == .mouse)
        #expect(KeyDecoder.decode(.functionKey(KEY_IC)) == .ignored)
        #expect(KeyDecoder.decode(.functionKey(KEY_F0)) == .ignored)
    }

    // MARK: Mouse buttons

    @Test func mouseButtons() {
        #expect(KeyDecoder.mouseKind(buttonState: trellis_button1_pressed()) == .press)
        #expect(KeyDecoder.mouseKind(buttonState: trellis_button1_clicked()) == .press)
        #expect(KeyDecoder.mouseKind(buttonState: trellis_button4_pressed()) == .wheelUp)
        #expect(KeyDecoder.mouseKind(buttonState: trellis_button5_pressed()) == .wheelDown)
        #expect(KeyDecoder.mouseKind(buttonState: 0) == nil)
    }

    // MARK: Joining code points into grapheme clusters

    @Test func codePointsOfOneClusterJoin() {
        var events: [TerminalEvent] = []
        for code: UInt32 in [0x65, 0x301, 0x78, 0x1F44D, 0x1F3FD, 0x2764, 0xFE0F] {
            if case .key(let key) = KeyDecoder.decode(.character(code)) { KeyDecoder.append(key, to: &events) }
        }
        #expect(events == [.key(.character("e\u{301}")), .key(.character("x")),
                           .key(.character("👍🏽")), .key(.character("❤️"))])
    }

    @Test func separateCharactersStaySeparate() {
        var events: [TerminalEvent] = []
        for key: Key in [.character("a"), .character("a"), .enter, .character("\u{301}")] {
            KeyDecoder.append(key, to: &events)
        }
        #expect(events == [.key(.character("a")), .key(.character("a")), .key(.enter), .key(.character("\u{301}"))])
    }
}
