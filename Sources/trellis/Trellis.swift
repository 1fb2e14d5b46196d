import ArgumentParser
import Foundation

@main
struct Trellis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trellis",
        abstract: "Browse a knowledge garden of deep-learning-theory notes.",
        discussion: "Without a subcommand, prints the topic tree (a terminal UI comes later).",
        // Every subcommand, in the order help lists them; add new ones here.
        subcommands: [
            TreeCommand.self,
            ListCommand.self,
            ShowCommand.self,
            SearchCommand.self,
            CheckCommand.self,
            ImportCommand.self,
        ],
        defaultSubcommand: TreeCommand.self)

    /// ArgumentParser's entry point, with runtime errors printed as one plain line.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as RuntimeError {
            Output.error(error.description)
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
