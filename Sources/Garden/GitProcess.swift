import Foundation

/// One run of the `git` executable through Foundation's `Process`: arguments, never a shell;
/// stdin from a file (so a large input cannot deadlock against a full output pipe, and a git
/// that exits early cannot raise SIGPIPE in the host); stdout and stderr read to the end.
struct GitProcess: Sendable {
    let executable: String
    let environment: [String: String]

    struct Output: Sendable {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String

        /// git's own error text, one paragraph ("fatal: …", "Author identity unknown …").
        var message: String {
            let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? "git exited with status \(status)" : text
        }
    }

    /// Finds `git` on `PATH` (nil: no git, so no git features). `overrides` are added to the
    /// host's environment for every run (tests give an identity or a config this way).
    init?(overrides: [String: String] = [:]) {
        var environment = ProcessInfo.processInfo.environment
        // A host started from a git hook inherits these; they would point git at another
        // repository than the garden's.
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_OBJECT_DIRECTORY"] {
            environment[name] = nil
        }
        // Status only reads: it must not take the index lock (and so block the owner's own git
        // commands) just to refresh stat data. Nothing may ever wait for a password or an editor.
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        environment.merge(overrides) { _, new in new }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard let found = path.split(separator: ":").map({ String($0) + "/git" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        executable = found
        self.environment = environment
    }

    /// Runs `git -C directory arguments…`; nil when the process cannot be started.
    func run(_ arguments: [String], in directory: String, input: [UInt8]? = nil) -> Output? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", directory, "-c", "color.ui=false", "-c", "core.quotepath=false"] + arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        var inputFile: FileHandle?
        if let input {
            guard let handle = Self.temporaryInput(input) else { return nil }
            inputFile = handle
            process.standardInput = handle
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        defer { try? inputFile?.close() }
        do { try process.run() } catch { return nil }
        // stderr on another thread: git blocks if either pipe fills while we wait on the other.
        let errors = Collected()
        let done = DispatchSemaphore(value: 0)
        Thread {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        try? out.fileHandleForReading.close()
        try? err.fileHandleForReading.close()
        return Output(status: process.terminationStatus, stdout: Array(stdout),
                      stderr: String(decoding: errors.data, as: UTF8.self))
    }

    /// `input` in an unlinked temporary file, opened for reading from its start.
    private static func temporaryInput(_ input: [UInt8]) -> FileHandle? {
        let path = NSTemporaryDirectory() + "/trellis-git-input-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        guard FileManager.default.createFile(atPath: path, contents: Data(input)) else { return nil }
        defer { unlink(path) }
        return FileHandle(forReadingAtPath: path)
    }
}

/// Bytes handed from the stderr reader thread; the semaphore orders the write before the read.
private final class Collected: @unchecked Sendable {
    var data = Data()
}
