import Screen
import Testing
@testable import Plot

/// Properties that hold at every size: the buffer is exactly the size asked for, every row is
/// exactly that many display columns, nothing is drawn outside the rectangle given, and a size
/// too small for a plot gives one clear line instead of a garbled picture.
@Suite struct PlotInvariantTests {
    static let widths = [0, 1, 2, 5, 9, 10, 12, 13, 14, 16, 20, 24, 30, 41, 60, 80, 121, 200]
    static let heights = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 24, 40, 61]
    static let optionSets = [
        PlotOptions(), PlotOptions(ascii: true), PlotOptions(canvas: .block), PlotOptions(heatStyle: .solid),
        PlotOptions(ascii: true, heatStyle: .solid),
    ]

    /// The row's width in display columns, counting every cell (continuation cells are the
    /// second half of a wide character).
    static func displayWidth(_ buffer: ScreenBuffer, row: Int) -> Int {
        (0..<buffer.width).reduce(0) { total, x in
            let cell = buffer[x, row]
            return cell.isContinuation ? total : total + max(1, DisplayWidth.of(cell.text))
        }
    }

    @Test(arguments: 0..<5)
    func everySizeHasEqualRowsWithinBounds(optionIndex: Int) {
        let options = Self.optionSets[optionIndex]
        for width in Self.widths {
            for height in Self.heights {
                let size = Size(width: width, height: height)
                for (name, plot) in PlotFixtures.all(size: size, options: options) {
                    let buffer = plot.render(size: size, options: options)
                    #expect(buffer.size == size, "\(name) at \(width)×\(height)")
                    for row in 0..<height {
                        #expect(Self.displayWidth(buffer, row: row) == width, "\(name) at \(width)×\(height), row \(row)")
                    }
                    if plot.layout(for: size, options: options) == nil, height > 0 {
                        let message = "too small for a plot (\(width)\(options.ascii ? "x" : "×")\(height))"
                        #expect(message.hasPrefix(buffer.lines[0]) && !buffer.lines[0].isEmpty || width == 0, "\(name) at \(width)×\(height)")
                        #expect(buffer.lines.dropFirst().allSatisfy { $0.isEmpty }, "\(name) at \(width)×\(height)")
                    }
                    if options.ascii {
                        #expect(buffer.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy { $0.isASCII } }, "\(name) at \(width)×\(height)")
                    }
                }
            }
        }
    }

    /// Big enough sizes always give a plot; the frame's corners are where the layout says.
    /// A legend that has to lose lines to leave room for the data says so with an ellipsis on
    /// its last line; one that fits whole has none.
    @Test(arguments: [false, true])
    func aCutLegendEndsInAnEllipsis(ascii: Bool) {
        let plot = Plot(x: Axis(range: 0...1), y: Axis(range: 0...1), series: [Series("a", [Point(0, 0), Point(1, 1)])],
                        notes: ["first note, long enough to wrap onto a second line at this width", "second note"])
        let options = PlotOptions(ascii: ascii)
        let ellipsis = ascii ? "..." : "…"
        let short = plot.layout(for: Size(width: 30, height: 8), options: options)!
        #expect(short.legend.count >= 1 && short.legend.last!.text.hasSuffix(" " + ellipsis))
        #expect(short.legend.allSatisfy { $0.width <= 30 - short.legendIndent })
        let tall = plot.layout(for: Size(width: 30, height: 24), options: options)!
        #expect(tall.legend.last!.text == "second note")
    }

    @Test func largeSizesFit() {
        for size in [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 200, height: 60)] {
            for (name, plot) in PlotFixtures.all(size: size, options: PlotOptions()) {
                guard let layout = plot.layout(for: size, options: PlotOptions()) else {
                    Issue.record("\(name) does not fit \(size)")
                    continue
                }
                let buffer = plot.render(size: size)
                #expect(buffer[layout.area.x - 1, layout.area.y - 1].text == "┌", "\(name)")
                #expect(buffer[layout.area.maxX, layout.area.maxY].text == "┘", "\(name)")
            }
        }
    }

    @Test func drawingStaysInsideItsRectangle() {
        var buffer = ScreenBuffer(size: Size(width: 50, height: 20))
        for y in 0..<20 { buffer.write(String(repeating: "X", count: 50), x: 0, y: y) }
        let rect = Rect(x: 7, y: 3, width: 30, height: 12)
        PlotFixtures.lines.draw(into: &buffer, rect: rect)
        for y in 0..<20 {
            for x in 0..<50 where !rect.contains(x: x, y: y) {
                #expect(buffer[x, y].text == "X", "(\(x), \(y))")
            }
        }
        #expect(buffer[rect.x, rect.y].text != "X")
    }

    // MARK: - Values that cannot be shown

    /// NaN, ±∞ and (on a log axis) values ≤ 0 are skipped: only the one finite point lights a
    /// cell, nothing is pinned to an edge, and they do not stretch an automatic range.
    @Test func nonFinitePointsAreSkipped() {
        let bad = [Double.nan, .infinity, -.infinity]
        var points = bad.flatMap { a in [Point(a, 0.5), Point(0.5, a)] }
        points.append(Point(1.5, 0.5))
        for style in [SeriesStyle.line, .points, .markers(.dot)] {
            let plot = Plot(x: Axis(range: 0...3), y: Axis(range: 0...1), series: [Series("", points, style: style)])
            let size = Size(width: 40, height: 12)
            let layout = plot.layout(for: size, options: PlotOptions())!
            let buffer = plot.render(size: size)
            var lit: [(Int, Int)] = []
            for row in 0..<layout.area.height {
                for column in 0..<layout.area.width where buffer[layout.area.x + column, layout.area.y + row].text != " " {
                    lit.append((column, row))
                }
            }
            #expect(lit.count == 1, "\(style): \(lit)")
            #expect(lit.first.map { $0.0 == layout.column(1.5) && $0.1 == layout.row(0.5) } ?? false, "\(style)")
        }
        let log = Plot(y: Axis(scale: .log10), series: [Series("", [Point(0, -1), Point(1, 0), Point(2, 10), Point(3, .nan)], style: .points)])
        let layout = log.layout(for: Size(width: 40, height: 12), options: PlotOptions())!
        #expect(layout.y.lower == 1 && layout.y.upper == 100)
    }

    /// Values at the ends of what a double holds, on linear and log axes, automatic and
    /// explicit: a picture of the right size and no crash (a trajectory that explodes to
    /// 1.7e308 once crashed the log axis's decade rounding).
    @Test func extremeValuesNeverBreakAPlot() {
        let extremes: [[Double]] = [
            [1, 1.7e308], [1e-320, 1], [4.9e-324, 1.7e308], [-1.7e308, 1.7e308], [-1e-300, 1e-300], [1e300, 1e300 * (1 + 1e-15)],
            [0, 1e-310], [-5, .infinity, 3], [1e307, 1e308],
        ]
        let size = Size(width: 60, height: 16)
        for values in extremes {
            for scale in AxisScale.allCases {
                for explicit in [false, true] {
                    let range = explicit ? values.filter(\.isFinite).min()!...values.filter(\.isFinite).max()! : nil
                    let plot = Plot(
                        x: Axis(scale: scale, range: range), y: Axis(scale: scale, range: range),
                        series: [Series("", x: values, y: values), Series("", x: values, y: values.reversed(), style: .points)])
                    let buffer = plot.render(size: size)
                    #expect(buffer.size == size, "\(values) \(scale) explicit \(explicit)")
                    #expect((0..<size.height).allSatisfy { Self.displayWidth(buffer, row: $0) == size.width })
                }
            }
        }
        let layout = Plot(y: Axis(scale: .log10), series: [Series("", x: [0, 1], y: [1, 1.7e308])]).layout(for: size, options: PlotOptions())!
        #expect(layout.y.upper.isFinite && layout.y.upper >= 1.7e308 && layout.y.lower <= 1)
    }

    // MARK: - Heat maps

    /// A heat map computed at `heatSamples` is shown point for point: each cell's step is the
    /// step of the value at its centre (the two half-cell centres for solid Unicode).
    @Test(arguments: [PlotOptions(), PlotOptions(heatStyle: .solid), PlotOptions(ascii: true), PlotOptions(ascii: true, heatStyle: .solid)])
    func heatCellsShowTheirSamples(options: PlotOptions) {
        let size = Size(width: 50, height: 16)
        let f = { (x: Double, y: Double) in x + 10 * y }
        var plot = Plot(x: Axis(range: 0...1), y: Axis(range: 0...1),
                        heatMap: HeatMap(x: [], y: [], values: [], scale: .continuous(title: "f", scale: .linear, range: 0...11)))
        let layout = plot.layout(for: size, options: options)!
        let (xs, ys) = layout.heatSamples(options)
        plot.heatMap = HeatMap(x: xs, y: ys, values: ys.map { y in xs.map { x in f(x, y) } }, scale: plot.heatMap!.scale)
        let buffer = plot.render(size: size, options: options)
        let levels = HeatMap.levels(options.heatStyle, ascii: options.ascii)
        let ramp = ColorRamp(mapping: AxisMapping(lower: 0, upper: 11, scale: .linear), levels: levels, categories: nil)
        let halves = ys.count / layout.area.height
        for row in 0..<layout.area.height {
            for column in 0..<layout.area.width {
                let cell = buffer[layout.area.x + column, layout.area.y + row]
                let bottomSample = (layout.area.height - 1 - row) * halves
                let top = ramp.level(f(xs[column], ys[bottomSample + halves - 1]))!
                switch (options.heatStyle, halves) {
                case (.solid, 2):
                    let bottom = ramp.level(f(xs[column], ys[bottomSample]))!
                    #expect(cell.text == "▀" && cell.style.role == Role.heat(top, of: levels)
                            && cell.style.background == Role.heat(bottom, of: levels), "(\(column), \(row))")
                case (.solid, _):
                    #expect(cell.style.background == Role.heat(top, of: levels), "(\(column), \(row))")
                default:
                    #expect(cell.text == HeatMap.shades(ascii: options.ascii)[top] && cell.style.role == Role.heat(top, of: levels),
                            "(\(column), \(row))")
                }
            }
        }
    }

    /// The steps of a ramp, and NaN, ∞ and stray categories drawn as nothing.
    @Test func colorRamp() {
        let ramp = ColorRamp(mapping: AxisMapping(lower: 0, upper: 1, scale: .linear), levels: 5, categories: nil)
        #expect([0, 0.19, 0.2, 0.5, 0.99, 1, 7, -3].map { ramp.level($0) } == [0, 0, 1, 2, 4, 4, 4, 0])
        #expect(ramp.level(.nan) == nil && ramp.level(.infinity) == nil)
        let log = ColorRamp(mapping: AxisMapping(lower: 1, upper: 1e4, scale: .log10), levels: 4, categories: nil)
        #expect([1, 10, 100, 1000, 0].map { log.level($0) } == [0, 1, 2, 3, nil])
        let categories = ColorRamp(mapping: nil, levels: 5, categories: 3)
        #expect([0, 1, 2, 3, 0.5, .nan].map { categories.level($0) } == [1, 2, 3, nil, nil, nil])
        // Ten steps on ten roles; five spread over them end to end.
        #expect((0..<5).map { Role.heat($0, of: 5) } == [.heat0, .heat2, .heat5, .heat7, .heat9])
    }

    /// A blank cell (no value) stays distinct from the lowest step.
    @Test func noShadeIsBlank() {
        #expect(!HeatMap.shades(ascii: false).contains(" ") && !HeatMap.shades(ascii: true).contains(" "))
    }
}
