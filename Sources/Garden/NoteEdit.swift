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
        let edited = editor.text
        // Also with no change: a tag the loader sees that the line editor could not find.
        if let problem = check(edits, before: text, after: edited) { throw .unsupported(path, problem) }
        guard !changes.isEmpty else { return GardenChange([], changes: []) }
        do {
            try SafeFile.write(edited, to: path, expecting: original)
        } catch {
            throw .write(error)
        }
        return GardenChange(path: path, before: original, after: Array(edited.utf8), changes: changes)
    }
}

extension NoteEdit {
    /// The safety net under the line editor: the edited front matter must still parse, every
    /// key no edit touched must keep its value, and each edit must have done what it says.
    /// A front matter written in a shape the line editor does not understand (a flow list over
    /// several lines, say) is thus refused, not mangled. Returns what is wrong, or nil.
    static func check(_ edits: [NoteEdit], before: String, after: String) -> String? {
        func front(_ text: String) -> YAMLValue? {
            let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            guard let split = try? FrontMatterSplit(text) else { return nil }
            guard let yaml = split.yaml else { return .map([]) }
            return try? FrontMatterParser.parse(yaml)
        }
        guard let old = front(before) else { return nil }  // nothing to compare with: the loader reports it
        guard let new = front(after) else { return "the edit would break its front matter" }
        var touched = Set<String>()
        for edit in edits {
            switch edit {
            case .status(let status):
                touched.insert("status")
                guard new["status"]?.string == status.rawValue else { return "its status line is written in a form Trellis cannot edit" }
            case .readInDepth(let flag):
                touched.insert("read_in_depth")
                guard new["read_in_depth"]?.string == (flag ? "true" : "false") else { return "its read_in_depth line is written in a form Trellis cannot edit" }
            case .addTag(let tag), .removeTag(let tag):
                touched.insert("tags")
                let has = (new["tags"]?.strings ?? []).contains { $0.lowercased() == tag.lowercased() }
                guard has == (edit == .addTag(tag)) else { return "its tags are written in a form Trellis cannot edit (a list over several lines?)" }
            case .title(let title):
                touched.insert("title")
                guard new["title"]?.string == title else { return "its title line is written in a form Trellis cannot edit" }
            case .appendNote, .replaceNotes:
                break
            }
        }
        for key in Set(old.keys + new.keys).subtracting(touched) where !(old[key] == new[key]) {
            return "the edit would change its '\(key)' too"
        }
        return nil
    }
}

public enum NoteEditError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case notUTF8(String)
    /// The edit was refused: it would not have done exactly what it says (the reason).
    case unsupported(String, String)
    case write(SafeFile.WriteError)

    public var description: String {
        switch self {
        case .unreadable(let path): return "cannot read \(path)"
        case .notUTF8(let path): return "\(path) is not valid UTF-8; not edited"
        case .unsupported(let path, let reason): return "\(path) not edited: \(reason); edit it by hand (e)"
        case .write(let error): return error.description
        }
    }
}
