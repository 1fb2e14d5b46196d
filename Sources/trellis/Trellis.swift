import ArgumentParser
import Foundation

@main
struct Trellis: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trellis",
        abstract: "Browse a knowledge garden of deep-learning-theory notes.",
        discussion: "Without a subcommand, opens the terminal UI (in a terminal) or prints the topic tree.",
        // Every subcommand, in the order help lists them; add new ones here.
        subcommands: [
            BrowseCommand.self,
            TreeCommand.self,
            ListCommand.self,
            ShowCommand.self,
            SearchCommand.self,
            CheckCommand.self,
            EditCommand.self,
            SetCommand.self,
            AddCommand.self,
            MoveCommand.self,
            TopicCommand.self,
            RemoveCommand.self,
            RestoreCommand.self,
            ImportCommand.self,
            CalcCommand.self,
            PlotCommand.self,
            KeysCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self)

    /// Exit statuses: 0 success, 1 a runtime failure (no garden, no such note, problems found
    /// by `check`), 2 a usage mistake (ArgumentParser's own 64 is mapped to the usual 2).
    static func main() {
        do {
            var command = try parseAsRoot(Self.movingGlobalOptions(Array(CommandLine.arguments.dropFirst())))
            do {
                try command.run()
            } catch let error as ValidationError {
                // Found while running (a kernel that is not finite, say): point at the help
                // of the command that was run, as a parse error would.
                let help = (Self.path(to: type(of: command)) ?? ["trellis"]).joined(separator: " ") + " --help"
                Output.error(error.message + " (see '" + help + "')")
                Foundation.exit(2)
            }
        } catch let error as RuntimeError {
            Output.error(error.description)
            Foundation.exit(1)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Output.error(oneLineUsageError(error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// A usage mistake as one line: ArgumentParser's message and where to read the help
    /// (its own text adds the whole usage, which scripts reading stderr do not want).
    static func oneLineUsageError(_ error: Error) -> String {
        let message = self.message(for: error).replacingOccurrences(of: "\n", with: " ")
        let full = fullMessage(for: error)
        guard let start = full.range(of: "See '"), let end = full[start.upperBound...].firstIndex(of: "'") else {
            return message
        }
        return message + " (see '" + full[start.upperBound..<end] + "')"
    }

    /// The names from `trellis` down to `command` ("trellis", "calc", "sphere"), or nil when it
    /// is not among the subcommands.
    static func path(to command: ParsableCommand.Type, from root: ParsableCommand.Type = Trellis.self) -> [String]? {
        let name = root._commandName
        if root == command { return [name] }
        for child in root.configuration.subcommands {
            if let rest = path(to: command, from: child) { return [name] + rest }
        }
        return nil
    }

    /// `trellis --garden DIR list` means `trellis list --garden DIR`: the garden options are
    /// declared on each subcommand, so ones given before the subcommand's name move after it
    /// (after `topic add`'s second name too).
    static func movingGlobalOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--no-cache" || argument.hasPrefix("--garden=") {
                leading.append(argument)
                index += 1
            } else if argument == "--garden", index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        // Past the subcommand's name, and its own subcommand's (`topic add`).
        var command: ParsableCommand.Type = Trellis.self
        var end = index
        while end < arguments.count,
              let sub = command.configuration.subcommands.first(where: { $0._commandName == arguments[end] }) {
            command = sub
            end += 1
        }
        guard !leading.isEmpty, end > index else { return arguments }
        return Array(arguments[index..<end]) + leading + arguments[end...]
    }
}
