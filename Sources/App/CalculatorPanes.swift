import Calculators
import Foundation
import Markdown
import Plot
import Screen

/// One open calculator: its settings, the selected parameter and its steps, and the last
/// results that came back. Results arrive as messages from the run loop; only those of the
/// latest request are kept (`generation`), so a superseded computation is never drawn.
public struct CalculatorPane: Sendable, Equatable {
    public let id: Int
    public var settings: CalculatorSettings
    /// Index into `settings.shownParameters` of the selected row.
    public var selected = 0
    /// Per-parameter steps, changed with `<` and `>` (defaults from the spec).
    public var steps: [String: Double] = [:]
    /// The phase diagram's window (other kinds ignore it).
    public var window = PhaseWindow()

    /// The latest request sent, and the latest that asked for the figure.
    public var generation = 0
    public var figureGeneration = 0
    /// What the figure was last requested for, to know when a change needs a new one.
    public var figureRequest: CalculatorRequest?
    /// The latest results that came back, and for which request.
    public var rows: [MeanFieldReport.Row] = []
    public var rowsGeneration = 0
    public var figure: PlotStack?
    public var shownFigureGeneration = 0

    public init(id: Int, settings: CalculatorSettings) {
        self.id = id
        self.settings = settings
    }

    public var kind: CalculatorKind { settings.kind }

    /// Whether a newer request than the results shown is still being computed.
    public var isComputing: Bool { rowsGeneration < generation || shownFigureGeneration < figureGeneration }

    public func step(_ spec: ParameterSpec) -> Double { steps[spec.key] ?? spec.step }
}

/// The open calculators: one visible at a time, with a tab line; optionally maximised.
public struct CalculatorDeck: Sendable, Equatable {
    public var panes: [CalculatorPane] = []
    public var visible = 0
    public var maximised = false
    /// Whether the calculator (rather than the note) holds the right-hand slot in layouts with
    /// room for only one of them.
    public var inFront = true
    var nextID = 1

    public init() {}

    public var current: CalculatorPane? { panes.indices.contains(visible) ? panes[visible] : nil }
    public var isOpen: Bool { !panes.isEmpty }
}

/// What a finished computation sends back.
public struct CalculatorResult: Sendable {
    public var paneID: Int
    public var generation: Int
    public var output: CalculatorOutput

    public init(paneID: Int, generation: Int, output: CalculatorOutput) {
        self.paneID = paneID
        self.generation = generation
        self.output = output
    }
}

extension AppState {
    // MARK: - Opening and closing

    /// Opens a calculator of `kind` (or shows the open one), applying `words` (`sw2=1.7` …);
    /// says what was wrong and changes nothing when a word cannot be applied.
    mutating func openCalculator(_ kind: CalculatorKind, applying words: [String] = [], window: PhaseWindow? = nil) -> [Effect] {
        var settings = calculators.panes.first { $0.kind == kind }?.settings ?? CalculatorSettings(kind)
        if let problem = settings.apply(words) {
            status = StatusMessage(problem.message, isError: true)
            return []
        }
        return openCalculator(settings, window: window)
    }

    /// Shows a calculator with these settings (and window), opening its pane if needed.
    mutating func openCalculator(_ settings: CalculatorSettings, window: PhaseWindow?) -> [Effect] {
        let kind = settings.kind
        if let index = calculators.panes.firstIndex(where: { $0.kind == kind }) {
            calculators.visible = index
            calculators.panes[index].settings = settings
        } else {
            calculators.panes.append(CalculatorPane(id: calculators.nextID, settings: settings))
            calculators.nextID += 1
            calculators.visible = calculators.panes.count - 1
        }
        if let window { calculators.panes[calculators.visible].window = window }
        let shown = calculators.panes[calculators.visible].settings.shownParameters.count
        calculators.panes[calculators.visible].selected = min(calculators.panes[calculators.visible].selected, shown - 1)
        if kind == .phase { followPoint() }
        calculators.inFront = true
        focus = .calculator
        relayoutReading()
        return recompute()
    }

