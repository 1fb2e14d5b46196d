@preconcurrency import CCmarkGFM

/// A `cmark_node *`. The struct is private to cmark-gfm, so Swift imports it as opaque.
typealias CmarkNode = OpaquePointer

/// The node types of the GitHub extensions. Unlike the core types (an enum), these are global
/// variables that cmark assigns when the extensions register, so they are read per parse,
/// while holding the parse lock, after registration. Swift 6 rejects reading a C global `var`
/// as shared mutable state; the `@preconcurrency` import above accepts it, which is sound
/// because the lock serialises every access.
struct ExtensionNodeTypes {
    let table = CMARK_NODE_TABLE
    let tableRow = CMARK_NODE_TABLE_ROW
    let tableCell = CMARK_NODE_TABLE_CELL
    let strikethrough = CMARK_NODE_STRIKETHROUGH
}

/// The children of `node`, first to last.
func children(of node: CmarkNode) -> CmarkChildren {
    CmarkChildren(upcoming: cmark_node_first_child(node))
}

/// Walks a sibling chain with `cmark_node_next` until cmark returns NULL.
struct CmarkChildren: Sequence, IteratorProtocol {
    /// Optional on purpose: cmark's `OpaquePointer!` results are NULL at the end.
    var upcoming: CmarkNode?

    mutating func next() -> CmarkNode? {
        guard let current = upcoming else { return nil }
        upcoming = cmark_node_next(current)
        return current
    }
}

/// A C string from cmark as a Swift string; "" for NULL. Invalid UTF-8 (impossible from a
/// Swift input, but cheap to survive) is repaired with U+FFFD.
func swiftString(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
}

/// The readable text under `node`, for nodes this module does not model and for subtrees
/// nested too deeply to copy. Walks with cmark's iterator rather than recursion, so any
/// depth is safe. Line breaks and block ends become single spaces.
func plainText(of node: CmarkNode) -> String {
    guard let iterator = cmark_iter_new(node) else { return "" }
    defer { cmark_iter_free(iterator) }
    var result = ""
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        guard let current = cmark_iter_get_node(iterator) else { continue }
        let type = cmark_node_get_type(current)
        if event == CMARK_EVENT_ENTER {
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                result += swiftString(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                result += " "
            default:
                break
            }
        }
        // Blocks are separated by a space; the spaces collapse below.
        if isBlock(type) { result += " " }
    }
    return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// Whether `type` is a block type. cmark encodes the kind in the type's high bits
/// (`CMARK_NODE_TYPE_MASK` 0xc000: 0x8000 block, 0xc000 inline), for extension types too.
func isBlock(_ type: cmark_node_type) -> Bool {
    type.rawValue & 0xC000 == 0x8000
}
