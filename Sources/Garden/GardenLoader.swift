import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a garden folder into a `Garden`. Files are read and parsed on every core; files
/// whose size and modification time match the parse cache are not parsed again.
public enum GardenLoader {
    public struct Options: Sendable {
        /// Folder for the parse cache; nil disables it.
        public var cacheDirectory: String?
        public init(cacheDirectory: String? = nil) { self.cacheDirectory = cacheDirectory }
    }

    public static func load(_ path: String, options: Options = Options()) throws(GardenError) -> Garden {
        let root = absolutePath(path)
        var info = stat()
        guard stat(root, &info) == 0 else { throw .missing(path) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notAFolder(path) }

        let scanTime = ParseCache.now()
        let cache = options.cacheDirectory.map { ParseCache(directory: $0, gardenRoot: root) }
        // Walking the folder and reading the cache do not depend on each other: do both at once.
        let (files, cached) = concurrently({ GardenFiles(root: root) }, { cache?.read() ?? [:] })
        let parsed: [ParsedFile] = files.markdown.parallelMap { record in
            if let hit = cached[record.path], hit.record == record { return hit }
            return ParsedFile.parse(record, root: root)
        }
        if let cache, cacheIsStale(cached, parsed: parsed, scanTime: scanTime) {
            cache.write(parsed, scanTime: scanTime)
        }
        var builder = GardenBuilder(root: root, directories: files.directories, files: parsed,
                                    problems: files.problems)
        return builder.build()
    }

    /// Whether the cache should be rewritten: some entry went unused (its file was deleted or
    /// changed), or a file was parsed that the cache would now store. Files the cache never
    /// stores (failed or too recently modified) do not count, so an unchanged garden never
    /// rewrites the cache.
    static func cacheIsStale(_ cached: [String: ParsedFile], parsed: [ParsedFile], scanTime: Int64) -> Bool {
        var hits = 0
        for file in parsed {
            if cached[file.record.path]?.record == file.record {
                hits += 1
            } else if ParseCache.isStorable(file, scanTime: scanTime) {
                return true
            }
        }
        return hits != cached.count
    }

    /// Runs `first` and `second` on two threads and returns both results.
    static func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        nonisolated(unsafe) var a: A?
        nonisolated(unsafe) var b: B?
        // Each iteration writes only its own variable, and concurrentPerform returns after both.
        DispatchQueue.concurrentPerform(iterations: 2) { which in
            if which == 0 { a = first() } else { b = second() }
        }
        return (a!, b!)
    }

    static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        let cwd = getcwd(&buffer, buffer.count).map { String(cString: $0) } ?? "."
        let joined = path == "." ? cwd : cwd + "/" + path
        return joined.hasSuffix("/") ? String(joined.dropLast()) : joined
    }
}

public enum GardenError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case notAFolder(String)

    public var description: String {
        switch self {
        case .missing(let path): return "no garden at '\(path)': the folder does not exist (give one with --garden DIR or TRELLIS_GARDEN)"
        case .notAFolder(let path): return "'\(path)' is not a folder; a garden is a folder of Markdown notes"
        }
    }
}

/// Path helpers shared with the importer and the command line.
public enum GardenLoaderPath {
    public static func absolute(_ path: String) -> String { GardenLoader.absolutePath(path) }
}
