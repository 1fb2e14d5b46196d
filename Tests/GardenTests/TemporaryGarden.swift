import Foundation
@testable import Garden

/// A garden folder built by a test in its own temporary directory, removed on deinit.
final class TemporaryGarden {
    let root: String
    let cache: String

    init() {
        let base = NSTemporaryDirectory() + "/trellis-garden-tests-" + UUID().uuidString
        root = base + "/garden"
        cache = base + "/cache"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root.folder) }

    /// Writes a file (folders created as needed) and sets its mtime, by default a fixed time
    /// well in the past so the parse cache trusts it.
    func write(_ path: String, _ text: String, mtime: TimeInterval = 1_600_000_000) {
        write(path, bytes: Array(text.utf8), mtime: mtime)
    }

    func write(_ path: String, bytes: [UInt8], mtime: TimeInterval = 1_600_000_000) {
        let full = root + "/" + path
        try! FileManager.default.createDirectory(atPath: full.folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        setMtime(path, mtime)
    }

    func setMtime(_ path: String, _ mtime: TimeInterval) {
        try! FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: mtime)],
                                              ofItemAtPath: root + "/" + path)
    }

    func remove(_ path: String) { try! FileManager.default.removeItem(atPath: root + "/" + path) }

    func load(cached: Bool = false) throws -> Garden {
        try GardenLoader.load(root, options: .init(cacheDirectory: cached ? cache : nil))
    }

    /// The one cache file in the cache folder.
    var cacheFile: String { ParseCache(directory: cache, gardenRoot: root).path }
}

/// A minimal paper note.
func paper(_ title: String, _ extra: String = "", body: String = "") -> String {
    "---\ntitle: \(title)\nkind: paper\n\(extra)---\n\(body)"
}
