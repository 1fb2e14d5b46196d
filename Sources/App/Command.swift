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
        case .search, .palette, .help, .close, .quit:
            return "Find and more"
        }
    }
}
