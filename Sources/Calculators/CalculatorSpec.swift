import SignalProp

/// The calculators the browser opens as side panes (and calculator blocks name), each with its
/// parameters: one table for the palette, the panes and the blocks.
public enum CalculatorKind: String, CaseIterable, Sendable {
    case meanField = "meanfield"
    case phase
    case kernel
    case eigenlearning
    case spectrum

    /// The kind a palette word or a topic's `calculators:` entry names ("phase-diagram" and
    /// "mean-field" are accepted too).
    public init?(name: String) {
        let aliases: [String: CalculatorKind] = [
            "mean-field": .meanField, "meanfield": .meanField, "phase-diagram": .phase, "phase": .phase, "grid": .phase,
            "kernel": .kernel, "kernels": .kernel, "eigenlearning": .eigenlearning, "learning-curve": .eigenlearning,
            "spectrum": .spectrum, "sphere": .spectrum,
        ]
        guard let kind = aliases[name.lowercased()] else { return nil }
        self = kind
    }

    /// The tab's title.
    public var title: String {
        switch self {
        case .meanField: return "Mean field"
        case .phase: return "Phase diagram"
        case .kernel: return "Kernels"
        case .eigenlearning: return "Eigenlearning"
        case .spectrum: return "Spectrum"
        }
    }

    public var parameters: [ParameterSpec] {
        let phi = ParameterSpec.phi
        switch self {
        case .meanField:
            return [phi(.tanh), .variance("sw2", "σw²", "weight variance", 1.5, step: 0.1),
                    .variance("sb2", "σb²", "bias variance", 0.05, step: 0.01),
                    .variance("q0", "q₀", "initial length", 1, step: 0.1, positive: true),
                    .real("c0", "c₀", "initial correlation", 0.5, step: 0.05, range: -1...1),
                    .integer("depth", "depth", "layers plotted", 30, range: 1...10_000)]
        case .phase:
            return [phi(.tanh), .variance("sw2", "σw²", "the point's weight variance", 1.5, step: 0.05),
                    .variance("sb2", "σb²", "the point's bias variance", 0.05, step: 0.05),
                    .choice("quantity", "shading", "what the colours show", PhaseQuantityName.all)]
        case .kernel:
            return [phi(.relu), .integer("depth", "depth", "hidden layers", 3, range: 1...1000),
                    .variance("sw2", "σw²", "weight variance", 2, step: 0.1),
                    .variance("sb2", "σb²", "bias variance", 0.1, step: 0.01),
                    .choice("kind", "kernel", "NNGP, NTK or both", ["both", "nngp", "ntk"]),
                    .choice("view", "view", "v: the kernels, or regression with them", ["kernels", "regression"])]
        case .spectrum:
            return [phi(.relu), .integer("depth", "depth", "hidden layers", 2, range: 1...1000),
                    .variance("sw2", "σw²", "weight variance", 2, step: 0.1),
                    .variance("sb2", "σb²", "bias variance", 0, step: 0.01),
                    .choice("kind", "kernel", "NNGP or NTK", ["ntk", "nngp"]),
                    .integer("d", "d", "input dimension (sphere S^(d−1))", 3, range: 2...100_000),
                    .integer("lmax", "l max", "highest degree", 20, range: 0...2000)]
        case .eigenlearning:
            return [.choice("source", "spectrum", "v: the network's sphere spectrum or a power law", ["sphere", "power"]),
                    .real("decay", "decay α", "power law: λ_i = i^−α", 1.5, step: 0.1, range: 0.1...10),
                    .real("target", "target β", "power law: target power v_i² = i^−β", 1.5, step: 0.1, range: 0...10),
                    phi(.relu), .integer("depth", "depth", "hidden layers", 2, range: 1...1000),
                    .variance("sw2", "σw²", "weight variance", 2, step: 0.1),
                    .variance("sb2", "σb²", "bias variance", 0, step: 0.01),
                    .choice("kind", "kernel", "NNGP or NTK", ["ntk", "nngp"]),
                    .integer("d", "d", "input dimension (sphere S^(d−1))", 3, range: 2...100_000),
                    .integer("lmax", "l max", "highest degree", 30, range: 1...2000),
                    .variance("ridge", "ridge", "ridge δ", 0.001, step: 0.001),
                    .variance("noise", "noise", "label noise variance ε²", 0, step: 0.01)]
        }
    }
}

/// The names `--quantity` takes, in the order `v` cycles them.
public enum PhaseQuantityName {
    public static let all = ["phase", "chi1", "xi_c", "qstar"]
}

/// A parameter's value: a number, or one of a list of names (φ, the shaded quantity).
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case name(String)

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var name: String? {
        if case .name(let value) = self { return value }
        return nil
    }

    public var description: String {
        switch self {
        case .number(let value): return NumberFormat.parameter(value)
        case .name(let value): return value
        }
    }
}

