import RealModule

/// Kernel ridge regression's generalisation from the kernel's eigenvalues (Simon et al. 2021,
/// "eigenlearning"): the effective regularisation κ, each mode's learnability and the test and
/// train errors, for n samples, ridge δ and label noise ε².
public struct Eigenlearning: Sendable {
    public var eigenvalues: [Double]
    /// Mode i's share of the target's power, P_i = m_i·v_i² (or given directly).
    public var power: [Double]
    public var multiplicities: [Double]
    public var samples: Double
    public var ridge: Double
    public var noise: Double

    public init(eigenvalues: [Double], power: [Double], multiplicities: [Double]? = nil, samples: Double, ridge: Double = 0, noise: Double = 0) {
        self.eigenvalues = eigenvalues
        self.power = power
        self.multiplicities = multiplicities ?? Array(repeating: 1, count: eigenvalues.count)
        self.samples = samples
        self.ridge = ridge
        self.noise = noise
    }

    public struct Result: Sendable {
        public var kappa: Double
        public var learnabilities: [Double]
        /// E₀ = n/(n − Σ m_i L_i²); +∞ when the modes exactly use up the samples.
        public var overfittingFactor: Double
        public var testMSE: Double
        public var testMSECleanTarget: Double
        public var trainMSE: Double
        public var targetLearnability: Double
    }

    /// The number of nonzero modes, counted with multiplicity.
    var modeCount: Double {
        zip(eigenvalues, multiplicities).reduce(0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
    }

    /// Σ m_i λ_i/(λ_i + κ) + δ/κ − n, decreasing in κ.
    func excess(_ kappa: Double) -> Double {
        var sum = ridge / kappa - samples
        for (lambda, m) in zip(eigenvalues, multiplicities) where lambda > 0 { sum += m * lambda / (lambda + kappa) }
        return sum
    }

    /// κ: the root of `excess` by Brent's method in log κ; 0 when δ = 0 and there are at most n
    /// nonzero modes (then every L_i = 1).
    public func kappa() -> Double {
        if ridge == 0 && modeCount <= samples { return 0 }
        let scale = Swift.max(eigenvalues.max() ?? 1, ridge, Double.leastNormalMagnitude)
        var low = Double.log(scale) - 10, high = Double.log(scale) + 10
        while excess(Double.exp(low)) <= 0 && low > -740 { low -= 10 }
        while excess(Double.exp(high)) >= 0 && high < 700 { high += 10 }
        let u = RootFinding.brent(low, high) { excess(Double.exp($0)) }
        return Double.exp(u)
    }

    public func solve() -> Result {
        let kappa = kappa()
        let learnabilities = eigenvalues.map { lambda in kappa == 0 ? (lambda > 0 ? 1 : 0) : lambda / (lambda + kappa) }
        var used = 0.0, missed = 0.0, learned = 0.0
        for i in eigenvalues.indices {
            used += multiplicities[i] * learnabilities[i] * learnabilities[i]
            missed += (1 - learnabilities[i]) * (1 - learnabilities[i]) * power[i]
            learned += learnabilities[i] * power[i]
        }
        let e0 = samples - used > 0 ? samples / (samples - used) : .infinity
        let test = e0 * (missed + noise)
        let train = kappa == 0 ? 0 : (ridge / (samples * kappa)) * (ridge / (samples * kappa)) * test
        let total = power.reduce(0, +)
        return Result(
            kappa: kappa, learnabilities: learnabilities, overfittingFactor: e0, testMSE: test,
            testMSECleanTarget: test - noise, trainMSE: train, targetLearnability: total > 0 ? learned / total : .nan)
    }
}
