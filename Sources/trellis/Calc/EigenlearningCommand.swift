import ArgumentParser
import SignalProp

struct EigenlearningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eigenlearning",
        abstract: "Predicted test and train error of kernel ridge regression from the kernel's eigenvalues (Simon et al.).")

    @Option(parsing: .unconditional, help: ArgumentHelp("Kernel eigenvalues λ_i ≥ 0 as a JSON list.", valueName: "json")) var eigs: String
    @Option(parsing: .unconditional, help: ArgumentHelp("Target coefficients v_i in the eigenbasis (P_i = m_i·v_i²).", valueName: "json")) var coeffs: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Target power P_i per mode, given directly.", valueName: "json")) var power: String?
    @Option(parsing: .unconditional, help: "Number of training samples n > 0.") var n: Double
    @Option(parsing: .unconditional, help: "Ridge δ ≥ 0.") var ridge: Double = 0
    @Option(parsing: .unconditional, help: "Label-noise variance ε² ≥ 0.") var noise: Double = 0
    @Option(parsing: .unconditional, help: ArgumentHelp("Multiplicities m_i > 0 (default all 1).", valueName: "json")) var mult: String?
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws { _ = try problem() }

    func problem() throws -> Eigenlearning {
        let eigenvalues = try MatrixInput.parseVector(json: eigs, option: "--eigs")
        return try Self.problem(
            eigenvalues: eigenvalues, coeffs: try coeffs.map { try MatrixInput.parseVector(json: $0, option: "--coeffs") },
            power: try power.map { try MatrixInput.parseVector(json: $0, option: "--power") },
            multiplicities: try mult.map { try MatrixInput.parseVector(json: $0, option: "--mult") },
            n: n, ridge: ridge, noise: noise)
    }

    /// The problem from parsed lists, every value checked; each failure names its option.
    static func problem(
        eigenvalues: [Double], coeffs: [Double]?, power: [Double]?, multiplicities: [Double]?, n: Double, ridge: Double, noise: Double
    ) throws -> Eigenlearning {
        if let index = eigenvalues.firstIndex(where: { $0 < 0 }) {
            throw ValidationError("--eigs: eigenvalue \(index + 1) is negative (\(eigenvalues[index])); a kernel's are ≥ 0")
        }
        if let multiplicities {
            guard multiplicities.count == eigenvalues.count else {
                throw ValidationError("--mult has \(multiplicities.count) entries but --eigs has \(eigenvalues.count)")
            }
            if let index = multiplicities.firstIndex(where: { $0 <= 0 }) {
                throw ValidationError("--mult: multiplicity \(index + 1) must be > 0, not \(multiplicities[index])")
            }
        }
        let m = multiplicities ?? Array(repeating: 1, count: eigenvalues.count)
        let targetPower: [Double]
        switch (coeffs, power) {
        case (let v?, nil):
            guard v.count == eigenvalues.count else {
                throw ValidationError("--coeffs has \(v.count) entries but --eigs has \(eigenvalues.count)")
            }
            targetPower = zip(m, v).map { $0 * $1 * $1 }
        case (nil, let power?):
            targetPower = power
            guard targetPower.count == eigenvalues.count else {
                throw ValidationError("--power has \(targetPower.count) entries but --eigs has \(eigenvalues.count)")
            }
            if let index = targetPower.firstIndex(where: { $0 < 0 }) {
                throw ValidationError("--power: entry \(index + 1) is negative (\(targetPower[index]))")
            }
        case (nil, nil): throw ValidationError("--coeffs or --power is required")
        case (_?, _?): throw ValidationError("give --coeffs or --power, not both")
        }
        try CalcInput.finite(n, "--n")
        guard n > 0 else { throw ValidationError("--n must be > 0, not \(n)") }
        try CalcInput.finite(ridge, "--ridge")
        guard ridge >= 0 else { throw ValidationError("--ridge must be ≥ 0, not \(ridge)") }
        try CalcInput.finite(noise, "--noise")
        guard noise >= 0 else { throw ValidationError("--noise must be ≥ 0 (a variance), not \(noise)") }
        return Eigenlearning(eigenvalues: eigenvalues, power: targetPower, multiplicities: m, samples: n, ridge: ridge, noise: noise)
    }

    func run() throws {
        let problem = try problem()
        let result = problem.solve()
        if json {
            var object: [String: JSON] = [
                "eigs": .array(problem.eigenvalues.map(JSON.double)), "n": .double(n), "ridge": .double(ridge),
                "noise": .double(noise), "mult": .array(problem.multiplicities.map(JSON.double)),
                "power": .array(problem.power.map(JSON.double)),
                "kappa": .quantity(result.kappa), "E0": .quantity(result.overfittingFactor),
                "L": .array(result.learnabilities.map(JSON.quantity)), "test_mse": .quantity(result.testMSE),
                "test_mse_clean_target": .quantity(result.testMSECleanTarget), "train_mse": .quantity(result.trainMSE),
                "target_learnability": .quantity(result.targetLearnability),
            ]
            if let coeffs { object["coeffs"] = .array(((try? MatrixInput.parseVector(json: coeffs, option: "")) ?? []).map(JSON.double)) }
            Output.print(JSON.object(object).rendered())
        } else {
            let f = CalcFormat.number
            var lines = ["Eigenlearning: \(problem.eigenvalues.count) modes, n = \(f(n)), ridge δ = \(f(ridge)), noise ε² = \(f(noise))", ""]
            lines += CalcFormat.table([
                ("κ", f(result.kappa), "effective regularisation"),
                ("E₀", f(result.overfittingFactor), "overfitting coefficient n/(n − Σ m L²)"),
                ("test MSE", f(result.testMSE), "including the label noise"),
                ("clean-target MSE", f(result.testMSECleanTarget), "test MSE − ε²"),
                ("train MSE", f(result.trainMSE), ""),
                ("learnability", f(result.targetLearnability), "of the target, Σ L P / Σ P"),
            ])
            lines += ["", "mode learnabilities L_i:"] + CalcFormat.table(result.learnabilities.enumerated().map { i, l in
                (String(i + 1), f(l), "λ = \(f(problem.eigenvalues[i]))")
            })
            Output.print(lines)
        }
    }
}
