import Foundation
import Testing
@testable import Plot

/// Ticks: nice values (1, 2, 2.5, 3, 4 or 5 times a power of ten, evenly spaced), labels that
/// print the value exactly, explicit ranges kept, automatic ranges grown, overlap refused.
@Suite struct TickTests {
    static let everything: @Sendable (TickSet) -> Bool = { _ in true }

    /// Every step between labels is one nice step, and each label reads back as its value.
    static func expectNice(_ set: TickSet, sourceLocation: SourceLocation = #_sourceLocation) {
        let values = set.ticks.map(\.value)
        for tick in set.ticks {
            // The label is the shortest text for the value: no 0.30000000000000004.
            #expect(tick.label.count <= 8, "\(tick.label)", sourceLocation: sourceLocation)
            #expect(Double(tick.label).map { abs($0 - tick.value) <= 1e-12 * max(1, abs(tick.value)) } ?? false,
                    "\(tick.label) for \(tick.value)", sourceLocation: sourceLocation)
        }
        guard values.count >= 2 else { return }
        let step = values[1] - values[0]
        let mantissa = step / pow(10, floor(log10(step)))
        #expect([1, 2, 2.5, 3, 4, 5].contains { abs($0 - mantissa) < 1e-9 } || abs(mantissa - 10) < 1e-9,
                "step \(step)", sourceLocation: sourceLocation)
        for (a, b) in zip(values, values.dropFirst()) {
            #expect(abs((b - a) - step) <= 1e-9 * step, "uneven \(values)", sourceLocation: sourceLocation)
        }
    }

    @Test func zeroToOne() {
        let set = TickChooser.linear(0...1, target: 6, onlyInside: true, legible: Self.everything)
        #expect(set.ticks.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(set.range == 0...1)
        Self.expectNice(set)
    }

    /// The phase diagram's default σw² axis: ticks inside it, nothing below 0.5 or above 4.
    @Test func halfToFour() {
        let set = TickChooser.linear(0.5...4, target: 8, onlyInside: true, legible: Self.everything)
        #expect(set.ticks.map(\.label) == ["0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0"])
        Self.expectNice(set)
        let fewer = TickChooser.linear(0.5...4, target: 4, onlyInside: true, legible: Self.everything)
        #expect(fewer.ticks.map(\.label) == ["1", "2", "3", "4"])
    }

    /// Over twelve orders of magnitude the linear ticks are ordinary fractions; 0 counts as
    /// inside [1e-12, 1] (it is within 1e-9 of the range's length of its end).
    @Test func tinyToOne() {
        let set = TickChooser.linear(1e-12...1, target: 5, onlyInside: true, legible: Self.everything)
        Self.expectNice(set)
        #expect(set.ticks.map(\.label) == ["0.00", "0.25", "0.50", "0.75", "1.00"])
    }

    /// Tiny ranges get scientific labels, still exact.
    @Test func tinyRange() {
        let set = TickChooser.linear(0...3e-12, target: 4, onlyInside: true, legible: Self.everything)
        Self.expectNice(set)
        #expect(set.ticks.map(\.label) == ["0", "1e-12", "2e-12", "3e-12"])
        let large = TickChooser.linear(0...3e7, target: 4, onlyInside: true, legible: Self.everything)
        #expect(large.ticks.map(\.label) == ["0", "1e7", "2e7", "3e7"])
    }

    /// Negative to positive: zero is a label (simplicity rewards it).
    @Test func negativeToPositive() {
        let set = TickChooser.linear(-3.7...5.2, target: 5, onlyInside: true, legible: Self.everything)
        Self.expectNice(set)
        #expect(set.ticks.map(\.label) == ["-2.5", "0.0", "2.5", "5.0"])
        #expect(set.ticks.allSatisfy { $0.value >= -3.7 && $0.value <= 5.2 })
    }

    /// Huge magnitudes get the same nice steps as ordinary ones, scaled (the coverage term
    /// once squared them into NaN and no candidate scored).
    @Test func hugeValuesScaleLikeSmallOnes() {
        let huge = TickChooser.linear(0...4.2e176, target: 5, onlyInside: false, legible: Self.everything)
        let small = TickChooser.linear(0...4.2, target: 5, onlyInside: false, legible: Self.everything)
        #expect(huge.ticks.map(\.label) == ["0", "1e176", "2e176", "3e176", "4e176"])
        #expect(small.ticks.map(\.label) == ["0", "1", "2", "3", "4"])
    }

    /// The classic floating-point trap: 0.1 + 0.2 is not 0.3, but the label is.
    @Test func labelsAreExact() {
        let set = TickChooser.linear(0.1...0.7, target: 7, onlyInside: true, legible: Self.everything)
        #expect(set.ticks.map(\.label) == ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
        #expect(set.ticks[2].value == 0.3)
    }

    /// An automatic range grows to its outer labels.
    @Test func automaticRangeGrows() {
        let set = TickChooser.linear(0.13...3.97, target: 5, onlyInside: false, legible: Self.everything)
        #expect(set.range == 0...4)
        #expect(set.ticks.first?.value == 0 && set.ticks.last?.value == 4)
    }

    @Test func singleValue() {
        let set = TickChooser.linear(2...2, target: 5, onlyInside: true, legible: Self.everything)
        #expect(set.ticks.map(\.label) == ["2"])
        #expect(set.range.contains(2) && set.range.lowerBound < 2 && set.range.upperBound > 2)
        let zero = TickChooser.linear(0...0, target: 5, onlyInside: true, legible: Self.everything)
        #expect(zero.ticks.map(\.label) == ["0"] && zero.range == -1...1)
    }

    /// A set the layout finds illegible is never chosen: allowing at most three labels gives
    /// at most three.
    @Test func legibilityIsRespected() {
        let set = TickChooser.linear(0...10, target: 10, onlyInside: true) { $0.ticks.count <= 3 }
        #expect(set.ticks.count <= 3 && set.ticks.count >= 2)
        let none = TickChooser.linear(0...10, target: 10, onlyInside: true) { _ in false }
        #expect(none.ticks.isEmpty)
    }

    // MARK: Log axes

    @Test func decades() {
        let set = TickChooser.logarithmic(1e-12...1, target: 7, onlyInside: true, ascii: false, legible: Self.everything)
        #expect(set.ticks.count == 13)
        #expect(set.ticks.first?.label == "10⁻¹²" && set.ticks.last?.label == "1")
        let ascii = TickChooser.logarithmic(1e-12...1, target: 7, onlyInside: true, ascii: true, legible: Self.everything)
        #expect(ascii.ticks.first?.label == "1e-12")
    }

    /// Too many decades for the space: every second (or third, …) one, aligned to the stride.
    @Test func decadesThinnedToFit() {
        let set = TickChooser.logarithmic(1e-12...1, target: 7, onlyInside: true, ascii: true) { $0.ticks.count <= 7 }
        #expect(set.ticks.map(\.label) == ["1e-12", "1e-10", "1e-8", "1e-6", "1e-4", "1e-2", "1"])
    }

    @Test func everydayDecadesArePlain() {
        let set = TickChooser.logarithmic(1...1000, target: 5, onlyInside: true, ascii: false, legible: Self.everything)
        #expect(set.ticks.map(\.label) == ["1", "10", "100", "1000"])
    }

    /// Less than two decades: 1-2-5 steps.
    @Test func withinADecade() {
        let set = TickChooser.logarithmic(1.5...30, target: 5, onlyInside: true, ascii: false, legible: Self.everything)
        #expect(set.ticks.map(\.label) == ["2", "5", "10", "20"])
    }

    /// An automatic log range grows to whole decades.
    @Test func automaticLogRange() {
        let set = TickChooser.logarithmic(0.003...47, target: 5, onlyInside: false, ascii: true, legible: Self.everything)
        #expect(set.range == 0.001...100)
    }
}
