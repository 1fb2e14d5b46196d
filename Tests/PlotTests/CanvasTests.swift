import Screen
import Testing
@testable import Plot

/// The three canvases: which dot lights which part of which character, lines and clipping.
@Suite struct CanvasTests {
    /// Unicode numbers Braille dots 1–3 and 4–6 down the columns, 7 and 8 at the bottom.
    @Test func brailleDots() {
        let expected: [(x: Int, y: Int, glyph: String)] = [
            (0, 0, "⠁"), (0, 1, "⠂"), (0, 2, "⠄"), (0, 3, "⡀"), (1, 0, "⠈"), (1, 1, "⠐"), (1, 2, "⠠"), (1, 3, "⢀"),
        ]
        for dot in expected {
            var canvas = Canvas(kind: .braille, columns: 1, rows: 1)
            canvas.set(x: dot.x, y: dot.y, role: .series1)
            #expect(canvas.cell(column: 0, row: 0)?.glyph == dot.glyph, "\(dot)")
        }
        var full = Canvas(kind: .braille, columns: 1, rows: 1)
        for x in 0..<2 { for y in 0..<4 { full.set(x: x, y: y, role: .series1) } }
        #expect(full.cell(column: 0, row: 0)?.glyph == "⣿")
    }

    @Test func blockQuadrants() {
        var canvas = Canvas(kind: .block, columns: 2, rows: 1)
        canvas.set(x: 0, y: 0, role: .series1)
        canvas.set(x: 1, y: 1, role: .series1)
        canvas.set(x: 2, y: 1, role: .series1)
        canvas.set(x: 3, y: 1, role: .series1)
        #expect(canvas.cell(column: 0, row: 0)?.glyph == "▚")
        #expect(canvas.cell(column: 1, row: 0)?.glyph == "▄")
    }

    /// ASCII cells take the character whose shape is nearest.
    @Test func asciiShapes() {
        func glyph(_ dots: [(Int, Int)]) -> String? {
            var canvas = Canvas(kind: .ascii, columns: 1, rows: 1)
            for (x, y) in dots { canvas.set(x: x, y: y, role: .series1) }
            return canvas.cell(column: 0, row: 0)?.glyph
        }
        #expect(glyph([(0, 1), (1, 1), (2, 1)]) == "-")
        #expect(glyph([(0, 2), (1, 2), (2, 2)]) == "_")
        #expect(glyph([(1, 0), (1, 1), (1, 2)]) == "|")
        #expect(glyph([(0, 2), (1, 1), (2, 0)]) == "/")
        #expect(glyph([(0, 0), (1, 1), (2, 2)]) == "\\")
        #expect(glyph([(1, 2)]) == ".")
        #expect(CanvasGlyphs.ascii.allSatisfy { $0.count == 1 && $0.unicodeScalars.allSatisfy { $0.isASCII } })
    }

    /// A line between the corners lights the cells along the diagonal and nothing else (the
    /// middle dot (4, 4) is the top-left dot of cell (2, 1)).
    @Test func diagonalLine() {
        var canvas = Canvas(kind: .braille, columns: 4, rows: 2)
        canvas.line(from: (0, 8), to: (8, 0), role: .series2)
        let lit = (0..<2).flatMap { row in (0..<4).compactMap { canvas.cell(column: $0, row: row) != nil ? "\($0),\(row)" : nil } }
        #expect(lit == ["2,0", "3,0", "0,1", "1,1", "2,1"])
        #expect(canvas.cell(column: 0, row: 1)?.role == .series2)
    }

    /// Segments are clipped to the canvas; points off it and non-finite ones are not drawn,
    /// never pinned to an edge.
    @Test func clippingAndNonFinite() {
        var canvas = Canvas(kind: .braille, columns: 3, rows: 1)
        canvas.line(from: (-10, 2), to: (-1, 2), role: .series1)  // entirely left
        canvas.line(from: (2, -5), to: (2, -1), role: .series1)  // entirely above
        canvas.point(x: 7, y: 1, role: .series1)  // right of the canvas (width 6)
        canvas.point(x: .nan, y: 1, role: .series1)
        canvas.point(x: 1, y: .infinity, role: .series1)
        canvas.line(from: (1, 1), to: (.infinity, 1), role: .series1)
        #expect((0..<3).allSatisfy { canvas.cell(column: $0, row: 0) == nil })
        canvas.line(from: (-4, 2), to: (10, 2), role: .series1)  // crosses the whole canvas
        #expect((0..<3).allSatisfy { canvas.cell(column: $0, row: 0)?.glyph == "⠤" })
        // A point on the far edge is in the last dot.
        var edge = Canvas(kind: .braille, columns: 1, rows: 1)
        edge.point(x: 2, y: 4, role: .series1)
        #expect(edge.cell(column: 0, row: 0)?.glyph == "⢀")
    }

    /// Dots 0–1 on, 2–3 off, 4–5 on, …; the end point (on the far edge) is the last dot.
    @Test func dashedLinesSkipEveryOtherPair() {
        var canvas = Canvas(kind: .braille, columns: 4, rows: 1)
        canvas.line(from: (0, 0.5), to: (8, 0.5), role: .reference, dashed: true)
        #expect((0..<4).map { canvas.cell(column: $0, row: 0)?.glyph ?? " " }.joined() == "⠉ ⠉⠈")
    }

    /// The last thing drawn in a cell gives it its colour.
    @Test func lastRoleWins() {
        var canvas = Canvas(kind: .braille, columns: 1, rows: 1)
        canvas.set(x: 0, y: 0, role: .series1)
        canvas.set(x: 1, y: 3, role: .highlight)
        #expect(canvas.cell(column: 0, row: 0)?.role == .highlight)
        #expect(canvas.cell(column: 0, row: 0)?.glyph == "⢁")
    }
}
