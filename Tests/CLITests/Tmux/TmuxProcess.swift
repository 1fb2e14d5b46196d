import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one tmux client command with posix_spawn and waitpid rather than Foundation's
/// `Process`: the first command forks the tmux server, which keeps every descriptor the client
/// had, including the one `Process` watches to learn that its child ended, so
/// `waitUntilExit` would wait for the server to exit. Here the child gets only its three
/// standard descriptors (output to files, not pipes, for the same reason), no blocked signals,
/// and is waited for by its process id.
enum TmuxProcess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-client-" + UUID().uuidString)
        let outputPath = scratch.path + ".out", errorPath = scratch.path + ".err"
        defer {
            unlink(outputPath)
            unlink(errorPath)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = spawnActionsCloseFrom(&actions, 3)

        // The calling thread (a test worker) blocks most signals, and a spawned child inherits
        // that mask: tmux, its panes and the program under test would never see SIGWINCH,
        // SIGHUP or SIGTERM. Start the child with nothing blocked and default dispositions.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw TmuxSession.Failure(description: "could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let read = { (path: String) in
            (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        }
        return Result(status: exitStatus, output: read(outputPath), errors: read(errorPath))
    }
}

/// glibc 2.34's posix_spawn_file_actions_addclosefrom_np, which the Glibc module does not
/// import: the child closes every descriptor from `lowest` up, including ones that other
/// threads opened without close-on-exec (another test's `Process` pipes).
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func spawnActionsCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32
