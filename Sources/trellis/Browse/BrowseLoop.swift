import App
import Calculators
import Foundation
import Garden
import Screen
import Terminal

/// The run loop: feeds terminal events and finished background work to `App.update`, performs
/// the effects it returns, and presents `App.view` after every batch of messages. The garden
/// loads and the search index builds on other threads, so the first frame ("Loading…")
/// appears at once.
final class BrowseLoop {
    private let terminal: CursesTerminal
    private let gardenPath: String
    private let cacheDirectory: String?
    private let config: Config
    private let inbox = Inbox()
    private let trace = StartupTrace()
    /// Reports outside changes to the garden's files, once the garden has loaded.
    private var watcher: GardenWatcher?
    /// When the git count was last read by `refreshGitCountNow`.
    private var lastGitCount = Date()
    private lazy var blockCalculations = BlockCalculations(inbox: inbox, waker: terminal.waker)
    private lazy var calculations: CalculationQueue = {
        let (inbox, waker) = (inbox, terminal.waker)
        return CalculationQueue { paneID, generation, output in
            inbox.post(.calculated(CalculatorResult(paneID: paneID, generation: generation, output: output)))
            waker.wake()
        }
    }()

    init(terminal: CursesTerminal, gardenPath: String, cacheDirectory: String?, config: Config) {
        self.terminal = terminal
        self.gardenPath = gardenPath
        self.cacheDirectory = cacheDirectory
        self.config = config
    }

    func run() {
        let (initial, effects) = App.start(size: terminal.size, gardenPath: gardenPath,
                                           glyphs: terminal.isUTF8 ? .unicode : .ascii, config: config)
        var state = initial
        present(state)
        trace.mark("first-frame")
        perform(effects, state)
        while !state.quitting {
            var messages: [Message] = []
            for event in terminal.nextEvents(timeoutMilliseconds: 1000) {
                switch event {
                case .key(let key): messages.append(.key(key))
                case .mouse(let mouse): messages.append(.mouse(mouse))
                case .resize(let size): messages.append(.resize(size))
                case .terminate: state.quitting = true
                }
            }
            messages += inbox.drain()
            refreshGitCountNow(state)
            guard !messages.isEmpty, !state.quitting else { continue }
            var browsable = false
            var pending: [Effect] = []
            for message in messages {
                if case .gardenLoaded = message { browsable = true }
                pending += App.update(&state, message)
                if state.quitting { break }
            }
            guard !state.quitting else { break }
            // The frame first, then the effects: background work (the search index) must not
            // compete with drawing the frame the owner is waiting for.
            present(state)
            if browsable { trace.mark("browsable") }
            perform(pending, state)
        }
        watcher?.stop()
        let kept = keepUnsavedNotes(state)
        terminal.close()
        if let kept { FileHandle.standardError.write(Data("trellis: your unsaved notes are kept in \(kept)\n".utf8)) }
    }

    /// The program is ending (a signal) with the notes editor holding unsaved text: the text
    /// goes beside its note rather than being lost. Returns where.
    private func keepUnsavedNotes(_ state: AppState) -> String? {
        guard let session = state.editing, session.editor.isModified else { return nil }
        let side = SideCopy.path(for: session.path, label: "unsaved")
        do {
            try SafeFile.write(session.mineAsFile, to: side, expecting: nil)
            return side
        } catch {
            return nil
        }
    }

    private func present(_ state: AppState) {
        terminal.present(App.view(state, size: state.size))
    }

