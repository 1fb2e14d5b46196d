#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Tells the browser when files in the garden change under it (another editor's save, a
/// `git pull`), with Linux's inotify: one watch per folder, so the cost does not grow with the
/// number of notes. Events are gathered for a short quiet spell and handed over as one list of
/// garden-relative paths; an empty list means "too much happened to say: read everything".
/// Hidden files (Trellis's own temporary files, `.trash/`, `.git/`) are never reported.
public final class GardenWatcher: @unchecked Sendable {  // `watched` is touched by the watch thread and `watch(_:)`, under `lock`
    /// How long the watcher waits for more events before reporting (an editor's save is
    /// often several: write a backup, rename, change attributes).
    public static let quietMilliseconds: Int32 = 20

    private let root: String
    private let descriptor: Int32
    private let report: @Sendable ([String]) -> Void
    private let lock = NSLock()
    private var watched: [Int32: String] = [:]
    private var stopped = false

    /// Starts watching `root` and its sub-folders; nil when inotify is not available (then
    /// the garden is read again only on demand).
    public init?(root: String, report: @escaping @Sendable ([String]) -> Void) {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        self.root = root
        self.report = report
        watch([""])
        Thread.detachNewThread { [self] in run() }
        #else
        return nil
        #endif
    }

    deinit { stop() }

    /// Stops the thread (within half a second) and closes the descriptor.
    public func stop() {
        lock.withLock { stopped = true }
    }

    /// Watches these folders (relative; "" is the root) and everything below them that is
    /// not hidden. Watching a folder twice is harmless.
    public func watch(_ folders: [String]) {
        #if os(Linux)
        var pending = folders
        while let folder = pending.popLast() {
            let path = folder.isEmpty ? root : root + "/" + folder
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ATTRIB)
            let wd = inotify_add_watch(descriptor, path, mask | UInt32(IN_ONLYDIR))
            guard wd >= 0 else { continue }
            let isNew = lock.withLock { () -> Bool in
                defer { watched[wd] = folder }
                return watched[wd] == nil
            }
            guard isNew, let children = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in children where !name.hasPrefix(".") {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder), isFolder.boolValue {
                    pending.append(folder.isEmpty ? name : folder + "/" + name)
                }
            }
        }
        #endif
    }

    #if os(Linux)
    private func run() {
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changed: [String] = []
        var overflow = false
        while !lock.withLock({ stopped }) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // Waiting for the first event, wake twice a second to notice `stop`; after one,
            // wait only for the quiet spell.
            let ready = poll(&poller, 1, changed.isEmpty && !overflow ? 500 : Self.quietMilliseconds)
            if ready <= 0 {
                if !changed.isEmpty || overflow {
                    report(overflow ? [] : changed)
                    changed = []
                    overflow = false
                }
                continue
            }
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { continue }
            var offset = 0
            var newFolders: [String] = []
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { overflow = true; continue }
                guard let folder = lock.withLock({ watched[wd] }) else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    lock.withLock { _ = watched.removeValue(forKey: wd) }
                    continue
                }
                if mask & UInt32(IN_DELETE_SELF) != 0 { overflow = true; continue }  // a folder went: read everything
                guard !name.isEmpty, !name.hasPrefix(".") else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    // A folder came or went (a topic added, moved or removed): read everything.
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { newFolders.append(path) }
                    overflow = true
                } else if !changed.contains(path) {
                    changed.append(path)
                }
            }
            if !newFolders.isEmpty { watch(newFolders) }
        }
    }
    #endif
}
