import Screen

/// Plots stacked top to bottom, sharing the height (the first gets any spare row): two panels
/// for quantities on different scales (q_l and c_l; K and Θ).
public struct PlotStack: Sendable, Equatable {
    public var plots: [Plot]

    public init(_ plots: [Plot]) { self.plots = plots }

    /// The panels' sizes at `size`.
    public func sizes(_ size: Size) -> [Size] {
        let count = max(1, plots.count)
        return plots.indices.map { index in
            Size(width: size.width, height: size.height / count + (index == 0 ? size.height % count : 0))
        }
    }

    /// The panels drawn one under another; if any would be too small, one "too small" line.
    public func render(size: Size, options: PlotOptions = PlotOptions()) -> ScreenBuffer {
        let sizes = sizes(size)
        if plots.count == 1 { return plots[0].render(size: size, options: options) }
        guard !plots.isEmpty, zip(plots, sizes).allSatisfy({ $0.layout(for: $1, options: options) != nil }) else {
            return Plot.tooSmall(size, options: options)
        }
        var buffer = ScreenBuffer(size: size)
        var top = 0
        for (plot, panel) in zip(plots, sizes) {
            plot.draw(into: &buffer, rect: Rect(x: 0, y: top, width: panel.width, height: panel.height), options: options)
            top += panel.height
        }
        return buffer
    }
}
