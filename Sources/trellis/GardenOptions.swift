import ArgumentParser
import Foundation
import Garden

/// Options every subcommand takes: which garden to read and where the parse cache lives.
struct GardenOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The garden folder (default: $TRELLIS_GARDEN, else ./garden).", valueName: "dir"))
    var garden: String?

    @Flag(name: .customLong("no-cache"), help: "Parse every file again; do not read or write the parse cache.")
    var noCache = false

    /// The folder to load: `--garden`, else `$TRELLIS_GARDEN`, else `./garden`.
    var gardenPath: String {
        if let garden { return garden }
        if let fromEnvironment = Self.environment("TRELLIS_GARDEN") { return fromEnvironment }
        return "garden"
    }

    /// `$TRELLIS_CACHE_DIR`, else `$XDG_CACHE_HOME/trellis`, else `$HOME/.cache/trellis`;
    /// nil with `--no-cache` or when none of them is set.
    var cacheDirectory: String? {
        if noCache { return nil }
        if let directory = Self.environment("TRELLIS_CACHE_DIR") { return directory }
        if let xdg = Self.environment("XDG_CACHE_HOME") { return xdg + "/trellis" }
        if let home = Self.environment("HOME") { return home + "/.cache/trellis" }
        return nil
    }

    /// Loads the garden; a missing folder becomes a `RuntimeError` (exit 1, one line).
    func load() throws -> Garden {
        do {
            return try GardenLoader.load(gardenPath, options: .init(cacheDirectory: cacheDirectory))
        } catch {
            throw RuntimeError(error.description)
        }
    }

    /// An environment variable, nil when unset or empty.
    static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}

/// A failure that is not a usage mistake: printed as `trellis: <message>` on stderr, exit 1.
struct RuntimeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