    private func perform(_ effects: [Effect], _ state: AppState) {
        for effect in effects {
            switch effect {
            case .loadGarden(let path):
                let options = GardenLoader.Options(cacheDirectory: cacheDirectory)
                let trace = trace
                background { () -> Message in
                    defer { trace.mark("loaded") }
                    switch Result(catching: { () throws(GardenError) in try GardenLoader.load(path, options: options) }) {
                    case .success(let garden): return .gardenLoaded(garden)
                    case .failure(let error): return .gardenFailed(error.description)
                    }
                }
            case .buildSearchIndex:
                guard let garden = state.garden else { continue }
                background { .searchIndexBuilt(SearchIndex(garden)) }
            case .openURL(let url):
                if let problem = openURL(url) { inbox.post(.effectFailed(problem)) }
            case .calculate(let paneID, let generation, let request):
                calculations.submit(paneID: paneID, generation: generation, request)
            case .cancelCalculation(let paneID):
                calculations.cancel(paneID: paneID)
            case .calculateBlock(let key, let request):
                blockCalculations.submit(key, request)
            // File edits take a few milliseconds: done here, before the next key.
            case .editNote(let noteID, let path, let edits):
                postFileResult(state) { .noteEdited(noteID: noteID, try NoteEdit.applyRecording(edits, toFileAt: path)) }
            case .trashNote(let title, let path, let root):
                postFileResult(state) {
                    let target = try Trash.remove(path, root: root)
                    return .noteTrashed(title: title, path: target, Trash.change(root: root, from: path, to: target, "moved to the trash"))
                }
            case .restoreNote(let name, let root):
                postFileResult(state) {
                    let (from, to) = try Trash.restore(name, root: root)
                    return .noteRestored(path: to, Trash.change(root: root, from: from, to: to, "restored from the trash"))
                }
            case .applyChange(let change, let redo):
                postFileResult(state, failing: redo ? "; not redone" : "; not undone") {
                    try change.apply()
                    return .changeApplied(change, redo: redo)
                }
            case .reloadGarden(let path):
                reloadWholeGarden(path)
            case .reloadNotes(let paths, let outside):
                guard let garden = state.garden else { continue }
                let changed = outside ? garden.changedFiles(paths) : paths
                guard !changed.isEmpty else { continue }
                // The echo of the session's own edits is read again but not called an outside change.
                let foreign = outside ? changed.filter {
                    !SideCopy.isSideCopy($0.fileName) && !state.holdsOwnWrite(garden.root + "/" + $0, bytes: SafeFile.read(garden.root + "/" + $0))
                } : []
                // One note read again takes well under a millisecond: done here.
                if let reloaded = garden.reloading(changed) {
                    inbox.post(.gardenReloaded(reloaded, outside: foreign))
                    terminal.waker.wake()
                } else {
                    reloadWholeGarden(state.gardenPath, outside: foreign)
                }
            case .watch(let folders):
                if watcher == nil, let root = state.garden?.root {
                    let (inbox, waker) = (inbox, terminal.waker)
                    watcher = GardenWatcher(root: root) { paths in
                        inbox.post(.filesChanged(paths))
                        waker.wake()
                    }
                }
                watcher?.watch(folders)
            case .structureEdit(let edit):
                guard let garden = state.garden else { continue }
                inbox.post(edit.perform(in: garden))
                terminal.waker.wake()
            case .gitStatus:
                guard let root = state.garden?.root else { continue }
                background { .gitCount(GitGarden.open(root).flatMap { try? $0.uncommittedNotes().count }) }
            case .gitCommit:
                guard let root = state.garden?.root else { continue }
                background { () -> [Message] in
                    guard let git = GitGarden.open(root) else { return [.effectFailed("the garden is not in a git repository")] }
                    // The status bar's count, after the commit.
                    let count = { Message.gitCount(try? git.uncommittedNotes().count) }
                    do {
                        guard let (hash, message) = try git.commitChanges() else { return [.effectFailed("Nothing to commit"), count()] }
                        return [.showText(title: "Committed \(hash) (esc closes)", lines: [message.subject, ""] + message.body), count()]
                    } catch {
                        return [.effectFailed("\(error)"), count()]
                    }
                }
            case .gitDiff(let path):
                guard let root = state.garden?.root else { continue }
                background {
                    guard let git = GitGarden.open(root) else { return .effectFailed("the garden is not in a git repository") }
                    do {
                        let diff = try git.diff(path)
                        let lines = diff.isEmpty ? ["No uncommitted changes in \(path)"] : diff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                        return .showText(title: "git diff \(path) (esc closes, j/k scroll)", lines: lines)
                    } catch {
                        return .effectFailed("\(error)")
                    }
                }
            case .readNoteForEditing(let noteID, let path):
                postFileResult(state) {
                    guard let bytes = SafeFile.read(path) else { throw NoteEditError.unreadable(path) }
                    return .noteReadForEditing(noteID: noteID, path: path, bytes)
                }
            case .saveNotes(_, let path, let original, let text):
                do {
                    let change = try NoteEdit.applyRecording([.replaceNotes(text)], toFileAt: path, basedOn: original)
                    inbox.post(.notesSaved(change, text: text))
                } catch {
                    let disk = SafeFile.read(path)
                    let root = state.garden.map { $0.root + "/" } ?? ""
                    inbox.post(.notesSaveFailed("\(error)".replacingOccurrences(of: root, with: ""),
                                                disk: disk == original ? nil : disk, gone: disk == nil))
                }
                terminal.waker.wake()
            case .writeSideCopy(let path, let text):
                postFileResult(state) {
                    try SafeFile.write(text, to: path, expecting: nil)
                    return .sideCopyWritten(path: path)
                }
            case .runEditor(let noteID, let path, let line):
                guard let editor = ExternalEditor.fromEnvironment else { continue }
                let title = state.garden?.note(noteID)?.title ?? path.fileName
                var result: (change: GardenChange, message: String, failed: Bool)?
                terminal.suspend { result = editor.edit(path: path, line: line, title: title) }
                if let result {
                    inbox.post(.externalEditDone(noteID: noteID, result.change, message: result.message, failed: result.failed))
                }
                terminal.waker.wake()
            case .quit:
                break
            }
        }
    }

