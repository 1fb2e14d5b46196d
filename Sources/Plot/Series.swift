import Screen

/// A data point.
public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// A glyph in the two spellings a plot may use.
public struct Glyph: Sendable, Equatable {
    public var unicode: String
    public var ascii: String
    public init(_ unicode: String, ascii: String) {
        self.unicode = unicode
        self.ascii = ascii
    }

    public func text(ascii useASCII: Bool) -> String { useASCII ? ascii : unicode }

    public static let dot = Glyph("•", ascii: "o")
    public static let diamond = Glyph("◆", ascii: "X")
    public static let cross = Glyph("×", ascii: "x")
}

/// How a series is drawn.
public enum SeriesStyle: Sendable, Equatable {
    /// Segments between consecutive points on the canvas (a gap where a point cannot be shown).
    case line
    /// One canvas dot per point.
    case points
    /// A glyph in the cell of each point.
    case markers(Glyph)
}

/// A named sequence of points.
public struct Series: Sendable, Equatable {
    public var name: PlotText
    public var points: [Point]
    public var style: SeriesStyle
    /// nil: the next series colour.
    public var role: Role?
    /// Writes the name beside the curve's last visible point, so curves can be told apart
    /// without colour.
    public var labelAtEnd: Bool

    public init(_ name: PlotText, _ points: [Point], style: SeriesStyle = .line, role: Role? = nil, labelAtEnd: Bool = false) {
        self.name = name
        self.points = points
        self.style = style
        self.role = role
        self.labelAtEnd = labelAtEnd
    }

    public init(_ name: PlotText, x: [Double], y: [Double], style: SeriesStyle = .line, role: Role? = nil, labelAtEnd: Bool = false) {
        self.init(name, zip(x, y).map { Point($0, $1) }, style: style, role: role, labelAtEnd: labelAtEnd)
    }
}

/// A dashed line across the whole plot at a fixed value (χ₁ = 1, q*).
public struct ReferenceLine: Sendable, Equatable {
    public enum Orientation: Sendable, Equatable {
        /// y = value.
        case horizontal
        /// x = value.
        case vertical
    }

    public var orientation: Orientation
    public var value: Double
    /// Shown in the legend (nothing when empty).
    public var label: PlotText
    public var role: Role

    public init(_ orientation: Orientation, at value: Double, label: PlotText = "", role: Role = .reference) {
        self.orientation = orientation
        self.value = value
        self.label = label
        self.role = role
    }
}

/// A marked point: a glyph at the point, an optional short label beside it, and an optional
/// longer entry in the legend (the point's values).
public struct Marker: Sendable, Equatable {
    public var point: Point
    public var glyph: Glyph
    public var label: PlotText
    public var legend: PlotText
    public var role: Role

    public init(_ point: Point, glyph: Glyph = .diamond, label: PlotText = "", legend: PlotText = "", role: Role = .highlight) {
        self.point = point
        self.glyph = glyph
        self.label = label
        self.legend = legend
        self.role = role
    }
}
