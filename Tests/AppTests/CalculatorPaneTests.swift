@testable import App
import Calculators
import Garden
import Markdown
import Screen
import SignalProp
import SnapshotSupport
import Foundation
import Testing

/// The calculator panes on the pure core: opening, nudging, the phase point, stale results.
@Suite("Calculator panes")
struct CalculatorPaneTests {
    static let wide = Size(width: 160, height: 48)

    /// The state with the topic `id` selected in the tree.
    static func atTopic(_ id: String, size: Size = wide) -> AppState {
        var state = TestGarden.state(size)
        state.selectTopic(id)
        return state
    }

    /// The value shown beside `name` in the visible pane's result rows.
    static func result(_ state: AppState, _ name: String) -> String? {
        state.calculators.current?.rows.first { $0.name == name }?.value
    }

    @Test("c opens the calculator the topic names, beside the note; the tree stays browsable")
    func openFromTopic() {
        var state = Self.atTopic("models/mean-field")
        state.pressAndSettle("c")
        #expect(state.calculators.current?.kind == .meanField)
        #expect(state.focus == .calculator)
        let layout = state.layout
        #expect(layout.panes[.calculator] != nil && layout.panes[.reading] != nil && layout.panes[.tree] != nil)
        // The numbers are `trellis calc meanfield`'s for the page's block (relu, σw² 2, σb² 0).
        let direct = MeanField(MeanFieldParameters(activation: .relu, sw2: 2, sb2: 0)).compute()
        #expect(Self.result(state, "χ₁") == NumberFormat.number(direct.chi1))
        #expect(state.screen.contains { $0.contains("χ₁") && $0.contains(NumberFormat.number(direct.chi1)) })
        // The tree still moves while the pane is open.
        state.press("tab")
        #expect(state.focus == .tree)
        state.press("k")
        #expect(state.tree.selected != "models/mean-field")
        #expect(state.calculators.isOpen)

        var kernels = Self.atTopic("models/nngp-ntk")
        kernels.pressAndSettle("c")
        #expect(kernels.calculators.current?.kind == .kernel)
        // A topic without a calculator offers the kinds in the palette.
        var plain = Self.atTopic("models/linear")
        plain.press("c")
        guard case .palette(let palette)? = plain.overlay else {
            Issue.record("no chooser")
            return
        }
        #expect(palette.input == "calc " && palette.completions.contains("calc phase"))
    }

