import Foundation

/// The garden as part of a git work tree: which notes have uncommitted changes, a commit
/// message naming what changed, a commit of the garden alone, one note's diff. Everything
/// goes through the `git` executable (`git -C <garden root> …`); the garden may be a
/// sub-folder of a bigger repository, and only its own paths are ever read, staged or
/// committed. Every call blocks while git runs: hosts call it off their main loop.
public struct GitGarden: Sendable {
    /// The garden folder, as given.
    public let root: String
    /// The garden's path inside the repository, "" or ending in "/" ("notes/garden/").
    public let prefix: String
    let git: GitProcess

    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// git could not be started (it was found when the garden was opened).
        case cannotRun(String)
        /// git ran and failed: the command and git's own error text.
        case failed(command: String, message: String)

        public var description: String {
            switch self {
            case .cannotRun(let command): return "cannot run \(command)"
            case .failed(let command, let message): return "\(command) failed: \(message)"
            }
        }
    }

    /// The garden at `root` if it is inside a git work tree and git can be run; nil otherwise
    /// (no git, not a repository, a repository git refuses to read, or a folder the
    /// repository ignores) — never an error: the host then simply offers no git features.
    /// `environment` is added to the host's for every git run (tests set an identity there).
    public static func open(_ root: String, environment: [String: String] = [:]) -> GitGarden? {
        guard let git = GitProcess(overrides: environment),
              let output = git.run(["rev-parse", "--is-inside-work-tree", "--show-prefix"], in: root),
              output.status == 0 else { return nil }
        let lines = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "true", lines.count >= 2 else { return nil }
        let prefix = String(lines[1])
        let garden = GitGarden(root: root, prefix: prefix, git: git)
        // An ignored garden (a home folder under git with `garden/` in .gitignore) is not the
        // repository's to commit.
        if !prefix.isEmpty, let ignored = git.run(["check-ignore", "-q", "--", "."], in: root), ignored.status == 0 {
            return nil
        }
        return garden
    }

    /// Garden-relative paths of the notes (visible Markdown files, as the loader reads them)
    /// with uncommitted changes: modified, added or untracked, deleted, moved (a move is the
    /// old and the new path), sorted. One `git status`; cheap enough for a status bar.
    public func uncommittedNotes() throws(Failure) -> [String] {
        try changedPaths().filter { Self.isMarkdown($0) && !Self.isHidden($0) }
    }

    /// Every garden-relative path git reports as changed against HEAD's tree, hidden files
    /// (the trash) included, sorted and unique. Renames are not paired by git: a move is
    /// its two paths, which `changes()` pairs by file name.
    func changedPaths() throws(Failure) -> [String] {
        let output = try run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames",
                              "--ignore-submodules=all", "--", "."], accepting: [0])
        // Entries are `XY path\0`; a rename or copy (only if renames were on after all) is
        // followed by its original path as one more NUL-terminated field.
        var paths = Set<String>()
        var fields = output.stdout.split(separator: 0, omittingEmptySubsequences: true)[...]
        while let field = fields.popFirst() {
            guard field.count > 3 else { continue }
            let status = field.prefix(2)
            let repoPath = String(decoding: field.dropFirst(3), as: UTF8.self)
            if status.contains(UInt8(ascii: "R")) || status.contains(UInt8(ascii: "C")) {
                if let original = fields.popFirst() { insert(String(decoding: original, as: UTF8.self), into: &paths) }
            }
            insert(repoPath, into: &paths)
        }
        return paths.sorted()
    }

    private func insert(_ repoPath: String, into paths: inout Set<String>) {
        guard repoPath.hasPrefix(prefix) else { return }
        paths.insert(String(repoPath.dropFirst(prefix.count)))
    }

    /// Stages everything in the garden (and nothing outside it) and commits exactly the
    /// garden's paths, so that whatever the owner staged elsewhere stays staged and
    /// uncommitted. Returns the new commit's abbreviated hash. git's own words on failure
    /// (no `user.name`, a hook that refused, a merge in progress); no identity is invented.
    @discardableResult
    public func commit(message: String) throws(Failure) -> String {
        // Temporary files a killed write left behind are never the owner's.
        try run(["add", "-A", "--", ".", ":(exclude,glob)**/.*.trellis-*.tmp"], accepting: [0])
        try run(["commit", "-q", "-m", message, "--", "."], accepting: [0])
        let head = try run(["rev-parse", "--short", "HEAD"], accepting: [0])
        return String(decoding: head.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Commits the garden's changes with the message `message(for: changes())`; nil (and no
    /// commit) when nothing in the garden changed.
    public func commitChanges() throws(Failure) -> (hash: String, message: CommitMessage)? {
        guard let message = CommitMessage(try changes()) else { return nil }
        return (try commit(message: message.text), message)
    }

    /// The uncommitted diff of one note (garden-relative path), plain text without colour:
    /// against HEAD for a tracked note (a deleted one shows all removed), all added for a new
    /// one, "" when nothing changed.
    public func diff(_ path: String) throws(Failure) -> String {
        let literal = ":(literal)" + path
        let inHead = try run(["cat-file", "-e", "HEAD:" + prefix + path], accepting: [0, 128]).status == 0
        let output: GitProcess.Output
        if inHead {
            output = try run(["diff", "--no-ext-diff", "--no-textconv", "HEAD", "--", literal], accepting: [0])
        } else if access(root + "/" + path, F_OK) == 0 {
            // Not in HEAD: shown as a file added whole. --no-index exits 1 when the files
            // differ, which is the normal answer here.
            output = try run(["diff", "--no-index", "--no-ext-diff", "--no-textconv", "--", "/dev/null", path], accepting: [0, 1])
        } else {
            return ""
        }
        return String(decoding: output.stdout, as: UTF8.self)
    }

    /// Runs git in the garden folder; a status outside `accepting` is a failure with git's
    /// own message.
    @discardableResult
    func run(_ arguments: [String], input: [UInt8]? = nil, accepting: Set<Int32>) throws(Failure) -> GitProcess.Output {
        let command = "git " + (arguments.first ?? "")
        guard let output = git.run(arguments, in: root, input: input) else { throw .cannotRun(command) }
        guard accepting.contains(output.status) else { throw .failed(command: command, message: output.message) }
        return output
    }

    static func isMarkdown(_ path: String) -> Bool {
        let name = path.fileName.lowercased()
        return name.hasSuffix(".md") || name.hasSuffix(".markdown")
    }

    /// Whether a path is inside a hidden folder or is a hidden file (the loader skips both).
    static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}
