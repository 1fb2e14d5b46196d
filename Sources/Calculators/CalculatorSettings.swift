import SignalProp

/// A calculator's parameter values, every one checked against its `ParameterSpec` when set, so
/// a pane never holds a value `trellis calc` would refuse.
public struct CalculatorSettings: Sendable, Equatable {
    /// Variances above this are refused (as by `trellis calc`): beyond it q* overflows for
    /// unbounded φ, and no network of interest lives there.
    public static let largestVariance = 1e12

    public let kind: CalculatorKind
    public private(set) var values: [String: ParameterValue]
    /// leaky_relu's slope or elu's α, when given (`alpha=…`).
    public private(set) var alpha: Double?

    /// The defaults of `kind`.
    public init(_ kind: CalculatorKind) {
        self.kind = kind
        values = Dictionary(uniqueKeysWithValues: kind.parameters.map { ($0.key, $0.defaultValue) })
    }

    public var parameters: [ParameterSpec] { kind.parameters }

    /// The parameters that matter with the current values (a power-law spectrum has no
    /// network; the network's spectrum has no power law): what a pane lists.
    public var shownParameters: [ParameterSpec] {
        guard kind == .eigenlearning else { return parameters }
        let power = ["source", "decay", "target", "ridge", "noise"]
        return parameters.filter { name("source") == "power" ? power.contains($0.key) : !["decay", "target"].contains($0.key) }
    }

    public func spec(_ key: String) -> ParameterSpec? { parameters.first { $0.key == key } }

    public subscript(key: String) -> ParameterValue? { values[key] }

    public func number(_ key: String) -> Double { values[key]?.number ?? .nan }

    public func integer(_ key: String) -> Int { Int(number(key)) }

    public func name(_ key: String) -> String { values[key]?.name ?? "" }

    /// The activation, with α where it applies.
    public var activation: Activation {
        Activation(name: name("phi"), alpha: alpha) ?? Activation(name: name("phi"))!
    }

    /// Sets one parameter from text (`sw2`, `"1.76"`), or says why not and changes nothing.
    public mutating func set(_ key: String, _ text: String) -> CalculatorProblem? {
        if key == "alpha" { return setAlpha(text) }
        guard let spec = spec(key) else {
            let keys = (parameters.map(\.key) + ["alpha"]).joined(separator: ", ")
            return CalculatorProblem("\(kind.rawValue) has no parameter \(key) (it takes \(keys))")
        }
        switch spec.value(parsing: text) {
        case .success(let value):
            values[key] = value
            if key == "phi", !Self.takesAlpha(value.name ?? "") { alpha = nil }
            return nil
        case .failure(let problem):
            return problem
        }
    }

    /// Sets a parameter to a value already checked by its spec (a nudge).
    public mutating func set(_ key: String, _ value: ParameterValue) {
        guard spec(key) != nil else { return }
        values[key] = value
        if key == "phi", !Self.takesAlpha(value.name ?? "") { alpha = nil }
    }

    /// `key=value` words, all or nothing: the first that cannot be applied is the problem and
    /// the settings stay as they were.
    public mutating func apply(_ words: [String]) -> CalculatorProblem? {
        var copy = self
        // φ first, so that `alpha=0.2 phi=elu` works in either order.
        let pairs = words.map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
        if let bad = zip(words, pairs).first(where: { $0.1.count != 2 || $0.1[0].isEmpty }) {
            return CalculatorProblem("write key=value, not '\(bad.0)'")
        }
        for pair in pairs.sorted(by: { ($0[0] == "phi" ? 0 : 1) < ($1[0] == "phi" ? 0 : 1) }) {
            if let problem = copy.set(pair[0], pair[1]) { return problem }
        }
        self = copy
        return nil
    }

    private mutating func setAlpha(_ text: String) -> CalculatorProblem? {
        guard let number = Double(text), number.isFinite else { return CalculatorProblem("alpha must be a finite number, not '\(text)'") }
        guard abs(number) <= 100 else { return CalculatorProblem("alpha must be between -100 and 100, not \(text)") }
        guard Self.takesAlpha(name("phi")) else { return CalculatorProblem("alpha applies only to leaky_relu and elu, not to \(name("phi"))") }
        alpha = number
        return nil
    }

    static func takesAlpha(_ phi: String) -> Bool { phi == "leaky_relu" || phi == "elu" }
}
