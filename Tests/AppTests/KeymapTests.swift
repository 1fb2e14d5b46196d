@testable import App
import Foundation
import Screen
import Testing

@Suite("Keymap")
struct KeymapTests {
    @Test("no key is bound twice in the default table, nor in the calculator panes' table")
    func noDuplicates() {
        for table in [Keymap.defaultTable, Keymap.calculatorTable] {
            let keys = table.flatMap(\.keys)
            let duplicates = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.map(\.key.name)
            #expect(duplicates.isEmpty, "bound twice: \(duplicates)")
        }
    }

    @Test("a calculator pane's keys come first there and nowhere else; the rest fall through")
    func calculatorContext() {
        let keymap = Keymap.defaults
        #expect(keymap.command(for: .character("j"), in: .calculator) == .nextParameter)
        #expect(keymap.command(for: .character("j"), in: .list) == .moveDown)
        #expect(keymap.command(for: .tab, in: .calculator) == .nextPane)
        #expect(keymap.command(for: .character("c"), in: .tree) == .openCalculator)
        #expect(Keymap.calculatorTable.allSatisfy { $0.command.isCalculatorLocal })
        #expect(Keymap.defaultTable.allSatisfy { !$0.command.isCalculatorLocal })
        var rebound = keymap
        rebound.bind(.character("Z"), to: .nextParameter)
        #expect(rebound.command(for: .character("Z"), in: .calculator) == .nextParameter)
        #expect(rebound.command(for: .character("Z"), in: .tree) == nil)
    }

    @Test("every command has a key, help text, and a line in the help overlay")
    func everyCommandDocumented() {
        let keymap = Keymap.defaults
        let help = HelpOverlay.lines(keymap)
        for command in Command.allCases {
            #expect(!keymap.keys(for: command).isEmpty, "\(command.name) has no key")
            #expect(!command.help.isEmpty)
            #expect(help.contains { $0.help == command.help && !$0.isHeading }, "\(command.name) missing from help")
        }
        #expect(Set((Keymap.defaultTable + Keymap.calculatorTable).map(\.command)) == Set(Command.allCases))
    }

    @Test("key names round-trip through the config syntax")
    func keyNames() {
        for key in (Keymap.defaultTable + Keymap.calculatorTable).flatMap(\.keys) {
            #expect(Key(name: key.name) == key, "\(key.name)")
        }
        #expect(Key(name: "C-d") == .control("d"))
        #expect(Key(name: "^U") == .control("u"))
        #expect(Key(name: "nonsense") == nil)
    }

    @Test("the README's cheat sheet is the one generated from the keymap")
    func readmeCheatSheet() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md").standardizedFileURL
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(HelpOverlay.cheatSheet()), "regenerate the README table: trellis keys --defaults")
    }

    @Test("a config file rebinds, unbinds and reports bad lines by number")
    func config() {
        let config = Config.parse("""
            # my settings
            mouse = off
            colors = 16
            bind ctrl-n = down
            unbind q
            bind x = explode
            frobnicate yes
            """)
        #expect(config.mouse == false)
        #expect(config.colors == "16")
        #expect(config.keymap.command(for: .control("n")) == .moveDown)
        #expect(config.keymap.command(for: .character("q")) == nil)
        #expect(config.keymap.command(for: .control("c")) == .quit)
        #expect(config.problems == ["config line 6: unknown command 'explode'", "config line 7: unknown setting 'frobnicate'"])
    }

    @Test("a rebinding shows in the help overlay")
    func rebindingInHelp() {
        var state = TestGarden.state(config: Config.parse("bind ctrl-n = down"))
        state.press("?")
        #expect(state.screen.contains { $0.contains("j, down, ctrl-n") })
    }
}
