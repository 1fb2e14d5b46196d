import Foundation
import Garden
import Testing

/// `trellis set` killed with SIGKILL at random moments: every note stays byte-identical to
/// its previous complete version or its new one, and `trellis check` still reads it. The
/// suite's short version of `scripts/crash-test` (100 kills here; the script runs 1,000 and
/// its result is in the README).
@Suite struct CrashTests {
    static let runs = 100

    /// LF, CRLF with a comment, a byte-order mark without a final newline, a block tag list.
    static let notes: [String: String] = [
        "papers/lf.md": "---\ntitle: An LF paper\nyear: 2018\nstatus: unread\ntags: [kernels]\n---\n\n## Notes\n\n\(String(repeating: "Words of the owner. ", count: 200))\n",
        "papers/crlf.md": "---\r\ntitle: A CRLF paper\r\n# a comment\r\nstatus: reading  # todo\r\n---\r\nBody\r\n",
        "papers/bom.md": "\u{FEFF}---\ntitle: A BOM paper\nyear: 2020\n---\nBody without a final newline",
        "items/block.md": "---\ntitle: An item\nkind: item\ntags:\n  - todo\n---\nJust do it.\n",
    ]

    /// The edits in turn; each is also made in memory, by the editor `set` uses, to know the
    /// new complete version.
    static func edit(_ run: Int) -> (arguments: [String], edits: [NoteEdit]) {
        switch (run / notes.count) % 3 {
        case 0:
            let status = [ReadStatus.read, .reading, .unread][(run / 12) % 3]
            return (["--status", status.rawValue], [.status(status)])
        case 1: return (["--add-tag", "crash-\(run)"], [.addTag("crash-\(run)")])
        default: return (["--title", "Title after run \(run)"], [.title("Title after run \(run)")])
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func everyNoteSurvivesKillsDuringSaves() throws {
        let garden = FixtureGarden()
        garden.write("index.md", "---\ntitle: Crash test\n---\n")
        for (path, text) in Self.notes { garden.write(path, text) }
        let cache = garden.base + "/cache"
        let paths = Self.notes.keys.sorted()
        func read(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: garden.root + "/" + path))) }

        // Kills spread over a whole save's life: up to 1.2 × the median of whole saves.
        var durations: [Double] = []
        for tag in ["warm", "up", "runs"] {
            let start = Date()
            #expect(try Killable.run(["set", "lf", "--add-tag", tag, "--garden", garden.root], cache: cache, killAfter: nil) == 0)
            durations.append(Date().timeIntervalSince(start))
        }
        let maxDelay = 1.2 * durations.sorted()[1]

        var killedBefore = 0, killedAfter = 0, finished = 0
        var generator = SystemRandomNumberGenerator()
        for run in 0..<Self.runs {
            let path = paths[run % paths.count]
            let before = try Dictionary(uniqueKeysWithValues: paths.map { ($0, try read($0)) })
            let (arguments, edits) = Self.edit(run)
            var editor = FrontMatterEditor(String(decoding: before[path]!, as: UTF8.self))
            _ = edits.map { $0.apply(to: &editor) }
            let after = Array(editor.text.utf8)

            let status = try Killable.run(["set", path.fileName.droppingExtension] + arguments + ["--garden", garden.root],
                                          cache: cache, killAfter: Double.random(in: 0...maxDelay, using: &generator))
            for note in paths {
                let now = try read(note)
                let allowed = note == path ? [before[note]!, after] : [before[note]!]
                let whole = allowed.contains(now)  // not in the expectation: it would print every byte
                try #require(whole, "run \(run): \(note) is neither its old nor its new version (\(now.count) bytes)")
            }
            if status == 0 { finished += 1 } else if try read(path) == before[path] { killedBefore += 1 } else { killedAfter += 1 }
            let check = try CLI.run(["check", "--no-cache", "--garden", garden.root])
            #expect(!check.stdout.contains(": error:"), "run \(run): \(check.stdout)")
        }
        // Temporary files left by a kill are hidden, so the loader never reads them.
        let left = FileManager.default.enumerator(atPath: garden.root)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".tmp") }
        #expect(left.allSatisfy { $0.fileName.hasPrefix(".") && $0.fileName.contains(".trellis-") }, "\(left)")
        #expect(killedBefore + killedAfter > 0, "no run was killed: the test proved nothing")
        print("CrashTests: \(Self.runs) runs, kills after 0–\(Int(maxDelay * 1000)) ms: \(finished) finished, "
              + "\(killedBefore) killed before the rename, \(killedAfter) after it, \(left.count) temporary files left")
    }
}

/// A `trellis` child started with posix_spawn and reaped only by us: until `waitpid`, its pid
/// cannot be reused, so the SIGKILL can never reach another process (Foundation's `Process`
/// reaps its children on its own thread, which would leave that window open).
enum Killable {
    /// The exit status (0…255), or 128 + the signal that ended it.
    static func run(_ arguments: [String], cache: String, killAfter seconds: Double?) throws -> Int32 {
        let argv = ([CLI.binary] + arguments).map { strdup($0) } + [nil]
        var environment = ProcessInfo.processInfo.environment
        environment["TRELLIS_CACHE_DIR"] = cache
        environment["TRELLIS_GARDEN"] = nil
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, CLI.binary, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        if let seconds {
            usleep(UInt32(seconds * 1_000_000))
            kill(pid, SIGKILL)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + status & 0x7f
    }
}