    @Test("every kind opens from the palette with its values, and a bad value changes nothing")
    func openFromPalette() {
        var state = TestGarden.state(Self.wide)
        for kind in CalculatorKind.allCases {
            state.palette("calc \(kind.rawValue)")
            #expect(state.calculators.current?.kind == kind)
            #expect(!(state.calculators.current?.rows.isEmpty ?? true), "\(kind)")
            #expect(state.calculators.current?.figure != nil, "\(kind)")
        }
        #expect(state.calculators.panes.count == 5)
        state.palette("calc meanfield phi=relu sw2=2 sb2=0")
        #expect(state.calculators.current?.kind == .meanField && state.calculators.panes.count == 5)
        // ReLU at σw² = 2, σb² = 0 is critical: χ₁ = σw²/2 = 1 exactly (closed form).
        #expect(Self.result(state, "χ₁") == "1")
        state.palette("calc meanfield sw2=nan")
        #expect(state.status?.text == "sw2 must be a finite number, not nan")
        state.palette("calc meanfield sw2=3 sb2=-1")
        #expect(state.status?.text == "sb2 must be between 0 and 1000000000000, not -1")
        #expect(state.calculators.current?.settings.number("sw2") == 2)
        state.palette("calc meanfield frobs=3")
        #expect(state.status?.text.hasPrefix("meanfield has no parameter frobs") == true)
        // The command line's syntax too, as a block's command reads (pasted from a note).
        state.palette("calc meanfield --phi erf --sw2 1.9 sb2=0.2")
        #expect(state.calculators.current?.settings.name("phi") == "erf" && state.calculators.current?.settings.number("sw2") == 1.9
                && state.calculators.current?.settings.number("sb2") == 0.2)
        state.palette("calc phase --point 2,0.5 --sw2 1:3")
        #expect(state.calculators.current?.window.sw2 == 1...3 && state.calculators.current?.settings.number("sw2") == 2)
        state.palette("calc meanfield --sw2")
        #expect(state.status?.text == "write key=value or --key value, not '--sw2'")
        state.palette("calc heatmap")
        #expect(state.status?.text.hasPrefix("calc takes one of meanfield, phase") == true)
    }

    @Test("nudging σw² changes the value and the result; < and > scale the step")
    func nudge() {
        var state = TestGarden.state(Self.wide)
        state.palette("calc meanfield phi=tanh sw2=1.5 sb2=0.05")
        let before = Self.result(state, "χ₁")
        state.pressAndSettle("j", "+")
        #expect(state.calculators.current?.settings.number("sw2") == 1.6)
        let direct = MeanField(MeanFieldParameters(activation: .tanh, sw2: 1.6, sb2: 0.05)).compute()
        #expect(Self.result(state, "χ₁") == NumberFormat.number(direct.chi1) && Self.result(state, "χ₁") != before)
        state.pressAndSettle("<", "+", "+", "+")
        // Three steps of 0.01 from 1.6: 1.63 exactly as typed, not 1.6300000000000001.
        #expect(state.calculators.current?.settings.number("sw2") == 1.63)
        state.pressAndSettle(">", ">", "-")
        #expect(state.calculators.current?.settings.number("sw2") == 0.63)
        state.pressAndSettle("p")
        #expect(state.calculators.current?.settings.name("phi") == "hardtanh")
        // σb² cannot go below 0: the nudge says so and changes nothing.
        state.pressAndSettle("j", "-", "-", "-", "-", "-", "-")
        #expect(state.calculators.current?.settings.number("sb2") == 0)
        #expect(state.status?.text == "σb² is at the end of its range")
    }

    @Test("the phase point crosses the tanh boundary at σb² = 0.05 near σw² = 1.7610 and flips the phase")
    func phasePointCrossesTheBoundary() {
        var state = TestGarden.state(Self.wide)
        // The critical σw² at σb² = 0.05 (Schoenholz et al. 2017 give ≈ 1.76), from the solver.
        let critical = OrderChaosBoundary(.tanh).crossings(sb2: [0.05])[0].critical!.sw2
        #expect(abs(critical - 1.7610) < 5e-4)
        state.palette("calc phase phi=tanh sw2=1.755 sb2=0.05")
        #expect(Self.result(state, "phase") == "ordered")
        // Steps of 0.001: a few to the right cross the line.
        state.press("j")
        state.pressAndSettle("<", "<")
        #expect(state.calculators.current?.step(state.calculators.current!.settings.spec("sw2")!) == 0.0005)
        var crossedAt: Double?
        for _ in 0..<20 where crossedAt == nil {
            state.pressAndSettle("right")
            if Self.result(state, "phase") == "chaotic" { crossedAt = state.calculators.current!.settings.number("sw2") }
        }
        #expect(crossedAt.map { $0 > critical && $0 - critical <= 0.0005 + 1e-12 } == true, "\(String(describing: crossedAt))")
        // Moving the point keeps the grid: no new figure was asked for.
        let pane = state.calculators.current!
        #expect(pane.figureGeneration < pane.generation)
        state.pressAndSettle("v")
        #expect(state.calculators.current?.settings.name("quantity") == "chi1")
        #expect(state.calculators.current!.figureGeneration == state.calculators.current!.generation)
    }

    @Test("the figure keeps its size whatever the results: the first move after opening asks for numbers only")
    func firstMoveKeepsTheGrid() {
        for kind in CalculatorKind.allCases {
            var state = TestGarden.state(Size(width: 130, height: 40))
            state.palette("calc \(kind.rawValue)")
            let requested = state.calculators.current!.figureRequest!.figureSize
            #expect(state.calculatorFigureSize == requested, "\(kind): the figure shown is the size it was computed for")
        }
        var state = TestGarden.state(Size(width: 130, height: 40))
        state.palette("calc phase phi=tanh sw2=1.7 sb2=0.05")
        let effects = state.press("right")
        guard case .calculate(_, _, let request)? = effects.first else {
            Issue.record("no request")
            return
        }
        #expect(request.part == .numbers)
    }

    @Test("a move while the zoomed grid is still computing asks for the grid again (it would be superseded and lost)")
    func moveDuringAZoomKeepsTheNewGrid() {
        var state = TestGarden.state(Size(width: 130, height: 40))
        state.palette("calc phase phi=tanh sw2=1.7 sb2=0.05")
        let zoom = state.press("+")
        let move = state.press("left")
        guard case .calculate(let id, _, let zoomRequest)? = zoom.first, case .calculate(_, let generation, let moveRequest)? = move.first else {
            Issue.record("no requests")
            return
        }
        #expect(zoomRequest.part == .everything && moveRequest.part == .everything)
        // As the queue does: the zoom is superseded, only the move's result arrives.
        _ = App.update(&state, .calculated(CalculatorResult(paneID: id, generation: generation, output: CalculatorEngine.run(moveRequest))))
        #expect(!state.calculators.current!.isComputing)
        #expect(state.calculators.current!.figure!.plots[0].x.range == state.calculators.current!.window.sw2)
    }

    @Test("a figure given up in a pane too short for it is asked for again when there is room")
    func figureGivenUpWhenShortComesBack() {
        var state = TestGarden.state(Size(width: 130, height: 40))
        state.palette("calc phase phi=tanh sw2=1.7 sb2=0.05")
        _ = state.press("+")  // the zoomed grid, not yet computed
        _ = App.update(&state, .resize(Size(width: 130, height: 14)))
        let move = state.press("left")
        guard case .calculate(let id, let generation, let request)? = move.first else {
            Issue.record("no request")
            return
        }
        #expect(request.part == .numbers)
        _ = App.update(&state, .calculated(CalculatorResult(paneID: id, generation: generation, output: CalculatorEngine.run(request))))
        #expect(!state.calculators.current!.isComputing)
        state.settle(App.update(&state, .resize(Size(width: 130, height: 40))))
        #expect(!state.calculators.current!.isComputing)
        #expect(state.calculators.current!.figure!.plots[0].x.range == state.calculators.current!.window.sw2)
    }

    @Test("Enter completes a name being typed after key=, never a number")
    func paletteCompletesNamesNotNumbers() {
        var state = TestGarden.state(Size(width: 130, height: 40))
        state.palette("calc meanfield phi=rel")
        #expect(state.calculators.current?.settings.name("phi") == "relu")
        state.palette("calc meanfield sw2=1")
        #expect(state.calculators.current?.settings.number("sw2") == 1)
    }

    @Test("zooming keeps the point in place and refines the steps; the point drags the window")
    func zoom() {
        var state = TestGarden.state(Self.wide)
        state.palette("calc phase sw2=2 sb2=1")
        state.pressAndSettle("+")
        let window = state.calculators.current!.window
        #expect(window.sw2 == 1.25...3 && window.sb2 == 0.5...2.5)
        state.pressAndSettle("-", "-")
        #expect(state.calculators.current!.window.sw2.lowerBound == 0)
        state.palette("calc phase sw2=9")
        #expect(state.calculators.current!.window.sw2.contains(9))
    }

    @Test("a superseded computation's result is dropped; only the latest is drawn")
    func supersededResultsAreDropped() {
        var state = TestGarden.state(Self.wide)
        state.palette("calc meanfield phi=tanh sw2=1.5 sb2=0.05")
        let first = state.press("j", "+")  // sw2 1.6, not yet computed
        let second = state.press("+")  // sw2 1.7
        guard case .calculate(let id, let old, let oldRequest)? = first.first, case .calculate(_, let new, let newRequest)? = second.first else {
            Issue.record("no requests")
            return
        }
        #expect(state.calculators.current!.isComputing)
        // The newer one arrives first, then the older: the older is ignored.
        _ = App.update(&state, .calculated(CalculatorResult(paneID: id, generation: new, output: CalculatorEngine.run(newRequest))))
        let latest = Self.result(state, "χ₁")
        _ = App.update(&state, .calculated(CalculatorResult(paneID: id, generation: old, output: CalculatorEngine.run(oldRequest))))
        #expect(Self.result(state, "χ₁") == latest)
        #expect(latest == NumberFormat.number(MeanField(MeanFieldParameters(activation: .tanh, sw2: 1.7, sb2: 0.05)).compute().chi1))
        #expect(!state.calculators.current!.isComputing)
        // A result for a pane that was closed is dropped too, and closing cancels its work.
        let effects = state.press("x")
        #expect(effects.contains(.cancelCalculation(paneID: id)))
        _ = App.update(&state, .calculated(CalculatorResult(paneID: id, generation: new + 1, output: CalculatorEngine.run(newRequest))))
        #expect(!state.calculators.isOpen && state.focus == .reading)
    }

    @Test("z maximises and restores; several panes share a tab line; ] and [ switch")
    func maximiseAndTabs() {
        var state = TestGarden.state(Self.wide)
        state.palette("calc meanfield")
        state.palette("calc kernel")
        #expect(state.screen[0].contains("Mean field │ Kernels"))
        state.pressAndSettle("z")
        #expect(state.layout.panes.keys.sorted { $0.rawValue < $1.rawValue } == [.calculator])
        #expect(state.screen[0].contains("(z restores)"))
        state.pressAndSettle("z", "[")
        #expect(state.calculators.current?.kind == .meanField && state.layout.panes.count == 4)
    }

    @Test("a tab line too narrow for every tab shows the visible one and where it is")
    func narrowTabLine() {
        var state = TestGarden.state(Size(width: 60, height: 20))
        for kind in CalculatorKind.allCases { state.palette("calc \(kind.rawValue)") }
        state.pressAndSettle("[")
        let title = state.screen[0]
        #expect(title.contains("Eigenlearning 4/5"), "\(title)")
        var wide = TestGarden.state(Size(width: 200, height: 40))
        for kind in CalculatorKind.allCases { wide.palette("calc \(kind.rawValue)") }
        #expect(wide.screen[0].contains("Mean field │ Phase diagram │ Kernels │ Eigenlearning │ Spectrum"))
    }

    @Test("narrow terminals: the calculator takes the note's place, down to 40×12")
    func narrowLayouts() {
        for size in [Size(width: 100, height: 30), Size(width: 60, height: 20), Size(width: 40, height: 12)] {
            var state = TestGarden.state(size)
            state.palette("calc meanfield")
            let layout = state.layout
            #expect(layout.panes[.calculator] != nil && layout.panes[.reading] == nil, "\(size)")
            let rows = state.screen
            #expect(rows.count == size.height, "\(size)")
            // (`screen` drops trailing blanks.)
            for row in rows { #expect(DisplayWidth.of(row) <= size.width, "\(size): \(row)") }
            #expect(rows.contains { $0.contains("χ₁") }, "\(size)\n\(rows.joined(separator: "\n"))")
            state.press("shift-tab")
            #expect(state.focus == .reading && state.layout.panes[.reading] != nil, "\(size)")
        }
    }
}

