import Foundation
import Testing
@testable import Garden

/// The watcher reports what changed on disk, and nothing of Trellis's own hidden files.
@Suite struct GardenWatcherTests {
    /// Collects reports; `next` waits up to two seconds for one.
    final class Reports: @unchecked Sendable {  // `lists` under `lock`
        private let lock = NSLock()
        private var lists: [[String]] = []

        func add(_ list: [String]) { lock.withLock { lists.append(list) } }

        func next() -> [String]? {
            for _ in 0..<200 {
                if let first = lock.withLock({ lists.isEmpty ? nil : lists.removeFirst() }) { return first }
                usleep(10_000)
            }
            return nil
        }
    }

    @Test("a saved note is reported by its garden path; hidden files are not; a new folder asks for everything")
    func reports() throws {
        let garden = TemporaryGarden()
        garden.write("kernels/a.md", "---\ntitle: A\n---\n")
        let reports = Reports()
        let watcher = try #require(GardenWatcher(root: garden.root) { reports.add($0) })
        defer { watcher.stop() }
        garden.write("kernels/.a.md.trellis-1.tmp", "temporary")
        garden.write("kernels/a.md", "---\ntitle: A\nstatus: read\n---\n")
        #expect(reports.next() == ["kernels/a.md"])
        // A rename over the note (how editors and Trellis save) is a change of the note.
        garden.write("kernels/.b.tmp", "---\ntitle: A2\n---\n")
        try FileManager.default.moveItem(atPath: garden.root + "/kernels/.b.tmp", toPath: garden.root + "/kernels/b.md")
        #expect(reports.next() == ["kernels/b.md"])
        try FileManager.default.createDirectory(atPath: garden.root + "/models", withIntermediateDirectories: false)
        #expect(reports.next() == [])
        // The new folder is watched too.
        garden.write("models/c.md", "---\ntitle: C\n---\n")
        #expect(reports.next() == ["models/c.md"])
    }
}
