/// Everything a key can do, named. The keymap binds keys to these; the help overlay, the
/// command palette and the README's cheat sheet all list them from `Command.allCases`, so a
/// command cannot exist without its help text.
public enum Command: String, CaseIterable, Sendable {
    case moveDown = "down"
    case moveUp = "up"
    case top
    case bottom
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case collapseOrParent = "left"
    case expandOrChild = "right"
    case open
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case search
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case nextLink = "next-link"
    case previousLink = "previous-link"
    case openLink = "open-link"
    case back
    case toggleAbstract = "toggle-abstract"
    case toggleNotes = "toggle-notes"
    case help
    case palette
    case close
    case quit
    case cycleStatus = "cycle-status"
    case toggleReadInDepth = "toggle-read-in-depth"
    case editExternally = "edit"
    case editNotes = "edit-notes"
    case quickNote = "quick-note"
    case editTags = "edit-tags"
    case renameTitle = "rename"
    case addPaper = "add-paper"
    case moveNote = "move"
    case moveLater = "move-down"
    case moveEarlier = "move-up"
    case trashNote = "delete"
    case undo
    case redo
    case openCalculator = "calculator"
    // In a focused calculator pane (see `Keymap.calculatorTable`).
    case nextParameter = "next-parameter"
    case previousParameter = "previous-parameter"
    case increase
    case decrease
    case finerStep = "finer-step"
    case coarserStep = "coarser-step"
    case editValue = "edit-value"
    case cyclePhi = "cycle-phi"
    case cycleQuantity = "cycle-view"
    case pointLeft = "point-left"
    case pointRight = "point-right"
    case pointUp = "point-up"
    case pointDown = "point-down"
    case closeCalculator = "close-calculator"
    case maximiseCalculator = "maximise-calculator"
    case nextCalculator = "next-calculator"
    case previousCalculator = "previous-calculator"

    /// The name used in the config file and the command palette.
    public var name: String { rawValue }

    /// One line for the help overlay and the cheat sheet.
    public var help: String {
        switch self {
        case .moveDown: return "move down"
        case .moveUp: return "move up"
        case .top: return "go to the top"
        case .bottom: return "go to the bottom"
        case .halfPageDown: return "half a page down"
        case .halfPageUp: return "half a page up"
        case .collapseOrParent: return "collapse, or go to the parent / previous pane"
        case .expandOrChild: return "expand, or go to the child / open"
        case .open: return "open the selection, follow the link or toggle the section"
        case .nextPane: return "next pane"
        case .previousPane: return "previous pane"
        case .search: return "search the whole garden"
        case .nextMatch: return "next search match in the reading pane"
        case .previousMatch: return "previous search match in the reading pane"
        case .nextLink: return "focus the next link in the reading pane"
        case .previousLink: return "focus the previous link in the reading pane"
        case .openLink: return "open the focused link (a note here; http, https, file in a browser)"
        case .back: return "back to the note before the last followed link"
        case .toggleAbstract: return "expand or collapse the abstract"
        case .toggleNotes: return "expand or collapse the notes"
        case .help: return "show or hide this help"
        case .palette: return "command palette (go to topic, filter, calculators)"
        case .close: return "close the top overlay"
        case .quit: return "quit"
        case .cycleStatus: return "the paper's status: unread → reading → read → unread (saved to its file)"
        case .toggleReadInDepth: return "mark the paper read in depth ✅, or not (saved; in depth implies read)"
        case .editExternally: return "edit the note's file in $VISUAL or $EDITOR at the focused section (else the notes here)"
        case .editNotes: return "edit the note's notes section here (vim keys; ctrl-s saves, ctrl-c cancels)"
        case .quickNote: return "add one line to the note's notes (the palette's note TEXT)"
        case .editTags: return "edit the note's tags (the palette's tags A B …; Tab completes)"
        case .renameTitle: return "rename the note (the palette's title TEXT)"
        case .addPaper: return "add a paper to the topic from its title, arXiv id or URL, or OpenReview URL (the palette's add …)"
        case .moveNote: return "move the note to another topic (the palette's move TOPIC, fuzzy)"
        case .moveLater: return "move the paper (list) or topic (tree) one place down, saved as order:"
        case .moveEarlier: return "move the paper (list) or topic (tree) one place up, saved as order:"
        case .trashNote: return "move the note to the garden's .trash/ after y (the palette's restore NAME brings it back)"
        case .undo: return "undo the last edit of the session (the file's bytes put back exactly)"
        case .redo: return "redo the last undone edit"
        case .openCalculator: return "open the topic's calculator beside the note (else choose one)"
        case .nextParameter: return "calculator: select the next parameter"
        case .previousParameter: return "calculator: select the previous parameter"
        case .increase: return "calculator: parameter up one step (phase diagram: zoom in)"
        case .decrease: return "calculator: parameter down one step (phase diagram: zoom out)"
        case .finerStep: return "calculator: step ÷ 10"
        case .coarserStep: return "calculator: step × 10"
        case .editValue: return "calculator: type the parameter's exact value"
        case .cyclePhi: return "calculator: next activation φ"
        case .cycleQuantity: return "calculator: next view (phase shading; kernels or regression; spectrum source)"
        case .pointLeft: return "calculator: phase point left (σw² − step); elsewhere parameter down"
        case .pointRight: return "calculator: phase point right (σw² + step); elsewhere parameter up"
        case .pointUp: return "calculator: phase point up (σb² + step); elsewhere previous parameter"
        case .pointDown: return "calculator: phase point down (σb² − step); elsewhere next parameter"
        case .closeCalculator: return "calculator: close this pane"
        case .maximiseCalculator: return "calculator: fill the screen, or restore"
        case .nextCalculator: return "calculator: next tab"
        case .previousCalculator: return "calculator: previous tab"
        }
    }

    /// The group the help overlay lists the command under.
    public var group: String {
        switch self {
        case .moveDown, .moveUp, .top, .bottom, .halfPageDown, .halfPageUp, .collapseOrParent,
             .expandOrChild, .open, .nextPane, .previousPane, .back:
            return "Move"
        case .nextLink, .previousLink, .openLink, .toggleAbstract, .toggleNotes, .nextMatch, .previousMatch:
            return "Read"
        case .cycleStatus, .toggleReadInDepth, .editExternally, .editNotes, .quickNote, .editTags, .renameTitle, .addPaper, .moveNote, .moveLater, .moveEarlier, .trashNote, .undo, .redo:
            return "Edit"
        case .search, .palette, .help, .close, .quit:
            return "Find and more"
        case .openCalculator, .nextParameter, .previousParameter, .increase, .decrease, .finerStep, .coarserStep, .editValue,
             .cyclePhi, .cycleQuantity, .pointLeft, .pointRight, .pointUp, .pointDown, .closeCalculator, .maximiseCalculator,
             .nextCalculator, .previousCalculator:
            return "Calculators"
        }
    }

    /// Whether the command acts in a focused calculator pane only (its keys may mean something
    /// else elsewhere: `j` moves down a list, selects a parameter here).
    public var isCalculatorLocal: Bool {
        group == "Calculators" && self != .openCalculator
    }
}
