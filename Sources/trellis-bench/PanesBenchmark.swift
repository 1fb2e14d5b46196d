import App
import ArgumentParser
import Calculators
import Foundation
import Garden
import Screen
import SignalProp

/// The calculator panes as the owner uses them, at 160×48 on the shipped garden, release
/// build: each key goes through `App.update`, the computations it asks for run (on this
/// thread, as the run loop's worker would), their results go back through `App.update`, and
/// the frame is drawn with `App.view`. Timed: the key's first frame (old numbers, a progress
/// mark), the frame with the new numbers (which arrive before the figure) and the frame with
/// the figure. Targets from the issue: a nudge ≤ 10 ms, a move
/// of the phase point ≤ 16 ms, a zoom ≤ 50 ms, a pane's first frame ≤ 50 ms.
struct PanesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panes",
        abstract: "Measure the calculator panes at 160×48: open, nudge, move the phase point, zoom.")

    @Option(help: "The garden to open.") var garden = "garden"
    @Option(help: "Timed runs of each action.") var runs = 31

    static let size = Size(width: 160, height: 48)

    func run() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        let loaded = try GardenLoader.load(garden)
        var (state, _) = App.start(size: Self.size, gardenPath: garden)
        _ = App.update(&state, .gardenLoaded(loaded))
        print("panes: keys through App.update, their computations, App.view at \(Self.size.width)×\(Self.size.height); \(runs) runs each;"
              + " release build; \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("wall ms on the monotonic clock, medians: the key's own frame (old numbers, ⟳), the frame with the new numbers")
        print("(and their slowest run), the frame with the new figure; the target is for the numbers")
        print("")
        print(Table.row(["action", "runs", "frame", "numbers", "max", "figure", "target"], widths: [52, 5, 8, 9, 8, 9, 7]))

        for kind in CalculatorKind.allCases {
            measure("open the \(kind.title.lowercased()) pane (first frame)", target: 50, state) { state in
                state.calculators = CalculatorDeck()
                return Self.palette(&state, "calc \(kind.rawValue)")
            }
        }
        var meanField = state
        _ = Self.settle(&meanField, Self.palette(&meanField, "calc meanfield phi=tanh sw2=1.5 sb2=0.05"))
        _ = Self.settle(&meanField, App.update(&meanField, .key(.character("j"))))
        var flip = false
        measure("nudge σw² in the mean-field pane (tanh, depth 30)", target: 10, meanField) { state in
            flip.toggle()
            return App.update(&state, .key(.character(flip ? "+" : "-")))
        }
        var phase = state
        _ = Self.settle(&phase, Self.palette(&phase, "calc phase phi=tanh sw2=1.5 sb2=0.05"))
        measure("move the phase point (tanh; no grid recomputed)", target: 16, phase) { state in
            flip.toggle()
            return App.update(&state, .key(flip ? .right : .left))
        }
        measure("zoom the phase diagram in or out (tanh; a new grid)", target: 50, phase) { state in
            flip.toggle()
            return App.update(&state, .key(.character(flip ? "+" : "-")))
        }
        measure("shade it by ξ_c (a fixed point per 2×2 cells; φ tanh or erf)", target: nil, phase) { state in
            flip.toggle()
            return Self.palette(&state, "calc phase quantity=xi_c phi=" + (flip ? "erf" : "tanh"))
        }
    }

    /// Runs a palette line; returns its effects.
    static func palette(_ state: inout AppState, _ line: String) -> [Effect] {
        _ = App.update(&state, .key(.character(":")))
        for character in line { _ = App.update(&state, .key(.character(character))) }
        return App.update(&state, .key(.enter))
    }

    /// Performs calculator effects until none is left, as the run loop's workers would; a
    /// frame is drawn when the numbers arrive (`numbersDrawn` is called then) and at the end.
    static func settle(_ state: inout AppState, _ effects: [Effect], numbersDrawn: () -> Void = {}) -> Int {
        var pending = effects, count = 0
        while let effect = pending.first {
            pending.removeFirst()
            switch effect {
            case .calculate(let paneID, let generation, let request):
                count += 1
                // The numbers go through update and view as soon as they exist, as the run
                // loop would show them while the worker goes on to the figure.
                var current = state, early = false, more: [Effect] = []
                let output = withoutActuallyEscaping(numbersDrawn) { drawn in
                    CalculatorEngine.run(request, isCancelled: { false }, numbers: { numbers in
                        more += App.update(&current, .calculated(CalculatorResult(paneID: paneID, generation: generation, output: numbers)))
                        _ = App.view(current, size: size)
                        drawn()
                        early = true
                    })!
                }
                state = current
                pending += more + App.update(&state, .calculated(CalculatorResult(paneID: paneID, generation: generation, output: output)))
                if !early {
                    _ = App.view(state, size: size)
                    numbersDrawn()
                }
            case .calculateBlock(let key, let request):
                count += 1
                pending += App.update(&state, .blockCalculated(key, CalculatorEngine.run(request)))
            default:
                break
            }
        }
        return count
    }

    /// Times `action` on a copy of `state` that carries over from run to run: the key's own
    /// frame (update and view), the frame with the new numbers, and the frame with the figure.
    private func measure(_ name: String, target: Double?, _ start: AppState, _ action: (inout AppState) -> [Effect]) {
        var state = start
        var frames: [Double] = [], numbers: [Double] = [], totals: [Double] = []
        for run in 0...runs {
            let clock = ContinuousClock()
            let begin = clock.now
            let effects = action(&state)
            _ = App.view(state, size: Self.size)
            let frame = clock.now - begin
            var numbersAt = frame
            _ = Self.settle(&state, effects) { numbersAt = clock.now - begin }
            _ = App.view(state, size: Self.size)
            let total = clock.now - begin
            guard run > 0 else { continue }  // the first is a warm-up
            frames.append(Self.ms(frame))
            numbers.append(Self.ms(numbersAt))
            totals.append(Self.ms(total))
        }
        let (frame, number, total) = (Stats(frames), Stats(numbers), Stats(totals))
        print(Table.row(
            [name, String(runs), Table.number(frame.median, digits: 2), Table.number(number.median, digits: 2),
             Table.number(number.max, digits: 2), Table.number(total.median, digits: 2), target.map { "≤ \(Int($0))" } ?? ""],
            widths: [52, 5, 8, 9, 8, 9, 7]))
        fflush(nil)
    }

    static func ms(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
