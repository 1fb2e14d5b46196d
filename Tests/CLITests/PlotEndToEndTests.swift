import Foundation
import Screen
import Testing

/// `trellis plot` in a real terminal (tmux): it fills the terminal (one row left for the
/// prompt), colours by default, and honours NO_COLOR.
@Suite("trellis plot in a real terminal (tmux)", .serialized)
struct PlotEndToEndTests {
    static func plot(_ arguments: String, environment: [String: String] = [:]) throws -> (plain: [String], escaped: String) {
        let session = try TmuxSession(command: TmuxSession.quoted(CLI.binary) + " plot " + arguments, width: 90, height: 30,
                                      environment: environment)
        defer { session.close() }
        #expect(try session.waitForExit(timeout: .seconds(20)) == 0)
        return (try session.capture(), try session.capture(escapes: true).joined(separator: "\n"))
    }

    /// Colour codes in tmux's rendering of the screen: a 256-colour or an ANSI colour.
    static func hasColour(_ escaped: String) -> Bool {
        escaped.contains("38;5;") || escaped.contains("48;5;") || escaped.range(of: "\u{1B}\\[[0-9;]*(3[0-7]|9[0-7])m", options: .regularExpression) != nil
    }

    @Test func fillsTheTerminalInColour() throws {
        // NO_COLOR emptied: the test runner may set it for its own output.
        let (screen, escaped) = try Self.plot("phase --phi tanh --point 1.5,0.05", environment: ["NO_COLOR": ""])
        #expect(screen.first?.contains("tanh: ordered and chaotic phases") == true, "\(screen)")
        // 29 rows of plot (the frame's foot and the legend near the bottom), the prompt's row free.
        #expect(screen.count == 30 || screen.count == 29)
        #expect(screen[1].hasPrefix("  ┌") && screen[1].hasSuffix("┐"))
        #expect(screen.contains { $0.contains("◆ σw² = 1.5, σb² = 0.05") })
        #expect(screen.allSatisfy { DisplayWidth.of($0) <= 90 })
        #expect(Self.hasColour(escaped))
    }

    @Test func noColorIsHonoured() throws {
        let (screen, escaped) = try Self.plot("phase --phi tanh", environment: ["NO_COLOR": "1"])
        #expect(screen.contains { $0.contains("░") && $0.contains("▓") })
        #expect(!Self.hasColour(escaped), "\(escaped.prefix(400))")
    }
}
