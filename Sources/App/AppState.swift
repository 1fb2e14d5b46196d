import Garden
import Markdown
import Screen

/// The panes of the browser, in Tab order.
public enum Pane: Int, CaseIterable, Sendable {
    case tree, list, reading
    /// The open calculators (Tab reaches it only while one is open).
    case calculator

    public var title: String {
        switch self {
        case .tree: return "Topics"
        case .list: return "Papers"
        case .reading: return "Reading"
        case .calculator: return "Calculator"
        }
    }
}

/// Everything the screen shows, as one value. `App.update` changes it in response to messages;
/// `App.view` draws it. Nothing here touches the terminal or the disk.
public struct AppState: Sendable {
    public var size: Size
    public var glyphs: Glyphs
    public var keymap: Keymap
    /// The owner's editor command (`Config.editor`): nil makes `e` edit in the app.
    public var editor: String?
    public var mouseEnabled: Bool

    /// nil until the garden has loaded (the first frame shows "Loading…").
    public var garden: Garden?
    public var gardenPath: String
    public var loadError: String?
    public var searchIndex: SearchIndex?
    /// Read and total papers per topic id, over its subtree (computed once per load).
    public var counts: [String: (read: Int, total: Int)] = [:]
    /// Note ids of each topic's subtree, filled as topics are first listed (a big topic's
    /// list takes milliseconds to gather; moving through the tree should not).
    var subtreeNoteIDs: [String: [String]] = [:]

    public var focus: Pane = .tree
    public var tree = TreeState()
    public var list = ListState()
    public var filter = NoteFilter()
    public var reading = ReadingState()
    /// Folded sections per note id, remembered while the program runs.
    public var collapsedByNote: [String: Set<FoldID>] = [:]
    /// The query of the last search opened, for n/N in the reading pane.
    public var lastQuery: String = ""
    /// Places left by following links or opening search results, for `back`.
    public var history: [Visit] = []
    /// The calculator panes.
    public var calculators = CalculatorDeck()
    /// Results of the calculator blocks in notes.
    public var blocks = BlockCache()
    /// The session's edits, newest last: `u` undoes, ctrl-r redoes.
    public var undoStack: [GardenChange] = []
    /// A note waiting for y (move to the trash) or any other key (keep it).
    public var confirmingTrash: String?
    /// What to select when the garden has been read again after a structural edit.
    public var pendingSelection: Location?
    /// Notes with uncommitted changes when the garden is a git repository (nil: it is not).
    public var uncommittedCount: Int?
    /// The in-app editor, when open on a note's notes (it takes every key).
    public var editing: NotesEditing?
    public var redoStack: [GardenChange] = []
    public var overlay: Overlay?
    /// A one-line message in the status bar until the next key.
    public var status: StatusMessage?
    public var quitting = false

    public init(size: Size, gardenPath: String, glyphs: Glyphs = .unicode, config: Config = Config()) {
        self.size = size
        self.gardenPath = gardenPath
        self.glyphs = glyphs
        self.keymap = config.keymap
        self.editor = config.editor
        self.mouseEnabled = config.mouse
        if let problem = config.problems.first {
            let more = config.problems.count > 1 ? " (and \(config.problems.count - 1) more)" : ""
            status = StatusMessage(problem + more, isError: true)
        }
    }
}

/// The topic tree's expanded topics, selection and scroll.
public struct TreeState: Sendable, Equatable {
    public var expanded: Set<String> = [""]
    public var selected: String = ""
    public var scroll = 0
}

/// The selected topic's notes (filtered), the selection and scroll.
public struct ListState: Sendable, Equatable {
    public var noteIDs: [String] = []
    public var selected = 0
    public var scroll = 0
}

/// The palette's filters on the papers list.
public struct NoteFilter: Sendable, Equatable {
    public var status: ReadStatus?
    public var tag: String?

    public var isActive: Bool { status != nil || tag != nil }

    public var description: String {
        [status.map { "status \($0.rawValue)" }, tag.map { "tag \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }

    public func admits(_ note: Note) -> Bool {
        if let status, note.status != status { return false }
        if let tag {
            let wanted = tag.lowercased()
            if !note.tags.contains(where: { $0.lowercased() == wanted }) { return false }
        }
        return true
    }
}

/// What the reading pane shows: a note or a topic's page, laid out for the pane's width.
public struct ReadingState: Sendable, Equatable {
    public var subject: Location?
    public var document = RenderedDocument()
    /// The line the cursor is on (highlighted while the pane has focus).
    public var cursor = 0
    public var scroll = 0
    /// Index into `document.links` of the link `o` opens.
    public var focusedLink: Int?
    /// The width `document` was laid out for.
    public var width = 0
}

/// A place the reading pane can show.
public enum Location: Sendable, Equatable {
    case note(String)
    case topic(String)
}

/// A place left for another, and where in it the reader was: `back` returns to the same line
/// with the same link focused.
public struct Visit: Sendable, Equatable {
    public var location: Location
    public var cursor: Int
    public var scroll: Int
    public var focusedLink: Int?
}

/// The overlay drawn over the panes, topmost only.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    /// A scrollable text: a diff, a command's output.
    case text(TextViewState)
    case search(SearchState)
    case palette(PaletteState)
}

public struct SearchState: Sendable, Equatable {
    public var query = ""
    public var hits: [SearchHit] = []
    public var selected = 0
    public var scroll = 0
}

public struct PaletteState: Sendable, Equatable {
    public var input = ""
    public var completions: [String] = []
    /// Whether Enter takes the selected completion for the typed prefix: yes for names picked
    /// from a list (topics, commands, activations), no where the completions only suggest
    /// (a calculator's keys with their current values, tags being typed).
    public var enterPicks = true
    public var selected = 0
}

public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
