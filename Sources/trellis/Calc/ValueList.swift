import Foundation
import ArgumentParser

/// Parses `--sb2`-style values: a number, a comma-separated list, or range:FROM,TO,COUNT
/// (COUNT evenly spaced values, ends included).
enum ValueList {
    static let largestCount = 100_000

    static func parse(_ text: String, option: String) throws -> (values: [Double], isList: Bool) {
        if text.hasPrefix("range:") {
            let parts = text.dropFirst("range:".count).split(separator: ",", omittingEmptySubsequences: false)
            let values = try evenlySpaced(parts, largestCount: largestCount, option: option) {
                "expected range:FROM,TO,COUNT, got '\(text)'"
            }
            return (values, true)
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var values: [Double] = []
        for part in parts {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed) else {
                throw ValidationError("\(option): '\(trimmed)' is not a number (in '\(text)')")
            }
            try CalcInput.finite(value, option)
            values.append(value)
        }
        guard values.count <= largestCount else { throw ValidationError("\(option): at most \(largestCount) values") }
        return (values, parts.count > 1)
    }

    /// FROM, TO, COUNT (already split) as COUNT evenly spaced values, each part checked.
    static func evenlySpaced(
        _ parts: [Substring], largestCount: Int, option: String, malformed: () -> String
    ) throws -> [Double] {
        guard parts.count == 3, let from = Double(parts[0]), let to = Double(parts[1]), let count = Int(parts[2]) else {
            throw ValidationError("\(option): \(malformed())")
        }
        try CalcInput.finite(from, option)
        try CalcInput.finite(to, option)
        guard (1...largestCount).contains(count) else {
            throw ValidationError("\(option): COUNT must be between 1 and \(largestCount), got \(count)")
        }
        return linspace(from, to, count)
    }

    /// `count` evenly spaced values from `from` to `to`, ends exact.
    static func linspace(_ from: Double, _ to: Double, _ count: Int) -> [Double] {
        guard count > 1 else { return [from] }
        return (0..<count).map { i in
            i == count - 1 ? to : from + (to - from) * Double(i) / Double(count - 1)
        }
    }
}
