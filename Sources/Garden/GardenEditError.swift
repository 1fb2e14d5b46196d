/// Why an edit to the garden's structure (adding a paper, moving a note, reordering, adding,
/// renaming or moving a topic) was refused or failed. Nothing on disk changed in any case.
/// Paths are relative to the garden root.
public enum GardenEditError: Error, Sendable, Equatable, CustomStringConvertible {
    case badReference(PaperReference.ParseError)
    case unknownNote(String)
    case unknownTopic(String)
    /// A title or name that is blank or holds control characters.
    case badTitle(String)
    /// The note or topic is already where it would go.
    case alreadyThere(String)
    /// A file or folder of that name is in the way.
    case occupied(String)
    /// A topic cannot go inside itself or below itself.
    case intoItself(String)
    /// The root topic has no folder to rename or move, and no siblings.
    case rootTopic
    /// The note or topic is already first (moving up) or last (moving down).
    case atEdge(String)
    /// The note is listed in the topic through `topics:`; it is ordered in its own folder.
    case notHome(note: String, home: String)
    case unreadable(String)
    case notUTF8(String)
    case write(SafeFile.WriteError)

    public var description: String {
        switch self {
        case .badReference(let error): return error.description
        case .unknownNote(let name): return "no note named '\(name)'"
        case .unknownTopic(let name): return "no topic named '\(name)'"
        case .badTitle(let text): return "'\(text)' cannot be a title: it must be non-empty text without control characters"
        case .alreadyThere(let what): return "\(what) is already there; nothing to do"
        case .occupied(let path): return "\(path) already exists; nothing was overwritten"
        case .intoItself(let id): return "a topic cannot move into itself or below itself ('\(id)')"
        case .rootTopic: return "the garden's root topic cannot be moved, reordered or given a sibling"
        case .atEdge(let what): return "\(what) cannot move further that way"
        case .notHome(let note, let home): return "'\(note)' lives in '\(home)'; it is ordered there"
        case .unreadable(let path): return "cannot read \(path)"
        case .notUTF8(let path): return "\(path) is not valid UTF-8; not edited"
        case .write(let error): return error.description
        }
    }
}

extension Garden {
    /// The bytes and text of a garden file (path relative to the root), for an edit.
    func readForEdit(_ path: String) throws(GardenEditError) -> (bytes: [UInt8], text: String) {
        guard let bytes = SafeFile.read(root + "/" + path) else { throw .unreadable(path) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(path) }
        return (bytes, text)
    }

    /// Applies `change`, its failure reported with paths relative to the root.
    func apply(_ change: GardenChange) throws(GardenEditError) -> GardenChange {
        do {
            try change.apply()
        } catch {
            throw .write(error.relative(to: root))
        }
        return change
    }

    /// A path relative to the root, absolute.
    func absolute(_ path: String) -> String { path.isEmpty ? root : root + "/" + path }
}

extension SafeFile.WriteError {
    /// The same failure with `root/` taken off its path.
    func relative(to root: String) -> SafeFile.WriteError {
        let strip = { (path: String) in path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path }
        switch self {
        case .changedOnDisk(let path): return .changedOnDisk(strip(path))
        case .alreadyExists(let path): return .alreadyExists(strip(path))
        case .missing(let path): return .missing(strip(path))
        case .notEmpty(let path): return .notEmpty(strip(path))
        case .failed(let path, let reason): return .failed(strip(path), reason)
        }
    }
}