/// Each pane as text at two sizes: beside the note (120×36) and in the note's place (80×24).
@Suite("Calculator pane snapshots")
struct CalculatorPaneSnapshotTests {
    static let sizes = [Size(width: 120, height: 36), Size(width: 80, height: 24)]

    @Test(arguments: CalculatorKind.allCases)
    func pane(kind: CalculatorKind) {
        for size in Self.sizes {
            var state = TestGarden.state(size)
            state.palette("calc \(kind.rawValue)")
            assertSnapshot(state.screen, named: "calculator-\(kind.rawValue)-\(size.width)x\(size.height)", width: size.width)
        }
    }
}

/// Calculator blocks in notes: computed off the main loop once per block and width, drawn in
/// place, refused when not a calculator command, and opened as a pane with Enter.
@Suite("Calculator blocks")
struct CalculatorBlockTests {
    /// The mean-field topic's page, its blocks computed.
    static func page(_ size: Size = Size(width: 120, height: 40)) -> (AppState, Int) {
        var state = TestGarden.state(size)
        state.selectTopic("models/mean-field")
        state.show(.topic("models/mean-field"))
        let effects = state.requestWantedBlocks()
        var computed = 0
        for effect in effects {
            guard case .calculateBlock(let key, let request) = effect else { continue }
            computed += 1
            _ = App.update(&state, .blockCalculated(key, CalculatorEngine.run(request)))
        }
        return (state, computed)
    }

