import Foundation
import Plot
import Screen

/// Plots of every kind, built from closed-form data, for the snapshot and invariant tests.
enum PlotFixtures {
    /// sin and cos over one period, with y = 0 as a reference line and a marked point.
    static let lines: Plot = {
        let x = (0...120).map { 2 * Double.pi * Double($0) / 120 }
        return Plot(
            title: "sin and cos over one period",
            x: Axis("x", range: 0...(2 * Double.pi)),
            y: Axis("y"),
            series: [Series("sin x", x: x, y: x.map(sin), labelAtEnd: true), Series("cos x", x: x, y: x.map(cos), labelAtEnd: true)],
            referenceLines: [ReferenceLine(.horizontal, at: 0, label: "y = 0")],
            markers: [Marker(Point(Double.pi, 0), label: "π", legend: "sin π = 0")])
    }()

    /// 2^−l as markers and 3^−l as single dots on a log axis, with a note.
    static let scatter: Plot = {
        let l = (0...20).map(Double.init)
        return Plot(
            title: "two geometric sequences",
            x: Axis("degree l"), y: Axis("μ_l", scale: .log10),
            series: [
                Series("2^-l", x: l, y: l.map { pow(2, -$0) }, style: .markers(.dot)),
                Series("3^-l", x: l, y: l.map { pow(3, -$0) }, style: .points),
            ],
            notes: ["odd l of a third series vanish: not drawn"])
    }()

    /// 1/x on log–log axes.
    static let logLog = Plot(
        title: "1/x", x: Axis("n", scale: .log10), y: Axis("error", scale: .log10),
        series: [Series("1/n", x: (0...60).map { pow(10, Double($0) / 20) }, y: (0...60).map { pow(10, -Double($0) / 20) })])

    /// x·y on the unit square with y = x² over it and a marked point: the heat map computed at
    /// the layout's own sample points.
    static func heat(size: Size, options: PlotOptions) -> Plot {
        var plot = Plot(
            title: "x·y with y = x²",
            x: Axis("x", range: 0...1), y: Axis("y", range: 0...1),
            series: [Series("y = x²", x: (0...50).map { Double($0) / 50 }, y: (0...50).map { pow(Double($0) / 50, 2) }, role: .highlight)],
            heatMap: HeatMap(x: [], y: [], values: [], scale: .continuous(title: "x·y", scale: .linear, range: nil)),
            markers: [Marker(Point(0.5, 0.75), legend: "(0.5, 0.75)")])
        if let layout = plot.layout(for: size, options: options) {
            let (x, y) = layout.heatSamples(options)
            plot.heatMap = HeatMap(x: x, y: y, values: y.map { b in x.map { a in a * b } }, scale: plot.heatMap!.scale)
        }
        return plot
    }

    /// Two categories split by the diagonal, a vertical reference line at x = 0.5.
    static let categories: Plot = {
        let grid = (0..<40).map { (Double($0) + 0.5) / 40 }
        return Plot(
            title: "above or below the diagonal",
            x: Axis("x", range: 0...1), y: Axis("y", range: 0...1),
            heatMap: HeatMap(x: grid, y: grid, values: grid.map { y in grid.map { x in y > x ? 1 : 0 } }, scale: .categories(["below", "above"])),
            referenceLines: [ReferenceLine(.vertical, at: 0.5, label: "x = 0.5")])
    }()

    static func all(size: Size, options: PlotOptions) -> [(name: String, plot: Plot)] {
        [("lines", lines), ("scatter", scatter), ("loglog", logLog), ("heat", heat(size: size, options: options)), ("categories", categories)]
    }
}
