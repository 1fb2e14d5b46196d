import Foundation
import Screen
import Testing

/// `trellis plot …` through the real binary: every kind prints a plot of the size asked for,
/// in Unicode and in ASCII, with colour only when asked; bad input is one line and status 2.
@Suite struct PlotCommandTests {
    static let kinds: [[String]] = [
        ["phase", "--phi", "tanh", "--point", "1.5,0.05"],
        ["phase", "--phi", "relu", "--quantity", "chi1"],
        ["phase", "--phi", "erf", "--quantity", "qstar", "--sw2", "1:3", "--sb2", "0:1"],
        // Mostly the ordered phase: a chaotic cell's ξ_c needs a correlation fixed point, ~1 ms
        // each in a release build and twenty times that in the debug build the tests run.
        ["phase", "--phi", "tanh", "--quantity", "xi_c", "--sw2", "0.5:2.5"],
        ["trajectory", "--phi", "tanh", "--sw2", "1.5", "--sb2", "0.05", "--depth", "30"],
        ["kernel", "--phi", "relu", "--depth", "3", "--sw2", "2", "--sb2", "0.1"],
        ["spectrum", "--phi", "relu", "--depth", "2", "--sw2", "2", "--sb2", "0", "--kind", "ntk", "--d", "3", "--lmax", "20"],
        ["spectrum", "--fn", "exp(t)", "--d", "5", "--lmax", "15"],
        ["learning-curve", "--eigs", "[1,0.5,0.25,0.125]", "--coeffs", "[1,1,1,1]", "--ridge", "0.01"],
        ["learning-curve", "--phi", "relu", "--depth", "1", "--sw2", "2", "--sb2", "0", "--kind", "ntk", "--d", "3", "--lmax", "10"],
        ["depth-scales", "--phi", "tanh", "--sb2", "0.05"],
    ]

    /// Display width of a printed line (no escapes in it).
    static func width(_ line: String) -> Int { DisplayWidth.of(line) }

    @Test(arguments: kinds)
    func everyKindPrintsAPlotOfTheSizeAskedFor(_ arguments: [String]) throws {
        for (width, height) in [(80, 24), (120, 40)] {
            let result = try CLI.run(["plot"] + arguments + ["--width", String(width), "--height", String(height)])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(result.lines.count == height, "\(arguments)")
            #expect(result.lines.allSatisfy { Self.width($0) <= width }, "\(arguments)")
            #expect(result.lines.contains { $0.contains("┌") && $0.contains("┐") }, "\(arguments)")
            #expect(!result.stdout.contains("\u{1B}"), "no colour when stdout is not a terminal")
        }
        let ascii = try CLI.run(["plot"] + arguments + ["--ascii", "--width", "80", "--height", "24"])
        #expect(ascii.status == 0)
        #expect(ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "\(arguments)")
        #expect(ascii.lines.contains { $0.contains("+--") }, "\(arguments)")
    }

    /// Without a terminal the size is 80×24; a locale naming another encoding means ASCII.
    @Test func defaultsWithoutATerminal() throws {
        let result = try CLI.run(["plot", "phase", "--phi", "relu"])
        #expect(result.lines.count == 24 && result.lines.allSatisfy { Self.width($0) <= 80 })
        let latin = try CLI.run(["plot", "phase", "--phi", "relu"], environment: ["LANG": "en_US.ISO-8859-1", "LC_ALL": ""])
        #expect(latin.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        let utf8 = try CLI.run(["plot", "phase", "--phi", "relu"], environment: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
        #expect(utf8.stdout.contains("┌"))
        // A shell's COLUMNS and LINES (one row kept for the prompt) stand in for the terminal;
        // nonsense in them is ignored.
        let exported = try CLI.run(["plot", "phase", "--phi", "relu"], environment: ["COLUMNS": "100", "LINES": "31"])
        #expect(exported.lines.count == 30 && exported.lines.contains { Self.width($0) == 100 })
        let nonsense = try CLI.run(["plot", "phase", "--phi", "relu"], environment: ["COLUMNS": "wide", "LINES": "3"])
        #expect(nonsense.lines.count == 24 && nonsense.lines.allSatisfy { Self.width($0) <= 80 })
    }

    /// `calc grid` draws with the same options; they mean nothing to its JSON or file output.
    @Test func gridPictureOptionsOnlyForThePicture() throws {
        let grid = ["calc", "grid", "--phi", "relu", "--sw2", "1:3:5", "--sb2", "0:1:3"]
        let picture = try CLI.run(grid + ["--ascii", "--width", "50", "--height", "12"])
        #expect(picture.status == 0 && picture.lines.count == 12 && picture.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        let json = try CLI.run(grid + ["--json", "--width", "50"])
        #expect(json.status == 2 && json.stderr.contains("--width") && json.stdout.isEmpty)
    }