    /// `c`: the calculator the selected topic names (its first), with the values of the
    /// topic page's first block of that kind if it has one; else the chooser.
    mutating func openTopicCalculator() -> [Effect] {
        let topic = garden?.topic(tree.selected)
        if let kind = (topic?.calculators ?? []).lazy.compactMap(CalculatorKind.init(name:)).first {
            let blocks = Markdown.parse(String(topic?.prose ?? "")).codeBlocks.filter { CalculatorBlock.isBlock(info: $0.info) }
                .compactMap { try? CalculatorBlock.parse($0.literal).get() }
            if !calculators.panes.contains(where: { $0.kind == kind }), let block = blocks.first(where: { $0.settings.kind == kind }) {
                return openCalculator(block.settings, window: block.window)
            }
            return openCalculator(kind)
        }
        overlay = .palette(CommandPalette.opened(self, input: "calc "))
        status = StatusMessage("This topic names no calculator: choose one")
        return []
    }

    /// `x`: closes the visible calculator; its computation is cancelled.
    mutating func closeCalculator() -> [Effect] {
        guard let pane = calculators.current else { return [] }
        calculators.panes.remove(at: calculators.visible)
        calculators.visible = min(calculators.visible, max(0, calculators.panes.count - 1))
        if calculators.panes.isEmpty {
            calculators.maximised = false
            focus = .reading
        }
        relayoutReading()
        return [.cancelCalculation(paneID: pane.id)] + refreshCalculatorFigure()
    }

    /// `z`: the calculator fills the screen, or goes back beside the note.
    mutating func toggleMaximised() -> [Effect] {
        guard calculators.isOpen else { return [] }
        calculators.maximised.toggle()
        relayoutReading()
        return recompute()
    }

    /// `]` / `[` in a calculator: the next or previous tab.
    mutating func cycleCalculator(by step: Int) -> [Effect] {
        let count = calculators.panes.count
        guard count > 1 else { return [] }
        calculators.visible = (calculators.visible + step + count) % count
        return refreshCalculatorFigure()
    }

    // MARK: - Changing parameters

    mutating func selectParameter(by delta: Int) {
        guard var pane = calculators.current else { return }
        let count = pane.settings.shownParameters.count
        pane.selected = min(max(0, pane.selected + delta), count - 1)
        calculators.panes[calculators.visible] = pane
    }

    /// `+` / `-`: the selected parameter by one step (the phase diagram zooms instead).
    mutating func nudge(_ direction: Double) -> [Effect] {
        guard let pane = calculators.current else { return [] }
        if pane.kind == .phase {
            return zoom(direction > 0 ? 0.5 : 2)
        }
        let spec = pane.settings.shownParameters[pane.selected]
        return nudge(spec.key, direction)
    }

    /// One parameter by `direction` steps.
    mutating func nudge(_ key: String, _ direction: Double) -> [Effect] {
        guard var pane = calculators.current, let spec = pane.settings.spec(key), let value = pane.settings[key] else { return [] }
        let next = spec.nudged(value, by: direction, step: pane.step(spec))
        guard next != value else {
            status = StatusMessage("\(spec.label) is at the end of its range")
            return []
        }
        pane.settings.set(key, next)
        pane.selected = min(pane.selected, pane.settings.shownParameters.count - 1)
        calculators.panes[calculators.visible] = pane
        if pane.kind == .phase, key == "sw2" || key == "sb2" {
            let window = pane.window
            followPoint()
            // A move within the window keeps the grid: only the point's numbers are new.
            if calculators.current?.window == window { return recompute(numbersOnly: true) }
        }
        return recompute()
    }

