import Screen

/// A multi-line editor for a note's "## Notes" section: vim's modal keys for those who know
/// them, and typing that just works for those who don't (it opens in insert mode at the end of
/// the text; ctrl-s saves, ctrl-c cancels, in every mode). Pure: keys in, actions out;
/// `TextEditorView` draws it.
///
/// The text is kept as lines of grapheme clusters (Swift `Character`s), so the cursor never
/// stands inside a combining sequence or an emoji; `text` joins the lines with "\n" again, byte
/// for byte (the lines are split on the "\n" scalar, so even a "\r\n" cluster round-trips).
///
/// Hosting it: `handle(_:)` each key and act on the `TextEditorAction`; call `layout(width:height:)`
/// after each key and resize (it keeps the cursor row in view with the least scrolling, and
/// sizes page moves); draw with `TextEditorView.draw`.
public struct TextEditorState: Sendable, Equatable {
    /// A place in the text: a line and a grapheme cluster in it, both from 0.
    public struct Position: Hashable, Sendable, Comparable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
        public static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    /// One screen row of the wrapped text: a line, and which of its wrapped rows (from 0).
    public struct ScreenRow: Hashable, Sendable, Comparable {
        public var line: Int
        public var row: Int
        public init(line: Int, row: Int) {
            self.line = line
            self.row = row
        }
        public static func < (a: ScreenRow, b: ScreenRow) -> Bool { (a.line, a.row) < (b.line, b.row) }
    }

    public enum Mode: Hashable, Sendable {
        case insert
        case normal
        /// A `:` command being typed (the text after the colon).
        case commandLine(String)
        /// After ctrl-c with unsaved changes: `y` discards them, any other key goes back to
        /// editing (to insert mode when `fromInsert`).
        case confirmingDiscard(fromInsert: Bool)
    }

    /// One line for the bottom row until the next key: an error (`:q` refused, an unknown
    /// command) or a note (`Already at oldest change`, the host's "Saved").
    public struct Message: Hashable, Sendable {
        public var text: String
        public var isError: Bool
        public init(_ text: String, isError: Bool = false) {
            self.text = text
            self.isError = isError
        }
    }

    /// Shown on the top row ("Notes — <paper title>").
    public var title: String
    public internal(set) var mode: Mode = .insert
    public internal(set) var cursor: Position
    public internal(set) var message: Message?
    /// The first screen row shown (kept by `layout(width:height:)`).
    public internal(set) var scroll = ScreenRow(line: 0, row: 0)

    /// Never empty: the empty text is one empty line.
    var lines: [[Character]]
    /// The text as last written (or as opened): `isModified` compares against it.
    var savedText: String
    /// A normal-mode command being typed: a count, an operator, a `g` or `Z` prefix.
    var pending = PendingCommand()
    /// The display column `j`/`k` aim for (vim's curswant); nil: the cursor's own. `Int.max`
    /// after `$`: the end of every line.
    var wantedColumn: Int?
    var history = EditHistory()
    /// What `d`, `x`, `y` took last, for `p`/`P` (vim's unnamed register).
    var register: Register?
    /// Rows of text on screen, for page moves (from the last `layout`).
    var pageRows = 10

    /// `text` uses "\n" between lines only (the caller converts CRLF); anything else in it,
    /// control characters included, is kept as it is.
    public init(text: String, title: String) {
        self.title = title
        savedText = text
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array(String($0)) }
        cursor = Position(line: lines.count - 1, column: lines[lines.count - 1].count)
        history.insertStart = EditHistory.Snapshot(lines: lines, cursor: cursor)
    }

    /// The text, lines joined with "\n".
    public var text: String {
        var result = ""
        for (index, line) in lines.enumerated() {
            if index > 0 { result.unicodeScalars.append("\n") }
            result.append(contentsOf: line)
        }
        return result
    }

    /// Whether the text differs from what was opened or last saved (byte for byte: String's
    /// `==` would call "é" and "e\u{301}" equal).
    public var isModified: Bool { !text.utf8.elementsEqual(savedText.utf8) }

    /// The host wrote `text` (after `.write`): it becomes the unmodified text.
    public mutating func markSaved(_ text: String) {
        savedText = text
    }

    /// Shows `text` on the bottom row until the next key (a failed write, say).
    public mutating func show(_ text: String, isError: Bool) {
        message = Message(text, isError: isError)
    }

    /// Keeps the cursor row in view in an editor drawn in a `width` × `height` rectangle (the
    /// whole editor, title and status rows included), scrolling as little as possible.
    public mutating func layout(width: Int, height: Int) {
        let area = TextEditorLayout.areas(in: Rect(x: 0, y: 0, width: width, height: height)).text
        scroll = TextEditorLayout.top(self, width: area.width, height: area.height)
        pageRows = max(1, area.height)
    }

    /// One key. ctrl-s and ctrl-c mean the same in every mode; the rest depends on the mode.
    public mutating func handle(_ key: Key) -> TextEditorAction {
        message = nil
        if case .confirmingDiscard(let fromInsert) = mode {
            if key == .character("y") || key == .character("Y") { return .close }
            mode = fromInsert ? .insert : .normal
            return .none
        }
        switch key {
        case .control("s"):
            // Out of a `:` line, so that a message about the write (from the host) shows.
            pending = PendingCommand()
            if case .commandLine = mode { mode = .normal }
            return .save(text)
        case .control("c"):
            pending = PendingCommand()
            guard isModified else { return .close }
            if case .commandLine = mode { mode = .normal }
            mode = .confirmingDiscard(fromInsert: mode == .insert)
            return .none
        default:
            break
        }
        let before = EditHistory.Snapshot(lines: lines, cursor: cursor)
        let wasInserting = mode == .insert
        let historyMoves = history.moves
        let action: TextEditorAction
        switch mode {
        case .insert: action = handleInsert(key)
        case .normal: action = handleNormal(key)
        case .commandLine(let input): action = handleCommandLine(input, key)
        case .confirmingDiscard: action = .none
        }
        // An undo or redo changes the lines too, but is no change to record.
        if history.moves == historyMoves { recordChange(from: before, wasInserting: wasInserting) }
        return action
    }
}

/// What the host does after a key.
public enum TextEditorAction: Equatable, Sendable {
    case none
    /// Write this text and close the editor (ctrl-s, `:wq`, `:x`, `ZZ`). The host may skip the
    /// write when nothing changed (`isModified` false).
    case save(String)
    /// Write this text and keep editing (`:w`); call `markSaved(_:)` once it is written (or
    /// `show(_:isError:)` when it fails).
    case write(String)
    /// Close without saving: cancelled with nothing changed, or the changes discarded.
    case close
}
