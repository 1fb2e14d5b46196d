import Foundation

/// How data values are spread along an axis.
public enum AxisScale: String, Sendable, CaseIterable {
    case linear
    /// Base-10 logarithmic: equal ratios take equal lengths; values ≤ 0 cannot be shown.
    case log10
}

/// One axis of a plot as the caller describes it: a title, a scale, and a range that is either
/// given (kept exactly; ticks stay inside it) or found from the data (widened to nice numbers).
public struct Axis: Sendable, Equatable {
    public var title: PlotText
    public var scale: AxisScale
    /// nil: automatic, from the data.
    public var range: ClosedRange<Double>?
    /// Ticks of the caller's own (θ at 0, π/4, …, π), used when their labels fit; nil: chosen
    /// by `TickChooser`.
    public var ticks: [Tick]?
    /// Whole numbers only (layers, degrees): no tick at 0.5.
    public var integers: Bool

    public init(
        _ title: PlotText = "", scale: AxisScale = .linear, range: ClosedRange<Double>? = nil, ticks: [Tick]? = nil, integers: Bool = false
    ) {
        self.title = title
        self.scale = scale
        self.range = range
        self.ticks = ticks
        self.integers = integers
    }
}

/// A resolved axis: where each value falls, as a fraction of the axis length (0 at the low end,
/// 1 at the high end), in the axis's scale.
public struct AxisMapping: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let scale: AxisScale
    private let low: Double
    private let span: Double

    /// `lower < upper`, both finite (and positive on a log scale); `PlotLayout` makes sure.
    public init(lower: Double, upper: Double, scale: AxisScale) {
        self.lower = lower
        self.upper = upper
        self.scale = scale
        low = AxisMapping.transform(lower, scale) ?? 0
        span = (AxisMapping.transform(upper, scale) ?? 1) - low
    }

    /// The value in the axis's own coordinate (log10 of it on a log axis), or nil for a value
    /// the axis cannot show: NaN, ±∞, and ≤ 0 on a log axis.
    public static func transform(_ value: Double, _ scale: AxisScale) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear: return value
        case .log10: return value > 0 ? Foundation.log10(value) : nil
        }
    }

    /// The lower end and the length in the axis's own coordinate (decades on a log axis).
    public var transformedLower: Double { low }
    public var transformedSpan: Double { span }

    /// Where `value` falls: 0 at `lower`, 1 at `upper`, outside [0, 1] beyond them; nil when
    /// the axis cannot show it.
    public func fraction(_ value: Double) -> Double? {
        guard let t = AxisMapping.transform(value, scale) else { return nil }
        return (t - low) / span
    }

    /// The value at a fraction of the axis (the inverse of `fraction`).
    public func value(atFraction f: Double) -> Double {
        let t = low + f * span
        switch scale {
        case .linear: return t
        case .log10: return Foundation.pow(10, t)
        }
    }

    /// The values at the centres of `count` equal parts of the axis, low to high: where a heat
    /// map is sampled so that each cell shows the value at its middle.
    public func centres(_ count: Int) -> [Double] {
        (0..<max(0, count)).map { value(atFraction: (Double($0) + 0.5) / Double(count)) }
    }

    /// The part (0..<count) that `value` falls in, counted from the low end, or nil outside
    /// the axis (a value exactly at `upper` is in the last part). With `fromHigh`, parts are
    /// counted from the high end, as screen rows are; a value on the border between two parts
    /// is in the part after it in the counting direction, as `Canvas` rounds dots.
    public func part(_ value: Double, of count: Int, fromHigh: Bool = false) -> Int? {
        guard count > 0, let f = fraction(value), f >= -AxisMapping.slack, f <= 1 + AxisMapping.slack else { return nil }
        return min(count - 1, max(0, Int(((fromHigh ? 1 - f : f) * Double(count)).rounded(.down))))
    }

    /// How far past an end a value may be and still count as on the axis: the rounding of a
    /// range's own ends (1e-9 of the length), not a real overshoot.
    static let slack = 1e-9
}
