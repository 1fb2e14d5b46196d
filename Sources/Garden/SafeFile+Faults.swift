import Foundation  // NSLock

/// Failures a test can make `SafeFile.write` meet (a full disk, a read-only file system),
/// which a root test process cannot otherwise provoke: root writes through permission bits.
/// A fault applies only to files under the folder it is registered for, so tests running in
/// parallel in their own temporary folders never see each other's faults.
extension SafeFile {
    struct Fault: Sendable, Equatable {
        enum Step: Sendable, Equatable {
            /// Creating the temporary file fails (EROFS, EACCES, ENOSPC for inodes).
            case open
            /// Writing fails once this many bytes are written (ENOSPC, EIO, EDQUOT).
            case write(afterBytes: Int)
            /// `fsync` of the temporary file fails (ENOSPC or EIO reported late, as NFS does).
            case sync
        }

        var step: Step
        var error: Int32
    }

    /// Runs `body` with `fault` injected into every write under `folder` (a path prefix).
    static func injecting<T>(_ fault: Fault, under folder: String, _ body: () throws -> T) rethrows -> T {
        FaultTable.lock.withLock { FaultTable.faults[folder] = fault }
        defer { _ = FaultTable.lock.withLock { FaultTable.faults.removeValue(forKey: folder) } }
        return try body()
    }

    /// The fault registered for a folder holding `path`, if any.
    static func fault(for path: String) -> Fault? {
        FaultTable.lock.withLock {
            guard !FaultTable.faults.isEmpty else { return nil }
            return FaultTable.faults.first { path.hasPrefix($0.key + "/") }?.value
        }
    }
}

private enum FaultTable {
    static let lock = NSLock()
    /// Only read or written while holding `lock`.
    nonisolated(unsafe) static var faults: [String: SafeFile.Fault] = [:]
}
