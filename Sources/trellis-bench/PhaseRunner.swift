import Foundation
import Garden

/// One phase of `trellis-bench garden`, run in its own process; prints its rows of the table.
struct PhaseRunner {
    let garden: String
    let cacheDirectory: String
    let runs: Int
    let searches: Int

    func run(_ phase: GardenBenchmark.Phase) throws {
        switch phase {
        case .cold: try timeLoads("cold load (no cache)", cache: nil)
        case .prime:
            let (loaded, ms) = try Measure.milliseconds { try GardenLoader.load(garden, options: .init(cacheDirectory: cacheDirectory)) }
            print(Table.row(["prime (writes cache)", "1", Table.number(ms), "", "", Table.number(Measure.peakMegabytes()),
                             "\(loaded.notes.count)", "\(loaded.problems.count)"]))
        case .warm: try timeLoads("warm load (cache)", cache: cacheDirectory)
        case .search: try timeSearches()
        }
        fflush(nil)  // all streams: the children write to the same terminal
    }

    /// Loads the garden `runs` times, each into a fresh `Garden` (the previous one is released
    /// first), and prints the median.
    private func timeLoads(_ label: String, cache: String?) throws {
        var times: [Double] = []
        var notes = 0
        var problems = 0
        for _ in 0..<max(runs, 1) {
            let (loaded, ms) = try Measure.milliseconds { try GardenLoader.load(garden, options: .init(cacheDirectory: cache)) }
            times.append(ms)
            notes = loaded.notes.count
            problems = loaded.problems.count
        }
        let stats = Stats(times)
        print(Table.row([label, "\(times.count)", Table.number(stats.median), Table.number(stats.min), Table.number(stats.max),
                         Table.number(Measure.peakMegabytes()), "\(notes)", "\(problems)"]))
    }

    private func timeSearches() throws {
        let loaded = try GardenLoader.load(garden, options: .init(cacheDirectory: cacheDirectory))
        SearchBenchmark(garden: loaded, count: searches, runs: runs).run()
    }
}
