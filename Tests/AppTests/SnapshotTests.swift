@testable import App
import SnapshotSupport
import Screen
import Testing

/// Whole screens as text, at the sizes the layout distinguishes. The pictures live in
/// Snapshots/*.txt (see `assertSnapshot`).
@Suite("Screen snapshots")
struct SnapshotTests {
    /// The test garden with the paper "Deep Neural Networks as Gaussian Processes" open in the
    /// reading pane and its abstract unfolded.
    static func reading(_ size: Size, glyphs: Glyphs = .unicode) -> AppState {
        var state = TestGarden.state(size, glyphs: glyphs)
        state.press("j", "l", "j", "tab", "enter", "a")
        return state
    }

    @Test("loading, 80×24")
    func loading() {
        let (state, _) = App.start(size: Size(width: 80, height: 24), gardenPath: "garden")
        assertSnapshot(state.screen, named: "loading-80x24", width: 80)
    }

    @Test("browsing after load, 120×30")
    func browsingWide() {
        let state = TestGarden.state(Size(width: 120, height: 30))
        assertSnapshot(state.screen, named: "browse-120x30", width: 120)
    }

    @Test("reading a paper, 120×30 (three panes)")
    func readingWide() {
        assertSnapshot(Self.reading(Size(width: 120, height: 30)).screen, named: "reading-120x30", width: 120)
    }

    @Test("reading a paper, 80×24 (tree and papers stacked)")
    func readingMedium() {
        assertSnapshot(Self.reading(Size(width: 80, height: 24)).screen, named: "reading-80x24", width: 80)
    }

    @Test("reading a paper, 40×12 (one pane)")
    func readingNarrow() {
        assertSnapshot(Self.reading(Size(width: 40, height: 12)).screen, named: "reading-40x12", width: 40)
    }

    @Test("reading a paper in ASCII, 100×30")
    func readingASCII() {
        let state = Self.reading(Size(width: 100, height: 30), glyphs: .ascii)
        assertSnapshot(state.screen, named: "reading-ascii-100x30", width: 100)
    }

    @Test("too small, 39×11")
    func tooSmall() {
        let state = TestGarden.state(Size(width: 39, height: 11))
        assertSnapshot(state.screen, named: "too-small-39x11", width: 39)
    }

    @Test("help overlay, 100×30")
    func help() {
        var state = TestGarden.state(Size(width: 100, height: 30))
        state.press("?")
        assertSnapshot(state.screen, named: "help-100x30", width: 100)
    }

    @Test("search results, 100×24")
    func search() {
        var state = TestGarden.state(Size(width: 100, height: 24))
        state.press("/")
        state.type("kernel")
        assertSnapshot(state.screen, named: "search-100x24", width: 100)
    }

    @Test("command palette with completions, 80×24")
    func palette() {
        var state = TestGarden.state(Size(width: 80, height: 24))
        state.press(":")
        state.type("topic m")
        assertSnapshot(state.screen, named: "palette-80x24", width: 80)
    }

    @Test("every screen line fits its width at every size from 40×12 to 140×40")
    func widthInvariant() {
        for width in stride(from: 40, through: 140, by: 7) {
            for height in [12, 17, 40] {
                let state = Self.reading(Size(width: width, height: height))
                let buffer = App.view(state, size: state.size)
                #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width)×\(height)")
                #expect(buffer.lines.count == height)
            }
        }
    }

    @Test("ASCII mode draws no non-ASCII characters except those in the garden's own text")
    func asciiDrawing() {
        let state = Self.reading(Size(width: 100, height: 30), glyphs: .ascii)
        let drawing: Set<Character> = ["│", "─", "▸", "▾", "•", "…", "●", "○", "◐", "┌", "┐", "└", "┘", "▌", "☐", "☑", "┼", "›", "·"]
        let used = Set(state.screen.joined()).intersection(drawing)
        #expect(used.isEmpty, "\(used)")
    }
}

/// The same screens' styles: one letter per cell for its role (upper case when bold), so a
/// change of colour or emphasis shows up as a changed picture too.
@Suite("Style snapshots")
struct StyleSnapshotTests {
    @Test("reading a paper after a search, 100×24: roles and bold per cell")
    func readingStyles() {
        var state = TestGarden.state(Size(width: 100, height: 24))
        state.press("/")
        state.type("kernel")
        state.press("enter")
        let lines = styleLines(App.view(state, size: state.size))
        assertSnapshot(lines, named: "styles-search-open-100x24", width: 100)
        #expect(Role.allCases.count == styleLetters.count, "a new role needs a letter in SnapshotSupport's styleLetters")
    }
}
