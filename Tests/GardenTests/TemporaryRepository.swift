import Foundation
@testable import Garden

/// A git repository made by a test in its own temporary folder, with the garden as a
/// sub-folder (its name holds a space) beside files that are not the garden's. Removed on deinit.
final class TemporaryRepository {
    let top: String
    let root: String

    /// What every git run of a test sees: an identity, and no user or system configuration
    /// (a developer's `commit.gpgsign` or hooks path must not change what is tested).
    static let environment = [
        "GIT_AUTHOR_NAME": "Test Owner", "GIT_AUTHOR_EMAIL": "owner@example.org",
        "GIT_COMMITTER_NAME": "Test Owner", "GIT_COMMITTER_EMAIL": "owner@example.org",
        "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
    ]

    init(garden: String = "my garden") {
        top = NSTemporaryDirectory() + "/trellis-git-tests-" + UUID().uuidString
        root = garden.isEmpty ? top : top + "/" + garden
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        git("init", "-q", "-b", "main")
    }

    deinit { try? FileManager.default.removeItem(atPath: top) }

    /// The garden as a host opens it (with the test identity).
    func open(environment extra: [String: String] = [:]) -> GitGarden? {
        GitGarden.open(root, environment: Self.environment.merging(extra) { _, new in new })
    }

    /// Runs git in the repository's top folder; its stdout. Fails the test process on error:
    /// a fixture that cannot be built is no test.
    @discardableResult
    func git(_ arguments: String...) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=false", "-C", top] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { _, new in new }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try! process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "git \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes a file of the garden (folders made as needed).
    func write(_ path: String, _ text: String) { writeTop(relative(path), text) }

    /// Writes a file relative to the repository's top folder.
    func writeTop(_ path: String, _ text: String) {
        let full = top + "/" + path
        try! FileManager.default.createDirectory(atPath: full.folder, withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: full, contents: Data(text.utf8)))
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    func move(_ from: String, _ to: String) {
        try! FileManager.default.createDirectory(atPath: (root + "/" + to).folder, withIntermediateDirectories: true)
        try! FileManager.default.moveItem(atPath: root + "/" + from, toPath: root + "/" + to)
    }

    func remove(_ path: String) { try! FileManager.default.removeItem(atPath: root + "/" + path) }

    /// Applies note edits as `trellis set` and the browser do.
    func edit(_ path: String, _ edits: NoteEdit...) { _ = try! NoteEdit.apply(edits, toFileAt: root + "/" + path) }

    /// Everything in the work tree committed as it is.
    func commitAll(_ message: String = "fixture") {
        git("add", "-A")
        git("commit", "-q", "-m", message)
    }

    /// The path from the repository's top.
    func relative(_ path: String) -> String { root == top ? path : String(root.dropFirst(top.count + 1)) + "/" + path }
}
