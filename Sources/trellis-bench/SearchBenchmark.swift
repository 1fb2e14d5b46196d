import Garden

/// Times building a `SearchIndex` and answering varied queries over it: common and rare
/// words, two-word queries, author names — drawn from the generator's vocabulary so they hit.
struct SearchBenchmark {
    let garden: Garden
    let count: Int
    let runs: Int

    /// Builds the index once and answers the queries, as a program would, and reports the
    /// peak memory of that; then rebuilds the index `runs - 1` more times to time the build.
    /// (Rebuilding leaves freed memory in the allocator's per-thread arenas, so the peak is
    /// read before the rebuilds.)
    func run() {
        let (index, firstBuild) = Measure.milliseconds { SearchIndex(garden) }
        var times: [Double] = []
        var hits = 0
        for query in Self.queries(count) {
            let (found, ms) = Measure.milliseconds { index.search(query, limit: 50) }
            times.append(ms)
            hits += found.count
        }
        let peak = Measure.peakMegabytes()

        var buildTimes = [firstBuild]
        for _ in 1..<max(runs, 1) {
            let (_, ms) = Measure.milliseconds { SearchIndex(garden) }
            buildTimes.append(ms)
        }
        let build = Stats(buildTimes)
        print(Table.row(["search index build", "\(buildTimes.count)", Table.number(build.median), Table.number(build.min),
                         Table.number(build.max), "", "\(garden.notes.count)", ""]))
        let stats = Stats(times)
        print(Table.row(["search query", "\(times.count)", Table.number(stats.median, digits: 3), Table.number(stats.min, digits: 3),
                         Table.number(stats.max, digits: 3), Table.number(peak), "", ""]))
        print("  search p95 \(Table.number(stats.percentile(95), digits: 3)) ms, total \(Table.number(times.reduce(0, +))) ms, \(hits) hits (limit 50 each)")
        print("  peak memory of the search process (load, one index, \(times.count) queries): \(Table.number(peak)) MB")
    }

    /// `count` queries cycling through six kinds, deterministic from a fixed seed.
    static func queries(_ count: Int) -> [String] {
        var random = SplitMix64(seed: 42)
        return (0..<count).map { index in
            switch index % 6 {
            case 0: return "network"  // common: in most abstracts
            case 1: return random.pick(Vocabulary.prose)
            case 2: return random.pick(Vocabulary.prose) + " " + random.pick(Vocabulary.prose)
            case 3: return random.pick(Vocabulary.rare)
            case 4: return random.pick(Vocabulary.lastNames)
            default: return random.pick(Vocabulary.firstNames) + " " + random.pick(Vocabulary.lastNames)
            }
        }
    }
}