    /// `<` / `>`: the selected parameter's step divided or multiplied by 10.
    mutating func scaleStep(by factor: Double) {
        guard var pane = calculators.current else { return }
        let spec = pane.settings.shownParameters[pane.selected]
        guard case .real = spec.domain else {
            status = StatusMessage("\(spec.label) moves by whole steps")
            return
        }
        let step = ParameterSpec.rounded(pane.step(spec) * factor)
        guard step >= 1e-9, step <= 1e9 else { return }
        pane.steps[spec.key] = step
        calculators.panes[calculators.visible] = pane
        status = StatusMessage("\(spec.label) step \(NumberFormat.parameter(step))")
    }

    /// `p` cycles φ; `v` the view (the phase diagram's shading, the kernels or their regression).
    mutating func cycle(_ key: String) -> [Effect] {
        guard let pane = calculators.current else { return [] }
        let key = key != "view" ? key : pane.kind == .phase ? "quantity" : pane.kind == .eigenlearning ? "source" : key
        guard pane.settings.spec(key) != nil else {
            status = StatusMessage("This pane has one view")
            return []
        }
        return nudge(key, 1)
    }

    /// Enter on a parameter: the palette, ready to take its exact value.
    mutating func editSelectedParameter() {
        guard let pane = calculators.current else { return }
        let spec = pane.settings.shownParameters[pane.selected]
        let value = pane.settings[spec.key].map(String.init(describing:)) ?? ""
        overlay = .palette(CommandPalette.opened(self, input: "calc \(pane.kind.rawValue) \(spec.key)=\(value)"))
    }

    /// The phase diagram: arrows move the point by the parameters' steps.
    mutating func movePoint(sw2 dx: Double, sb2 dy: Double) -> [Effect] {
        var effects: [Effect] = []
        if dx != 0 { effects += nudge("sw2", dx) }
        if dy != 0 { effects += nudge("sb2", dy) }
        return effects
    }

    /// Arrows in a calculator: move the phase diagram's point; elsewhere ↑/↓ select a
    /// parameter and ←/→ nudge it, like a slider.
    mutating func arrow(_ command: Command) -> [Effect] {
        guard let pane = calculators.current else { return [] }
        if pane.kind == .phase {
            switch command {
            case .pointLeft: return movePoint(sw2: -1, sb2: 0)
            case .pointRight: return movePoint(sw2: 1, sb2: 0)
            case .pointUp: return movePoint(sw2: 0, sb2: 1)
            default: return movePoint(sw2: 0, sb2: -1)
            }
        }
        switch command {
        case .pointLeft: return nudge(-1)
        case .pointRight: return nudge(1)
        case .pointUp: selectParameter(by: -1)
        default: selectParameter(by: 1)
        }
        return []
    }

    /// Zooms the phase diagram about its point.
    mutating func zoom(_ factor: Double) -> [Effect] {
        guard var pane = calculators.current, pane.kind == .phase else { return [] }
        let point = (sw2: pane.settings.number("sw2"), sb2: pane.settings.number("sb2"))
        let zoomed = pane.window.zoomed(by: factor, about: point)
        guard zoomed != pane.window else {
            status = StatusMessage("The window cannot zoom further")
            return []
        }
        pane.window = zoomed
        // Steps follow the window: a tenth of a cell's worth is too fine, a tenth of the window right.
        for key in ["sw2", "sb2"] {
            let span = key == "sw2" ? zoomed.sw2.upperBound - zoomed.sw2.lowerBound : zoomed.sb2.upperBound - zoomed.sb2.lowerBound
            pane.steps[key] = Self.niceStep(span / 70)
        }
        calculators.panes[calculators.visible] = pane
        return recompute()
    }

    /// The power of ten times 1, 2 or 5 nearest above `value`.
    static func niceStep(_ value: Double) -> Double {
        let decade = pow(10, (log10(value)).rounded(.down))
        for multiple in [1.0, 2, 5, 10] where multiple * decade >= value * 0.999 { return multiple * decade }
        return 10 * decade
    }

