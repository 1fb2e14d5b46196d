#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes that never lose the owner's words: a file is replaced by writing a temporary file
/// beside it and renaming it over the original (atomic on one file system), and only if the
/// file on disk still holds exactly what was read before the edit.
public enum SafeFile {
    public enum WriteError: Error, Equatable, CustomStringConvertible {
        /// The file changed on disk since it was read; nothing was written.
        case changedOnDisk(String)
        /// The file exists although the caller expected to create it; nothing was written.
        case alreadyExists(String)
        /// The file to move or remove is not there (moved or deleted from outside).
        case missing(String)
        /// A folder to remove holds files again; nothing was removed.
        case notEmpty(String)
        case failed(String, String)

        public var description: String {
            switch self {
            case .changedOnDisk(let path): return "\(path) changed on disk since it was read; not overwritten"
            case .alreadyExists(let path): return "\(path) already exists; not overwritten"
            case .missing(let path): return "\(path) is no longer there; nothing changed"
            case .notEmpty(let path): return "\(path) holds files now; not removed"
            case .failed(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// Whether anything (a file, a folder, a link) is at `path`.
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The file's bytes, or nil if it does not exist or cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        if case .success(let bytes) = readFile(path) { return bytes }
        return nil
    }

    /// Replaces `path` with `contents` if the file still holds `expected`
    /// (nil: the file must not exist yet). Creates missing parent folders.
    public static func write(_ contents: String, to path: String, expecting expected: [UInt8]?) throws(WriteError) {
        let current = read(path)
        if let expected {
            guard current == expected else { throw .changedOnDisk(path) }
        } else if current != nil || access(path, F_OK) == 0 {
            throw .alreadyExists(path)
        }
        try makeFolders(path.folder)
        let temporary = path.folder + "/.\(path.fileName).trellis-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fault = fault(for: path)
        let fd = fault?.step == .open ? fail(fault!.error) : open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw .failed(path, String(cString: strerror(errno))) }
        var bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            var n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if case .write(let limit) = fault?.step, written + max(n, 0) > limit {
                // As a full disk does: the bytes that fit, then the error.
                n = written < limit ? limit - written : Int(fail(fault!.error))
            }
            if n <= 0 {
                let reason = String(cString: strerror(n == 0 ? EIO : errno))
                close(fd)
                unlink(temporary)
                throw .failed(path, reason)
            }
            written += n
        }
        bytes.removeAll()
        // A file system may report a full disk or an I/O error only now (NFS, a thin disk):
        // the note is replaced only by a temporary file known to be on disk whole.
        // (EINVAL: a file system that cannot sync at all, which is no reason to refuse.)
        var synced = fault?.step == .sync ? fail(fault!.error) : fsync(fd)
        let syncError = errno
        if synced != 0 && syncError == EINVAL { synced = 0 }
        if close(fd) != 0 || synced != 0 {
            let reason = String(cString: strerror(synced != 0 ? syncError : errno))
            unlink(temporary)
            throw .failed(path, reason)
        }
        // Last look just before the rename, to narrow the window in which an editor's save
        // could be lost.
        if let expected, read(path) != expected {
            unlink(temporary)
            throw .changedOnDisk(path)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .failed(path, reason)
        }
        syncFolder(of: path)
    }

    /// Removes `path` if it still holds `expected` (undoing a file's creation).
    public static func remove(_ path: String, expecting expected: [UInt8]?) throws(WriteError) {
        guard let current = read(path) else { throw .missing(path) }
        guard current == expected else { throw .changedOnDisk(path) }
        guard unlink(path) == 0 else { throw .failed(path, String(cString: strerror(errno))) }
        syncFolder(of: path)
    }

    /// Renames a file or folder (one `rename`, atomic), never over an existing one; creates
    /// the missing folders of `to`.
    public static func move(_ from: String, to: String) throws(WriteError) {
        guard access(from, F_OK) == 0 else { throw .missing(from) }
        guard access(to, F_OK) != 0 else { throw .alreadyExists(to) }
        try makeFolders(to.folder)
        guard rename(from, to) == 0 else { throw .failed(from, String(cString: strerror(errno))) }
        syncFolder(of: to)
        if from.folder != to.folder { syncFolder(of: from) }
    }

    /// Creates one folder (its parent must exist); refused when anything is at `path`.
    public static func makeFolder(_ path: String) throws(WriteError) {
        guard access(path, F_OK) != 0 else { throw .alreadyExists(path) }
        guard mkdir(path, 0o755) == 0 else { throw .failed(path, String(cString: strerror(errno))) }
        syncFolder(of: path)
    }

    /// Removes an empty folder; one that holds anything (a file added since) stays.
    public static func removeFolder(_ path: String) throws(WriteError) {
        guard access(path, F_OK) == 0 else { throw .missing(path) }
        guard rmdir(path) == 0 else {
            if errno == ENOTEMPTY || errno == EEXIST { throw .notEmpty(path) }
            throw .failed(path, String(cString: strerror(errno)))
        }
        syncFolder(of: path)
    }

    /// A rename or unlink reaches the disk only with the folder's entry: sync the folder.
    static func syncFolder(of path: String) {
        let folder = open(path.folder.isEmpty ? "." : path.folder, O_RDONLY | O_DIRECTORY)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// -1 with `errno` set to `error`: how an injected fault fails a system call.
    private static func fail(_ error: Int32) -> Int32 {
        errno = error
        return -1
    }

    static func makeFolders(_ path: String) throws(WriteError) {
        guard !path.isEmpty, access(path, F_OK) != 0 else { return }
        try makeFolders(path.folder)
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw .failed(path, String(cString: strerror(errno)))
        }
    }
}
