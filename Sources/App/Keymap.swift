import Screen

/// Key → command, with the default bindings in one table. A config file may rebind
/// (`Keymap.applying(config:)`); every command keeps its help text from `Command`.
public struct Keymap: Sendable, Equatable {
    public private(set) var bindings: [Key: Command]

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
    ]

    public static let defaults = Keymap(table: defaultTable)

    public init(table: [(command: Command, keys: [Key])]) {
        var bindings: [Key: Command] = [:]
        for (command, keys) in table {
            for key in keys { bindings[key] = command }
        }
        self.bindings = bindings
    }

    public func command(for key: Key) -> Command? { bindings[key] }

    /// The keys bound to `command`, in a stable order (the default table's, then by name).
    public func keys(for command: Command) -> [Key] {
        let defaultOrder = Self.defaultTable.first { $0.command == command }?.keys ?? []
        let bound = bindings.filter { $0.value == command }.map(\.key)
        return defaultOrder.filter(bound.contains) + bound.filter { !defaultOrder.contains($0) }.sorted { $0.name < $1.name }
    }

    public mutating func bind(_ key: Key, to command: Command) { bindings[key] = command }

    public mutating func unbind(_ key: Key) { bindings[key] = nil }
}
