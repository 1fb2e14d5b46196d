import Screen

/// Draws one plot into a buffer at a computed layout, layer by layer (see `Plot`).
struct PlotPainter {
    let plot: Plot
    let layout: PlotLayout
    let options: PlotOptions
    var buffer: ScreenBuffer

    private var ascii: Bool { options.ascii }
    private var area: Rect { layout.area }
    /// Per data cell: the heat role under it (for a curve drawn on top, in solid style).
    private var heatBackground: [Role?] = []
    /// Cells that already hold text beside a curve or point (labels never overlap).
    private var labelled = Set<Int>()

    init(plot: Plot, layout: PlotLayout, options: PlotOptions, buffer: ScreenBuffer) {
        self.plot = plot
        self.layout = layout
        self.options = options
        self.buffer = buffer
    }

    mutating func paint() {
        paintFrame()
        paintTitles()
        if let heatMap = plot.heatMap {
            let levels = HeatMap.levels(options.heatStyle, ascii: ascii)
            let ramp = Self.ramp(heatMap, levels: levels)
            paintHeat(heatMap, ramp: ramp)
            if case .continuous(let title, let scale, _) = heatMap.scale { paintColorBar(ramp, title: title, scale: scale) }
        }
        paintCanvas()
        paintMarkers()
        paintLabels()
        let room = layout.size.width - layout.legendIndent
        for (offset, line) in layout.legend.enumerated() {
            let row = layout.legendRow + offset
            // A line too long for the width is cut with an ellipsis.
            let cut = line.width > room
            let ellipsis = ascii ? "..." : "…"
            let used = buffer.write(line, x: layout.legendIndent, y: row, limit: cut ? room - DisplayWidth.of(ellipsis) : nil)
            if cut { buffer.write(ellipsis, x: layout.legendIndent + used, y: row, style: Style(.muted)) }
        }
    }

    // MARK: - Frame, ticks and titles

    private mutating func paintFrame() {
        let g = ascii ? FrameGlyphs.ascii : FrameGlyphs.unicode
        let border = Style(.border)
        let (left, right, top, bottom) = (layout.frameLeft, layout.frameRight, layout.frameTop, layout.frameBottom)
        for column in (left + 1)..<right {
            buffer.write(g.horizontal, x: column, y: top, style: border)
            buffer.write(g.horizontal, x: column, y: bottom, style: border)
        }
        for row in (top + 1)..<bottom {
            buffer.write(g.vertical, x: left, y: row, style: border)
            buffer.write(g.vertical, x: right, y: row, style: border)
        }
        buffer.write(g.topLeft, x: left, y: top, style: border)
        buffer.write(g.topRight, x: right, y: top, style: border)
        buffer.write(g.bottomLeft, x: left, y: bottom, style: border)
        buffer.write(g.bottomRight, x: right, y: bottom, style: border)

        for tick in layout.yTicks {
            guard let row = layout.row(tick.value) else { continue }
            buffer.write(g.leftTick, x: left, y: area.y + row, style: border)
            let width = DisplayWidth.of(tick.label)
            buffer.write(tick.label, x: left - 1 - width, y: area.y + row, style: Style(.muted))
        }
        let placements = PlotLayout.xLabelPlacements(layout.xTicks, mapping: layout.x, area: area, totalWidth: layout.size.width) ?? []
        for (tick, placement) in zip(layout.xTicks, placements) {
            guard let column = layout.column(tick.value) else { continue }
            buffer.write(g.bottomTick, x: area.x + column, y: bottom, style: border)
            buffer.write(tick.label, x: placement.start, y: bottom + 1, style: Style(.muted))
        }
    }

