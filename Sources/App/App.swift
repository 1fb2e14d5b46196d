import Garden
import Markdown
import Screen

/// The terminal UI as two pure functions over `AppState`, in the Elm style: `update` turns a
/// message into a new state and effects for the run loop; `view` draws a state into a buffer.
public enum App {
    /// The state before anything has loaded, and the effects that start loading.
    public static func start(size: Size, gardenPath: String, glyphs: Glyphs = .unicode,
                             config: Config = Config()) -> (AppState, [Effect]) {
        (AppState(size: size, gardenPath: gardenPath, glyphs: glyphs, config: config), [.loadGarden(path: gardenPath)])
    }

    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        let effects = handle(message, &state)
        // Calculator blocks a layout met without a result are computed off the main loop.
        return effects + state.requestWantedBlocks()
    }

    private static func handle(_ message: Message, _ state: inout AppState) -> [Effect] {
        switch message {
        case .key(let key):
            state.status = nil
            return handle(key, &state)
        case .mouse(let event):
            guard state.mouseEnabled else { return [] }
            return handle(event, &state)
        case .resize(let size):
            state.size = size
            if var session = state.editing, let rect = state.notesEditorRect {
                session.editor.layout(width: rect.width, height: rect.height)
                state.editing = session
            }
            state.relayoutReading()
            state.keepSelectionsVisible()
            return state.refreshCalculatorFigure()
        case .gardenLoaded(let garden):
            state.garden = garden
            state.loadError = nil
            state.counts = garden.readCounts()
            state.subtreeNoteIDs = [:]
            // The root, its children, and the topics marked `expanded: true` with their
            // ancestors (the shipped garden's Models: the Pareto frontier on the first screen).
            var expanded = Set([garden.rootTopic.id] + garden.rootTopic.children)
            for topic in garden.topics where topic.startsExpanded {
                var id: String? = topic.id
                while let current = id { expanded.insert(current); id = garden.topic(current)?.parent }
            }
            state.tree = TreeState(expanded: expanded, selected: garden.rootTopic.id)
            state.refreshList()
            state.show(.topic(garden.rootTopic.id))
            if !garden.problems.isEmpty {
                let count = garden.problems.count
                let message = (count == 1 ? "1 problem" : "\(count) problems") + " in the garden: run `trellis check`"
                // After a config problem, not instead of it.
                state.status = StatusMessage([state.status?.text, message].compactMap { $0 }.joined(separator: "; "), isError: true)
            }
            return [.buildSearchIndex, .watch(folders: garden.topics.map(\.id)), .gitStatus]
        case .gardenFailed(let reason):
            state.loadError = reason
            return []
        case .searchIndexBuilt(let index):
            state.searchIndex = index
            if case .search(var search)? = state.overlay {
                search.hits = index.search(search.query, limit: SearchState.limit)
                state.overlay = .search(search)
            }
            return []
        case .effectFailed(let reason):
            state.status = StatusMessage(reason, isError: true)
            return []
        case .calculated(let result):
            state.receive(result)
            return []
        case .blockCalculated(let key, let output):
            state.receiveBlock(key, output)
            return []
        case .noteEdited(let noteID, let change):
            let title = state.garden?.note(noteID)?.title ?? noteID
            state.status = StatusMessage(change.changes.isEmpty ? "\(title): nothing changed" : "\(title): " + change.changes.joined(separator: "; "))
            guard !change.changes.isEmpty else { return [] }
            state.recordUndo(change)
            return state.reloadEffects(after: change)
        case .noteTrashed(let title, let path, let change):
            state.status = StatusMessage("Moved \"\(title)\" to \(path) (u undoes; :restore \(path.fileName.droppingExtension) brings it back later)")
            state.recordUndo(change)
            return state.reloadEffects(after: change)
        case .noteRestored(let path, let change):
            state.status = StatusMessage("Restored \(path)")
            state.recordUndo(change)
            return state.reloadEffects(after: change)
        case .changeApplied(let change, let redo):
            // `change` is what was written: an undo wrote the edit reversed.
            if redo { state.undoStack.append(change) } else { state.redoStack.append(change.reversed) }
            state.status = StatusMessage((redo ? "Redone: " : "Undone: ") + change.changes.joined(separator: "; "))
            // The note the change touched is selected again where it now is (after a move or
            // the trash, the list and the page would otherwise show different notes).
            state.pendingSelection = state.noteSelection(after: change)
            return state.reloadEffects(after: change)
        case .gardenReloaded(let garden, let outside):
            state.reload(garden)
            state.applyPendingSelection()
            if !outside.isEmpty {
                let names = outside.prefix(3).map(\.fileName).joined(separator: ", ") + (outside.count > 3 ? " and \(outside.count - 3) more" : "")
                state.status = StatusMessage("Read again: \(names) changed on disk")
            }
            return [.buildSearchIndex, .watch(folders: garden.topics.map(\.id)), .gitStatus]
        case .noteReadForEditing(let noteID, let path, let bytes):
            state.receiveNoteForEditing(noteID: noteID, path: path, bytes: bytes)
            return []
        case .notesSaved(let change, let text):
            return state.notesSaved(change, text: text)
        case .notesSaveFailed(let reason, let disk, let gone):
            state.notesSaveFailed(reason, disk: gone ? [] : disk, gone: gone)
            return []
        case .sideCopyWritten(let path):
            let root = state.garden.map { $0.root + "/" } ?? ""
            state.status = StatusMessage("Your text is kept in \(path.replacingOccurrences(of: root, with: ""))")
            return [.reloadGarden(path: state.gardenPath)]
        case .structureEdited(let change, let select, let message):
            state.status = StatusMessage(message)
            state.pendingSelection = select
            guard !change.isEmpty else { return [] }
            state.recordUndo(change)
            return [.reloadGarden(path: state.gardenPath)]
        case .paperFound(let noteID):
            state.pendingSelection = .note(noteID)
            state.applyPendingSelection()
            state.status = StatusMessage("Already in the garden: \(state.garden?.note(noteID)?.path ?? noteID) (selected)")
            return []
        case .gitCount(let count):
            state.uncommittedCount = count
            return []
        case .showText(let title, let lines):
            state.overlay = .text(TextViewState(title: title, lines: lines))
            return []
        case .externalEditDone(let noteID, let change, let message, let failed):
            state.status = StatusMessage(message, isError: failed)
            guard !change.isEmpty, state.garden?.note(noteID) != nil else { return [] }
            state.recordUndo(change)
            return state.reloadEffects(after: change)
        case .filesChanged(let paths):
            guard state.garden != nil else { return [] }
            return paths.isEmpty ? [.reloadGarden(path: state.gardenPath)] : [.reloadNotes(paths: paths, outside: true)]
        }
    }

    /// Overlays take keys first; text overlays take printable keys as text.
    private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let noteID = state.confirmingTrash {
            // y moves the note to the trash; any other key keeps it.
            state.confirmingTrash = nil
            guard key == .character("y"), let garden = state.garden, let note = garden.note(noteID) else {
                state.status = StatusMessage("Kept")
                return []
            }
            return [.trashNote(title: note.title, path: note.path, root: garden.root)]
        }
        if case .text(let view)? = state.overlay { return TextOverlay.handle(key, view, &state) }
        if state.editing != nil {
            // Keys typed into an editor too small to draw would change the text unseen.
            guard !state.layout.isTooSmall else { return [] }
            return state.handleEditorKey(key)
        }
        switch state.overlay {
        case .text(let view)?:
            return TextOverlay.handle(key, view, &state)
        case .search(let search)?:
            return SearchOverlay.handle(key, search, &state)
        case .palette(let palette)?:
            return CommandPalette.handle(key, palette, &state)
        case .help(let scroll)?:
            return HelpOverlay.handle(key, scroll: scroll, &state)
        case nil:
            guard let command = state.keymap.command(for: key, in: state.focus) else {
                if key != .escape { state.status = StatusMessage("\(key.name) is not bound: press ? for help") }
                return []
            }
            return run(command, &state)
        }
    }

    /// Runs a command against the focused pane.
    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        if command == .quit {
            state.quitting = true
            return [.quit]
        }
        guard state.garden != nil else { return [] }  // still loading: only quit works
        switch command {
        case .moveDown: state.move(by: 1)
        case .moveUp: state.move(by: -1)
        case .top: state.move(by: -Int.max / 2)
        case .bottom: state.move(by: Int.max / 2)
        case .halfPageDown: state.move(by: max(1, state.visibleRows(state.focus) / 2))
        case .halfPageUp: state.move(by: -max(1, state.visibleRows(state.focus) / 2))
        case .collapseOrParent: state.collapseOrParent()
        case .expandOrChild: return state.expandOrChild()
        case .open: return state.open()
        case .nextPane: state.cycleFocus(by: 1)
        case .previousPane: state.cycleFocus(by: -1)
        case .search: state.overlay = .search(SearchState())
        case .nextMatch: state.stepMatch(forward: true)
        case .previousMatch: state.stepMatch(forward: false)
        case .nextLink: state.stepLink(forward: true)
        case .previousLink: state.stepLink(forward: false)
        case .openLink: return state.openFocusedLink()
        case .back: state.goBack()
        case .toggleAbstract: state.toggleFold(.abstract, name: "abstract")
        case .toggleNotes: state.toggleFold(.notes, name: "notes")
        case .help: state.overlay = .help(scroll: 0)
        case .palette: state.overlay = .palette(CommandPalette.opened(state))
        case .close: break
        case .quit: break
        case .cycleStatus: return state.editSelectedNote(cyclingStatus: true)
        case .toggleReadInDepth: return state.editSelectedNote(cyclingStatus: false)
        case .editExternally: return state.editExternally()
        case .editNotes: return state.openNotesEditor()
        case .quickNote, .editTags, .renameTitle:
            guard let note = state.noteToEdit() else { return [] }
            // The palette as the prompt, filled with what is there now.
            let input: String
            switch command {
            case .editTags: input = "tags " + note.tags.joined(separator: " ") + (note.tags.isEmpty ? "" : " ")
            case .renameTitle: input = "title " + note.title
            default: input = "note "
            }
            state.overlay = .palette(CommandPalette.opened(state, input: input))
        case .addPaper:
            state.overlay = .palette(CommandPalette.opened(state, input: "add "))
        case .moveNote:
            guard state.noteToEdit() != nil else { return [] }
            state.overlay = .palette(CommandPalette.opened(state, input: "move "))
        case .moveLater: return state.reorder(.down)
        case .moveEarlier: return state.reorder(.up)
        case .trashNote:
            guard let note = state.noteToEdit() else { return [] }
            state.confirmingTrash = note.id
            state.status = StatusMessage("Move \"\(note.title)\" to .trash/? y moves it, any other key keeps it")
        case .undo: return state.undoOrRedo(redo: false)
        case .redo: return state.undoOrRedo(redo: true)
        case .openCalculator: return state.openTopicCalculator()
        case .nextParameter: state.selectParameter(by: 1)
        case .previousParameter: state.selectParameter(by: -1)
        case .increase: return state.nudge(1)
        case .decrease: return state.nudge(-1)
        case .finerStep: state.scaleStep(by: 0.1)
        case .coarserStep: state.scaleStep(by: 10)
        case .editValue: state.editSelectedParameter()
        case .cyclePhi: return state.cycle("phi")
        case .cycleQuantity: return state.cycle("view")
        case .pointLeft, .pointRight, .pointUp, .pointDown: return state.arrow(command)
        case .closeCalculator: return state.closeCalculator()
        case .maximiseCalculator: return state.toggleMaximised()
        case .nextCalculator: return state.cycleCalculator(by: 1)
        case .previousCalculator: return state.cycleCalculator(by: -1)
        }
        return []
    }
}
