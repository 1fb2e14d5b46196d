import Screen

/// Where everything of a plot goes at one size: worked out before any data is drawn, so a
/// caller can ask where a heat map will be sampled (`heatSamples`), compute exactly those
/// values, and draw them. It depends on the axes, titles and legend, never on heat-map values.
public struct PlotLayout: Sendable, Equatable {
    public let size: Size
    /// The cells inside the frame, where data is drawn.
    public let area: Rect
    public let x: AxisMapping
    public let y: AxisMapping
    public let xTicks: [Tick]
    public let yTicks: [Tick]
    /// The row with the title and the y-axis title, if there is one.
    let headerRow: Int?
    let xTitleRow: Int?
    /// The legend's lines, from `legendRow` down, starting at column `legendIndent`.
    let legend: [StyledLine]
    let legendRow: Int
    let legendIndent: Int
    /// The first column of the colour bar's swatch, if the plot has one.
    let colorBarColumn: Int?
    let colorBarLabelWidth: Int

    /// The frame's columns and rows (just outside `area`).
    var frameLeft: Int { area.x - 1 }
    var frameRight: Int { area.maxX }
    var frameTop: Int { area.y - 1 }
    var frameBottom: Int { area.maxY }

    /// The column (within `area`) of an x value, or nil off the axis.
    public func column(_ value: Double) -> Int? { x.part(value, of: area.width) }

    /// The row (within `area`, 0 at the top) of a y value, or nil off the axis.
    public func row(_ value: Double) -> Int? { y.part(value, of: area.height, fromHigh: true) }

    /// The points where a heat map drawn in this layout is sampled: the centres of the cells
    /// (of the upper and lower half-cells for a solid Unicode heat map), x and y ascending.
    public func heatSamples(_ options: PlotOptions) -> (x: [Double], y: [Double]) {
        (x.centres(area.width), y.centres(area.height * Self.heatRowsPerCell(options)))
    }

    static func heatRowsPerCell(_ options: PlotOptions) -> Int {
        options.heatStyle == .solid && !options.ascii ? 2 : 1
    }

    /// Where each x tick label goes: centred under its column, kept inside the buffer.
    static func xLabelPlacements(_ ticks: [Tick], mapping: AxisMapping, area: Rect, totalWidth: Int) -> [(start: Int, width: Int)]? {
        var placements: [(start: Int, width: Int)] = []
        for tick in ticks {
            guard let column = mapping.part(tick.value, of: area.width) else { return nil }
            let width = DisplayWidth.of(tick.label)
            let centred = area.x + column - (width - 1) / 2
            placements.append((min(max(0, centred), max(0, totalWidth - width)), width))
        }
        return placements
    }
}

