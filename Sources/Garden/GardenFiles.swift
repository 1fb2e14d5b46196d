#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One Markdown file found in the garden, with what identifies its contents on disk.
struct FileRecord: Sendable, Hashable {
    /// Path relative to the garden root, with `/` separators.
    var path: String
    var size: Int
    /// Modification time in nanoseconds since the epoch.
    var modified: Int64
}

/// Walks the garden folder with POSIX calls (FileManager's enumerator is several times slower
/// on Linux). Hidden entries are skipped; symlinked folders are followed once, and a folder
/// reached twice (a symlink cycle) is reported rather than walked forever.
struct GardenFiles {
    var directories: [String] = []
    var markdown: [FileRecord] = []
    var problems: [Problem] = []

    /// Files that may sit in a garden beside the notes (attachments) and are not notes.
    static let attachmentExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "pdf", "bib"]
    static let markdownExtensions: Set<String> = ["md", "markdown"]

    init(root: String) {
        var visited = Set<[UInt64]>()
        walk(root: root, relative: "", visited: &visited)
    }

    /// The record of one regular file (`path` relative to `root`), or nil if there is none.
    static func record(root: String, path: String) -> FileRecord? {
        var info = stat()
        guard stat(root + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let nanos = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return FileRecord(path: path, size: Int(info.st_size), modified: nanos)
    }

    /// Whether a garden-relative path names a file the loader reads: Markdown, and no part of
    /// it hidden.
    static func isMarkdownNote(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard let name = parts.last, !parts.contains(where: { $0.hasPrefix(".") }) else { return false }
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        return markdownExtensions.contains(ext)
    }

    private mutating func walk(root: String, relative: String, visited: inout Set<[UInt64]>) {
        let absolute = relative.isEmpty ? root : root + "/" + relative
        var info = stat()
        guard stat(absolute, &info) == 0 else { return }
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else {
            problems.append(Problem(path: relative, severity: .warning,
                                    message: "folder is reached twice through a symbolic link (a cycle); not read again"))
            return
        }
        directories.append(relative)
        guard let dir = opendir(absolute) else {
            problems.append(Problem(path: relative.isEmpty ? "." : relative, message: "cannot read folder: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        for name in names.sorted() {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var child = stat()
            // Relative to the open folder: the kernel need not resolve the whole path again.
            guard fstatat(dirfd(dir), name, &child, 0) == 0 else {
                problems.append(Problem(path: childRelative, message: "cannot read: \(String(cString: strerror(errno)))"))
                continue
            }
            if (child.st_mode & S_IFMT) == S_IFDIR {
                walk(root: root, relative: childRelative, visited: &visited)
                continue
            }
            guard (child.st_mode & S_IFMT) == S_IFREG else { continue }
            let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
            if Self.markdownExtensions.contains(ext) {
                let nanos = Int64(child.st_mtim.tv_sec) * 1_000_000_000 + Int64(child.st_mtim.tv_nsec)
                markdown.append(FileRecord(path: childRelative, size: Int(child.st_size), modified: nanos))
            } else if !Self.attachmentExtensions.contains(ext) {
                problems.append(Problem(path: childRelative, severity: .warning,
                                        message: "not a Markdown note (expected a .md file); ignored"))
            }
        }
    }
}

/// Reads a whole file; nil with the reason when it cannot.
func readFile(_ path: String) -> Result<[UInt8], ReadError> {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return .failure(ReadError(message: String(cString: strerror(errno)))) }
    defer { close(fd) }
    var info = stat()
    fstat(fd, &info)
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0))
    var filled = 0
    while true {
        if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
        if n < 0 { return .failure(ReadError(message: String(cString: strerror(errno)))) }
        if n == 0 { break }
        filled += n
    }
    bytes.removeLast(bytes.count - filled)
    return .success(bytes)
}

struct ReadError: Error { var message: String }