    /// `--color always` colours even into a pipe (256 colours for an xterm-256color TERM, the
    /// heat map then solid); `--no-color` and `--color never` never do.
    @Test func colourOnlyWhenAsked() throws {
        let arguments = ["plot", "phase", "--phi", "tanh", "--width", "60", "--height", "16"]
        let always = try CLI.run(arguments + ["--color", "always"], environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(always.stdout.contains("\u{1B}[") && always.stdout.contains("48;5;"))
        let sixteen = try CLI.run(arguments + ["--color", "always"], environment: ["TERM": "xterm", "COLORTERM": ""])
        #expect(sixteen.stdout.contains("\u{1B}[") && !sixteen.stdout.contains(";5;") && sixteen.stdout.contains("░"))
        for off in [["--no-color"], ["--color", "never"], ["--color", "always", "--no-color"]] {
            let result = try CLI.run(arguments + off, environment: ["TERM": "xterm-256color"])
            #expect(!result.stdout.contains("\u{1B}"), "\(off)")
        }
    }

    @Test(arguments: [
        (["bogus"], "bogus"),
        (["phase", "--phi", "tanhh"], "--phi"),
        (["phase", "--phi", "tanh", "--sw2", "4:0.5"], "--sw2"),
        (["phase", "--phi", "tanh", "--sw2", "1:1"], "--sw2"),
        (["phase", "--phi", "tanh", "--sw2", "nan:4"], "--sw2"),
        (["phase", "--phi", "tanh", "--sb2", "-1:4"], "--sb2"),
        (["phase", "--phi", "tanh", "--sb2", "0:4:10"], "--sb2"),
        (["phase", "--phi", "tanh", "--quantity", "chi2"], "--quantity"),
        (["phase", "--phi", "tanh", "--point", "1.5"], "--point"),
        (["phase", "--phi", "tanh", "--point", "1.5,nan"], "--point"),
        (["phase", "--phi", "tanh", "--width", "10"], "--width"),
        (["phase", "--phi", "tanh", "--height", "3"], "--height"),
        (["phase", "--phi", "tanh", "--color", "sometimes"], "--color"),
        (["phase", "--phi", "tanh", "--canvas", "pixels"], "--canvas"),
        (["trajectory", "--phi", "tanh", "--sw2", "nan", "--sb2", "0", "--depth", "3"], "--sw2"),
        (["trajectory", "--phi", "tanh", "--sw2", "1", "--sb2", "0", "--depth", "0"], "--depth"),
        (["trajectory", "--phi", "tanh", "--sw2", "1", "--sb2", "0", "--c0", "2", "--depth", "3"], "--c0"),
        (["kernel", "--phi", "relu", "--depth", "3", "--sw2", "2", "--sb2", "0", "--kind", "gp"], "--kind"),
        (["spectrum", "--d", "3", "--lmax", "5"], "--phi"),
        (["spectrum", "--d", "1", "--lmax", "5", "--fn", "t"], "--d"),
        (["learning-curve", "--n", "1:100"], "--eigs"),
        (["learning-curve", "--eigs", "[1,0.5]", "--coeffs", "[1,1]", "--n", "0:10"], "--n"),
        (["learning-curve", "--eigs", "[1,-0.5]", "--coeffs", "[1,1]"], "--eigs"),
        (["depth-scales", "--phi", "tanh", "--sb2", "inf"], "--sb2"),
        (["depth-scales", "--phi", "tanh", "--sb2", "0.05", "--sw2", "3:2"], "--sw2"),
        (["spectrum", "--fn", "1/(1-t)", "--d", "3", "--lmax", "5"], "--fn"),
        (["spectrum", "--fn", "1/t", "--d", "3", "--lmax", "5"], "t = 0"),
        (["spectrum", "--fn", "log(1+t)", "--d", "3", "--lmax", "5"], "t = -1"),
        (["spectrum", "--fn", "exp(t)", "--radius", "0", "--d", "3", "--lmax", "5"], "--radius"),
        (["spectrum", "--phi", "relu", "--depth", "1", "--sw2", "2", "--sb2", "0", "--d", "3", "--lmax", "5"], "--kind"),
        (["spectrum", "--phi", "relu", "--depth", "1", "--sw2", "2", "--sb2", "0", "--kind", "gp", "--d", "3", "--lmax", "5"], "--kind"),
    ])
    func badInput(_ arguments: [String], _ named: String) throws {
        let result = try CLI.run(["plot"] + arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(named), "\(arguments): \(result.stderr)")
    }

    /// A mistake found only while running (the kernel has a pole) points at the help of the
    /// command that was run, as a parse error does.
    @Test func runTimeMistakesPointAtTheirCommandsHelp() throws {
        for (arguments, help) in [(["plot", "spectrum"], "trellis plot spectrum --help"), (["calc", "sphere"], "trellis calc sphere --help")] {
            let result = try CLI.run(arguments + ["--fn", "1/t", "--d", "3", "--lmax", "3"])
            #expect(result.status == 2 && result.stderr.hasSuffix("(see '\(help)')\n"), "\(result.stderr)")
        }
    }

    /// A size that passes the minimum but cannot hold two panels and their legends.
    @Test func aPlotThatDoesNotFitIsAnError() throws {
        let result = try CLI.run(["plot", "kernel", "--phi", "relu", "--depth", "3", "--sw2", "2", "--sb2", "0", "--height", "8"])
        #expect(result.status == 2 && result.stderr.contains("does not fit"))
    }
}
