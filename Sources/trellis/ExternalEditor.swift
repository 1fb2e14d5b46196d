import Foundation
import Garden

/// The owner's own editor (`$VISUAL`, else `$EDITOR`) on one note's file: the browser's `e` and
/// `trellis edit`. The command is run by `/bin/sh` as the shell would run it (so `EDITOR="emacs
/// -nw"` works), with the line to open at in the form the editor takes.
struct ExternalEditor {
    /// The command as the owner set it.
    let command: String

    /// `$VISUAL`, else `$EDITOR`; nil when neither is set.
    static var fromEnvironment: ExternalEditor? {
        (GardenOptions.environment("VISUAL") ?? GardenOptions.environment("EDITOR")).map(ExternalEditor.init)
    }

    /// The editor's program name, without folder or arguments ("nvim" for "/usr/bin/nvim -p").
    var program: String {
        let first = command.split(separator: " ").first.map(String.init) ?? command
        return first.fileName
    }

    /// Editors that open a file at `+LINE`; helix takes `FILE:LINE` instead.
    static let plusLineEditors: Set<String> = ["vi", "vim", "nvim", "view", "vim.basic", "vim.tiny", "gvim", "nano", "emacs",
                                              "emacsclient", "micro", "kak", "mg", "jed", "joe", "ne"]
    static let fileColonLineEditors: Set<String> = ["hx", "helix"]

    /// The arguments after the command: the file, at `line` where the editor takes one.
    func arguments(path: String, line: Int?) -> [String] {
        guard let line, line > 0 else { return [path] }
        if Self.plusLineEditors.contains(program) { return ["+\(line)", path] }
        if Self.fileColonLineEditors.contains(program) { return ["\(path):\(line)"] }
        return [path]
    }

    /// How the editor run ended.
    enum Outcome: Equatable {
        case exited(Int32)
        /// The shell could not find the command (exit 127) or could not start at all.
        case missing(String)
        case killed(Int32)
    }

    /// Runs the editor in this terminal and waits for it (the caller hands the terminal over).
    func run(path: String, line: Int?) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // `$0` is the shell's name for the script; the file and line follow as "$@".
        process.arguments = ["-c", command + " \"$@\"", "trellis-editor"] + arguments(path: path, line: line)
        do {
            try process.run()
        } catch {
            return .missing("could not start /bin/sh: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal { return .killed(process.terminationStatus) }
        if process.terminationStatus == 127 { return .missing("the editor '\(command)' was not found (check $VISUAL / $EDITOR)") }
        return .exited(process.terminationStatus)
    }

    /// Edits the note at `path` (absolute) and settles what its bytes become: a change when the
    /// editor exited 0 having changed the file; otherwise the file is left as it was before
    /// (an editor that failed after writing has its version kept as a side copy, so nothing
    /// typed is lost). Returns the change (empty when none), a sentence for the owner, and
    /// whether the editor failed (missing, non-zero exit, killed).
    func edit(path: String, line: Int?, title: String) -> (change: GardenChange, message: String, failed: Bool) {
        guard let before = SafeFile.read(path) else { return (GardenChange([], changes: []), "cannot read \(path)", true) }
        let outcome = run(path: path, line: line)
        let after = SafeFile.read(path)
        let name = program
        switch outcome {
        case .exited(0):
            guard let after, after != before else { return (GardenChange([], changes: []), "\(title): unchanged in \(name)", false) }
            return (GardenChange(path: path, before: before, after: after, changes: ["edited in \(name)"]), "\(title): edited in \(name)", false)
        case .missing(let reason):
            return (GardenChange([], changes: []), reason, true)
        case .exited(let status), .killed(let status):
            let how = outcome == .killed(status) ? "was killed (signal \(status))" : "exited with status \(status)"
            guard let after, after != before else { return (GardenChange([], changes: []), "\(name) \(how); \(title) is unchanged", true) }
            // The editor wrote and then failed: put the note back, keep its text beside it.
            let side = SideCopy.path(for: path, label: "editor")
            do {
                try SafeFile.write(String(decoding: after, as: UTF8.self), to: side, expecting: nil)
                try SafeFile.write(String(decoding: before, as: UTF8.self), to: path, expecting: after)
                return (GardenChange([], changes: []), "\(name) \(how): \(title) is kept as it was; the editor's text is in \(side.fileName)", true)
            } catch {
                return (GardenChange([], changes: []), "\(name) \(how) after writing \(title); its text is kept in the note (\(error))", true)
            }
        }
    }
}