/// One parameter of a calculator: its key (`trellis calc`'s option without dashes), label,
/// meaning, the values it takes, its default and the step `+`/`-` nudge it by.
public struct ParameterSpec: Sendable {
    public enum Domain: Sendable {
        /// A real in `range` (the lower end excluded when `openBelow`).
        case real(ClosedRange<Double>, openBelow: Bool)
        case integer(ClosedRange<Int>)
        case choice([String])
    }

    public let key: String
    public let label: String
    public let meaning: String
    public let domain: Domain
    public let defaultValue: ParameterValue
    public let step: Double

    static func phi(_ activation: Activation) -> ParameterSpec {
        ParameterSpec(key: "phi", label: "φ", meaning: "activation", domain: .choice(Activation.names), defaultValue: .name(activation.name), step: 1)
    }

    static func variance(_ key: String, _ label: String, _ meaning: String, _ value: Double, step: Double, positive: Bool = false) -> ParameterSpec {
        ParameterSpec(key: key, label: label, meaning: meaning, domain: .real(0...CalculatorSettings.largestVariance, openBelow: positive),
                      defaultValue: .number(value), step: step)
    }

    static func real(_ key: String, _ label: String, _ meaning: String, _ value: Double, step: Double, range: ClosedRange<Double>) -> ParameterSpec {
        ParameterSpec(key: key, label: label, meaning: meaning, domain: .real(range, openBelow: false), defaultValue: .number(value), step: step)
    }

    static func integer(_ key: String, _ label: String, _ meaning: String, _ value: Int, range: ClosedRange<Int>) -> ParameterSpec {
        ParameterSpec(key: key, label: label, meaning: meaning, domain: .integer(range), defaultValue: .number(Double(value)), step: 1)
    }

    static func choice(_ key: String, _ label: String, _ meaning: String, _ names: [String]) -> ParameterSpec {
        ParameterSpec(key: key, label: label, meaning: meaning, domain: .choice(names), defaultValue: .name(names[0]), step: 1)
    }

    /// The value `text` stands for, or why it cannot be this parameter's.
    public func value(parsing text: String) -> Result<ParameterValue, CalculatorProblem> {
        switch domain {
        case .choice(let names):
            let name = text == "silu" && key == "phi" ? "swish" : text.lowercased()
            guard names.contains(name) else {
                return .failure(CalculatorProblem("\(key) must be one of \(names.joined(separator: ", ")), not '\(text)'"))
            }
            return .success(.name(name))
        case .real, .integer:
            guard let number = Double(text) else { return .failure(CalculatorProblem("\(key) must be a number, not '\(text)'")) }
            if let problem = check(number) { return .failure(problem) }
            return .success(.number(number))
        }
    }

    /// Why `number` is not a value of this parameter, or nil.
    public func check(_ number: Double) -> CalculatorProblem? {
        guard number.isFinite else { return CalculatorProblem("\(key) must be a finite number, not \(number)") }
        switch domain {
        case .real(let range, let openBelow):
            if openBelow, number <= range.lowerBound {
                return CalculatorProblem("\(key) must be > \(NumberFormat.parameter(range.lowerBound)), not \(NumberFormat.parameter(number))")
            }
            guard range.contains(number) else {
                return CalculatorProblem("\(key) must be between \(NumberFormat.parameter(range.lowerBound)) and \(NumberFormat.parameter(range.upperBound)), not \(NumberFormat.parameter(number))")
            }
        case .integer(let range):
            guard number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
                return CalculatorProblem("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(NumberFormat.parameter(number))")
            }
        case .choice:
            return CalculatorProblem("\(key) takes a name, not a number")
        }
        return nil
    }

    /// `value` nudged `steps` steps (a fraction of a step allowed), kept inside the domain;
    /// names cycle.
    public func nudged(_ value: ParameterValue, by steps: Double, step: Double) -> ParameterValue {
        switch (domain, value) {
        case (.choice(let names), .name(let name)):
            let index = names.firstIndex(of: name) ?? 0
            let count = names.count
            return .name(names[((index + (steps < 0 ? -1 : 1)) % count + count) % count])
        case (.real(let range, let openBelow), .number(let number)):
            var next = Self.rounded(number + steps * step)
            if openBelow, next <= range.lowerBound { next = number > range.lowerBound + step / 1000 ? Swift.max(range.lowerBound + step / 10, number / 10) : number }
            return .number(Swift.min(Swift.max(next, range.lowerBound), range.upperBound))
        case (.integer(let range), .number(let number)):
            let next = (number + steps * Swift.max(1, step.rounded())).rounded()
            return .number(Swift.min(Swift.max(next, Double(range.lowerBound)), Double(range.upperBound)))
        default:
            return value
        }
    }

    /// `value` printed to twelve significant digits and read back: the drift of repeated binary
    /// additions goes (1.6 + 0.01 + 0.01 is 1.62, not 1.6200000000000001), the digits typed stay.
    public static func rounded(_ value: Double) -> Double {
        Double(String(format: "%.12g", value)) ?? value
    }
}

public struct CalculatorProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
