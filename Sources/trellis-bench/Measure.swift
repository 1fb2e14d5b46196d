#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Timing and memory readings for the benchmark.
enum Measure {
    /// Milliseconds taken by `body`, on the monotonic clock.
    static func milliseconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        var result: T?
        let duration = try clock.measure { result = try body() }
        let (seconds, attoseconds) = duration.components
        return (result!, Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    /// The process's peak resident set (VmHWM in /proc/self/status), in MB; nil off Linux.
    static func peakMegabytes() -> Double? { statusField("VmHWM:") }

    /// The current resident set (VmRSS), in MB.
    static func residentMegabytes() -> Double? { statusField("VmRSS:") }

    private static func statusField(_ name: String) -> Double? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 256)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(cString: buffer)
            guard line.hasPrefix(name) else { continue }
            let kilobytes = line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.flatMap { Double($0) }
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }
}

/// Order statistics of a list of timings.
struct Stats {
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    var median: Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
    var min: Double { sorted.first ?? 0 }
    var max: Double { sorted.last ?? 0 }
    /// Nearest-rank percentile.
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}

/// Fixed-width rows for the results table.
enum Table {
    static func row(_ cells: [String], widths: [Int] = [22, 6, 11, 11, 11, 10, 8, 9]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            index == 0 ? pad(pair.0, pair.1, left: true) : pad(pair.0, pair.1, left: false)
        }.joined(separator: " ")
    }

    static func number(_ value: Double?, digits: Int = 1) -> String {
        guard let value else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = "\(rounded)"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }

    private static func pad(_ text: String, _ width: Int, left: Bool) -> String {
        let gap = String(repeating: " ", count: Swift.max(0, width - text.count))
        return left ? text + gap : gap + text
    }
}
