import ArgumentParser
import Foundation
import Garden

/// `trellis-bench garden`: loads a garden cold (no cache) and warm (cache present), runs
/// searches, and reports times and peak memory. Each phase runs in its own process, because
/// the peak resident set (VmHWM) only ever grows: a warm load measured after a cold one would
/// report the cold load's Yams parsing.
struct GardenBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "garden",
        abstract: "Measure loading and searching a (synthetic) garden.")

    enum Phase: String, ExpressibleByArgument, CaseIterable {
        /// Load without a cache: every file is read and parsed.
        case cold
        /// One load that writes the cache (not timed; it has cold load's memory profile).
        case prime
        /// Loads with the cache present.
        case warm
        /// A warm load, then index building and queries.
        case search
    }

    @Option(help: "Notes in the generated garden.") var notes = 10_000
    @Option(help: "How many search queries to time.") var searches = 100
    @Option(help: "Use this garden (generated there first if the folder does not exist).") var dir: String?
    @Option(help: "Timed runs per load phase (the median is reported).") var runs = 5
    @Option(help: "Seed for the generated garden.") var seed: UInt64 = 1
    @Option(help: "Run only this phase in this process (used by the driver).") var phase: Phase?
    @Option(help: "Parse-cache folder (default: a fresh temporary one).") var cacheDir: String?

    func run() throws {
        if let phase {
            guard let dir, let cacheDir else { throw ValidationError("--phase needs --dir and --cache-dir") }
            try PhaseRunner(garden: dir, cacheDirectory: cacheDir, runs: runs, searches: searches).run(phase)
        } else {
            try drive()
        }
    }

    /// Prepares the garden and the cache folder, then runs each phase in a child process.
    private func drive() throws {
        var cleanup: [String] = []
        defer { for path in cleanup { try? FileManager.default.removeItem(atPath: path) } }
        let garden: String
        if let dir {
            garden = dir
        } else {
            garden = try temporaryFolder("trellis-bench-garden")
            cleanup.append(garden)
        }
        if !FileManager.default.fileExists(atPath: garden) || garden != dir {
            let (summary, ms) = try Measure.milliseconds { try SyntheticGarden(noteCount: notes, seed: seed).write(to: garden) }
            print("generated \(summary.notes) notes, \(summary.topics) topics, \(summary.bytes / 1024) KB in \(Int(ms)) ms: \(garden)")
        }
        let cache: String
        if let cacheDir {
            cache = cacheDir
        } else {
            cache = try temporaryFolder("trellis-bench-cache")
            cleanup.append(cache)
        }
        print("garden \(garden), cache \(cache), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("")
        print(Table.row(["phase", "runs", "median ms", "min ms", "max ms", "peak MB", "notes", "problems"]))
        fflush(nil)  // all streams: the children write to the same terminal
        for phase in Phase.allCases {
            try runChild(phase, garden: garden, cache: cache)
        }
    }

    private func runChild(_ phase: Phase, garden: String, cache: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["garden", "--phase", phase.rawValue, "--dir", garden, "--cache-dir", cache,
                             "--runs", String(runs), "--searches", String(searches)]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw ValidationError("phase \(phase.rawValue) failed with status \(process.terminationStatus)")
        }
    }

    private func temporaryFolder(_ prefix: String) throws -> String {
        var template = Array((NSTemporaryDirectory() + "/\(prefix)-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ValidationError("cannot create a temporary folder") }
        return String(cString: made)
    }
}
