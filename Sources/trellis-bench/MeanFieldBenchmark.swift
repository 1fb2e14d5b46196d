import ArgumentParser
import Foundation
import SignalProp

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `trellis-bench meanfield`: times tanh phase grids (q*, χ₁, phase) of 200×200 and 1000×1000
/// points and one whole `trellis calc meanfield` process, checks the 200×200 grid against the
/// exact single-point calculator, and runs the NumPy peer (scripts/peer-meanfield-numpy.py).
struct MeanFieldBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meanfield",
        abstract: "Measure tanh phase grids and one `trellis calc meanfield` process against a NumPy peer.")

    @Option(help: "Timed runs of the 200×200 grid.") var runs = 11
    @Option(help: "Timed runs of the 1000×1000 grid.") var largeRuns = 3
    @Option(help: "Timed `trellis calc meanfield` processes.") var processRuns = 20
    @Option(help: "Check every k-th grid index (and the last) of each axis against MeanField.") var every = 10
    @Option(help: "Runs inside the NumPy peer.") var peerRuns = 5
    @Option(help: "The peer script (default: scripts/peer-meanfield-numpy.py, looked up from here and from the binary).")
    var peer: String?
    @Option(help: "The Python interpreter for the peer.") var python = "python3"
    @Flag(help: "Skip the NumPy peer.") var noPeer = false

    static let sw2Range = (0.5, 4.0)
    static let sb2Range = (0.0, 4.0)
    static let tolerance = 1e-8
    static let accuracyTarget = 1e-12

    func run() throws {
        guard runs >= 1, largeRuns >= 1, processRuns >= 1, peerRuns >= 1, every >= 1 else {
            throw ValidationError("--runs, --large-runs, --process-runs, --peer-runs and --every must be at least 1")
        }
        let small = Self.axis(Self.sw2Range, 200), smallBias = Self.axis(Self.sb2Range, 200)
        let large = Self.axis(Self.sw2Range, 1000), largeBias = Self.axis(Self.sb2Range, 1000)
        print("meanfield: tanh, sw2 in [0.5, 4], sb2 in [0, 4] (evenly spaced, ends included), q0 = 1, tol 1e-8;"
              + " \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(Self.loadAverage())")
        print("wall ms on the monotonic clock; cpu ms = this thread's (grids) or the child's user+sys (processes), median")
        print("")
        print(Self.header(last: "target"))
        fflush(nil)

        // 1. 200×200, each run a fresh PhaseGrid (its table build included).
        var grid: PhaseGrid!
        var timings = Timings()
        for _ in 0..<runs {
            grid = timings.add { Self.grid(small, smallBias) }
        }
        let smallStats = Stats(timings.wall)
        print(Self.line("grid 200×200", timings, target: 50))
        fflush(nil)

        // 2. 1000×1000.
        var largeGrid: PhaseGrid!
        timings = Timings()
        for _ in 0..<largeRuns {
            largeGrid = timings.add { Self.grid(large, largeBias) }
        }
        print(Self.line("grid 1000×1000", timings, target: 1000))
        fflush(nil)

        // 3. Whole processes.
        let binary = Self.binaryFolder() + "/trellis"
        var processOutput: String?
        if FileManager.default.isExecutableFile(atPath: binary) {
            let arguments = ["calc", "meanfield", "--phi", "tanh", "--sw2", "1.5", "--sb2", "0.05", "--json"]
            processOutput = try Spawn.capture(binary, arguments).output  // not timed: pages the binary in
            timings = Timings()
            for _ in 0..<processRuns {
                let run = try Spawn.capture(binary, arguments)
                timings.wall.append(run.ms)
                timings.cpu.append(run.cpu)
            }
            print(Self.line("trellis calc meanfield", timings, target: 20))
            timings = Timings()
            for _ in 0..<processRuns {
                let run = try Spawn.run("/bin/true", [])
                timings.wall.append(run.ms)
                timings.cpu.append(run.cpu)
            }
            print(Self.line("  spawn floor (/bin/true)", timings, target: nil))
        } else {
            print("trellis calc meanfield: skipped, no trellis binary at \(binary)")
        }
        print("")
        fflush(nil)

        // Accuracy of the 200×200 grid against the exact calculator.
        accuracy(grid, processOutput: processOutput)
        print("1000×1000 phases: \(Self.phaseCounts(largeGrid))")
        print("")
        fflush(nil)

        // 4. The peer.
        if noPeer {
            print("peer: skipped (--no-peer)")
        } else {
            try runPeer(ours: grid, oursStats: smallStats)
        }
    }

    /// Wall and CPU times of a series of runs, in ms.
    struct Timings {
        var wall: [Double] = []
        var cpu: [Double] = []

        mutating func add<T>(_ body: () -> T) -> T {
            let cpuStart = Self.threadCPU()
            let (result, ms) = Measure.milliseconds(body)
            cpu.append(Self.threadCPU() - cpuStart)
            wall.append(ms)
            return result
        }

        static func threadCPU() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
        }
    }

    static let widths = [26, 5, 10, 9, 9, 9, 9, 13]

    static func header(last: String) -> String {
        Table.row(["", "runs", "median ms", "min ms", "max ms", "first ms", "cpu ms", last], widths: widths)
    }

    static func line(_ name: String, _ timings: Timings, target: Double?) -> String {
        let wall = Stats(timings.wall)
        let cells = [name, "\(timings.wall.count)", Table.number(wall.median, digits: 2), Table.number(wall.min, digits: 2),
                     Table.number(wall.max, digits: 2), Table.number(timings.wall[0], digits: 2),
                     timings.cpu.isEmpty ? "-" : Table.number(Stats(timings.cpu).median, digits: 2),
                     target.map { "≤ \(Int($0)) " + (wall.median <= $0 ? "ok" : "MISSED") } ?? ""]
        return Table.row(cells, widths: widths)
    }

    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "?" }
        return loads.map { Table.number($0, digits: 2) }.joined(separator: " ")
    }

    // MARK: - Grids

    /// `count` evenly spaced values from `range.0` to `range.1`, computed as numpy.linspace does
    /// (k·step + start, the last set to the end), so the peer's grid is the same to the bit.
    static func axis(_ range: (Double, Double), _ count: Int) -> [Double] {
        let step = (range.1 - range.0) / Double(count - 1)
        var values = (0..<count).map { Double($0) * step + range.0 }
        values[count - 1] = range.1
        return values
    }

    static func grid(_ sw2: [Double], _ sb2: [Double]) -> PhaseGrid {
        PhaseGrid(activation: .tanh, sw2: sw2, sb2: sb2, q0: 1, tolerance: tolerance)
    }

    /// |a − b| / |b|, or |a − b| where |b| < 1; 0 where both are equal (including both ∞).
    static func error(_ value: Double, _ reference: Double) -> Double {
        if value == reference { return 0 }
        return Swift.abs(value - reference) / Swift.max(1, Swift.abs(reference))
    }

    static func phaseCounts(_ grid: PhaseGrid) -> String {
        var counts: [Phase: Int] = [:]
        for row in grid.phase { for phase in row { counts[phase, default: 0] += 1 } }
        return [Phase.ordered, .critical, .chaotic].map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")
    }

    /// Where the worst error of a set of points is.
    struct Worst {
        var error = 0.0
        var i = 0, j = 0
        var value = 0.0, reference = 0.0
        var count = 0

        mutating func add(_ value: Double, _ reference: Double, i: Int, j: Int) {
            let e = MeanFieldBenchmark.error(value, reference)
            count += 1
            if e > error || e.isNaN { (error, self.i, self.j, self.value, self.reference) = (e, i, j, value, reference) }
        }

        func describe(_ sw2: [Double], _ sb2: [Double]) -> String {
            guard count > 0 else { return "no points" }
            if error == 0 { return "max 0 (\(count) points)" }
            return "max \(sci(error)) at sw2 = \(fixed(sw2[j])), sb2 = \(fixed(sb2[i])) (\(precise(value)) vs \(precise(reference)); \(count) points)"
        }
    }

    private func accuracy(_ grid: PhaseGrid, processOutput: String?) {
        var indices = Array(stride(from: 0, to: grid.sb2.count, by: every))
        if indices.last != grid.sb2.count - 1 { indices.append(grid.sb2.count - 1) }
        var q = Worst(), chi = Worst(), phases = 0
        let (_, ms) = Measure.milliseconds {
            for i in indices {
                for j in indices {
                    let exact = Self.reference(sw2: grid.sw2[j], sb2: grid.sb2[i])
                    q.add(grid.qstar[i][j], exact.qstar, i: i, j: j)
                    chi.add(grid.chi1[i][j], exact.chi1, i: i, j: j)
                    if grid.phase[i][j] != exact.phase { phases += 1 }
                }
            }
        }
        let points = indices.count * indices.count
        print("200×200 accuracy against the direct calculation (MeanField.lengthSummary(): quadrature and root finding per point) at \(points) points (every \(every)th index and the last, each axis;"
              + " reference took \(Int(ms)) ms, \(Table.number(ms / Double(points), digits: 1)) ms a point):")
        print("  error = |ours − exact| / max(1, |exact|)   target ≤ \(sci(Self.accuracyTarget))")
        print("  q*    \(q.describe(grid.sw2, grid.sb2))  \(q.error <= Self.accuracyTarget ? "ok" : "MISSED")")
        print("  chi1  \(chi.describe(grid.sw2, grid.sb2))  \(chi.error <= Self.accuracyTarget ? "ok" : "MISSED")")
        print("  phase differs at \(phases) of \(points) points; grid phases: \(Self.phaseCounts(grid))")

        if let processOutput {
            let exact = MeanField(MeanFieldParameters(activation: .tanh, sw2: 1.5, sb2: 0.05)).compute()
            if let data = processOutput.data(using: .utf8),
               let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
               let qstar = (object["qstar"] as? NSNumber)?.doubleValue,
               let chi1 = (object["chi1"] as? NSNumber)?.doubleValue {
                print("  trellis calc meanfield --sw2 1.5 --sb2 0.05 printed q* = \(qstar), chi1 = \(chi1), phase \(object["phase"] ?? "?")"
                      + " (errors \(sci(Self.error(qstar, exact.qstar))), \(sci(Self.error(chi1, exact.chi1))))")
            } else {
                print("  trellis calc meanfield printed something unexpected: \(processOutput.prefix(200))")
            }
        }
    }

    /// The exact q*, χ₁ and phase at one point, computed directly (no table, no sweep).
    static func reference(sw2: Double, sb2: Double) -> (qstar: Double, chi1: Double, phase: Phase) {
        let calculator = MeanField(MeanFieldParameters(activation: .tanh, sw2: sw2, sb2: sb2, q0: 1, tolerance: tolerance))
        let result = calculator.lengthSummary()
        return (result.qstar, result.chi1, Phase(chi1: result.chi1, tolerance: tolerance))
    }

    // MARK: - Peer

    struct PeerOutput: Decodable {
        var method: String
        var numpy: String
        var times_ms: [Double]
        var cpu_ms: [Double]
        var sw2: [Double]
        var sb2: [Double]
        var cap: Int
        var phase_counts: [String: Int]
        var qstar: [[Double]]
        var chi1: [[Double]]
        var iterations: [[Int]]
    }

    private func peerScript() -> String? {
        if let peer { return peer }
        let name = "scripts/peer-meanfield-numpy.py"
        if FileManager.default.fileExists(atPath: name) { return name }
        var folder = URL(fileURLWithPath: Self.binaryFolder())
        for _ in 0..<6 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    private func runPeer(ours grid: PhaseGrid, oursStats: Stats) throws {
        guard let script = peerScript() else {
            print("peer: skipped, scripts/peer-meanfield-numpy.py not found (run from the package folder or pass --peer)")
            return
        }
        guard let check = try? Spawn.run(python, ["-c", "import numpy"], searchPath: true, quiet: true), check.status == 0 else {
            print("peer: skipped, `\(python) -c 'import numpy'` failed (python3 or NumPy missing)")
            return
        }
        let out = NSTemporaryDirectory() + "/trellis-bench-peer-\(getpid()).json"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = try Spawn.run(python, [script, out, "--runs", String(peerRuns)], searchPath: true, quiet: false)
        let wall = process.ms
        guard process.status == 0 else {
            print("peer: \(python) \(script) failed with status \(process.status)")
            return
        }
        let peer = try JSONDecoder().decode(PeerOutput.self, from: Data(contentsOf: URL(fileURLWithPath: out)))
        let stats = Stats(peer.times_ms)
        let axesDiffer = zip(peer.sw2, grid.sw2).filter { $0 != $1 }.count + zip(peer.sb2, grid.sb2).filter { $0 != $1 }.count
        print("peer: \(script) (NumPy \(peer.numpy); \(peer.method));"
              + " whole process \(Int(wall)) ms")
        print(Self.header(last: ""))
        print(Self.line("peer grid 200×200", Timings(wall: peer.times_ms, cpu: peer.cpu_ms), target: nil))
        print("  peer/ours (medians): \(Table.number(stats.median / oursStats.median, digits: 1))×;"
              + " min/min: \(Table.number(stats.min / oursStats.min, digits: 1))×")
        if axesDiffer > 0 { print("  WARNING: \(axesDiffer) axis values differ from ours") }

        // The peer's error against our grid: whole grid, the q* → 0 edge (sb2 = 0 row), the points
        // that hit the iteration cap, and bands of q* (the quadrature's error grows with q*).
        let n = grid.sb2.count
        var iterationCap = 0, capRows = Set<Int>()
        for i in 0..<n { for j in 0..<n where peer.iterations[i][j] >= peer.cap { iterationCap += 1; capRows.insert(i) } }
        print("  peer error against our 200×200 grid (|peer − ours| / max(1, |ours|)):")
        let bands: [(String, ClosedRange<Double>)] = [("0 < q* < 1", 0x1p-1074...0.999_999_999_999_999_9),
                                                     ("1 ≤ q* < 3", 1...2.999_999_999_999_999), ("q* ≥ 3", 3...Double.infinity)]
        for (name, theirs, ours) in [("q*", peer.qstar, grid.qstar), ("chi1", peer.chi1, grid.chi1)] {
            var all = Worst(), edge = Worst(), rest = Worst(), capped = Worst()
            var banded = [Worst](repeating: Worst(), count: bands.count)
            var errors: [Double] = []
            for i in 0..<n {
                for j in 0..<n {
                    let (value, reference) = (theirs[i][j], ours[i][j])
                    all.add(value, reference, i: i, j: j)
                    errors.append(Self.error(value, reference))
                    if grid.sb2[i] == 0 { edge.add(value, reference, i: i, j: j) } else { rest.add(value, reference, i: i, j: j) }
                    if peer.iterations[i][j] >= peer.cap { capped.add(value, reference, i: i, j: j) }
                    if grid.sb2[i] > 0, let band = bands.firstIndex(where: { $0.1.contains(grid.qstar[i][j]) }) {
                        banded[band].add(value, reference, i: i, j: j)
                    }
                }
            }
            let e = Stats(errors)
            let over = [1e-12, 1e-10, 1e-8, 1e-6].map { t in "\(errors.filter { $0 > t }.count) > \(sci(t))" }.joined(separator: ", ")
            print("    \(name)  whole grid: \(all.describe(grid.sw2, grid.sb2))")
            print("          median \(sci(e.median)), 99th percentile \(sci(e.percentile(99))); points with error \(over)")
            print("          sb2 = 0 row: \(edge.describe(grid.sw2, grid.sb2))")
            print("          capped at \(peer.cap) iterations: \(capped.describe(grid.sw2, grid.sb2))")
            print("          sb2 > 0: \(rest.describe(grid.sw2, grid.sb2))")
            for (band, worst) in zip(bands, banded) {
                print("            \(band.0): \(worst.describe(grid.sw2, grid.sb2))")
            }
        }
        let iterations = peer.iterations.flatMap { $0 }
        print("  peer iterations per point: median \(Stats(iterations.map(Double.init)).median), max \(iterations.max() ?? 0);"
              + " \(iterationCap) points hit the cap\(capRows.isEmpty ? "" : " (rows sb2 = " + capRows.sorted().map { fixed(grid.sb2[$0]) }.joined(separator: ", ") + ")")")
        var differ: [String] = []
        for i in 0..<n {
            for j in 0..<n where Phase(chi1: peer.chi1[i][j], tolerance: Self.tolerance) != grid.phase[i][j] {
                differ.append("(sw2 \(fixed(grid.sw2[j])), sb2 \(fixed(grid.sb2[i])): ours chi1 \(grid.chi1[i][j]), peer \(peer.chi1[i][j]))")
            }
        }
        let theirs = ["ordered", "critical", "chaotic"].map { "\($0) \(peer.phase_counts[$0] ?? 0)" }.joined(separator: ", ")
        print("  phases: peer \(theirs); ours \(Self.phaseCounts(grid)); \(differ.count) cells differ"
              + (differ.isEmpty ? "" : ": " + differ.prefix(4).joined(separator: ", ") + (differ.count > 4 ? ", …" : "")))
    }

    // MARK: - Formatting and processes

    /// The folder of this executable (where `swift build` also puts `trellis`).
    static func binaryFolder() -> String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path
    }
}

