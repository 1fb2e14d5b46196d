import ArgumentParser

/// Benchmarks for the garden loader: `generate` writes a synthetic garden, `garden` measures
/// cold and warm loads, search and peak memory over one.
@main
struct TrellisBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trellis-bench",
        abstract: "Synthetic gardens and load/search benchmarks for Trellis.",
        subcommands: [
            Generate.self, GardenBenchmark.self, TUIBenchmark.self, MeanFieldBenchmark.self, KernelBenchmark.self, PlotBenchmark.self, PanesBenchmark.self, EditBenchmark.self,
        ])
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a synthetic garden into DIR.")

    @Argument(help: "The folder to write (created if missing).") var dir: String
    @Option(help: "How many notes.") var notes = 10_000
    @Option(help: "Seed for the generator; the same seed gives the same garden.") var seed: UInt64 = 1

    func run() throws {
        let (summary, ms) = try Measure.milliseconds {
            try SyntheticGarden(noteCount: notes, seed: seed).write(to: dir)
        }
        print("wrote \(summary.notes) notes and \(summary.topics) topics (\(summary.bytes / 1024) KB) to \(dir) in \(Int(ms)) ms")
    }
}