    private mutating func paintTitles() {
        if let row = layout.headerRow {
            let yTitle = plot.y.title.text(ascii: ascii)
            let yWidth = buffer.write(yTitle, x: 0, y: row, style: Style(.text))
            let start = yWidth == 0 ? 0 : yWidth + 2
            let title = Self.fitted(plot.title.text(ascii: ascii), width: layout.size.width - start, ascii: ascii)
            let centred = area.x + (area.width - DisplayWidth.of(title)) / 2
            buffer.write(title, x: max(centred, start), y: row, style: Style(.title, bold: true))
        } else {
            // No room for a header row: the y title (else the title) is set into the frame's
            // top edge, so a short panel still says what it shows.
            let text = plot.y.title.isEmpty ? plot.title.text(ascii: ascii) : plot.y.title.text(ascii: ascii)
            let fitted = Self.fitted(text, width: area.width - 3, ascii: ascii)
            if !fitted.isEmpty {
                buffer.write(" " + fitted + " ", x: area.x + 1, y: layout.frameTop, style: Style(.text))
            }
        }
        if let row = layout.xTitleRow {
            let title = plot.x.title.text(ascii: ascii)
            let width = DisplayWidth.of(title)
            buffer.write(title, x: max(0, area.x + (area.width - width) / 2), y: row, style: Style(.text))
        }
    }

