/// One thing that happened to the garden since the last commit, in the owner's terms: a
/// paper read, papers added to a topic, a note renamed, moved, tagged or trashed.
public struct UncommittedChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case readInDepth
        case read
        case reading
        case unread
        /// A new note in the topic titled so.
        case added(topic: String, paper: Bool)
        /// A new folder description (`index.md`): a new topic.
        case newTopic
        case renamed(from: String)
        /// The same file name in another folder (the note's old path is `from`).
        case moved(from: String, topic: String)
        case tagged(added: [String], removed: [String])
        /// The body changed in substance (not only in whitespace).
        case notes
        /// Deleted, or moved into the garden's `.trash/`.
        case removed
        /// Moved back out of `.trash/`.
        case restored
        /// Any other change (another key, whitespace, a file the loader cannot read).
        case edited
        /// A file that is not a note (an attachment).
        case file
    }

    public var kind: Kind
    /// Garden-relative: where the note is now (where it was, for a removed one).
    public var path: String
    /// The note's title (its new one after a rename; its last one when removed).
    public var title: String

    public init(_ kind: Kind, path: String, title: String) {
        self.kind = kind
        self.path = path
        self.title = title
    }

    /// Names the changes of `files` (Markdown, hidden ones included, so that a move into or
    /// out of the trash is seen as one). `topicTitle` gives a folder's title.
    static func describe(_ files: [ChangedFile], otherFiles: [String] = [],
                         topicTitle: (String) -> String) -> [UncommittedChange] {
        var changes: [UncommittedChange] = []
        let visible = files.filter { !GitGarden.isHidden($0.path) }
        let hidden = files.filter { GitGarden.isHidden($0.path) }
        var added = visible.filter { $0.before == nil && $0.after != nil }
        var trashedNow = hidden.filter { $0.before == nil && $0.after != nil }
        var trashedBefore = hidden.filter { $0.before != nil && $0.after == nil }

        for gone in visible where gone.before != nil && gone.after == nil {
            let old = version(gone.before, gone.path)
            let title = old?.title ?? gone.path.fileName.droppingExtension
            if let index = trashedNow.firstIndex(where: { sameNote($0.path, gone.path) }) {
                trashedNow.remove(at: index)
                changes.append(UncommittedChange(.removed, path: gone.path, title: title))
            } else if !GardenBuilder.indexNames.contains(gone.path.fileName),
                      let index = added.firstIndex(where: { $0.path.fileName == gone.path.fileName }) {
                // A note's id is its file name: the same name elsewhere is the note moved.
                let moved = added.remove(at: index)
                let new = version(moved.after, moved.path)
                changes.append(UncommittedChange(.moved(from: gone.path, topic: topicTitle(moved.path.folder)),
                                            path: moved.path, title: new?.title ?? title))
                changes += compare(old, new, ChangedFile(path: moved.path, before: gone.before, after: moved.after),
                                   alwaysNamed: false)
            } else {
                changes.append(UncommittedChange(.removed, path: gone.path, title: title))
            }
        }
        for new in added {
            let title = version(new.after, new.path)?.title ?? new.path.fileName.droppingExtension
            if let index = trashedBefore.firstIndex(where: { sameNote($0.path, new.path) }) {
                trashedBefore.remove(at: index)
                changes.append(UncommittedChange(.restored, path: new.path, title: title))
            } else if GardenBuilder.indexNames.contains(new.path.fileName) {
                changes.append(UncommittedChange(.newTopic, path: new.path, title: title))
            } else {
                let paper = version(new.after, new.path)?.kind == .paper
                changes.append(UncommittedChange(.added(topic: topicTitle(new.path.folder), paper: paper), path: new.path, title: title))
            }
        }
        for file in visible where file.before != nil && file.after != nil && file.before != file.after {
            changes += compare(version(file.before, file.path), version(file.after, file.path), file, alwaysNamed: true)
        }
        changes += otherFiles.map { UncommittedChange(.file, path: $0, title: $0.fileName) }
        return changes
    }

    /// What changed between two versions of one note; `alwaysNamed`: an edit with nothing
    /// to name is still "edited" (a move names itself already).
    private static func compare(_ old: NoteVersion?, _ new: NoteVersion?, _ file: ChangedFile,
                                alwaysNamed: Bool) -> [UncommittedChange] {
        let path = file.path
        guard let old, let new else {
            let title = new?.title ?? old?.title ?? path.fileName.droppingExtension
            return alwaysNamed || file.before != file.after ? [UncommittedChange(.edited, path: path, title: title)] : []
        }
        var kinds: [Kind] = []
        if new.readInDepth && !old.readInDepth {
            kinds.append(.readInDepth)  // which implies read: not named twice
        } else if new.status != old.status {
            kinds.append([.unread: Kind.unread, .reading: .reading, .read: .read][new.status]!)
        }
        if new.title != old.title { kinds.append(.renamed(from: old.title)) }
        if new.tags != old.tags {
            kinds.append(.tagged(added: new.tags.subtracting(old.tags).sorted(), removed: old.tags.subtracting(new.tags).sorted()))
        }
        if new.words != old.words { kinds.append(.notes) }
        // Keys with no name of their own (authors, year, in-depth mark taken off) or nothing
        // of substance at all (whitespace, key order).
        if new.otherKeys != old.otherKeys || (new.readInDepth != old.readInDepth && !kinds.contains(.readInDepth))
            || (kinds.isEmpty && alwaysNamed) {
            kinds.append(.edited)
        }
        return kinds.map { UncommittedChange($0, path: path, title: new.title) }
    }

    private static func version(_ bytes: [UInt8]?, _ path: String) -> NoteVersion? {
        bytes.flatMap { NoteVersion($0, path: path) }
    }

    /// Whether a trashed path (`.trash/a/x.md`, numbered `.trash/a/x.2.md`) holds the note
    /// at `path` (`a/x.md`), as `Trash` names them.
    static func sameNote(_ trashed: String, _ path: String) -> Bool {
        guard trashed.hasPrefix(Trash.folder + "/") else { return false }
        let inTrash = String(trashed.dropFirst(Trash.folder.count + 1))
        if inTrash == path { return true }
        let base = inTrash.droppingExtension
        guard let dot = base.lastIndex(of: "."), Int(base[base.index(after: dot)...]) != nil else { return false }
        return String(base[..<dot]) + ".md" == path
    }
}
