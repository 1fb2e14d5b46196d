import Foundation

/// A labelled position on an axis.
public struct Tick: Sendable, Equatable {
    public var value: Double
    public var label: String

    public init(_ value: Double, _ label: String) {
        self.value = value
        self.label = label
    }
}

/// An axis's ticks and the range they were chosen for (an automatic range grows to its outer
/// ticks).
public struct TickSet: Sendable, Equatable {
    public var ticks: [Tick]
    public var range: ClosedRange<Double>
}

/// Chooses ticks for linear and log axes. `legible` says whether a set of ticks fits the space
/// the axis has (the layout measures the labels); sets that do not are never chosen.
public enum TickChooser {
    /// Ticks on a linear axis over `range`: nice numbers (`ExtendedWilkinson`); with
    /// `onlyInside` every tick lies in the range (an explicit range), otherwise the range grows
    /// to the outer ticks. A single value gets a single tick.
    public static func linear(
        _ range: ClosedRange<Double>, target: Int, onlyInside: Bool, integers: Bool = false, legible: (TickSet) -> Bool
    ) -> TickSet {
        let lower = range.lowerBound, upper = range.upperBound
        let magnitude = max(abs(lower), abs(upper))
        guard upper - lower > 1e-12 * magnitude, upper > lower else {
            return single(lower, legible: legible)
        }
        let search = ExtendedWilkinson(lower: lower, upper: upper, target: max(2, target), onlyInside: onlyInside, integers: integers)
        func set(_ labels: ExtendedWilkinson.Labels) -> TickSet {
            let texts = NumberLabel.linear(labels)
            let ticks = zip(labels.values, texts).map { Tick($0, $1) }
            let resolved = onlyInside ? range : min(lower, labels.lower)...max(upper, labels.upper)
            return TickSet(ticks: ticks, range: resolved)
        }
        if let labels = search.best(legible: { legible(set($0)) }) { return set(labels) }
        // Nothing legible: the ends alone, then one end, then none.
        for values in [[lower, upper], [lower]] {
            let candidate = TickSet(ticks: values.map { Tick($0, NumberLabel.plain($0)) }, range: range)
            if legible(candidate) { return candidate }
        }
        return TickSet(ticks: [], range: range)
    }

    /// Ticks on a log axis (`range` positive): powers of ten, every one or every few (aligned to
    /// multiples of the stride); with fewer than two powers inside, 1-2-5 multiples; failing
    /// that, linear nice numbers placed on the log scale. Automatic ranges first grow to whole
    /// decades.
    public static func logarithmic(
        _ range: ClosedRange<Double>, target: Int, onlyInside: Bool, ascii: Bool, legible: (TickSet) -> Bool
    ) -> TickSet {
        // Doubles span 10⁻³²³ (subnormal) to 10³⁰⁸: whole decades beyond would be 0 or ∞.
        let decades = -323.0...308.0
        var lower = range.lowerBound, upper = range.upperBound
        if !onlyInside {
            let low = min(max(Foundation.log10(lower).rounded(.down), decades.lowerBound), decades.upperBound - 1)
            let high = max(min(Foundation.log10(upper).rounded(.up), decades.upperBound), decades.lowerBound + 1)
            lower = min(lower, Foundation.pow(10, low))
            upper = max(upper, Foundation.pow(10, high))
            if lower == upper { (lower, upper) = (Foundation.pow(10, low - 1), Foundation.pow(10, high + 1)) }
        }
        let resolved = lower...upper
        let lowDecade = Int(min(max((Foundation.log10(lower) - 1e-9).rounded(.up), decades.lowerBound), decades.upperBound))
        let highDecade = Int(min(max((Foundation.log10(upper) + 1e-9).rounded(.down), decades.lowerBound), decades.upperBound))
        if highDecade > lowDecade {
            let plain = lowDecade >= -3 && highDecade <= 4
            for stride in [1, 2, 3, 5, 10, 20, 25, 50, 100] {
                let decades = (lowDecade...highDecade).filter { $0 % stride == 0 }
                guard decades.count >= 2 || stride == 1 else { continue }
                let ticks = decades.map { Tick(ExtendedWilkinson.power10($0), NumberLabel.power(of: $0, plain: plain, ascii: ascii)) }
                let set = TickSet(ticks: ticks, range: resolved)
                if legible(set) { return set }
            }
        }
        // Less than two decades: 1, 2 and 5 times powers of ten inside the range.
        var values: [Double] = []
        for decade in (lowDecade - 1)...(highDecade + 1) {
            for mantissa in [1.0, 2, 5] {
                let value = mantissa * ExtendedWilkinson.power10(decade)
                if value.isFinite && value >= lower * (1 - 1e-12) && value <= upper * (1 + 1e-12) { values.append(value) }
            }
        }
        if values.count >= 2 {
            let set = TickSet(ticks: values.map { Tick($0, NumberLabel.plain($0)) }, range: resolved)
            if legible(set) { return set }
        }
        let linear = linear(resolved, target: target, onlyInside: true, legible: legible)
        return TickSet(ticks: linear.ticks, range: resolved)
    }

    private static func single(_ value: Double, legible: (TickSet) -> Bool) -> TickSet {
        let width = value == 0 ? 1 : abs(value) * 0.1
        let set = TickSet(ticks: [Tick(value, NumberLabel.plain(value))], range: (value - width)...(value + width))
        return legible(set) ? set : TickSet(ticks: [], range: set.range)
    }
}
