import ArgumentParser
import Garden

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List the garden's problems as path:line: severity: message.",
        discussion: "Exits with 1 when there is any problem (warnings included), 0 otherwise.")

    @OptionGroup var gardenOptions: GardenOptions

    func run() throws {
        let garden = try gardenOptions.load()
        Output.print(garden.problems.map { safe($0.description) } + [Self.summary(garden.problems)])
        if !garden.problems.isEmpty { throw ExitCode(1) }
    }

    /// "no problems", or e.g. "3 problems (2 errors, 1 warning)".
    static func summary(_ problems: [Problem]) -> String {
        guard !problems.isEmpty else { return "no problems" }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        return "\(plural(problems.count, "problem")) (\(plural(errors, "error")), \(plural(warnings, "warning")))"
    }
}

func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
