import Foundation
import Testing
@testable import Garden

/// A garden inside a git work tree: detection, the count of uncommitted notes, commits of the
/// garden alone, one note's diff. Each test makes its own repository with the garden as a
/// sub-folder whose name holds a space, beside files that are not the garden's.
@Suite struct GitGardenTests {
    // MARK: Detection

    @Test func aFolderOutsideAnyRepositoryHasNoGit() throws {
        let folder = NSTemporaryDirectory() + "/trellis-no-git-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A ceiling keeps git from finding a repository above the temporary folder.
        #expect(GitGarden.open(folder, environment: ["GIT_CEILING_DIRECTORIES": NSTemporaryDirectory()]) == nil)
        #expect(GitGarden.open(folder + "/missing") == nil)
    }

    @Test func noGitExecutableMeansNoGit() {
        let repository = TemporaryRepository()
        #expect(repository.open(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(repository.open() != nil)
    }

    @Test func aGardenTheRepositoryIgnoresHasNoGit() {
        let repository = TemporaryRepository()
        repository.writeTop(".gitignore", "my garden/\n")
        #expect(repository.open() == nil)
    }

    @Test func theGardensPlaceInTheRepository() throws {
        let repository = TemporaryRepository()
        #expect(try #require(repository.open()).prefix == "my garden/")
        let whole = TemporaryRepository(garden: "")
        #expect(try #require(whole.open()).prefix == "")
    }

    // MARK: Uncommitted notes

