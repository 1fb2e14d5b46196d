import Foundation

/// What one run of the `trellis` binary printed and returned.
struct CLIResult {
    var stdout: String
    var stderr: String
    var status: Int32

    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastIfEmpty() }
}

extension Array where Element == String {
    fileprivate func dropLastIfEmpty() -> [String] { last == "" ? Array(dropLast()) : self }
}

/// Runs the `trellis` executable that `swift test` built beside the test bundle.
enum CLI {
    /// The binary: next to the test runner (`.build/<triple>/debug/`), else under the
    /// package's `.build/debug/`.
    static let binary: String = {
        var candidates: [String] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("trellis").path)
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("trellis").path)
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/trellis").path)
        var isFolder: ObjCBool = false
        return candidates.first { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// Runs `trellis arguments…` with a clean environment: no `TRELLIS_GARDEN` unless given,
    /// and the parse cache in a temporary folder.
    static func run(_ arguments: [String], environment extra: [String: String] = [:],
                    in directory: String? = nil) throws -> CLIResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-cli-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)

        var environment = ProcessInfo.processInfo.environment
        environment["TRELLIS_GARDEN"] = nil
        // A shell running the tests may export its size; the commands then draw at that size.
        environment["COLUMNS"] = nil
        environment["LINES"] = nil
        environment["TRELLIS_CACHE_DIR"] = scratch.appendingPathComponent("cache").path
        environment.merge(extra) { _, new in new }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Files rather than pipes: a full pipe would block the child while we wait for it.
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return CLIResult(stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self),
                         status: process.terminationStatus)
    }
}
