import Screen
import Testing
@testable import Terminal

/// The cell texts handed to ncurses, with glibc 2.36's wcwidth for the scalars used here.
@Suite struct CursesCellTextTests {
    private static func glibcWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0301, 0x200D, 0xFE0F: return 0
        case 0x4E2D, 0x1F600, 0x1F468, 0x1F469, 0x1F467, 0x1F44D, 0x1F3FD: return 2
        default: return 1  // ASCII, é, ⣿, ☺ (U+263A), regional indicators
        }
    }

    private func plan(_ text: String, _ columns: Int) -> CursesCellText {
        CursesCellText.plan(text, columns: columns, width: Self.glibcWidth)
    }

    @Test func simpleClustersPassWhole() {
        #expect(plan("a", 1) == CursesCellText(scalars: ["a"], padsContinuation: false))
        #expect(plan("e\u{301}", 1).scalars == ["e", "\u{301}"])
        #expect(plan("中", 2) == CursesCellText(scalars: ["中"], padsContinuation: false))
        #expect(plan("😀", 2).scalars == ["\u{1F600}"])
    }

    @Test func secondSpacingCharactersAreDropped() {
        #expect(plan("👍🏽", 2) == CursesCellText(scalars: ["\u{1F44D}"], padsContinuation: false))
        #expect(plan("👨‍👩‍👧", 2).scalars == ["\u{1F468}"])  // the dangling ZWJ removed too
    }

    @Test func narrowBaseInAWideCellIsPadded() {
        #expect(plan("☺️", 2) == CursesCellText(scalars: ["\u{263A}"], padsContinuation: true))
        #expect(plan("🇩🇪", 2) == CursesCellText(scalars: ["\u{1F1E9}"], padsContinuation: true))
    }

    @Test func strayMarkBecomesABlank() {
        #expect(plan("\u{301}", 1) == CursesCellText(scalars: [" "], padsContinuation: false))
    }

    @Test func codesetNames() {
        #expect(LocaleSetup.isUTF8(codesetName: "UTF-8"))
        #expect(LocaleSetup.isUTF8(codesetName: "utf8"))
        #expect(!LocaleSetup.isUTF8(codesetName: "ANSI_X3.4-1968"))
        #expect(!LocaleSetup.isUTF8(codesetName: "ISO-8859-1"))
    }
}
