/// What changed in the garden since the last commit, named for people: each changed note's
/// HEAD version against its working file, both parsed as the loader parses them.
extension GitGarden {
    /// The garden's uncommitted changes, one per thing that happened to a note (a note read
    /// and tagged is two). One `git status` and one `git cat-file --batch` for all the HEAD
    /// versions, whatever their number.
    public func changes() throws(Failure) -> [UncommittedChange] {
        let paths = try changedPaths()
        let markdown = paths.filter(Self.isMarkdown)
        let before = try headVersions(of: markdown)
        let files = markdown.map { ChangedFile(path: $0, before: before[$0], after: SafeFile.read(root + "/" + $0)) }
        let others = paths.filter { !Self.isMarkdown($0) && !Self.isHidden($0) }
        return UncommittedChange.describe(files, otherFiles: others, topicTitle: topicTitle)
    }

    /// The bytes of each path in HEAD (absent: not in HEAD, or no commit yet), through one
    /// `git cat-file --batch`, whose answers are `<oid> blob <size>\n<bytes>\n` or
    /// `<name> missing\n`, in the order asked.
    func headVersions(of paths: [String]) throws(Failure) -> [String: [UInt8]] {
        // A name holding a newline cannot be asked on a line of its own: asked alone.
        let (batched, single) = (paths.filter { !$0.contains("\n") }, paths.filter { $0.contains("\n") })
        var versions: [String: [UInt8]] = [:]
        for path in single {
            let output = try run(["cat-file", "blob", "HEAD:" + prefix + path], accepting: [0, 128])
            if output.status == 0 { versions[path] = output.stdout }
        }
        guard !batched.isEmpty else { return versions }
        let input = batched.flatMap { Array("HEAD:\(prefix)\($0)\n".utf8) }
        let bytes = try run(["cat-file", "--batch"], input: input, accepting: [0]).stdout
        var position = 0
        for path in batched {
            guard let newline = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: bytes[position..<newline], as: UTF8.self)
            position = newline + 1
            let words = header.split(separator: " ")
            guard words.count == 3, let size = Int(words[2]) else { continue }  // missing, ambiguous
            guard position + size <= bytes.count else { break }
            if words[1] == "blob" { versions[path] = Array(bytes[position..<position + size]) }
            position += size + 1
        }
        return versions
    }

    /// A folder's title as the loader gives it: its index file's title or first heading, else
    /// the folder name made readable ("Garden" for the root).
    func topicTitle(_ folder: String) -> String {
        // The loader keeps the last index file in path order: index.md before the others.
        for name in ["index.md", "index.markdown", "_index.md"] {
            let path = folder.isEmpty ? name : folder + "/" + name
            if let bytes = SafeFile.read(root + "/" + path), let version = NoteVersion(bytes, path: path) {
                return version.title
            }
        }
        return NoteVersion.fallbackTitle(forIndexIn: folder)
    }
}

/// One changed Markdown file: its bytes in HEAD and in the work tree (nil: not there).
struct ChangedFile: Sendable {
    var path: String
    var before: [UInt8]?
    var after: [UInt8]?
}
