import Screen

/// The optional config file (`$XDG_CONFIG_HOME/trellis/config`, else `~/.config/trellis/config`):
///
///     # comments and blank lines are ignored
///     mouse = off              # on (default) or off
///     colors = 16              # auto (default), 256, 16 or none
///     bind ctrl-n = down       # bind KEY = COMMAND (names as in the help overlay)
///     unbind q                 # remove a default binding
///
/// A line that cannot be understood is reported (file line and why) and skipped; the rest
/// still applies, so one typo never costs the owner their other settings.
public struct Config: Sendable, Equatable {
    public var keymap = Keymap.defaults
    public var mouse = true
    /// "auto", "256", "16" or "none".
    public var colors = "auto"
    /// The owner's editor command (`$VISUAL`, else `$EDITOR`; set by the program from the
    /// environment, not the file): `e` hands the terminal to it. nil: `e` edits in the app.
    public var editor: String?
    /// One message per line that was skipped, `config line N: …`.
    public var problems: [String] = []

    public init() {}

    public static func parse(_ text: String) -> Config {
        var config = Config()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "=" }).map(String.init)
            guard let first = words.first else { continue }
            if let problem = config.apply(first, Array(words.dropFirst())) {
                config.problems.append("config line \(offset + 1): \(problem)")
            }
        }
        return config
    }

    /// Applies one setting; returns why it could not be applied.
    private mutating func apply(_ setting: String, _ values: [String]) -> String? {
        switch setting {
        case "mouse":
            guard values.count == 1, ["on", "off"].contains(values[0]) else { return "mouse takes on or off" }
            mouse = values[0] == "on"
        case "colors", "colours":
            guard values.count == 1, ["auto", "256", "16", "none"].contains(values[0]) else {
                return "colors takes auto, 256, 16 or none"
            }
            colors = values[0]
        case "bind":
            guard values.count == 2 else { return "write bind KEY = COMMAND" }
            guard let key = Key(name: values[0]) else { return "unknown key '\(values[0])'" }
            guard let command = Command(rawValue: values[1]) else { return "unknown command '\(values[1])'" }
            keymap.bind(key, to: command)
        case "unbind":
            guard values.count == 1, let key = Key(name: values[0]) else { return "write unbind KEY" }
            keymap.unbind(key)
        default:
            return "unknown setting '\(setting)'"
        }
        return nil
    }
}
