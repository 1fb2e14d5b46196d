import ArgumentParser
import Garden
import Importer

/// `trellis import PAGE… --into DIR`: turns the owner's existing pages into garden notes.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import Markdown pages (lists, schedules, abstracts, notes) into a garden.",
        discussion: """
            Reads every page first, then matches entries with each other and with the garden's \
            notes (arXiv id, OpenReview id, URL, or title), then writes. Existing files only gain \
            what is new; differing values are reported as conflicts and left alone. Importing the \
            same pages twice changes nothing.
            """)

    @Argument(help: "Pages to import (Markdown, optionally with Jekyll front matter).")
    var pages: [String]

    @Option(name: .customLong("into"), help: "The garden folder to write (default: --garden's default).")
    var into: String?

    @Option(help: "Topic id the pages land in (default: the garden root).")
    var under: String = ""

    @Option(help: "Title for the --under topic if the import creates it.")
    var underTitle: String?

    @Option(name: .customLong("place"), help: ArgumentHelp("Put a page section into a topic.", valueName: "SECTION=TOPIC"))
    var places: [String] = []

    @Option(name: .customLong("alias"), help: ArgumentHelp("Text as written that stands for a paper title.", valueName: "TEXT=TITLE"))
    var aliases: [String] = []

    @Option(name: .customLong("calculator"), help: ArgumentHelp("Calculators a topic offers.", valueName: "TOPIC=NAME[,NAME]"))
    var calculators: [String] = []

    @Option(name: .customLong("expanded"), help: ArgumentHelp("A topic the browser shows expanded from the start.", valueName: "TOPIC"))
    var expandedTopics: [String] = []

    @Option(name: .customLong("block"), help: ArgumentHelp("A calculator block a topic's page shows (a calc or plot command).", valueName: "TOPIC=COMMAND"))
    var blocks: [String] = []

    @Option(help: "Name recorded as the page in each note's sources (default: its title or file name).")
    var pageName: String?

    @Flag(help: "Show what would change without writing.")
    var dryRun = false

    func validate() throws {
        for pair in places + aliases + calculators + blocks where Self.split(pair) == nil {
            throw ValidationError("'\(pair)' must have the form LEFT=RIGHT")
        }
    }

    func run() throws {
        var options = ImportOptions()
        options.under = under
        options.underTitle = underTitle
        options.pageName = pageName
        for pair in places { let (section, topic) = Self.split(pair)!; options.place(section: section, at: topic) }
        for pair in aliases { let (text, title) = Self.split(pair)!; options.alias(text, as: title) }
        for pair in calculators {
            let (topic, names) = Self.split(pair)!
            options.calculators[topic] = names.split(separator: ",").map { String($0) }
        }
        for topic in expandedTopics { options.expand(topic) }
        for pair in blocks {
            let (topic, command) = Self.split(pair)!
            options.addBlock(command, to: topic)
        }
        let garden = into ?? GardenLocation.defaultPath()
        let report: Importer.Report
        do {
            report = try Importer.run(pages: pages, into: garden, options: options, dryRun: dryRun)
        } catch let error as ImportError {
            printError(error.description)
            throw ExitCode(1)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        for warning in report.warnings { printError(warning) }
        for conflict in report.conflicts { printError(conflict) }
        let verb = dryRun ? "would create" : "created"
        print("\(report.entries) entries read; \(verb) \(report.createdNotes.count) notes and \(report.createdTopics.count) topics; \(dryRun ? "would update" : "updated") \(report.updated.count) files; \(report.conflicts.count) conflicts")
    }

    static func split(_ pair: String) -> (String, String)? {
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let left = String(pair[..<equals]), right = String(pair[pair.index(after: equals)...])
        return left.isEmpty || right.isEmpty ? nil : (left, right)
    }
}

/// Where the garden is when no --garden is given: $TRELLIS_GARDEN, else ./garden.
enum GardenLocation {
    static func defaultPath() -> String {
        if let env = getenv("TRELLIS_GARDEN"), let path = String(validatingCString: env), !path.isEmpty { return path }
        return "garden"
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// One line on standard error (file descriptor 2, written directly: the C `stderr` global is
/// not concurrency-safe in Swift 6).
func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
}
