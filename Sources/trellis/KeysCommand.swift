import App
import ArgumentParser

/// `trellis keys`: the terminal UI's key bindings as a Markdown table (the README's cheat
/// sheet is this output with `--defaults`).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the terminal UI's key bindings as a Markdown table.")

    @Flag(help: "The built-in bindings, ignoring the config file.") var defaults = false

    func run() throws {
        let keymap = defaults ? Keymap.defaults : ConfigFile.load().keymap
        print(HelpOverlay.cheatSheet(keymap), terminator: "")
    }
}
