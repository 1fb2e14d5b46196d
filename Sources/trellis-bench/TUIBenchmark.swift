import App
import ArgumentParser
import Foundation
import Garden
import Screen

/// `trellis-bench tui`: the terminal UI on a synthetic garden (10,000 notes by default).
///
/// - start-up: the real `trellis` binary in a pseudo-terminal, timed from spawn to its first
///   frame and to the first frame with the whole garden (it writes both moments with
///   `TRELLIS_TRACE`), with a warm parse cache;
/// - key to frame: in this process, `App.update` + `App.view` + writing the frame's changed
///   cells as terminal output to memory (`FrameWriter`), over a scripted walk of the UI;
/// - search: the same per keystroke while typing queries into the search overlay.
struct TUIBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Measure the terminal UI's start-up, key-to-frame and search latency.")

    @Option(help: "Notes in the generated garden.") var notes = 10_000
    @Option(help: "Use this garden (generated there first if the folder does not exist).") var dir: String?
    @Option(help: "Start-up runs (the median is reported).") var runs = 7
    @Option(help: "Screen width for the in-process measurements.") var width = 160
    @Option(help: "Screen height for the in-process measurements.") var height = 48
    @Option(help: "Seed for the generated garden.") var seed: UInt64 = 1
    @Flag(help: "Skip the start-up runs (for profiling the in-process part).") var skipStartup = false

    func run() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-bench-tui-" + UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let garden = dir ?? temporary + "/garden"
        if !FileManager.default.fileExists(atPath: garden) {
            let summary = try SyntheticGarden(noteCount: notes, seed: seed).write(to: garden)
            print("generated \(summary.notes) notes, \(summary.topics) topics, \(summary.bytes / 1024) KB: \(garden)")
        }
        let cache = temporary + "/cache"
        let (loaded, primeMs) = try Measure.milliseconds { try GardenLoader.load(garden, options: .init(cacheDirectory: cache)) }
        print("garden: \(loaded.notes.count) notes, \(loaded.topics.count) topics (cache primed in \(Int(primeMs)) ms)")
        print("machine load average: \(MeanFieldBenchmark.loadAverage())")
        print("")
        if !skipStartup {
            try startup(garden: garden, cache: cache)
            print("")
        }
        interaction(loaded)
    }

    // MARK: - Start-up, in a pseudo-terminal

    private func startup(garden: String, cache: String) throws {
        var firstFrame: [Double] = []
        var browsable: [Double] = []
        for _ in 0..<runs {
            let times = try PseudoTerminalRun.start(binary: MeanFieldBenchmark.binaryFolder() + "/trellis",
                                                   arguments: ["--garden", garden], cache: cache,
                                                   size: Size(width: 120, height: 40))
            firstFrame.append(times.firstFrame * 1000)
            browsable.append(times.browsable * 1000)
        }
        print("start-up of `trellis --garden DIR` in a 120×40 pseudo-terminal, warm parse cache, \(runs) runs:")
        print(Self.row("", "median", "min", "max", "target"))
        print(Self.row("first frame", firstFrame, target: 100))
        print(Self.row("garden browsable", browsable, target: 300))
    }

    // MARK: - Keys and search, in this process

    private func interaction(_ garden: Garden) {
        let index = SearchIndex(garden)
        let size = Size(width: width, height: height)
        var (state, _) = App.start(size: size, gardenPath: "garden")
        var writer = FrameWriter()
        writer.write(App.view(state, size: size))
        let (_, loadedMs) = Measure.milliseconds {
            _ = App.update(&state, .gardenLoaded(garden))
            writer.write(App.view(state, size: size))
        }
        print("garden loaded → its first frame (update + view + write): \(String(format: "%.2f", loadedMs)) ms")
        _ = App.update(&state, .searchIndexBuilt(index))

        func timed(_ message: Message) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = App.update(&state, message)
            writer.write(App.view(state, size: size))
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }

        var keyTimes: [Double] = []
        for key in Self.walk(topics: garden.topics.count) { keyTimes.append(timed(.key(key))) }
        print("key to frame (update + view + frame written to memory), \(width)×\(height), \(keyTimes.count) keys:")
        print(Self.row("", "median", "p99", "max", "target"))
        print(Self.row("key to frame", keyTimes, target: 5, percentile: 99))

        var searchTimes: [Double] = []
        for query in ["mean field", "kernel regression", "gaussian process limit", "attention", "ntk eigenvalues", "relu"] {
            _ = timed(.key(.character("/")))
            for character in query { searchTimes.append(timed(.key(.character(character)))) }
            _ = timed(.key(.escape))
        }
        print(Self.row("search keystroke", searchTimes, target: 20, percentile: 99))
        print("(\(searchTimes.count) keystrokes over 6 queries; \(writer.bytes / 1024) KB of terminal output written in all)")
    }

    /// A scripted session: down the tree, into big topics' lists, open notes, unfold, follow
    /// links, page about, resize-free. Repeated to about 2,000 keys.
    static func walk(topics: Int) -> [Key] {
        let one: [Key] = [.character("g")] + Array(repeating: .character("j"), count: 12)
            + [.character("l"), .character("j"), .character("l"), .tab] + Array(repeating: .character("j"), count: 30)
            + [.control("d"), .control("d"), .character("G"), .character("g"), .enter, .character("a"), .character("m"),
               .character("]"), .character("]"), .control("d"), .character("G"), .character("k"), .character("g"),
               .character("h"), .character("h"), .tab, .backTab, .backTab, .character("k"), .character("h")]
        return Array(Array(repeating: one, count: 2000 / one.count + 1).joined().prefix(2000))
    }

    static func row(_ name: String, _ a: String, _ b: String, _ c: String, _ d: String) -> String {
        name.padding(toLength: 22, withPad: " ", startingAt: 0) + [a, b, c, d].map { $0.leftPadded(10) }.joined()
    }

    static func row(_ name: String, _ values: [Double], target: Double, percentile: Double? = nil) -> String {
        let stats = Stats(values)
        let middle = percentile.map { stats.percentile($0) } ?? stats.min
        return row(name, String(format: "%.2f ms", stats.median), String(format: "%.2f ms", middle),
                   String(format: "%.2f ms", stats.max), "≤ \(Int(target)) ms")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
