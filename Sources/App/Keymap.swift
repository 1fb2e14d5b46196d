import Screen

/// Key → command, with the default bindings in one table. A config file may rebind
/// (`Keymap.applying(config:)`); every command keeps its help text from `Command`.
public struct Keymap: Sendable, Equatable {
    public private(set) var bindings: [Key: Command]
    /// Keys of a focused calculator pane, tried before `bindings` there.
    public private(set) var calculatorBindings: [Key: Command]

    /// The defaults, in the order the help overlay shows them. Each key appears once (a test
    /// checks it) and every command has at least one key.
    public static let defaultTable: [(command: Command, keys: [Key])] = [
        (.moveDown, [.character("j"), .down]),
        (.moveUp, [.character("k"), .up]),
        (.top, [.character("g"), .home]),
        (.bottom, [.character("G"), .end]),
        (.halfPageDown, [.control("d"), .pageDown]),
        (.halfPageUp, [.control("u"), .pageUp]),
        (.collapseOrParent, [.character("h"), .left]),
        (.expandOrChild, [.character("l"), .right]),
        (.open, [.enter, .character(" ")]),
        (.nextPane, [.tab]),
        (.previousPane, [.backTab]),
        (.search, [.character("/")]),
        (.nextMatch, [.character("n")]),
        (.previousMatch, [.character("N")]),
        (.nextLink, [.character("]")]),
        (.previousLink, [.character("[")]),
        (.openLink, [.character("o")]),
        (.back, [.backspace, .control("o")]),
        (.toggleAbstract, [.character("a")]),
        (.toggleNotes, [.character("m")]),
        (.help, [.character("?"), .function(1)]),
        (.palette, [.character(":")]),
        (.close, [.escape]),
        (.quit, [.character("q"), .control("c")]),
        (.cycleStatus, [.character("s")]),
        (.toggleReadInDepth, [.character("*")]),
        (.editExternally, [.character("e")]),
        (.editNotes, [.character("i")]),
        (.quickNote, [.character("I")]),
        (.editTags, [.character("t")]),
        (.renameTitle, [.character("r")]),
        (.addPaper, [.character("A")]),
        (.moveNote, [.character("M")]),
        (.moveLater, [.character("J")]),
        (.moveEarlier, [.character("K")]),
        (.trashNote, [.character("d")]),
        (.undo, [.character("u")]),
        (.redo, [.control("r")]),
        (.openCalculator, [.character("c")]),
    ]

    /// The keys of a focused calculator pane; anything not here falls through to the table
    /// above (Tab, h, q, ?, : work as everywhere).
    public static let calculatorTable: [(command: Command, keys: [Key])] = [
        (.nextParameter, [.character("j")]),
        (.previousParameter, [.character("k")]),
        (.increase, [.character("+"), .character("=")]),
        (.decrease, [.character("-"), .character("_")]),
        (.finerStep, [.character("<")]),
        (.coarserStep, [.character(">")]),
        (.editValue, [.enter]),
        (.cyclePhi, [.character("p")]),
        (.cycleQuantity, [.character("v")]),
        (.pointLeft, [.left]),
        (.pointRight, [.right]),
        (.pointUp, [.up]),
        (.pointDown, [.down]),
        (.closeCalculator, [.character("x")]),
        (.maximiseCalculator, [.character("z")]),
        (.nextCalculator, [.character("]")]),
        (.previousCalculator, [.character("[")]),
    ]

    public static let defaults = Keymap(table: defaultTable, calculatorTable: calculatorTable)

    public init(table: [(command: Command, keys: [Key])], calculatorTable: [(command: Command, keys: [Key])] = []) {
        var bindings: [Key: Command] = [:]
        for (command, keys) in table {
            for key in keys { bindings[key] = command }
        }
        self.bindings = bindings
        var local: [Key: Command] = [:]
        for (command, keys) in calculatorTable {
            for key in keys { local[key] = command }
        }
        calculatorBindings = local
    }

    public func command(for key: Key) -> Command? { bindings[key] }

    /// The command of `key` in `pane`: a calculator pane's own keys first.
    public func command(for key: Key, in pane: Pane) -> Command? {
        if pane == .calculator, let command = calculatorBindings[key] { return command }
        return bindings[key]
    }

    /// The keys bound to `command`, in a stable order (the default table's, then by name).
    public func keys(for command: Command) -> [Key] {
        let table = command.isCalculatorLocal ? Self.calculatorTable : Self.defaultTable
        let defaultOrder = table.first { $0.command == command }?.keys ?? []
        let bound = (command.isCalculatorLocal ? calculatorBindings : bindings).filter { $0.value == command }.map(\.key)
        return defaultOrder.filter(bound.contains) + bound.filter { !defaultOrder.contains($0) }.sorted { $0.name < $1.name }
    }

    /// Binds `key` where `command` acts: in calculator panes for their own commands, else
    /// everywhere.
    public mutating func bind(_ key: Key, to command: Command) {
        if command.isCalculatorLocal { calculatorBindings[key] = command } else { bindings[key] = command }
    }

    /// Removes `key` everywhere.
    public mutating func unbind(_ key: Key) {
        bindings[key] = nil
        calculatorBindings[key] = nil
    }
}
