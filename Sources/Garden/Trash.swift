#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Deleting without losing: a note is moved (one `rename`, atomic) into `.trash/` inside the
/// garden at its own relative path, which the loader skips (hidden folders are not read), and
/// restored from there to where it was.
public enum Trash {
    public static let folder = ".trash"

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notInTrash(String)
        case occupied(String)
        case failed(String, String)

        public var description: String {
            switch self {
            case .notInTrash(let name): return "no note named '\(name)' in \(Trash.folder)/"
            case .occupied(let path): return "\(path) exists again; restore refused (nothing moved)"
            case .failed(let path, let reason): return "cannot move \(path): \(reason)"
            }
        }
    }

    /// Moves `path` (relative to `root`) into the trash; returns its path there (a numbered
    /// name when the trash already holds one of that name).
    @discardableResult
    public static func remove(_ path: String, root: String) throws(Failure) -> String {
        var target = folder + "/" + path
        var number = 1
        while access(root + "/" + target, F_OK) == 0 {
            target = folder + "/" + path.droppingExtension + ".\(number).md"
            number += 1
        }
        try move(root + "/" + path, to: root + "/" + target)
        return target
    }

    /// Moves a trashed note (by id, file name or path inside the trash) back to where it was;
    /// returns its path in the trash and the restored path. Never over a file that exists
    /// there now.
    @discardableResult
    public static func restore(_ name: String, root: String) throws(Failure) -> (from: String, to: String) {
        // The trash is walked as a garden of its own (the loader's walk).
        let trashed = GardenFiles(root: root + "/" + folder).markdown.map(\.path)
        let wanted = name.hasSuffix(".md") ? name : name + ".md"
        // An exact name first; else the note by its own name, the last one trashed (the
        // highest number: `x.2.md` after `x.1.md` after `x.md`).
        let exact = trashed.first { $0 == name || $0 == wanted }
        let byName = trashed.filter { originalPath(of: $0).fileName == wanted }
            .max { number(of: $0) < number(of: $1) }
        let byFileName = trashed.first { $0.fileName == wanted }  // a numbered copy by its own name
        guard let found = exact ?? byName ?? byFileName else { throw .notInTrash(name) }
        let original = originalPath(of: found)
        guard access(root + "/" + original, F_OK) != 0 else { throw .occupied(original) }
        try move(root + "/" + folder + "/" + found, to: root + "/" + original)
        return (folder + "/" + found, original)
    }

    /// Where a trashed file came from: a numbered copy (`x.1.md`) goes back as `x.md`; an arXiv
    /// id (`1806.07572.md`) is not a number.
    static func originalPath(of trashed: String) -> String {
        let base = trashed.fileName.droppingExtension
        guard let dot = base.lastIndex(of: "."), Int(base[base.index(after: dot)...]) != nil, Identifiers.arxivID(base) == nil
        else { return trashed }
        return (trashed.folder.isEmpty ? "" : trashed.folder + "/") + String(base[..<dot]) + ".md"
    }

    /// A numbered copy's number (0 for the first copy).
    static func number(of trashed: String) -> Int {
        let base = trashed.fileName.droppingExtension
        guard originalPath(of: trashed) != trashed, let dot = base.lastIndex(of: ".") else { return 0 }
        return Int(base[base.index(after: dot)...]) ?? 0
    }

    /// The rename from `from` to `to` (relative to `root`) as a change undo can reverse.
    public static func change(root: String, from: String, to: String, _ description: String) -> GardenChange {
        GardenChange([.move(from: root + "/" + from, to: root + "/" + to)], changes: [description])
    }

    private static func move(_ from: String, to: String) throws(Failure) {
        do {
            try SafeFile.move(from, to: to)
        } catch {
            throw .failed(from, error.description)
        }
    }
}