private func sci(_ value: Double) -> String {
    if value == 0 { return "0" }
    if !value.isFinite { return "\(value)" }
    return String(format: "%.1e", value)
}

private func fixed(_ value: Double) -> String { String(format: "%.4g", value) }

private func precise(_ value: Double) -> String { String(format: "%.10g", value) }

/// posix_spawn and waitpid, timed on the monotonic clock (Foundation's Process waits through a
/// run loop, which adds its own latency to a process that lives a few milliseconds).
enum Spawn {
    struct Run {
        var status: Int32
        /// Wall time from spawn to reaped, in ms.
        var ms: Double
        /// The child's user + system CPU time (from wait4), in ms.
        var cpu: Double
        var output: String?
    }

    /// Runs `path` with `arguments` (stdout to /dev/null; stderr passed through unless `quiet`).
    static func run(_ path: String, _ arguments: [String], searchPath: Bool = false, quiet: Bool = false) throws -> Run {
        try launch(path, arguments, searchPath: searchPath, quiet: quiet, capture: false)
    }

    /// Runs `path` with stdout captured (into a temporary file); throws if it fails.
    static func capture(_ path: String, _ arguments: [String]) throws -> (ms: Double, cpu: Double, output: String) {
        let run = try launch(path, arguments, searchPath: false, quiet: false, capture: true)
        guard run.status == 0 else { throw ValidationError("\(path) \(arguments.joined(separator: " ")) exited with \(run.status)") }
        return (run.ms, run.cpu, run.output ?? "")
    }

    private static func launch(_ path: String, _ arguments: [String], searchPath: Bool, quiet: Bool, capture: Bool) throws -> Run {
        let outPath = NSTemporaryDirectory() + "/trellis-bench-spawn-\(getpid()).out"
        defer { if capture { unlink(outPath) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, capture ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if quiet { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        var status: Int32 = 0
        var usage = rusage()
        let clock = ContinuousClock()
        let start = clock.now
        let spawned = searchPath
            ? posix_spawnp(&pid, path, &actions, nil, argv, environ)
            : posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw ValidationError("cannot run \(path): \(String(cString: strerror(spawned)))")
        }
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let (seconds, attoseconds) = (clock.now - start).components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = capture ? (try? String(contentsOfFile: outPath, encoding: .utf8)) : nil
        return Run(status: exit, ms: ms, cpu: cpu, output: output)
    }
}