    /// Commits made outside (a shell beside the browser) are not files the watcher sees (`.git`
    /// is hidden): every few seconds the uncommitted count is read again, and posted only when
    /// it changed.
    private func refreshGitCountNow(_ state: AppState) {
        guard let known = state.uncommittedCount, let root = state.garden?.root,
              Date().timeIntervalSince(lastGitCount) >= 5 else { return }
        lastGitCount = Date()
        let (inbox, waker) = (inbox, terminal.waker)
        Thread.detachNewThread {
            guard let count = GitGarden.open(root).flatMap({ try? $0.uncommittedNotes().count }), count != known else { return }
            inbox.post(.gitCount(count))
            waker.wake()
        }
    }

    /// Reads the whole garden again off the main loop.
    private func reloadWholeGarden(_ path: String, outside: [String] = []) {
        let options = GardenLoader.Options(cacheDirectory: cacheDirectory)
        background {
            switch Result(catching: { () throws(GardenError) in try GardenLoader.load(path, options: options) }) {
            case .success(let garden): return .gardenReloaded(garden, outside: outside)
            case .failure(let error): return .effectFailed("could not read the garden again: \(error.description)")
            }
        }
    }

    /// Posts the message of a file operation, or what went wrong (paths shown relative to the
    /// garden, with `failing` after the reason), and wakes the loop.
    private func postFileResult(_ state: AppState, failing suffix: String = "", _ work: () throws -> Message) {
        do {
            inbox.post(try work())
        } catch {
            let root = state.garden.map { $0.root + "/" } ?? ""
            inbox.post(.effectFailed("\(error)".replacingOccurrences(of: root, with: "") + suffix))
        }
        terminal.waker.wake()
    }

    /// Runs `work` on another thread and posts its message, waking the loop.
    private func background(_ work: @escaping @Sendable () -> Message) {
        background { [work()] }
    }

    /// Runs `work` on another thread and posts its messages in order, waking the loop.
    private func background(_ work: @escaping @Sendable () -> [Message]) {
        let inbox = inbox
        let waker = terminal.waker
        Thread.detachNewThread {
            for message in work() { inbox.post(message) }
            waker.wake()
        }
    }

    /// Opens a URL with xdg-open, stepping out of the full screen meanwhile (xdg-open may start
    /// a text-mode browser in this terminal). Returns a problem to show, or nil.
    private func openURL(_ url: String) -> String? {
        var problem: String?
        terminal.suspend {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["xdg-open", url]
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
                process.waitUntilExit()
                if process.terminationStatus == 127 {
                    problem = "xdg-open is not installed (Debian: apt-get install xdg-utils); the link is \(url)"
                } else if process.terminationStatus != 0 {
                    problem = "xdg-open could not open \(url) (exit \(process.terminationStatus))"
                }
            } catch {
                problem = "could not run xdg-open: \(error.localizedDescription)"
            }
        }
        return problem
    }
}

/// Calculator blocks' computations: through a `CalculationQueue`, one lane per block source,
/// so resizing (a new width each step) computes only the last width asked for.
final class BlockCalculations: @unchecked Sendable {  // every access to `lanes`, `latest` holds `lock`
    private let lock = NSLock()
    private var lanes: [String: Int] = [:]
    /// Per lane, the request sent last: only its result is posted.
    private var latest: [Int: (generation: Int, key: BlockKey, wantsFigure: Bool)] = [:]
    private var lastGeneration = 0
    private var queue: CalculationQueue?

    init(inbox: Inbox, waker: TerminalWaker) {
        queue = CalculationQueue { [weak self] lane, generation, output in
            guard let self else { return }
            let key = self.lock.withLock { () -> BlockKey? in
                // The latest request's whole result (a block draws its figure, not the early numbers).
                guard let last = self.latest[lane], last.generation == generation, output.figure != nil || !last.wantsFigure else { return nil }
                return last.key
            }
            guard let key else { return }
            inbox.post(.blockCalculated(key, output))
            waker.wake()
        }
    }

    func submit(_ key: BlockKey, _ request: CalculatorRequest) {
        let (lane, generation) = lock.withLock { () -> (Int, Int) in
            let lane = lanes[key.source] ?? lanes.count
            lanes[key.source] = lane
            lastGeneration += 1
            latest[lane] = (lastGeneration, key, request.part == .everything)
            return (lane, lastGeneration)
        }
        queue?.submit(paneID: lane, generation: generation, request)
    }
}

/// Messages from background threads, waiting for the loop.
final class Inbox: @unchecked Sendable {  // every access holds `lock`
    private let lock = NSLock()
    private var messages: [Message] = []

    func post(_ message: Message) { lock.withLock { messages.append(message) } }

    func drain() -> [Message] {
        lock.withLock {
            defer { messages = [] }
            return messages
        }
    }
}

/// With `TRELLIS_TRACE=FILE`, appends `EVENT SECONDS` lines (CLOCK_MONOTONIC, shared by every
/// process on the machine) for the start-up benchmark: `first-frame` after the first frame is
/// on screen, `browsable` after the first frame with the whole garden.
struct StartupTrace {
    private let path = GardenOptions.environment("TRELLIS_TRACE")

    func mark(_ event: String) {
        guard let path else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let line = "\(event) \(Double(now.tv_sec) + Double(now.tv_nsec) / 1e9)\n"
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        try? handle.close()
    }
}