    @Test("a calc block shows the calculator's table; a plot block its figure; other commands an error, run never")
    func blocksRender() {
        let (state, computed) = Self.page()
        #expect(computed == 2)
        let text = state.reading.document.lines.map(\.content.text)
        // ReLU at σw² = 2, σb² = 0 is critical: χ₁ = 1 exactly (closed form).
        #expect(text.contains { $0.hasPrefix("χ₁") && $0.split(separator: " ").dropFirst().first == "1" })
        #expect(text.contains { $0.contains("tanh: ordered and chaotic phases") })
        #expect(text.contains { $0.hasPrefix("trellis block: not a calculator command") })
        #expect(text.contains("  rm -rf /"))
        // Every line a block drew carries its source, and none is wider than the pane.
        let tagged = state.reading.document.lines.filter { $0.embed != nil }
        #expect(Set(tagged.compactMap(\.embed)).count == 3)
        #expect(state.reading.document.lines.allSatisfy { $0.content.width <= state.reading.width })
        #expect(state.screen.contains { $0.contains("calc meanfield --phi relu --sw2 2 --sb2 0") })
    }

    @Test("results are cached per block and width: showing the page again computes nothing")
    func blocksAreCached() {
        var (state, _) = Self.page()
        state.show(.topic("models"))
        state.show(.topic("models/mean-field"))
        #expect(state.requestWantedBlocks().isEmpty)
        // A new width draws the figure anew.
        let effects = App.update(&state, .resize(Size(width: 100, height: 40)))
        #expect(effects.contains { if case .calculateBlock = $0 { return true } else { return false } })
    }