extension Plot {
    /// The layout at `size`, or nil when the data area would be smaller than `minimumArea`
    /// even without the legend and titles.
    public func layout(for size: Size, options: PlotOptions) -> PlotLayout? {
        let ascii = options.ascii
        var header = title.isEmpty && y.title.isEmpty ? 0 : 1
        var xTitleRows = x.title.isEmpty ? 0 : 1
        let items = legendItems(options)
        var legend = Self.flow(items.entries, notes: items.notes, width: size.width, indent: 0)
        // Rows other than the data area: header, two frame rows, x labels, x title, legend.
        func areaHeight() -> Int { size.height - header - 3 - xTitleRows - legend.count }
        var legendCut = false
        while areaHeight() < Self.minimumArea.height {
            if !legend.isEmpty {
                legend.removeLast()
                legendCut = true
            } else if xTitleRows > 0 {
                xTitleRows = 0
            } else if header > 0 {
                header = 0
            } else {
                return nil
            }
        }
        let height = areaHeight()
        guard size.width >= Self.minimumArea.width + 2 else { return nil }

        // y ticks first: the labels' width decides where the data area starts.
        let yTicks = Self.ticks(for: y, data: dataRange(y, values: yValues()), ascii: ascii, target: max(2, min(7, height / 4 + 1))) { set in
            let mapping = AxisMapping(lower: set.range.lowerBound, upper: set.range.upperBound, scale: y.scale)
            let rows = set.ticks.compactMap { mapping.part($0.value, of: height, fromHigh: true) }
            guard rows.count == set.ticks.count else { return false }
            let gap = height >= 5 ? 2 : 1
            let widest = set.ticks.map { DisplayWidth.of($0.label) }.max() ?? 0
            return widest <= max(4, size.width / 4) && zip(rows, rows.dropFirst()).allSatisfy { abs($1 - $0) >= gap }
        }
        let labelWidth = yTicks.ticks.map { DisplayWidth.of($0.label) }.max() ?? 0
        let areaX = labelWidth == 0 ? 1 : labelWidth + 2

        var colorBarLabelWidth = 0
        if case .continuous = heatMap?.scale { colorBarLabelWidth = 6 }
        func colorBarWidth() -> Int { colorBarLabelWidth == 0 ? 0 : 4 + colorBarLabelWidth }
        var width = size.width - areaX - 1 - colorBarWidth()
        if width < Self.minimumArea.width && colorBarLabelWidth > 0 {
            colorBarLabelWidth = 0
            width = size.width - areaX - 1
        }
        guard width >= Self.minimumArea.width else { return nil }
        let area = Rect(x: areaX, y: header + 1, width: width, height: height)

        let xTicks = Self.ticks(for: x, data: dataRange(x, values: xValues()), ascii: ascii, target: max(2, min(8, width / 12 + 1))) { set in
            let mapping = AxisMapping(lower: set.range.lowerBound, upper: set.range.upperBound, scale: x.scale)
            guard let placed = PlotLayout.xLabelPlacements(set.ticks, mapping: mapping, area: area, totalWidth: size.width) else { return false }
            return zip(placed, placed.dropFirst()).allSatisfy { $1.start >= $0.start + $0.width + 2 }
                && placed.allSatisfy { $0.width <= size.width }
        }

        // The legend indented to the data area when that takes no more lines.
        let indented = Self.flow(items.entries, notes: items.notes, width: size.width, indent: areaX)
        let indent = indented.count <= legend.count && legend.count > 0 ? areaX : 0
        if indent > 0 { legend = Array(indented.prefix(legend.count)) }
        // A legend cut short says so: its last line ends in an ellipsis.
        if legendCut, let last = legend.last {
            legend[legend.count - 1] = Self.endingInEllipsis(last, width: size.width - indent, ascii: ascii)
        }

        return PlotLayout(
            size: size, area: area,
            x: AxisMapping(lower: xTicks.range.lowerBound, upper: xTicks.range.upperBound, scale: x.scale),
            y: AxisMapping(lower: yTicks.range.lowerBound, upper: yTicks.range.upperBound, scale: y.scale),
            xTicks: xTicks.ticks, yTicks: yTicks.ticks,
            headerRow: header > 0 ? 0 : nil,
            xTitleRow: xTitleRows > 0 ? area.maxY + 2 : nil,
            legend: legend, legendRow: area.maxY + 2 + xTitleRows, legendIndent: indent,
            colorBarColumn: colorBarLabelWidth > 0 ? area.maxX + 2 : nil,
            colorBarLabelWidth: colorBarLabelWidth)
    }

    /// Linear or log ticks for an axis; an explicit range is kept, an automatic one grows to
    /// nice numbers.
    static func ticks(for axis: Axis, data: ClosedRange<Double>, ascii: Bool, target: Int, legible: (TickSet) -> Bool) -> TickSet {
        let explicit = axis.range != nil
        if let ticks = axis.ticks, explicit {
            let shown = ticks.filter { data.contains($0.value) }
                .map { Tick($0.value, ascii ? PlotText.transliterated($0.label) : $0.label) }
            let own = TickSet(ticks: shown, range: data)
            if legible(own) { return own }
        }
        switch axis.scale {
        case .linear:
            return TickChooser.linear(data, target: target, onlyInside: explicit, integers: axis.integers, legible: legible)
        case .log10:
            return TickChooser.logarithmic(data, target: target, onlyInside: explicit, ascii: ascii, legible: legible)
        }
    }

    /// The axis's range: the explicit one, or the span of the values it can show (a default
    /// when there are none).
    func dataRange(_ axis: Axis, values: [Double]) -> ClosedRange<Double> {
        if let range = axis.range, range.lowerBound.isFinite, range.upperBound.isFinite,
           axis.scale == .linear || range.lowerBound > 0 {
            return range
        }
        // On a linear axis the span must be a finite number: values beyond ±1e307 are left out.
        let usable = values.filter { AxisMapping.transform($0, axis.scale) != nil && (axis.scale == .log10 || abs($0) <= 1e307) }
        guard let low = usable.min(), let high = usable.max() else { return axis.scale == .log10 ? 1...10 : 0...1 }
        guard axis.scale == .linear, high > low else { return low...high }
        // A margin of 2% so that curves do not run along the frame, but never across zero.
        let margin = 0.02 * (high - low)
        return (low >= 0 ? max(0, low - margin) : low - margin)...(high <= 0 ? min(0, high + margin) : high + margin)
    }

    /// Every x value the plot shows: points that both axes can show, markers, vertical
    /// reference lines and the heat map's grid.
    func xValues() -> [Double] {
        shownPoints().map(\.x) + referenceLines.filter { $0.orientation == .vertical }.map(\.value) + (heatMap?.x ?? [])
    }

    func yValues() -> [Double] {
        shownPoints().map(\.y) + referenceLines.filter { $0.orientation == .horizontal }.map(\.value) + (heatMap?.y ?? [])
    }

    private func shownPoints() -> [Point] {
        (series.flatMap(\.points) + markers.map(\.point)).filter {
            AxisMapping.transform($0.x, x.scale) != nil && AxisMapping.transform($0.y, y.scale) != nil
        }
    }
}
