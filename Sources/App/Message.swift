import Calculators
import Garden
import Screen

/// What happened: input from the terminal or the result of an effect.
public enum Message: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    case gardenLoaded(Garden)
    case gardenFailed(String)
    case searchIndexBuilt(SearchIndex)
    /// An effect failed (xdg-open could not start, …): shown in the status bar.
    case effectFailed(String)
    /// A calculator's computation finished (dropped unless it answers the pane's latest request).
    case calculated(CalculatorResult)
    /// A calculator block's result.
    case blockCalculated(BlockKey, CalculatorOutput)
    /// A note's file was edited (the change records the bytes, for undo); the garden reloads.
    case noteEdited(noteID: String, GardenChange)
    /// A note was moved to the trash (`path` inside it) or back (`restored`); the garden
    /// reloads. The change (a rename) is what undo reverses.
    case noteTrashed(title: String, path: String, GardenChange)
    case noteRestored(path: String, GardenChange)
    /// An undo (`redo` false) or redo put files back; the garden reloads.
    case changeApplied(GardenChange, redo: Bool)
    /// The garden read again after an edit or an outside change (`outside`: the paths another
    /// program changed): the place in it is kept.
    case gardenReloaded(Garden, outside: [String])
    /// The note's bytes for the in-app editor (`.readNoteForEditing`).
    case noteReadForEditing(noteID: String, path: String, [UInt8])
    /// The in-app editor's save landed (`text` is what was saved), or failed: `disk` holds
    /// the file's bytes when it had changed on disk (the owner is offered a choice); `gone`:
    /// the file was deleted or moved meanwhile.
    case notesSaved(GardenChange, text: String)
    case notesSaveFailed(String, disk: [UInt8]?, gone: Bool)
    /// A side copy was written (text kept beside its note).
    case sideCopyWritten(path: String)
    /// A structural edit landed: select `select` once the garden is read again.
    case structureEdited(GardenChange, select: Location, String)
    /// `add` found the paper already in the garden: it is selected instead.
    case paperFound(noteID: String)
    /// How many notes git sees as uncommitted (nil: the garden is not a repository).
    case gitCount(Int?)
    /// Text to show in the text overlay (a diff, a commit's result).
    case showText(title: String, lines: [String])
    /// The owner's editor returned: the change it made (empty when none), and what to say.
    case externalEditDone(noteID: String, GardenChange, message: String, failed: Bool)
    /// Files in the garden changed on disk (garden-relative paths; empty: too many to say).
    case filesChanged([String])
}

/// Work for the run loop: I/O that the pure update must not do. Each may answer with messages.
public enum Effect: Sendable, Equatable {
    /// Load the garden off the main loop; answers `.gardenLoaded` or `.gardenFailed`.
    case loadGarden(path: String)
    /// Build the search index in the background; answers `.searchIndexBuilt`.
    case buildSearchIndex
    /// Open a URL (http, https or file only: `update` checks) with `xdg-open`.
    case openURL(String)
    /// Compute a calculator pane's request off the main loop; answers `.calculated`. A newer
    /// request for the same pane supersedes one that has not started.
    case calculate(paneID: Int, generation: Int, CalculatorRequest)
    /// Forget the pane's waiting request (the pane closed).
    case cancelCalculation(paneID: Int)
    /// Compute a calculator block's result off the main loop; answers `.blockCalculated`.
    case calculateBlock(BlockKey, CalculatorRequest)
    /// Edit a note's file (`path`, absolute) safely; answers `.noteEdited`
    /// or `.effectFailed` with the reason (nothing is lost: a changed file is never overwritten).
    case editNote(noteID: String, path: String, [NoteEdit])
    /// Move a note (`path` relative to `root`) into the garden's `.trash/`; answers
    /// `.noteTrashed` or `.effectFailed`.
    case trashNote(title: String, path: String, root: String)
    /// Bring a note back from the trash by name; answers `.noteRestored` or `.effectFailed`.
    case restoreNote(name: String, root: String)
    /// Read the garden again (after an edit); answers `.gardenReloaded` or `.gardenFailed`.
    case reloadGarden(path: String)
    /// Read these notes again (garden-relative paths), alone when nothing else can have
    /// changed, else the whole garden; `outside`: they changed under the program, so only
    /// those that differ from what the garden holds count. Answers `.gardenReloaded`.
    case reloadNotes(paths: [String], outside: Bool)
    /// Watch these folders (garden-relative) for outside changes; answers `.filesChanged`.
    case watch(folders: [String])
    /// Apply a recorded change (undo: the change reversed) if the files still hold what the
    /// change starts from; answers `.changeApplied` or `.effectFailed`.
    case applyChange(GardenChange, redo: Bool)
    /// A structural edit (add, move, reorder, topics); answers with `StructureEdit.perform`.
    case structureEdit(StructureEdit)
    /// Count the uncommitted notes (off the main loop); answers `.gitCount`.
    case gitStatus
    /// Commit the garden with a message naming what changed; answers `.effectFailed` or
    /// `.showText` with the commit.
    case gitCommit
    /// The uncommitted diff of a note's file (garden-relative); answers `.showText`.
    case gitDiff(path: String)
    /// Read a note's bytes for the in-app editor; answers `.noteReadForEditing` or
    /// `.effectFailed`.
    case readNoteForEditing(noteID: String, path: String)
    /// Write the in-app editor's text as the note's notes section, into `basedOn` (the bytes
    /// it was opened against) and only if the file still holds them; answers `.notesSaved` or
    /// `.notesSaveFailed`.
    case saveNotes(noteID: String, path: String, basedOn: [UInt8], text: String)
    /// Write text that could not go into its note beside it (never over a file); answers
    /// `.sideCopyWritten` or `.effectFailed`.
    case writeSideCopy(path: String, text: String)
    /// Hand the terminal to the owner's editor on a note's file (absolute `path`) at `line`;
    /// answers `.externalEditDone`, or `.effectFailed` (no change is kept from an editor that
    /// failed).
    case runEditor(noteID: String, path: String, line: Int?)
    case quit
}
