import App
import ArgumentParser
import Foundation
import Garden
import Terminal

/// `trellis` (or `trellis browse`): the full-screen terminal UI. Without a terminal on both
/// standard input and output (a pipe, a script, CI) it prints the topic tree instead, like
/// `trellis tree`, so `trellis | less` still shows something useful.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the terminal UI (the default; prints the topic tree when not in a terminal).",
        discussion: "Keys: press ? inside. Settings and key bindings: $XDG_CONFIG_HOME/trellis/config (see README).")

    @OptionGroup var gardenOptions: GardenOptions

    @Option(help: ArgumentHelp("Colours: auto, 256, 16 or none (default: the config file's, else auto).", valueName: "depth"))
    var colors: String?

    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse (the terminal's own selection works).")
    var noMouse = false

    func validate() throws {
        if let colors, !["auto", "256", "16", "none"].contains(colors) {
            throw ValidationError("--colors takes auto, 256, 16 or none, not '\(colors)'")
        }
    }

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.print(TreeView.lines(of: try gardenOptions.load(), withNotes: false))
            return
        }
        // A missing garden is a one-line error before the screen is taken over.
        var isFolder: ObjCBool = false
        let path = gardenOptions.gardenPath
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RuntimeError(GardenError.missing(path).description)
        }
        guard isFolder.boolValue else { throw RuntimeError(GardenError.notAFolder(path).description) }
        var config = ConfigFile.load()
        config.editor = ExternalEditor.fromEnvironment?.command
        let depthName = colors ?? config.colors
        let options = TerminalOptions(mouse: config.mouse && !noMouse, colorDepth: ColorDepth(rawValue: depthName))
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(options: options)
        } catch {
            throw RuntimeError(error.description)
        }
        let loop = BrowseLoop(terminal: terminal, gardenPath: gardenOptions.gardenPath,
                              cacheDirectory: gardenOptions.cacheDirectory, config: config)
        loop.run()
    }
}

/// Where the config file lives and how it is read.
enum ConfigFile {
    /// `$TRELLIS_CONFIG`, else `$XDG_CONFIG_HOME/trellis/config`, else `~/.config/trellis/config`.
    static var path: String? {
        if let path = GardenOptions.environment("TRELLIS_CONFIG") { return path }
        if let xdg = GardenOptions.environment("XDG_CONFIG_HOME") { return xdg + "/trellis/config" }
        if let home = GardenOptions.environment("HOME") { return home + "/.config/trellis/config" }
        return nil
    }

    /// The parsed config; defaults when there is no file; a problem message when it cannot be read.
    static func load() -> Config {
        guard let path, FileManager.default.fileExists(atPath: path) else { return Config() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            var config = Config()
            config.problems = ["cannot read \(path) as UTF-8 text; using the defaults"]
            return config
        }
        return Config.parse(text)
    }
}
