import ArgumentParser
import Foundation
import Plot
import Screen
import Terminal

/// `--width`, `--height`, `--ascii`, `--canvas`, `--no-color`, `--color`: how a drawing is
/// printed, shared by every `trellis plot` kind and `trellis calc grid`'s picture.
struct PlotOutputOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Width in columns (default: the terminal's, else $COLUMNS, else 80).")
    var width: Int?
    @Option(parsing: .unconditional, help: "Height in rows (default: the terminal's less one for the prompt, else $LINES, else 24).")
    var height: Int?
    @Flag(help: "Draw with ASCII only (also chosen when the locale names an encoding other than UTF-8).")
    var ascii = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Canvas for curves: braille (2×4 dots a cell) or block (2×2).", valueName: "kind"))
    var canvas: String = "braille"
    @Flag(help: "No colour (as with NO_COLOR set; wins over --color always).")
    var noColor = false
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "auto (colour when stdout is a terminal and NO_COLOR is unset), always or never.", valueName: "when"))
    var color: String = "auto"

    /// Whether any picture option was given (they mean nothing to a command's JSON output).
    var isGiven: Bool { width != nil || height != nil || ascii || noColor || canvas != "braille" || color != "auto" }

    static let minimumSize = Size(width: 20, height: 8)
    static let largestSize = Size(width: 1000, height: 1000)

    func validate() throws {
        for (name, value, smallest, largest) in [
            ("--width", width, Self.minimumSize.width, Self.largestSize.width),
            ("--height", height, Self.minimumSize.height, Self.largestSize.height),
        ] {
            if let value, !(smallest...largest).contains(value) {
                throw ValidationError("\(name) must be between \(smallest) and \(largest), not \(value)")
            }
        }
        guard ["auto", "always", "never"].contains(color) else {
            throw ValidationError("--color must be auto, always or never, not '\(color)'")
        }
        guard ["braille", "block"].contains(canvas) else {
            throw ValidationError("--canvas must be braille or block, not '\(canvas)'")
        }
    }

    /// The drawing's size: the options, else the terminal's (one row left for the prompt),
    /// else COLUMNS and LINES when they hold sizes within the limits (a shell exports them to
    /// a pipeline), else 80×24.
    func size(environment: [String: String] = ProcessInfo.processInfo.environment) -> Size {
        let terminal = TerminalSize.current()
        func variable(_ name: String, within range: ClosedRange<Int>) -> Int? {
            environment[name].flatMap { Int($0) }.flatMap { range.contains($0) ? $0 : nil }
        }
        return Size(
            width: width ?? terminal?.columns
                ?? variable("COLUMNS", within: Self.minimumSize.width...Self.largestSize.width) ?? 80,
            height: height ?? terminal.map { max(Self.minimumSize.height, $0.rows - 1) }
                ?? variable("LINES", within: Self.minimumSize.height...Self.largestSize.height).map { max(Self.minimumSize.height, $0 - 1) }
                ?? 24)
    }

    /// The colours to print with, or nil for none: never with `--no-color` or `--color never`;
    /// always with `--color always`; otherwise when stdout is a terminal (not "dumb") and
    /// NO_COLOR is unset or empty. 256 colours when TERM or COLORTERM says so, else 16.
    func colorDepth(environment: [String: String] = ProcessInfo.processInfo.environment) -> ColorDepth? {
        if noColor || color == "never" { return nil }
        let term = environment["TERM"] ?? ""
        if color == "auto" {
            guard isatty(STDOUT_FILENO) == 1, term != "dumb", (environment["NO_COLOR"] ?? "").isEmpty else { return nil }
        }
        let colorTerm = environment["COLORTERM"] ?? ""
        return term.contains("256") || colorTerm == "truecolor" || colorTerm == "24bit" ? .full256 : .sixteen
    }

    /// Unicode or ASCII, canvas and heat-map style for this output.
    func plotOptions(depth: ColorDepth?, environment: [String: String] = ProcessInfo.processInfo.environment) -> PlotOptions {
        PlotOptions(
            ascii: ascii || Self.localeIsNotUTF8(environment),
            canvas: canvas == "block" ? .block : .braille,
            heatStyle: depth == .full256 ? .solid : .shaded)
    }

    /// True when the locale's variables name a character encoding that is not UTF-8
    /// (`en_US.ISO-8859-1`). Unset, `C` and `POSIX` say nothing about the terminal, which is
    /// almost always UTF-8 (the browser makes the same assumption).
    static func localeIsNotUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        guard !["", "C", "POSIX"].contains(locale) else { return false }
        guard let dot = locale.firstIndex(of: ".") else { return false }
        let codeset = locale[locale.index(after: dot)...].split(separator: "@").first.map(String.init) ?? ""
        return !codeset.isEmpty && codeset.lowercased().filter { $0 != "-" && $0 != "_" } != "utf8"
    }

    /// Prints a drawing made by `draw` at the resolved size and options; exits 2 when it does
    /// not fit the size asked for.
    func print(_ draw: (Size, PlotOptions) -> (buffer: ScreenBuffer, fits: Bool)) throws {
        let depth = colorDepth()
        let size = size()
        let drawing = draw(size, plotOptions(depth: depth))
        guard drawing.fits else {
            throw ValidationError("this plot does not fit in \(size.width)×\(size.height); give a larger --width or --height")
        }
        Output.print(AnsiText.lines(drawing.buffer, depth: depth))
    }
}
