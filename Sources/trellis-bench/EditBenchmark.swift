import App
import ArgumentParser
import Foundation
import Garden
import Screen

/// `trellis-bench edits`: editing on a synthetic garden (10,000 notes by default), in this
/// process, as the browser's run loop does it:
///
/// - a status change: the `s` key → the safe write (temporary file, fsync, rename, fsync of the
///   folder) → the note read again → update → view → the frame's changed cells written as
///   terminal output to memory;
/// - an outside change: another program rewrites a note → the watcher reports it (after its
///   quiet spell) → the note read again → update → view → frame written.
struct EditBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edits",
        abstract: "Measure a status change and an outside change reaching the disk and the screen.")

    @Option(help: "Notes in the generated garden.") var notes = 10_000
    @Option(help: "Runs of each measurement.") var runs = 50
    @Option(help: "Seed for the generated garden.") var seed: UInt64 = 1

    func run() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-bench-edits-" + UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let root = temporary + "/garden"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let summary = try SyntheticGarden(noteCount: notes, seed: seed).write(to: root)
        let (garden, loadMs) = try Measure.milliseconds { try GardenLoader.load(root) }
        print("garden: \(summary.notes) notes, \(garden.topics.count) topics; read whole in \(Int(loadMs)) ms (no parse cache)")
        print("machine load average: \(MeanFieldBenchmark.loadAverage())")

        let size = Size(width: 160, height: 48)
        var (state, _) = App.start(size: size, gardenPath: root)
        _ = App.update(&state, .gardenLoaded(garden))
        // The biggest topic's papers, the first selected.
        let topic = garden.topics.max { garden.noteIDs(in: $0.id).count < garden.noteIDs(in: $1.id).count }!
        _ = App.update(&state, .key(.character(":")))
        for character in "topic " + topic.id { _ = App.update(&state, .key(.character(character))) }
        _ = App.update(&state, .key(.enter))
        state.focus = .list
        var writer = FrameWriter()
        writer.write(App.view(state, size: size))

        /// Performs the effects as the run loop does (background ones skipped), then draws.
        func settle(_ effects: [Effect]) throws {
            var pending = effects
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                switch effect {
                case .editNote(let id, let path, let edits):
                    pending += App.update(&state, .noteEdited(noteID: id, try NoteEdit.applyRecording(edits, toFileAt: path)))
                case .reloadNotes(let paths, let outside):
                    let current = state.garden!
                    let changed = outside ? current.changedFiles(paths) : paths
                    guard let reloaded = current.reloading(changed) else { throw ValidationError("the note was not read alone: \(changed)") }
                    pending += App.update(&state, .gardenReloaded(reloaded, outside: outside ? changed : []))
                default:
                    break  // the search index and the watch list: off the main loop
                }
            }
            writer.write(App.view(state, size: size))
        }

        var statusTimes: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try settle(App.update(&state, .key(.character("s"))))
            statusTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        guard let note = state.selectedNote else { throw ValidationError("no note selected") }

        // Outside changes, through the real watcher.
        let reports = ReportBox()
        guard let watcher = GardenWatcher(root: root, report: { reports.put($0) }) else {
            throw ValidationError("inotify is not available here")
        }
        defer { watcher.stop() }
        watcher.watch(garden.topics.map(\.id))
        let path = root + "/" + note.path
        var outsideTimes: [Double] = []
        var afterReport: [Double] = []
        for run in 0..<runs {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text += "\nOutside edit \(run).\n"
            let start = DispatchTime.now().uptimeNanoseconds
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            guard let paths = reports.take(timeout: 2) else { throw ValidationError("the watcher reported nothing") }
            let reported = DispatchTime.now().uptimeNanoseconds
            try settle(App.update(&state, .filesChanged(paths)))
            let end = DispatchTime.now().uptimeNanoseconds
            guard state.garden?.note(note.id)?.body.hasSuffix("Outside edit \(run).\n") == true else {
                throw ValidationError("the outside edit did not reach the garden")
            }
            outsideTimes.append(Double(end - start) / 1e6)
            afterReport.append(Double(end - reported) / 1e6)
        }

        print("\(runs) runs each, 160×48, note \(note.path):")
        print("status change: s → safe write (fsync, rename, fsync of the folder) → note read again → frame written")
        print("outside change: another program's write → watcher report → note read again → frame written")
        print(TUIBenchmark.row("", "median", "p99", "max", "target"))
        print(TUIBenchmark.row("status change", statusTimes, target: 10, percentile: 99))
        print(TUIBenchmark.row("outside change", outsideTimes, target: 50, percentile: 99))
        print(TUIBenchmark.row("  after the report", afterReport, target: 50, percentile: 99))
        print("(the watcher waits \(GardenWatcher.quietMilliseconds) ms of quiet before it reports; the whole garden read again took \(Int(loadMs)) ms)")
    }
}

/// The watcher's reports, handed to the benchmark's thread.
private final class ReportBox: @unchecked Sendable {  // `reports` under `lock`
    private let lock = NSLock()
    private var reports: [[String]] = []

    func put(_ paths: [String]) { lock.withLock { reports.append(paths) } }

    func take(timeout seconds: Double) -> [String]? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let first = lock.withLock({ reports.isEmpty ? nil : reports.removeFirst() }) { return first }
            usleep(200)
        }
        return nil
    }
}
