/// One change to a note's front matter, as `trellis set` and the browser's keys make it. Each
/// touches only its own lines (`FrontMatterEditor`).
public enum NoteEdit: Sendable, Equatable {
    case status(ReadStatus)
    case readInDepth(Bool)
    case addTag(String)
    case removeTag(String)
    case title(String)
    /// One line added at the end of the note's `## Notes` section (the quick note after a talk).
    case appendNote(String)
    /// The notes section's text replaced (the in-app editor's save).
    case replaceNotes(String)

    /// Whether `tag` can be a tag: one word of letters, digits and `-_./+`.
    public static func isPlainTag(_ tag: String) -> Bool {
        !tag.isEmpty && tag.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./+".unicodeScalars.contains($0) }
    }

    /// Whether `text` can be a title or a line of notes: not blank, no control characters.
    public static func isPlainLine(_ text: String) -> Bool {
        !text.allSatisfy(\.isWhitespace) && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Applies the edit; returns what changed ("status: read"), or nil when nothing did.
    public func apply(to editor: inout FrontMatterEditor) -> String? {
        switch self {
        case .status(let status):
            return editor.set("status", status.rawValue) ? "status: \(status.rawValue)" : nil
        case .readInDepth(let flag):
            return editor.set("read_in_depth", flag ? "true" : "false") ? "read_in_depth: \(flag)" : nil
        case .addTag(let tag):
            guard !(editor.listItems("tags") ?? []).contains(where: { $0.lowercased() == tag.lowercased() }) else { return nil }
            editor.append(to: "tags", items: [["- " + tag]])
            return "+tag \(tag)"
        case .removeTag(let tag):
            return editor.removeListItem("tags", tag) ? "-tag \(tag)" : nil
        case .title(let title):
            return editor.set("title", YAMLText.scalar(title)) ? "title: \(title)" : nil
        case .appendNote(let line):
            editor.appendToNotes(line)
            return "note added"
        case .replaceNotes(let text):
            guard editor.notesText != text else { return nil }
            editor.replaceNotes(with: text)
            return "notes edited"
        }
    }

    /// Applies `edits` to the note at `path` (absolute) and writes it safely: atomically, and
    /// only if the file still holds what was read. Returns what changed (nothing written when
    /// nothing did).
    public static func apply(_ edits: [NoteEdit], toFileAt path: String) throws(NoteEditError) -> [String] {
        try applyRecording(edits, toFileAt: path).changes
    }

    /// As `apply`, with the file's bytes before and after: what undo puts back.
    /// `basedOn`: the bytes the edits were made against (the file as the in-app editor read
    /// it); the write is refused if the file no longer holds them.
    public static func applyRecording(_ edits: [NoteEdit], toFileAt path: String, basedOn: [UInt8]? = nil) throws(NoteEditError) -> GardenChange {
        guard let original = basedOn ?? SafeFile.read(path) else { throw .unreadable(path) }
        guard let text = String(validating: original, as: UTF8.self) else { throw .notUTF8(path) }
        var editor = FrontMatterEditor(text)
        let changes = edits.compactMap { $0.apply(to: &editor) }
        guard !changes.isEmpty else { return GardenChange([], changes: []) }
        let edited = editor.text
        do {
            try SafeFile.write(edited, to: path, expecting: original)
        } catch {
            throw .write(error)
        }
        return GardenChange(path: path, before: original, after: Array(edited.utf8), changes: changes)
    }
}

public enum NoteEditError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case notUTF8(String)
    case write(SafeFile.WriteError)

    public var description: String {
        switch self {
        case .unreadable(let path): return "cannot read \(path)"
        case .notUTF8(let path): return "\(path) is not valid UTF-8; not edited"
        case .write(let error): return error.description
        }
    }
}