    /// Keeps the phase diagram's point inside its window.
    private mutating func followPoint() {
        guard var pane = calculators.current, pane.kind == .phase else { return }
        pane.window = pane.window.following((pane.settings.number("sw2"), pane.settings.number("sb2")))
        calculators.panes[calculators.visible] = pane
    }

    // MARK: - Computing

    /// A new request for the visible calculator when what it shows is out of date; the figure
    /// too unless `numbersOnly` and the figure in hand (or on its way) is for the same picture.
    mutating func recompute(numbersOnly: Bool = false) -> [Effect] {
        guard var pane = calculators.current else { return [] }
        let figureSize = calculatorFigureSize
        var request = CalculatorRequest(settings: pane.settings, figureSize: figureSize ?? Size(width: 0, height: 0), window: pane.window,
                                        ascii: glyphs == .ascii)
        // No room for a figure (a short pane), or the one in hand, already drawn, still shows
        // the picture. A figure still on its way must be asked for again: the new request
        // supersedes the one computing it.
        let figureInHand = pane.shownFigureGeneration == pane.figureGeneration
        if figureSize == nil || (numbersOnly && figureInHand && pane.figureRequest.map { Self.samePicture($0, request) } == true) {
            request.part = .numbers
        }
        pane.generation += 1
        if request.part == .everything {
            pane.figureGeneration = pane.generation
            pane.figureRequest = request
        } else if figureSize == nil {
            // No room for a figure: one still on its way is given up (this request supersedes
            // it), and the next size with room asks for a new one.
            pane.figureRequest = nil
            pane.figureGeneration = pane.shownFigureGeneration
        }
        calculators.panes[calculators.visible] = pane
        return [.calculate(paneID: pane.id, generation: pane.generation, request)]
    }

    /// After a resize or a layout change: a new figure only if its size changed.
    mutating func refreshCalculatorFigure() -> [Effect] {
        guard let pane = calculators.current, let size = calculatorFigureSize else { return [] }
        if let shown = pane.figureRequest, shown.figureSize == size {
            let now = CalculatorRequest(settings: pane.settings, figureSize: size, window: pane.window, ascii: glyphs == .ascii)
            if pane.kind == .phase ? Self.samePicture(shown, now) : shown == now { return [] }
        }
        return recompute()
    }

    /// Whether two requests draw the same phase diagram (the point aside).
    static func samePicture(_ a: CalculatorRequest, _ b: CalculatorRequest) -> Bool {
        guard a.settings.kind == .phase, a.figureSize == b.figureSize, a.window == b.window, a.ascii == b.ascii else { return false }
        return ["phi", "quantity"].allSatisfy { a.settings[$0] == b.settings[$0] } && a.settings.alpha == b.settings.alpha
    }

    /// Takes a result if it answers the pane's latest request (of its kind); drops it otherwise.
    mutating func receive(_ result: CalculatorResult) {
        guard let index = calculators.panes.firstIndex(where: { $0.id == result.paneID }) else { return }
        var pane = calculators.panes[index]
        if result.generation == pane.generation {
            pane.rows = result.output.rows
            pane.rowsGeneration = result.generation
        }
        if let figure = result.output.figure, result.generation == pane.figureGeneration {
            pane.figure = figure
            pane.shownFigureGeneration = result.generation
        }
        calculators.panes[index] = pane
    }

    /// The figure's size in the visible calculator pane, or nil when no pane is on screen.
    var calculatorFigureSize: Size? {
        guard let pane = calculators.current else { return nil }
        let shown = layout.panes[.calculator] != nil ? layout : Layout.of(size, focus: .calculator, calculators: calculators)
        guard let rect = shown.panes[.calculator] else { return nil }
        return CalculatorView.figureRect(pane, in: shown.readingText(rect)).map { Size(width: $0.width, height: $0.height) }
    }
}
