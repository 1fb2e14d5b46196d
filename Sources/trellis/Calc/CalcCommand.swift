import ArgumentParser
import Calculators
import Foundation
import SignalProp

/// `trellis calc …`: the calculators without the terminal UI, for scripts and for comparing
/// with papers and other tools. Definitions and the contract: docs/calculators.md.
struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Run a calculator: mean-field signal propagation and infinite-width kernels (JSON with --json).",
        subcommands: [
            MeanFieldCommand.self,
            BoundaryCommand.self,
            GridCommand.self,
            TrajectoryCommand.self,
            KernelCommand.self,
            PredictCommand.self,
            EigenlearningCommand.self,
            SphereCommand.self,
        ])
}

/// `--phi` and `--alpha`, shared by every calculator.
struct ActivationOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "The activation φ.", discussion: "One of: \(Activation.names.joined(separator: ", ")) (silu = swish).",
        valueName: "name"))
    var phi: String

    @Option(parsing: .unconditional, help: "leaky_relu's negative slope (default 0.01) or elu's α (default 1).")
    var alpha: Double?

    func activation() throws -> Activation {
        if let alpha {
            try CalcInput.finite(alpha, "--alpha")
            guard Swift.abs(alpha) <= 100 else {
                throw ValidationError("--alpha must be between -100 and 100, not \(alpha)")
            }
            guard phi == "leaky_relu" || phi == "elu" else {
                throw ValidationError("--alpha applies only to leaky_relu and elu, not to '\(phi)'")
            }
        }
        guard let activation = Activation(name: phi, alpha: alpha) else {
            throw ValidationError(
                "--phi: unknown activation '\(phi)'; valid: \(Activation.names.joined(separator: ", "))")
        }
        return activation
    }

    /// The inputs as echoed in JSON.
    func echo(_ activation: Activation) -> [String: JSON] {
        var echo: [String: JSON] = ["phi": .string(activation.name)]
        if let alpha = activation.alpha { echo["alpha"] = .double(alpha) }
        return echo
    }
}

/// Checks shared by the calculators' options; each failure names its option.
enum CalcInput {
    /// Variances above this are rejected: beyond it q* overflows for unbounded φ, and no
    /// network of interest lives there.
    static let largestVariance = CalculatorSettings.largestVariance

    static func finite(_ value: Double, _ name: String) throws {
        guard value.isFinite else { throw ValidationError("\(name) must be a finite number, not \(value)") }
    }

    static func variance(_ value: Double, _ name: String, positive: Bool = false) throws {
        try finite(value, name)
        if positive {
            guard value > 0 else { throw ValidationError("\(name) must be > 0 (a variance), not \(value)") }
        } else {
            guard value >= 0 else { throw ValidationError("\(name) must be ≥ 0 (a variance), not \(value)") }
        }
        guard value <= largestVariance else {
            throw ValidationError("\(name) must be at most \(largestVariance), not \(value)")
        }
    }

    static func tolerance(_ value: Double) throws {
        try finite(value, "--tol")
        guard value > 0, value < 1 else { throw ValidationError("--tol must be in (0, 1), not \(value)") }
    }
}

/// How the calculators print numbers for a person.
enum CalcFormat {
    /// Twelve significant digits; ∞ and "—" for undefined (the panes' format too).
    static func number(_ value: Double?) -> String { NumberFormat.number(value) }

    static func count(_ value: Int?) -> String { NumberFormat.count(value) }

    /// A matrix as aligned rows of 10 significant digits; larger than 8×8, its corner and a note.
    static func matrix(_ m: Matrix, limit: Int = 8) -> [String] {
        let rows = Swift.min(m.rows, limit), columns = Swift.min(m.columns, limit)
        let cells = (0..<rows).map { i in (0..<columns).map { j in String(format: "%.10g", m[i, j]) } }
        let width = cells.flatMap { $0 }.map(\.count).max() ?? 0
        var lines = cells.map { row in "  " + row.map { String(repeating: " ", count: width - $0.count) + $0 }.joined(separator: "  ") }
        if m.rows > limit || m.columns > limit {
            lines.append("  … (showing \(rows)×\(columns) of \(m.rows)×\(m.columns); --json prints all)")
        }
        return lines
    }

    /// Aligned "label  value  note" rows.
    static func table(_ rows: [(String, String, String)]) -> [String] {
        let labelWidth = rows.map { $0.0.count }.max() ?? 0
        let valueWidth = rows.map { $0.1.count }.max() ?? 0
        return rows.map { label, value, note in
            let line = "  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
                + value.padding(toLength: valueWidth, withPad: " ", startingAt: 0)
            return note.isEmpty ? line : line + "  " + note
        }.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }
}