    @Test("a waiting block takes the room its result will take; results are kept for one width per block")
    func blockPlaceholdersAndCache() {
        var state = TestGarden.state(Size(width: 120, height: 40))
        state.selectTopic("models/mean-field")
        state.show(.topic("models/mean-field"))
        let effects = state.requestWantedBlocks()
        let lines = state.reading.document.lines
        let plot = lines.filter { $0.embed?.hasPrefix("plot phase") == true }.count
        #expect(plot >= 1 + CalculatorBlocks.figureHeight(try! CalculatorBlock.parse("plot phase --phi tanh").get()))
        for effect in effects {
            guard case .calculateBlock(let key, let request) = effect else { continue }
            _ = App.update(&state, .blockCalculated(key, CalculatorEngine.run(request)))
        }
        #expect(state.reading.document.lines.filter { $0.embed?.hasPrefix("plot phase") == true }.count == plot)
        for width in [100, 110, 120] {
            for effect in App.update(&state, .resize(Size(width: width, height: 40))) {
                guard case .calculateBlock(let key, let request) = effect else { continue }
                _ = App.update(&state, .blockCalculated(key, CalculatorEngine.run(request)))
            }
        }
        #expect(state.blocks.outputs.count == 2)
    }

    @Test("Enter on a block opens its calculator with the block's values")
    func enterOpensThePane() throws {
        var (state, _) = Self.page()
        state.focus = .reading
        let line = try #require(state.reading.document.lines.firstIndex { $0.embed?.hasPrefix("plot phase") == true })
        state.moveCursor(to: line)
        let effects = state.press("enter")
        #expect(state.calculators.current?.kind == .phase)
        #expect(state.calculators.current?.settings.number("sw2") == 1.76 && state.calculators.current?.settings.number("sb2") == 0.05)
        #expect(effects.contains { if case .calculate = $0 { return true } else { return false } })
        let bad = try #require(state.reading.document.lines.firstIndex { $0.embed == "rm -rf /" })
        state.focus = .reading
        state.moveCursor(to: bad)
        state.press("enter")
        #expect(state.status?.isError == true)
    }

