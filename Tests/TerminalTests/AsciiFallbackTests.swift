import Screen
import Testing
@testable import Terminal

@Suite struct AsciiFallbackTests {
    private func row(_ text: String, width: Int = 12) -> [Cell] {
        var buffer = ScreenBuffer(size: Size(width: width, height: 1))
        buffer.write(text, x: 0, y: 0)
        return buffer.cells
    }

    private func text(_ cells: [Cell]) -> String { cells.map(\.text).joined() }

    @Test func asciiIsKept() {
        #expect(text(AsciiFallback.cells(for: row("plain [x] ~"))) == "plain [x] ~ ")
    }

    @Test func nonASCIIBecomesQuestionMarksOnePerColumn() {
        let cells = AsciiFallback.cells(for: row("a中é•b"))
        #expect(text(cells) == "a????b      ")  // a, 中 (two columns), é, •, b
        #expect(cells.count == 12)
        #expect(cells.allSatisfy { !$0.isContinuation })
    }

    @Test func combiningClusterOnAnASCIIBaseIsReplaced() {
        #expect(text(AsciiFallback.cells(for: row("e\u{301}!", width: 3))) == "?! ")
    }

    @Test func stylesAreKept() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.write("中", x: 0, y: 0, style: Style(.link))
        let cells = AsciiFallback.cells(for: buffer.cells)
        #expect(cells[0] == Cell("?", Style(.link)) && cells[1] == Cell("?", Style(.link)))
    }

    @Test func wholeBufferKeepsItsCursor() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 2))
        buffer.write("ab", x: 0, y: 0)
        buffer.write("→", x: 0, y: 1)
        buffer.cursor = (1, 1)
        let fallback = AsciiFallback.buffer(buffer)
        #expect(fallback.lines == ["ab", "?"])
        #expect(fallback.cursor?.x == 1 && fallback.cursor?.y == 1)
    }
}
