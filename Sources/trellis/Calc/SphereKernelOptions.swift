import ArgumentParser
import SignalProp

/// A dot-product kernel on the sphere: `--fn EXPR`, or a network (`--phi`, `--depth`,
/// `--sw2`, `--sb2`, `--sw2-first`, `--sb2-first`, `--kernel`/`--kind`, `--radius`). Shared by
/// `calc sphere`, `plot spectrum` and `plot learning-curve`.
struct SphereKernelOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("The kernel as a function of t = x·x'/r², e.g. 'exp(t)'.", valueName: "expression")) var fn: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The network's activation φ (instead of --fn).", valueName: "name")) var phi: String?
    @Option(parsing: .unconditional, help: "leaky_relu's negative slope or elu's α.") var alpha: Double?
    @Option(parsing: .unconditional, help: "Number of hidden nonlinear layers.") var depth: Int?
    @Option(parsing: .unconditional, help: "Weight variance σw².") var sw2: Double?
    @Option(parsing: .unconditional, help: "Bias variance σb².") var sb2: Double?
    @Option(parsing: .unconditional, help: "The first layer's σw² (default: --sw2).") var sw2First: Double?
    @Option(parsing: .unconditional, help: "The first layer's σb² (default: --sb2).") var sb2First: Double?
    @Option(name: [.customLong("kernel"), .customLong("kind")], parsing: .unconditional, help: "nngp or ntk.") var kernel: String?
    @Option(parsing: .unconditional, help: "Radius r of the sphere the inputs lie on.") var radius: Double = 1

    enum Source {
        case expression(Expression)
        case network(NeuralKernels, PredictionKernel)
    }

    /// Whether any of these options was given.
    var isGiven: Bool { fn != nil || phi != nil || depth != nil || sw2 != nil || sb2 != nil || kernel != nil }

    func source() throws -> Source {
        let networkOptions: [(String, Bool)] = [
            ("--phi", phi != nil), ("--depth", depth != nil), ("--sw2", sw2 != nil), ("--sb2", sb2 != nil), ("--kernel/--kind", kernel != nil),
        ]
        try CalcInput.variance(radius, "--radius", positive: true)
        if let fn {
            if let (name, _) = networkOptions.first(where: { $0.1 }) {
                throw ValidationError("give --fn or a network (\(name) …), not both")
            }
            do {
                return .expression(try Expression(parsing: fn))
            } catch {
                throw ValidationError("--fn: \(error) in '\(fn)'")
            }
        }
        if let (name, _) = networkOptions.first(where: { !$0.1 }) {
            throw ValidationError("\(name) is required (or give the kernel as --fn 'exp(t)')")
        }
        let activation = try ActivationOptions.parse(["--phi", phi!] + (alpha.map { ["--alpha", String($0)] } ?? [])).activation()
        guard let which = PredictionKernel(rawValue: kernel!) else {
            throw ValidationError("--kernel/--kind must be nngp or ntk, not '\(kernel!)'")
        }
        let parameters = try NetworkOptions.parameters(activation, depth: depth!, sw2: sw2!, sb2: sb2!, sw2First: sw2First, sb2First: sb2First)
        return .network(NeuralKernels(parameters), which)
    }

    private func isExpression(_ source: Source) -> Bool {
        if case .expression = source { return true }
        return false
    }

    /// k(t) on the sphere S^(d−1) of the options' radius.
    func function(_ source: Source, dimension: Int) -> (Double) -> Double {
        switch source {
        case .expression(let expression):
            return { expression.evaluate($0) }
        case .network(let kernels, let which):
            let sphereKernel = SphereKernel(kernels, radius: radius, dimension: dimension)
            return { t in
                let value = sphereKernel(t)
                return which == .nngp ? value.nngp : value.ntk
            }
        }
    }

    /// The kernel in words, for titles: "relu NTK, depth 2, σw² = 2, σb² = 0" or "k(t) = exp(t)".
    func description(_ source: Source) -> String {
        switch source {
        case .expression: return "k(t) = \(fn!)"
        case .network(let kernels, let which):
            let p = kernels.parameters
            return "\(p.activation.name) \(which.rawValue.uppercased()), depth \(p.depth), σw² = \(CalcFormat.number(p.sw2)), σb² = \(CalcFormat.number(p.sb2))"
        }
    }

    /// μ_l for l = 0…lmax, checked: k(1) and every μ_l finite.
    func spectrum(_ source: Source, dimension: Int, maximumDegree: Int) throws -> (mu: [Double], kAtOne: Double) {
        let k = function(source, dimension: dimension)
        let atOne = k(1)
        guard atOne.isFinite else {
            throw ValidationError("\(isExpression(source) ? "--fn" : "the network kernel"): not finite at t = 1 (k(1) = \(atOne)); its spectrum is undefined")
        }
        if isExpression(source) {
            // A kernel takes a value at every pair of points of the sphere: refuse 1/t or
            // log(1+t) rather than integrate past the pole (Gauss nodes never land on it).
            for i in 0...2000 {
                let t = -1 + Double(i) / 1000
                let value = k(t)
                guard value.isFinite else {
                    throw ValidationError("--fn: not finite at t = \(CalcFormat.number(t)) (k = \(value.isNaN ? "NaN" : CalcFormat.number(value))); a kernel must be finite on [−1, 1]")
                }
            }
        }
        let mu = SphereSpectrum(dimension: dimension, maximumDegree: maximumDegree).eigenvalues(k)
        if let bad = mu.firstIndex(where: { !$0.isFinite }) {
            throw ValidationError("\(isExpression(source) ? "--fn" : "the network kernel"): μ_\(bad) is not finite, the kernel is not integrable on [−1, 1]")
        }
        return (mu, atOne)
    }

    /// `--d` and `--lmax`, checked.
    static func degrees(d: Int, lmax: Int) throws {
        guard (2...largestDimension).contains(d) else {
            throw ValidationError("--d must be between 2 and \(largestDimension), not \(d)")
        }
        guard (0...largestDegree).contains(lmax) else {
            throw ValidationError("--lmax must be between 0 and \(largestDegree), not \(lmax)")
        }
    }

    static let largestDimension = 100_000
    static let largestDegree = 2000
}
