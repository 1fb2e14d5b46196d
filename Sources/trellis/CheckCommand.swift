import ArgumentParser
import Calculators
import Foundation
import Garden
import Markdown

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List the garden's problems as path:line: severity: message.",
        discussion: "Exits with 1 when there is any problem (warnings included), 0 otherwise.")

    @OptionGroup var gardenOptions: GardenOptions

    func run() throws {
        let garden = try gardenOptions.load()
        let problems = (garden.problems + Self.blockProblems(garden)).sorted { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        Output.print(problems.map { safe($0.description) } + [Self.summary(problems)])
        if !problems.isEmpty { throw ExitCode(1) }
    }

    /// Calculator blocks (```trellis fences) that the reading pane would show as an error:
    /// not a calc or plot command of a pane, or a value the calculator refuses.
    static func blockProblems(_ garden: Garden) -> [Problem] {
        // Only files whose text holds a fence are read again (for the lines of their blocks).
        // (A fence may be ``` or ~~~, of any length: look for the info string.)
        let mentions = { (text: Substring) in text.range(of: CalculatorBlock.infoString, options: .caseInsensitive) != nil }
        let files = garden.notes.filter { mentions($0.body) }.map(\.path)
            + garden.topics.filter { mentions($0.prose) }.compactMap(\.indexPath)
        return files.flatMap { path -> [Problem] in
            guard let bytes = FileManager.default.contents(atPath: garden.root + "/" + path),
                  let text = String(data: bytes, encoding: .utf8) else { return [] }
            // The whole file through cmark, as the reading pane reads it: a fence's line is the
            // file's (front matter holds no fences).
            return Markdown.parse(text).codeBlocks.filter { CalculatorBlock.isBlock(info: $0.info) }.compactMap { block in
                guard case .failure(let problem) = CalculatorBlock.parse(block.literal) else { return nil }
                return Problem(path: path, line: block.line, message: "calculator block: \(problem.message)")
            }
        }
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
