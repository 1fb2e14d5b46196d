import Foundation
import Screen

/// Runs `trellis` in a pseudo-terminal (so it starts its full-screen UI) and reads the moments
/// it reports through `TRELLIS_TRACE`: its first frame and its first frame with the garden.
/// Times are seconds after the spawn, on CLOCK_MONOTONIC, which every process shares. The
/// pseudo-terminal comes from util-linux's `script` (glibc hides `posix_openpt` from Swift), so
/// the figures include starting `script` too: they are upper bounds.
enum PseudoTerminalRun {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func start(binary: String, arguments: [String], cache: String, size: Size) throws -> (firstFrame: Double, browsable: Double) {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-trace-" + UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: trace) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        environment["LINES"] = String(size.height)
        environment["COLUMNS"] = String(size.width)
        environment["TRELLIS_TRACE"] = trace
        environment["TRELLIS_CACHE_DIR"] = cache
        environment["TRELLIS_CONFIG"] = "/dev/null"
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        // Drain the terminal's output so the program never blocks writing its frames.
        output.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
        let spawned = now()
        try process.run()
        var marks: [String: Double] = [:]
        let deadline = spawned + 20
        while marks["browsable"] == nil, now() < deadline, process.isRunning {
            usleep(2000)  // polling a file the child writes; the child's own timestamps are what count
            marks = readMarks(trace)
        }
        input.fileHandleForWriting.write(Data("q".utf8))
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        guard let first = marks["first-frame"], let browsable = marks["browsable"] else {
            throw Failure(description: "trellis did not report its frames (exit \(process.terminationStatus))")
        }
        return (first - spawned, browsable - spawned)
    }

    private static func readMarks(_ path: String) -> [String: Double] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var marks: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let seconds = Double(parts[1]) { marks[String(parts[0])] = seconds }
        }
        return marks
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
