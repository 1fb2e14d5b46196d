import Garden

/// Times building a `SearchIndex` and answering varied queries over it: common and rare
/// words, two-word queries, author names — drawn from the generator's vocabulary so they hit.
struct SearchBenchmark {
    let garden: Garden
    let count: Int
    let runs: Int

    func run() {
        var buildTimes: [Double] = []
        var index: SearchIndex?
        for _ in 0..<max(runs, 1) {
            let (built, ms) = Measure.milliseconds { SearchIndex(garden) }
            buildTimes.append(ms)
            index = built
        }
        let build = Stats(buildTimes)
        print(Table.row(["search index build", "\(buildTimes.count)", Table.number(build.median), Table.number(build.min),
                         Table.number(build.max), Table.number(Measure.peakMegabytes()), "\(garden.notes.count)", ""]))
        guard let index else { return }

        var times: [Double] = []
        var hits = 0
        for query in Self.queries(count) {
            let (found, ms) = Measure.milliseconds { index.search(query, limit: 50) }
            times.append(ms)
            hits += found.count
        }
        let stats = Stats(times)
        print(Table.row(["search query", "\(times.count)", Table.number(stats.median, digits: 3), Table.number(stats.min, digits: 3),
                         Table.number(stats.max, digits: 3), Table.number(Measure.peakMegabytes()), "", ""]))
        print("  search p95 \(Table.number(stats.percentile(95), digits: 3)) ms, total \(Table.number(times.reduce(0, +))) ms, \(hits) hits (limit 50 each)")
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
