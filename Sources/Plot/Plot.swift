import Screen

/// Options that follow from the terminal, not from the data.
public struct PlotOptions: Sendable, Equatable {
    /// Draw with ASCII only (no UTF-8 locale, or `--ascii`): the ASCII canvas, ASCII frame,
    /// shading and text.
    public var ascii: Bool
    /// The canvas for curves and points when not `ascii`.
    public var canvas: CanvasKind
    public var heatStyle: HeatStyle

    public init(ascii: Bool = false, canvas: CanvasKind = .braille, heatStyle: HeatStyle = .shaded) {
        self.ascii = ascii
        self.canvas = canvas
        self.heatStyle = heatStyle
    }

    var canvasKind: CanvasKind { ascii ? .ascii : canvas }
}

/// A plot as data: axes, series, a heat map, overlays and notes. `render(size:options:)` draws
/// it into a buffer of exactly that size (pure: no I/O, nothing computed but the picture).
///
/// Layers, bottom to top: the heat map, reference lines, the series in order (a curve added
/// later wins a shared cell's colour, so an exact curve drawn over data goes last), marker
/// glyphs, then text beside curves and points. Around the data: a frame with ticks, tick
/// labels, the title and axis titles, a colour bar for a continuous heat map, and a legend.
public struct Plot: Sendable, Equatable {
    public var title: PlotText
    public var x: Axis
    public var y: Axis
    public var series: [Series]
    public var heatMap: HeatMap?
    public var referenceLines: [ReferenceLine]
    public var markers: [Marker]
    /// Lines under the legend: what was left out and why ("μ_l = 0 at odd l ≥ 3, not drawn").
    public var notes: [PlotText]

    public init(
        title: PlotText = "", x: Axis = Axis(), y: Axis = Axis(), series: [Series] = [], heatMap: HeatMap? = nil,
        referenceLines: [ReferenceLine] = [], markers: [Marker] = [], notes: [PlotText] = []
    ) {
        self.title = title
        self.x = x
        self.y = y
        self.series = series
        self.heatMap = heatMap
        self.referenceLines = referenceLines
        self.markers = markers
        self.notes = notes
    }

    /// The smallest data area drawn; below it the plot is one "too small" line.
    public static let minimumArea = Size(width: 10, height: 3)

    /// The plot drawn into a buffer of `size`.
    public func render(size: Size, options: PlotOptions = PlotOptions()) -> ScreenBuffer {
        guard let layout = layout(for: size, options: options) else { return Self.tooSmall(size, options: options) }
        var painter = PlotPainter(plot: self, layout: layout, options: options, buffer: ScreenBuffer(size: size))
        painter.paint()
        return painter.buffer
    }

    /// What is drawn where a plot does not fit: one line saying so (cut to the width).
    public static func tooSmall(_ size: Size, options: PlotOptions) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        buffer.write("too small for a plot (\(size.width)\(options.ascii ? "x" : "×")\(size.height))", x: 0, y: 0, style: Style(.warning))
        return buffer
    }

    /// The plot drawn into `rect` of `buffer`; nothing outside `rect` changes.
    public func draw(into buffer: inout ScreenBuffer, rect: Rect, options: PlotOptions = PlotOptions()) {
        buffer.paste(render(size: Size(width: rect.width, height: rect.height), options: options), x: rect.x, y: rect.y)
    }

    /// The series' colours: their own, or the series colours in turn.
    var seriesRoles: [Role] {
        var next = 0
        return series.map { series in
            if let role = series.role { return role }
            defer { next += 1 }
            return Role.series(next)
        }
    }
}
