import Calculators
import Foundation
import Garden
import Screen
import SignalProp
import Testing

/// The one table of calculator parameters: checks, nudges and names.
@Suite struct CalculatorSpecTests {
    @Test func everyDefaultIsAValueOfItsParameter() {
        for kind in CalculatorKind.allCases {
            let settings = CalculatorSettings(kind)
            for spec in settings.parameters {
                switch spec.domain {
                case .choice(let names): #expect(names.contains(settings.name(spec.key)), "\(kind) \(spec.key)")
                case .real, .integer: #expect(spec.check(settings.number(spec.key)) == nil, "\(kind) \(spec.key)")
                }
            }
        }
    }

    /// The same refusals as `trellis calc`: NaN, negative variances, c₀ outside [−1, 1], a
    /// fractional depth, α for an activation without one; all or nothing.
    @Test func badValuesAreRefusedAndChangeNothing() {
        var settings = CalculatorSettings(.meanField)
        let before = settings
        for words in [["sw2=nan"], ["sb2=-0.1"], ["c0=1.5"], ["q0=0"], ["depth=2.5"], ["phi=tanhh"], ["alpha=0.1"], ["sw2=2", "sb2"], ["sw2=1e13"]] {
            #expect(settings.apply(words) != nil, "\(words)")
            #expect(settings == before, "\(words)")
        }
        #expect(settings.apply(["alpha=0.2", "phi=leaky_relu", "sw2=2"]) == nil)
        #expect(settings.activation == Activation(name: "leaky_relu", alpha: 0.2))
        #expect(settings.apply(["phi=tanh"]) == nil && settings.alpha == nil)
        #expect(settings.apply(["phi=silu"]) == nil && settings.name("phi") == "swish")
    }

    /// Nudges stay in the domain and print as typed: 1.6 + 0.01 three times is 1.63.
    @Test func nudgesStayInTheDomainAndPrintCleanly() {
        let sw2 = CalculatorSettings(.meanField).spec("sw2")!
        var value = ParameterValue.number(1.6)
        for _ in 0..<3 { value = sw2.nudged(value, by: 1, step: 0.01) }
        #expect(value == .number(1.63) && value.description == "1.63")
        #expect(sw2.nudged(.number(0.05), by: -1, step: 0.1) == .number(0))
        let c0 = CalculatorSettings(.meanField).spec("c0")!
        #expect(c0.nudged(.number(0.99), by: 1, step: 0.05) == .number(1))
        let depth = CalculatorSettings(.meanField).spec("depth")!
        #expect(depth.nudged(.number(1), by: -1, step: 1) == .number(1))
        let phi = CalculatorSettings(.meanField).spec("phi")!
        #expect(phi.nudged(.name(Activation.names.last!), by: 1, step: 1) == .name(Activation.names[0]))
    }

    /// Every `calculators:` name in the shipped garden's topics opens a pane.
    @Test func everyCalculatorTheShippedGardenNamesResolves() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../garden").standardizedFileURL.path
        let garden = try GardenLoader.load(root)
        let names = garden.topics.flatMap(\.calculators)
        #expect(!names.isEmpty)
        for name in names { #expect(CalculatorKind(name: name) != nil, "\(name)") }
    }

    /// The pane's mean-field rows are `trellis calc meanfield`'s table rows (one formatter).
    @Test func meanFieldRowsAreTheCalculatorsOwn() {
        var settings = CalculatorSettings(.meanField)
        #expect(settings.apply(["phi=erf", "sw2=1.9", "sb2=0.2"]) == nil)
        let output = CalculatorEngine.run(CalculatorRequest(settings: settings, figureSize: .init(width: 60, height: 20)))
        let result = MeanField(MeanFieldParameters(activation: .erf, sw2: 1.9, sb2: 0.2)).compute()
        #expect(output.rows == MeanFieldReport.rows(result))
        #expect(output.rows.first { $0.name == "χ₁" }?.value == String(format: "%.12g", result.chi1))
        #expect(output.figure?.plots.count == 2)
    }

    /// The eigenlearning pane's power-law view: λ_i = i^−α, v_i² = i^−β for 1000 modes, the
    /// test MSE of `Eigenlearning` itself at n = 10, 100, 1000.
    @Test func powerLawEigenlearning() {
        var settings = CalculatorSettings(.eigenlearning)
        #expect(settings.apply(["source=power", "decay=2", "target=1.5", "ridge=0"]) == nil)
        let output = CalculatorEngine.run(CalculatorRequest(settings: settings, figureSize: Size(width: 60, height: 20)))
        let eigenvalues = (1...1000).map { pow(Double($0), -2) }, power = (1...1000).map { pow(Double($0), -1.5) }
        for (row, n) in zip(output.rows, [10.0, 100, 1000]) {
            let direct = Eigenlearning(eigenvalues: eigenvalues, power: power, samples: n, ridge: 0, noise: 0).solve().testMSE
            #expect(row.value == NumberFormat.number(direct), "n = \(n)")
        }
        #expect(output.figure?.plots.first?.title.unicode.hasPrefix("Eigenlearning, 1000") == true)
    }

    /// With a figure to draw, the numbers come first (the same rows), then the whole output.
    @Test func numbersArriveBeforeTheFigure() {
        for kind in [CalculatorKind.meanField, .phase] {
            let request = CalculatorRequest(settings: CalculatorSettings(kind), figureSize: Size(width: 60, height: 20))
            var early: [CalculatorOutput] = []
            let output = CalculatorEngine.run(request, isCancelled: { false }, numbers: { early.append($0) })
            #expect(early.count == 1 && early[0].figure == nil && early[0].rows == output?.rows, "\(kind)")
            #expect(output?.figure != nil)
        }
    }
}