    @Test func uncommittedNotesAreTheGardensChangedMarkdownFiles() throws {
        let repository = TemporaryRepository()
        repository.writeTop("outside.md", "---\ntitle: Not the garden's\n---\n")
        repository.write("index.md", "---\ntitle: Garden\n---\n")
        repository.write("kernels/µP paper.md", "---\ntitle: µP\nstatus: unread\n---\n")
        repository.write("kernels/stays.md", "---\ntitle: Unchanged\n---\n")
        repository.write("kernels/gone.md", "---\ntitle: Gone\n---\n")
        repository.write("kernels/moves.md", "---\ntitle: Moves\n---\n")
        repository.write("kernels/staged move.md", "---\ntitle: Staged move\n---\n")
        repository.write("kernels/trashed.md", "---\ntitle: Trashed\n---\n")
        repository.commitAll()

        repository.edit("kernels/µP paper.md", .status(.read))
        repository.write("new note ü.md", "---\ntitle: New\n---\n")
        repository.remove("kernels/gone.md")
        repository.move("kernels/moves.md", "mean field/moves.md")
        repository.git("mv", "my garden/kernels/staged move.md", "my garden/staged move.md")
        try Trash.remove("kernels/trashed.md", root: repository.root)
        repository.write("kernels/figure.png", "not a note")
        repository.write("kernels/.x.md.trellis-1-2.tmp", "a killed write's leftover")
        repository.writeTop("outside.md", "changed, but not in the garden")

        let garden = try #require(repository.open())
        #expect(try garden.uncommittedNotes() == [
            "kernels/gone.md", "kernels/moves.md", "kernels/staged move.md", "kernels/trashed.md", "kernels/µP paper.md",
            "mean field/moves.md", "new note ü.md", "staged move.md",
        ])
    }

    @Test func aCleanGardenHasNoUncommittedNotes() throws {
        let repository = TemporaryRepository()
        repository.write("a.md", "---\ntitle: A\n---\n")
        repository.commitAll()
        repository.writeTop("elsewhere.txt", "the owner's other work")
        #expect(try #require(repository.open()).uncommittedNotes() == [])
    }

    // MARK: Commit

    @Test func aCommitTakesTheGardenAndNothingElse() throws {
        let repository = TemporaryRepository()
        repository.writeTop("paper.tex", "draft\n")
        repository.write("kernels/ntk.md", "---\ntitle: NTK\nstatus: unread\n---\n")
        repository.write("kernels/old.md", "---\ntitle: Old\n---\n")
        repository.commitAll()
        // The owner's own work in progress, staged and not: it must stay as it is.
        repository.writeTop("paper.tex", "draft, second version\n")
        repository.git("add", "paper.tex")
        repository.writeTop("notes.txt", "untracked\n")
        repository.edit("kernels/ntk.md", .status(.read))
        repository.write("kernels/new µ note.md", "---\ntitle: New\nkind: paper\n---\n")
        repository.remove("kernels/old.md")
        repository.write("kernels/.ntk.md.trellis-1-2.tmp", "leftover")

        let garden = try #require(repository.open())
        let (hash, message) = try #require(try garden.commitChanges())
        #expect(message.subject == "Read: NTK; added 1 paper to Kernels; removed Old")

        #expect(repository.git("rev-parse", "--short", "HEAD").trimmed == hash)
        #expect(repository.git("show", "--name-status", "--format=%s", "HEAD").split(separator: "\n", omittingEmptySubsequences: false) == [
            "Read: NTK; added 1 paper to Kernels; removed Old", "",
            "A\tmy garden/kernels/new µ note.md", "M\tmy garden/kernels/ntk.md", "D\tmy garden/kernels/old.md", "",
        ])
        #expect(repository.git("log", "-1", "--format=%b").trimmed == """
            Read: NTK (kernels/ntk.md)
            added paper New to Kernels (kernels/new µ note.md)
            removed Old (kernels/old.md)
            """)
        // Still staged, still not committed; untracked and leftover files untouched.
        #expect(repository.git("diff", "--cached", "--name-only") == "paper.tex\n")
        #expect(repository.git("status", "--porcelain", "--untracked-files=all").split(separator: "\n") == [
            "M  paper.tex", "?? \"my garden/kernels/.ntk.md.trellis-1-2.tmp\"", "?? notes.txt",
        ])
        #expect(try garden.uncommittedNotes() == [])
        // Nothing left to commit: no commit, and no empty one.
        #expect(try garden.commitChanges() == nil)
        #expect(repository.git("rev-parse", "--short", "HEAD").trimmed == hash)
    }

    @Test func theFirstCommitOfANewRepository() throws {
        let repository = TemporaryRepository()
        repository.write("nngp/index.md", "---\ntitle: NNGP / NTK\n---\n")
        repository.write("nngp/lee.md", "---\ntitle: Lee\nyear: 2018\n---\n")
        let garden = try #require(repository.open())
        #expect(try garden.commitChanges()?.message.subject == "Added 1 paper to NNGP / NTK; new topic NNGP / NTK")
        #expect(repository.git("log", "--format=%s").trimmed == "Added 1 paper to NNGP / NTK; new topic NNGP / NTK")
    }

    @Test func withoutAnIdentityGitsOwnWordsAndNoCommit() throws {
        let repository = TemporaryRepository()
        repository.write("a.md", "---\ntitle: A\n---\n")
        repository.commitAll()
        let head = repository.git("rev-parse", "HEAD")
        repository.git("config", "user.useConfigOnly", "true")
        repository.edit("a.md", .status(.read))
        // No identity anywhere: git must refuse, and Trellis must not make one up.
        let garden = try #require(GitGarden.open(repository.root, environment: [
            "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": repository.top]))
        #expect {
            try garden.commit(message: "Read: A")
        } throws: { error in
            guard case .failed("git commit", let message) = error as? GitGarden.Failure else { return false }
            return message.contains("user.email") || message.contains("Please tell me who you are")
        }
        #expect(repository.git("rev-parse", "HEAD") == head)
    }

    // MARK: Diff

    @Test func aNotesDiffIsPlainTextAgainstHEAD() throws {
        let repository = TemporaryRepository()
        repository.write("kernels/µP paper.md", "---\ntitle: µP\nstatus: unread\n---\nBody\n")
        repository.write("kernels/same.md", "---\ntitle: Same\n---\n")
        repository.commitAll()
        repository.git("config", "color.ui", "always")  // the owner's colours must not leak in
        repository.edit("kernels/µP paper.md", .status(.read))
        repository.write("new note.md", "---\ntitle: New\n---\nText\n")
        let garden = try #require(repository.open())

        let modified = try garden.diff("kernels/µP paper.md")
        #expect(modified.contains("\n-status: unread\n+status: read\n"), "\(modified)")
        #expect(modified.contains("my garden/kernels/µP paper.md"), "\(modified)")
        #expect(!modified.contains("\u{1B}"))

        let added = try garden.diff("new note.md")
        #expect(added.contains("--- /dev/null"), "\(added)")
        #expect(added.hasSuffix("+---\n+title: New\n+---\n+Text\n"), "\(added)")

        #expect(try garden.diff("kernels/same.md") == "")
        #expect(try garden.diff("no such note.md") == "")
    }

    @Test func aDeletedNotesDiffShowsItRemoved() throws {
        let repository = TemporaryRepository()
        repository.write("gone.md", "---\ntitle: Gone\n---\n")
        repository.commitAll()
        repository.remove("gone.md")
        let diff = try #require(repository.open()).diff("gone.md")
        #expect(diff.contains("deleted file"), "\(diff)")
        #expect(diff.hasSuffix("-title: Gone\n----\n"), "\(diff)")
    }
}