    @Test("] stops at each block, o opens it; c on the topic opens its calculator with the page's block values")
    func blocksAreLinks() {
        var (state, _) = Self.page()
        state.focus = .reading
        var targets: [LinkTarget] = []
        for _ in 0..<3 {
            state.press("]")
            targets.append(state.reading.document.links[state.reading.focusedLink!].target)
        }
        #expect(targets == [.embed("calc meanfield --phi relu --sw2 2 --sb2 0"), .embed("plot phase --phi tanh --point 1.76,0.05"), .embed("rm -rf /")])
        state.press("[")
        state.press("o")
        #expect(state.calculators.current?.kind == .phase && state.calculators.current?.settings.number("sw2") == 1.76)
        // c takes the page's first mean-field block's values (relu, σw² 2, σb² 0), not the defaults.
        var topic = TestGarden.state(Size(width: 120, height: 40))
        topic.selectTopic("models/mean-field")
        topic.press("c")
        #expect(topic.calculators.current?.kind == .meanField && topic.calculators.current?.settings.name("phi") == "relu"
                && topic.calculators.current?.settings.number("sw2") == 2)
    }

    @Test("block commands parse into the calculators' settings", arguments: [
        ("calc meanfield --phi erf --sw2 1.9 --sb2 0.2", CalculatorKind.meanField, false),
        ("plot trajectory --phi tanh --sw2 1.5 --sb2 0.05 --depth 40", .meanField, true),
        ("plot phase --phi erf --sw2 0.5:3 --sb2 0:1", .phase, true),
        ("plot kernel --phi relu --depth 3 --sw2 2 --sb2 0.1 --kind ntk", .kernel, true),
        ("calc sphere --phi relu --depth 1 --sw2 2 --sb2 0 --kernel nngp --d 3 --lmax 10", .spectrum, false),
        ("trellis plot learning-curve --phi relu --depth 2 --sw2 2 --sb2 0 --d 3 --lmax 10", .eigenlearning, true),
    ])
    func parse(source: String, kind: CalculatorKind, figure: Bool) throws {
        let block = try CalculatorBlock.parse(source).get()
        #expect(block.settings.kind == kind && block.showsFigure == figure)
        if kind == .phase {
            #expect(block.window == PhaseWindow(sw2: 0.5...3, sb2: 0...1))
            #expect(block.settings.number("sw2") == 1.75 && block.settings.number("sb2") == 0.5)
        }
    }

    @Test("bad blocks are refused with a reason", arguments: [
        "calc grid --phi tanh --sw2 0:4:10 --sb2 0", "plot phase --phi tanh --point 1.5", "calc meanfield --phi tanh --sw2",
        "calc meanfield --phi tanh --sw2 -1 --sb2 0", "plot phase --sw2 4:1", "calc meanfield --phi tanh\ncalc meanfield --phi erf", "",
        "plot phase --sw2 0:1e300", "plot phase --sb2 1:1.0000000000001",
    ])
    func badBlocks(source: String) {
        guard case .failure(let problem) = CalculatorBlock.parse(source) else {
            Issue.record("accepted: \(source)")
            return
        }
        #expect(!problem.message.isEmpty)
    }
}

/// Browsing polish found by trying the landed UI as a new user.
@Suite("Browsing polish")
struct BrowsingPolishTests {
    @Test("the shipped garden opens on the Pareto frontier: Models starts expanded")
    func frontierOnTheFirstScreen() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../garden").standardizedFileURL.path
        let garden = try GardenLoader.load(root)
        var (state, _) = App.start(size: Size(width: 120, height: 40), gardenPath: root)
        _ = App.update(&state, .gardenLoaded(garden))
        let screen = state.screen.joined(separator: "\n")
        for title in ["Linear regression", "Kernel regression", "NNGP / NTK", "Linear networks", "RFMs", "Mean field / muP", "MLPs", "Transformers", "SSM"] {
            #expect(screen.contains(title), "\(title) not on the first screen")
        }
    }

    @Test("the papers count leaves items out; the palette says what each command does")
    func countsAndPalette() {
        var state = TestGarden.state(Size(width: 120, height: 30))
        state.selectTopic("")
        let papers = state.list.noteIDs.filter { TestGarden.garden.note($0)?.kind == .paper }.count
        let items = state.list.noteIDs.count - papers
        let title = state.screen.first { $0.contains("Papers (") }!
        #expect(title.contains("Papers (\(papers))") && (items == 0 || title.contains("+ \(items) item")))
        state.press(":")
        state.type("tog")
        #expect(state.screen.contains { $0.contains("toggle-abstract") && $0.contains(Command.toggleAbstract.help) })
    }

    @Test("[[Note#Heading]] opens the note at that heading; a missing heading says so")
    func wikiLinkToAHeading() {
        var state = TestGarden.state(Size(width: 120, height: 30))
        _ = state.follow(.wiki("lee2018#Notes"))
        #expect(state.reading.subject == .note("lee2018"))
        #expect(state.reading.document.lines[state.reading.cursor].content.text.hasSuffix("Notes"))
        _ = state.follow(.wiki("Deep Neural Networks as Gaussian Processes#No such heading"))
        #expect(state.reading.subject == .note("lee2018") && state.status?.text.contains("has no heading") == true)
    }
}