    /// `text` cut to `width` columns with an ellipsis at the cut.
    static func fitted(_ text: String, width: Int, ascii: Bool) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let ellipsis = ascii ? "..." : "…"
        var result = ""
        for character in text {
            if DisplayWidth.of(result) + DisplayWidth.of(character) + DisplayWidth.of(ellipsis) > width { break }
            result.append(character)
        }
        return width >= DisplayWidth.of(ellipsis) ? result + ellipsis : ""
    }

    // MARK: - Heat map

    private mutating func paintHeat(_ heatMap: HeatMap, ramp: ColorRamp) {
        let levels = ramp.levels
        let halves = PlotLayout.heatRowsPerCell(options)
        heatBackground = Array(repeating: nil, count: area.width * area.height)
        // Each sample's cell on the axes' own scales, for a sparse grid's points to fill.
        let x0 = layout.x.transformedLower, y0 = layout.y.transformedLower
        let dx = layout.x.transformedSpan / Double(area.width), dy = layout.y.transformedSpan / Double(area.height * halves)
        for row in 0..<area.height {
            for column in 0..<area.width {
                let x = layout.x.value(atFraction: (Double(column) + 0.5) / Double(area.width))
                let xCell = x0 + Double(column) * dx ..< x0 + Double(column + 1) * dx
                // The sample rows of this cell, top first.
                let samples = (0..<halves).map { half -> Int? in
                    let fromBottom = Double((area.height - 1 - row) * halves + (halves - 1 - half)) + 0.5
                    let y = layout.y.value(atFraction: fromBottom / Double(area.height * halves))
                    let yCell = y0 + (fromBottom - 0.5) * dy ..< y0 + (fromBottom + 0.5) * dy
                    return ramp.level(heatMap.value(nearest: x, y, xScale: plot.x.scale, yScale: plot.y.scale, cell: (xCell, yCell)))
                }
                guard let cell = Self.heatCell(samples, levels: levels, options: options) else { continue }
                buffer.write(cell.text, x: area.x + column, y: area.y + row, style: cell.style)
                heatBackground[row * area.width + column] = cell.background
            }
        }
    }

    /// The ramp of a heat map: its categories, or its continuous scale over the given range or
    /// the data's own (grown to nice numbers).
    static func ramp(_ heatMap: HeatMap, levels: Int) -> ColorRamp {
        switch heatMap.scale {
        case .categories(let names):
            return ColorRamp(mapping: nil, levels: levels, categories: names.count)
        case .continuous(_, let scale, let range):
            return ColorRamp(mapping: colorRange(heatMap, scale: scale, range: range), levels: levels, categories: nil)
        }
    }

    static func colorRange(_ heatMap: HeatMap, scale: AxisScale, range: ClosedRange<Double>?) -> AxisMapping {
        let values = heatMap.finiteValues(scale)
        var low = range?.lowerBound ?? values.min() ?? (scale == .log10 ? 1 : 0)
        var high = range?.upperBound ?? values.max() ?? (scale == .log10 ? 10 : 1)
        if range == nil {
            let set = scale == .linear
                ? TickChooser.linear(low...high, target: 5, onlyInside: false) { _ in true }
                : TickChooser.logarithmic(low...high, target: 5, onlyInside: false, ascii: true) { _ in true }
            (low, high) = (set.range.lowerBound, set.range.upperBound)
        }
        if !(high > low) { (low, high) = scale == .log10 ? (low / 10, low * 10) : (low - 1, low + 1) }
        return AxisMapping(lower: low, upper: high, scale: scale)
    }

    /// How a cell with these samples (top first) is drawn, and the colour a curve over it keeps.
    static func heatCell(_ samples: [Int?], levels: Int, options: PlotOptions) -> (text: String, style: Style, background: Role?)? {
        switch (options.heatStyle, samples.count) {
        case (.solid, 2):
            switch (samples[0], samples[1]) {
            case let (top?, bottom?):
                let topRole = Role.heat(top, of: levels)
                return ("▀", Style(topRole, background: Role.heat(bottom, of: levels)), topRole)
            case (let top?, nil): return ("▀", Style(Role.heat(top, of: levels)), Role.heat(top, of: levels))
            case (nil, let bottom?): return ("▄", Style(Role.heat(bottom, of: levels)), Role.heat(bottom, of: levels))
            case (nil, nil): return nil
            }
        default:
            guard let level = samples.first ?? nil else { return nil }
            let swatch = swatch(level: level, levels: levels, options: options, width: 1)
            return (swatch.text, swatch.style, options.heatStyle == .solid ? Role.heat(level, of: levels) : nil)
        }
    }

    /// A run of `width` cells showing one step of the ramp.
    static func swatch(level: Int, levels: Int, options: PlotOptions, width: Int = 2) -> (text: String, style: Style) {
        let role = Role.heat(level, of: levels)
        switch options.heatStyle {
        case .solid:
            return options.ascii
                ? (String(repeating: " ", count: width), Style(.text, background: role))
                : (String(repeating: "█", count: width), Style(role))
        case .shaded:
            let shades = HeatMap.shades(ascii: options.ascii)
            return (String(repeating: shades[min(level, shades.count - 1)], count: width), Style(role))
        }
    }

    // MARK: - Curves, points and overlays

    private mutating func paintCanvas() {
        var canvas = Canvas(kind: options.canvasKind, columns: area.width, rows: area.height)
        let width = Double(canvas.width), height = Double(canvas.height)
        func dot(_ point: Point) -> (x: Double, y: Double)? {
            guard let fx = layout.x.fraction(point.x), let fy = layout.y.fraction(point.y) else { return nil }
            return (fx * width, (1 - fy) * height)
        }
        for line in plot.referenceLines {
            switch line.orientation {
            case .horizontal:
                guard let fy = layout.y.fraction(line.value), fy >= -AxisMapping.slack, fy <= 1 + AxisMapping.slack else { continue }
                let y = min(height - 0.5, max(0.5, (1 - fy) * height))
                // Dashes a cell long (gaps as long), so that ASCII dashes are whole characters.
                canvas.line(from: (0, y), to: (width, y), role: line.role, dashed: true, dash: canvas.kind.dotsPerCell.across)
            case .vertical:
                guard let fx = layout.x.fraction(line.value), fx >= -AxisMapping.slack, fx <= 1 + AxisMapping.slack else { continue }
                let x = min(width - 0.5, max(0.5, fx * width))
                canvas.line(from: (x, 0), to: (x, height), role: line.role, dashed: true, dash: canvas.kind.dotsPerCell.down)
            }
        }
        for (series, role) in zip(plot.series, plot.seriesRoles) {
            switch series.style {
            case .line:
                // Segments between consecutive points that can be shown; a point with no such
                // neighbour is a dot.
                let dots = series.points.map(dot)
                for (index, current) in dots.enumerated() {
                    guard let b = current else { continue }
                    if index > 0, let a = dots[index - 1] {
                        canvas.line(from: a, to: b, role: role)
                    } else if index + 1 == dots.count || dots[index + 1] == nil {
                        canvas.point(x: b.x, y: b.y, role: role)
                    }
                }
            case .points:
                for point in series.points {
                    if let p = dot(point) { canvas.point(x: p.x, y: p.y, role: role) }
                }
            case .markers:
                continue
            }
        }
        for row in 0..<area.height {
            for column in 0..<area.width {
                guard let cell = canvas.cell(column: column, row: row) else { continue }
                let background = heatBackground.isEmpty ? nil : heatBackground[row * area.width + column]
                buffer.write(cell.glyph, x: area.x + column, y: area.y + row, style: Style(cell.role, background: background))
            }
        }
    }

    private mutating func paintMarkers() {
        for (series, role) in zip(plot.series, plot.seriesRoles) {
            guard case .markers(let glyph) = series.style else { continue }
            for point in series.points { mark(point, glyph.text(ascii: ascii), Style(role)) }
        }
        for marker in plot.markers {
            mark(marker.point, marker.glyph.text(ascii: ascii), Style(marker.role, bold: true))
        }
    }

    private mutating func mark(_ point: Point, _ glyph: String, _ style: Style) {
        guard let column = layout.column(point.x), let row = layout.row(point.y) else { return }
        var style = style
        if !heatBackground.isEmpty { style.background = heatBackground[row * area.width + column] }
        buffer.write(glyph, x: area.x + column, y: area.y + row, style: style, limit: 1)
    }

    /// Names beside a curve, and marker labels beside their points: to the right if they fit
    /// in the data area, else to the left; never over another label. A curve's name goes by its
    /// last visible point, or, where that spot is taken (curves that end together), by a point
    /// further back.
    private mutating func paintLabels() {
        for (series, role) in zip(plot.series, plot.seriesRoles) where series.labelAtEnd && !series.name.isEmpty {
            let visible = series.points.filter { layout.column($0.x) != nil && layout.row($0.y) != nil }
            guard !visible.isEmpty else { continue }
            let anchors = [1.0, 0.8, 0.6, 0.4, 0.2].map { visible[Int((Double(visible.count - 1) * $0).rounded())] }
            for anchor in anchors where label(series.name.text(ascii: ascii), at: anchor, style: Style(role)) { break }
        }
        for marker in plot.markers where !marker.label.isEmpty {
            label(marker.label.text(ascii: ascii), at: marker.point, style: Style(marker.role, bold: true))
        }
    }

    /// Writes a label beside a point if it fits; whether it did.
    @discardableResult
    private mutating func label(_ text: String, at point: Point, style: Style) -> Bool {
        guard let column = layout.column(point.x), let row = layout.row(point.y) else { return false }
        let width = DisplayWidth.of(text)
        for start in [column + 1, column - width] where start >= 0 && start + width <= area.width {
            let cells = (start..<(start + width)).map { row * area.width + $0 }
            guard labelled.isDisjoint(with: cells) else { continue }
            labelled.formUnion(cells)
            buffer.write(text, x: area.x + start, y: area.y + row, style: style)
            return true
        }
        return false
    }

    // MARK: - Colour bar

    private mutating func paintColorBar(_ ramp: ColorRamp, title: PlotText, scale: AxisScale) {
        guard let column = layout.colorBarColumn, let mapping = ramp.mapping else { return }
        let levels = ramp.levels
        let height = area.height
        for row in 0..<height {
            let value = mapping.value(atFraction: (Double(height - 1 - row) + 0.5) / Double(height))
            guard let level = ramp.level(value) else { continue }
            let swatch = Self.swatch(level: level, levels: levels, options: options)
            buffer.write(swatch.text, x: column, y: area.y + row, style: swatch.style)
        }
        let labelWidth = layout.colorBarLabelWidth
        let range = mapping.lower...mapping.upper
        let legible = { (set: TickSet) -> Bool in
            let rows = set.ticks.compactMap { mapping.part($0.value, of: height, fromHigh: true) }
            return rows.count == set.ticks.count && set.ticks.allSatisfy { DisplayWidth.of($0.label) <= labelWidth }
                && zip(rows, rows.dropFirst()).allSatisfy { abs($1 - $0) >= (height >= 5 ? 2 : 1) }
        }
        let target = max(2, min(6, height / 3 + 1))
        let ticks = scale == .linear
            ? TickChooser.linear(range, target: target, onlyInside: true, legible: legible)
            : TickChooser.logarithmic(range, target: target, onlyInside: true, ascii: ascii, legible: legible)
        for tick in ticks.ticks {
            guard let row = mapping.part(tick.value, of: height, fromHigh: true) else { continue }
            buffer.write(tick.label, x: column + 3, y: area.y + row, style: Style(.muted))
        }
        buffer.write(title.text(ascii: ascii), x: column, y: layout.frameTop, style: Style(.text), limit: labelWidth + 3)
    }
}

/// The frame's characters.
struct FrameGlyphs {
    var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight, leftTick, bottomTick: String

    static let unicode = FrameGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", leftTick: "┤", bottomTick: "┬")
    static let ascii = FrameGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", leftTick: "+", bottomTick: "+")
}
