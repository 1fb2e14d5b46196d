import Foundation

/// A calculator block in a note: a fenced code block whose info string is `trellis` and whose
/// body is one `calc …` or `plot …` command in the command line's syntax,
///
///     ```trellis
///     plot phase --phi erf --point 1.5,0.05
///     ```
///
/// read into the pane it stands for. Nothing is executed: the command is only parsed into a
/// calculator's settings, and anything that is not a `calc` or `plot` command of a calculator
/// with a pane is a problem to show in its place.
public struct CalculatorBlock: Sendable, Equatable {
    /// The info string that marks a block.
    public static let infoString = "trellis"

    /// The settings the command gives its calculator.
    public var settings: CalculatorSettings
    /// The phase diagram's window (`--sw2 FROM:TO`, `--sb2 FROM:TO`).
    public var window: PhaseWindow
    /// A `plot` shows the figure; a `calc` the table of results.
    public var showsFigure: Bool

    /// The commands a block takes, and the calculator each opens.
    static let commands: [String: (CalculatorKind, figure: Bool)] = [
        "calc meanfield": (.meanField, false), "plot trajectory": (.meanField, true),
        "plot phase": (.phase, true), "plot kernel": (.kernel, true),
        "calc sphere": (.spectrum, false), "plot spectrum": (.spectrum, true),
        "plot learning-curve": (.eigenlearning, true),
    ]

    public static func parse(_ text: String) -> Result<CalculatorBlock, CalculatorProblem> {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count == 1 else {
            return .failure(CalculatorProblem("a trellis block holds one calc or plot command, not \(lines.count) lines"))
        }
        var words = lines[0].split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
        if words.first == "trellis" { words.removeFirst() }
        guard words.count >= 2, let (kind, figure) = commands[words[0] + " " + words[1]] else {
            let known = commands.keys.sorted().joined(separator: ", ")
            return .failure(CalculatorProblem("not a calculator command (a block takes \(known)): \(lines[0])"))
        }
        var block = CalculatorBlock(settings: CalculatorSettings(kind), window: PhaseWindow(), showsFigure: figure)
        switch Self.options(Array(words.dropFirst(2)), kind: kind, commandLineOnly: true) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let (assignments, window)):
            if let problem = block.settings.apply(assignments) { return .failure(problem) }
            if let window { block.window = window }
            if kind == .phase {
                // The point, when not given, sits in the window's middle.
                for (key, range) in [("sw2", block.window.sw2), ("sb2", block.window.sb2)] where !assignments.contains(where: { $0.hasPrefix(key + "=") }) {
                    if let problem = block.settings.set(key, NumberFormat.parameter(Self.middle(range))) { return .failure(problem) }
                }
            }
            return .success(block)
        }
    }

    /// A calculator's options as `key=value` assignments, and a phase diagram's window: from
    /// the command line's `--option value` pairs (`--kernel` for `kind`, `--point SW2,SB2`, and
    /// the phase diagram's `--sw2 FROM:TO` / `--sb2 FROM:TO` windows) or, unless
    /// `commandLineOnly`, `key=value` words as the palette takes them, mixed freely.
    public static func options(_ words: [String], kind: CalculatorKind, commandLineOnly: Bool = false)
        -> Result<(assignments: [String], window: PhaseWindow?), CalculatorProblem>
    {
        var assignments: [String] = []
        var window: PhaseWindow?
        var index = 0
        while index < words.count {
            let option = words[index]
            if !commandLineOnly, !option.hasPrefix("--"), option.contains("=") {
                assignments.append(option)
                index += 1
                continue
            }
            guard option.hasPrefix("--"), index + 1 < words.count else {
                return .failure(CalculatorProblem(commandLineOnly ? "expected --option value, not '\(option)'" : "write key=value or --key value, not '\(option)'"))
            }
            let value = words[index + 1]
            index += 2
            switch (kind, String(option.dropFirst(2))) {
            case (_, "kernel"):
                assignments.append("kind=" + value)
            case (.phase, "point"):
                let parts = value.split(separator: ",")
                guard parts.count == 2 else { return .failure(CalculatorProblem("--point takes SW2,SB2, not \(value)")) }
                assignments += ["sw2=" + parts[0], "sb2=" + parts[1]]
            case (.phase, let axis) where (axis == "sw2" || axis == "sb2") && value.contains(":"):
                guard let range = Self.range(value) else {
                    return .failure(CalculatorProblem("--\(axis) takes FROM:TO with 0 ≤ FROM < TO ≤ 1e12, not \(value)"))
                }
                var changed = window ?? PhaseWindow()
                if axis == "sw2" { changed.sw2 = range } else { changed.sb2 = range }
                window = changed
            case (_, let key):
                assignments.append(key + "=" + value)
            }
        }
        return .success((assignments, window))
    }

    /// Whether a code block's info string marks a calculator block.
    public static func isBlock(info: String) -> Bool {
        info.trimmingCharacters(in: .whitespaces).lowercased() == infoString
    }

    /// A window's side `FROM:TO`: 0 ≤ FROM < TO ≤ 1e12 (the variances' limit), at least 1e-9
    /// wide, as a zoom keeps it.
    static func range(_ text: String) -> ClosedRange<Double>? {
        let parts = text.split(separator: ":").compactMap { Double($0) }
        guard parts.count == 2, parts[0].isFinite, parts[1].isFinite, parts[0] >= 0, parts[0] < parts[1],
              parts[1] <= CalculatorSettings.largestVariance, parts[1] - parts[0] >= 1e-9 else { return nil }
        return parts[0]...parts[1]
    }

    static func middle(_ range: ClosedRange<Double>) -> Double {
        ParameterSpec.rounded((range.lowerBound + range.upperBound) / 2)
    }
}
