#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reversible change to the garden's files, as one edit made it: the bytes of each file
/// written and each rename, in order. Undo applies `reversed`, which puts every byte and every
/// name back; every step first checks that the disk is as the change expects, so an outside
/// change is never overwritten.
public struct GardenChange: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        /// A file's bytes replaced (absolute path): `before` nil creates the file, `after` nil
        /// removes it.
        case write(path: String, before: [UInt8]?, after: [UInt8]?)
        /// A file or folder renamed (absolute paths), never over an existing one.
        case move(from: String, to: String)
        /// A new, empty folder (a topic's); refused when something is there already.
        case makeFolder(String)
        /// An empty folder removed (undoing `makeFolder`); refused when it holds anything.
        case removeFolder(String)

        var reversed: Step {
            switch self {
            case .write(let path, let before, let after): return .write(path: path, before: after, after: before)
            case .move(let from, let to): return .move(from: to, to: from)
            case .makeFolder(let path): return .removeFolder(path)
            case .removeFolder(let path): return .makeFolder(path)
            }
        }
    }

    public var steps: [Step]
    /// What the change did, for the status bar and `--json` ("status: read").
    public var changes: [String]

    public init(_ steps: [Step], changes: [String]) {
        self.steps = steps
        self.changes = changes
    }

    /// One file's bytes replaced.
    public init(path: String, before: [UInt8]?, after: [UInt8]?, changes: [String]) {
        self.init([.write(path: path, before: before, after: after)], changes: changes)
    }

    /// The change the other way round: the steps undone, last first.
    public var reversed: GardenChange { GardenChange(steps.reversed().map(\.reversed), changes: changes) }

    /// Whether nothing would change on disk.
    public var isEmpty: Bool {
        steps.allSatisfy { if case .write(_, let before, let after) = $0 { return before == after } else { return false } }
    }

    /// Every path the change touches (both ends of a rename).
    public var paths: [String] {
        steps.flatMap { step -> [String] in
            switch step {
            case .write(let path, _, _): return [path]
            case .move(let from, let to): return [from, to]
            case .makeFolder(let path), .removeFolder(let path): return [path]
            }
        }
    }

    /// Applies the steps in order, each only if the disk holds what it starts from. If one
    /// fails, the steps already done are undone (so a change lands whole or not at all, as
    /// far as the disk allows) and the failure is thrown.
    public func apply() throws(SafeFile.WriteError) {
        for (index, step) in steps.enumerated() {
            do {
                try Self.apply(step)
            } catch {
                for done in steps[..<index].reversed() { try? Self.apply(done.reversed) }
                throw error
            }
        }
    }

    private static func apply(_ step: Step) throws(SafeFile.WriteError) {
        switch step {
        case .write(let path, let before, let after):
            guard before != after else { return }
            if let after {
                try SafeFile.write(String(decoding: after, as: UTF8.self), to: path, expecting: before)
            } else {
                try SafeFile.remove(path, expecting: before)
            }
        case .move(let from, let to):
            try SafeFile.move(from, to: to)
        case .makeFolder(let path):
            try SafeFile.makeFolder(path)
        case .removeFolder(let path):
            try SafeFile.removeFolder(path)
        }
    }
}
