import Screen
import SnapshotSupport
import Testing
@testable import Plot

/// Every plot kind at two sizes, with Braille and with ASCII; a style snapshot with the colour
/// roles. The pictures in Snapshots/ were reviewed when recorded.
@Suite struct PlotSnapshotTests {
    static let sizes = [Size(width: 64, height: 20), Size(width: 100, height: 30)]

    @Test(arguments: ["lines", "scatter", "loglog", "heat", "categories"])
    func braille(_ name: String) {
        for size in Self.sizes {
            let options = PlotOptions()
            let plot = PlotFixtures.all(size: size, options: options).first { $0.name == name }!.plot
            assertSnapshot(plot.render(size: size, options: options).lines, named: "\(name)-\(size.width)x\(size.height)", width: size.width)
        }
    }

    @Test(arguments: ["lines", "scatter", "loglog", "heat", "categories"])
    func ascii(_ name: String) {
        let size = Self.sizes[0]
        let options = PlotOptions(ascii: true)
        let plot = PlotFixtures.all(size: size, options: options).first { $0.name == name }!.plot
        let lines = plot.render(size: size, options: options).lines
        #expect(lines.joined().unicodeScalars.allSatisfy { $0.isASCII })
        assertSnapshot(lines, named: "\(name)-ascii-\(size.width)x\(size.height)", width: size.width)
    }

    @Test func blockCanvas() {
        let size = Self.sizes[0]
        let lines = PlotFixtures.lines.render(size: size, options: PlotOptions(canvas: .block)).lines
        assertSnapshot(lines, named: "lines-block-\(size.width)x\(size.height)", width: size.width)
    }

    /// Roles per cell: the frame, muted tick labels, the series colours, the heat ramp under
    /// the highlighted curve and the colour bar.
    @Test func styles() {
        let size = Size(width: 64, height: 20)
        let options = PlotOptions()
        let heat = PlotFixtures.heat(size: size, options: options).render(size: size, options: options)
        assertSnapshot(styleLines(heat), named: "heat-styles-64x20", width: size.width)
        let lines = PlotFixtures.lines.render(size: size, options: options)
        assertSnapshot(styleLines(lines), named: "lines-styles-64x20", width: size.width)
    }

    /// Too short for a header row, the plot sets its y title (else its title) into the top
    /// edge of the frame.
    @Test func titleMovesIntoTheFrameWhenShort() {
        let short = PlotFixtures.lines.render(size: Size(width: 40, height: 6)).lines
        #expect(short[0].hasPrefix("   ┌─ y ──") && short[0].hasSuffix("┐"), "\(short[0])")
        let untitled = Plot(title: "sin", x: Axis("x"), y: Axis(""), series: [Series("s", x: [0, 1], y: [0, 1])])
        #expect(untitled.render(size: Size(width: 40, height: 6)).lines.contains { $0.contains("┌─ sin ─") })
        let tall = PlotFixtures.lines.render(size: Size(width: 40, height: 20)).lines
        #expect(!tall.contains { $0.contains("┌─ y") })
    }

    @Test func tooSmall() {
        let buffer = PlotFixtures.lines.render(size: Size(width: 40, height: 5))
        #expect(buffer.lines == ["too small for a plot (40×5)", "", "", "", ""])
        #expect(PlotFixtures.lines.render(size: Size(width: 9, height: 30), options: PlotOptions(ascii: true)).lines[0] == "too small")
    }
}
