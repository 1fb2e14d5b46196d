import Foundation
import Testing
@testable import Garden

extension GitGardenTests {
    /// The generated commit message: each changed note's HEAD version against its working
    /// file, named as the owner would say it; a subject of at most 72 characters, a body with
    /// every change.
    @Suite struct Message {
        /// Topics with an index title and one without; papers of each status, an item.
        static func fixture() -> TemporaryRepository {
            let repository = TemporaryRepository()
            repository.writeTop("README.txt", "not the garden\n")
            repository.write("index.md", "---\ntitle: Deep learning theory\n---\nThe root.\n")
            repository.write("nngp/index.md", "---\ntitle: NNGP / NTK\n---\n")
            repository.write("nngp/lee2018.md", "---\ntitle: Deep Neural Networks as Gaussian Processes\nstatus: unread\ntags: [nngp]\n---\n\n## Notes\n\nExact.\n")
            repository.write("models/linformer.md", "---\ntitle: Linformer\nstatus: unread\n---\n")
            repository.write("models/performer.md", "---\ntitle: Performer\nstatus: reading\n---\n")
            repository.write("models/µP tuning.md", "---\ntitle: Tensor Programs V\nstatus: reading\n---\n")
            repository.write("models/old idea.md", "---\ntitle: Old idea\nkind: item\n---\n")
            repository.write("mean-field/mei.md", "---\ntitle: A Mean Field View\nyear: 2018\nstatus: read\n---\n")
            repository.write("scratch/todo.md", "---\ntitle: Compute the NTK\nkind: item\n---\n")
            repository.commitAll()
            return repository
        }

        static func message(_ repository: TemporaryRepository) throws -> CommitMessage? {
            CommitMessage(try #require(repository.open()).changes())
        }

        // MARK: Messages from real repositories

        @Test func aPaperReadAndTwoAdded() throws {
            let repository = Self.fixture()
            repository.edit("models/linformer.md", .status(.read))
            repository.write("nngp/jacot2018.md", "---\ntitle: Neural Tangent Kernel\nyear: 2018\n---\n")
            repository.write("nngp/arora2019.md", "---\ntitle: On Exact Computation\narxiv: \"1904.11955\"\n---\n")
            let message = try #require(try Self.message(repository))
            #expect(message.subject == "Read: Linformer; added 2 papers to NNGP / NTK")
            #expect(message.body == [
                "Read: Linformer (models/linformer.md)",
                "added paper On Exact Computation to NNGP / NTK (nngp/arora2019.md)",
                "added paper Neural Tangent Kernel to NNGP / NTK (nngp/jacot2018.md)",
            ])
        }

        @Test func aRealisticMix() throws {
            let repository = Self.fixture()
            repository.edit("models/linformer.md", .status(.read))
            repository.edit("models/performer.md", .status(.read))
            repository.edit("models/µP tuning.md", .status(.read), .readInDepth(true))
            repository.write("nngp/jacot2018.md", "---\ntitle: Neural Tangent Kernel\nyear: 2018\n---\n")
            repository.write("nngp/arora2019.md", "---\ntitle: On Exact Computation\nyear: 2019\n---\n")
            repository.write("mean-field/new item.md", "---\ntitle: Ask about muP\nkind: item\n---\n")
            repository.edit("nngp/lee2018.md", .addTag("kernels"), .appendNote("Compare with the NTK."))
            repository.edit("mean-field/mei.md", .title("Mean field of two-layer nets"))
            repository.move("scratch/todo.md", "nngp/todo.md")
            try Trash.remove("models/old idea.md", root: repository.root)
            repository.write("index.md", "---\ntitle: Deep learning theory\n---\nThe  root.\n\n")

            let message = try #require(try Self.message(repository))
            // 11 entries; three fit in 72 characters with the count of the rest.
            #expect(message.subject == "Read in depth: Tensor Programs V; Read: Linformer, Performer… and 8 more")
            #expect(message.subject.count == 72)
            #expect(message.body == [
                "Read in depth: Tensor Programs V (models/µP tuning.md)",
                "Read: Linformer (models/linformer.md)",
                "Read: Performer (models/performer.md)",
                "added item Ask about muP to Mean field (mean-field/new item.md)",
                "added paper On Exact Computation to NNGP / NTK (nngp/arora2019.md)",
                "added paper Neural Tangent Kernel to NNGP / NTK (nngp/jacot2018.md)",
                "renamed A Mean Field View to Mean field of two-layer nets (mean-field/mei.md)",
                "moved Compute the NTK to NNGP / NTK (scratch/todo.md → nngp/todo.md)",
                "tagged Deep Neural Networks as Gaussian Processes: +kernels (nngp/lee2018.md)",
                "notes on Deep Neural Networks as Gaussian Processes (nngp/lee2018.md)",
                "removed Old idea (models/old idea.md)",
                "Edit Deep learning theory (index.md)",
            ])
            #expect(message.text.hasPrefix(message.subject + "\n\nRead in depth: Tensor Programs V"))
        }

        @Test func whitespaceAndKeyOrderAreAnEditNotNotes() throws {
            let repository = Self.fixture()
            repository.write("nngp/lee2018.md", "---\ntags: [nngp]\ntitle: Deep Neural Networks as Gaussian Processes\nstatus: unread\n---\n\n## Notes\n\n  Exact.\n")
            #expect(try Self.message(repository)?.subject == "Edit Deep Neural Networks as Gaussian Processes")
        }

        @Test func aMovedNoteThatWasAlsoReadAndARestoredOne() throws {
            let repository = Self.fixture()
            try Trash.remove("models/old idea.md", root: repository.root)
            repository.commitAll()
            try Trash.restore("old idea", root: repository.root)
            repository.move("models/linformer.md", "nngp/linformer.md")
            repository.edit("nngp/linformer.md", .status(.reading))
            let message = try #require(try Self.message(repository))
            #expect(message.subject == "Reading: Linformer; moved Linformer to NNGP / NTK; restored Old idea")
        }

        @Test func aNoteDeletedOutrightAndAFileThatIsNotANote() throws {
            let repository = Self.fixture()
            repository.remove("scratch/todo.md")
            repository.write("nngp/figure.png", "png")
            #expect(try Self.message(repository)?.subject == "Removed Compute the NTK; updated figure.png")
        }

        @Test func noChangeNoMessage() throws {
            #expect(try Self.message(Self.fixture()) == nil)
        }

        // MARK: The 72-character subject

        static func reads(_ titles: [String]) -> [UncommittedChange] {
            titles.map { UncommittedChange(.read, path: $0 + ".md", title: $0) }
        }

        @Test func manyChangesEndWithTheCountOfTheRest() throws {
            let message = try #require(CommitMessage(Self.reads((1...20).map { "Paper \($0)" })))
            #expect(message.subject == "Read: Paper 1, Paper 2, Paper 3, Paper 4, Paper 5, Paper 6… and 14 more")
            #expect(message.body.count == 20)
            #expect(message.body.last == "Read: Paper 20 (Paper 20.md)")
        }

        @Test func oneTitleTooLongIsCut() throws {
            let title = "Neural Tangent Kernel: Convergence and Generalization in Neural Networks"
            let one = try #require(CommitMessage(Self.reads([title])))
            // At a word's end when one is near.
            #expect(one.subject == "Read: Neural Tangent Kernel: Convergence and Generalization in Neural…")
            #expect(one.body == ["Read: \(title) (\(title).md)"])
            let two = try #require(CommitMessage(Self.reads([title, "Linformer"])))
            #expect(two.subject == "Read: Neural Tangent Kernel: Convergence and Generalization… and 1 more")
        }

        @Test func aSubjectOfExactly72CharactersIsKept() throws {
            let title = String(repeating: "x", count: 66)
            #expect(CommitMessage(Self.reads([title]))?.subject == "Read: " + title)
            #expect(CommitMessage(Self.reads([title + "y"]))?.subject == "Read: " + String(repeating: "x", count: 65) + "…")
        }

        @Test func titlesAreOneLine() throws {
            let message = try #require(CommitMessage([UncommittedChange(.notes, path: "a.md", title: "Two\nlines\t and\u{1B}[31m red")]))
            #expect(message.subject == "Notes on Two lines and [31m red")
        }

        @Test(arguments: 1...40)
        func everySubjectFits(_ count: Int) throws {
            let kinds: [UncommittedChange.Kind] = [.read, .added(topic: "NNGP / NTK", paper: true), .tagged(added: ["x"], removed: []),
                                              .moved(from: "a/b.md", topic: "Mean field / muP"), .renamed(from: "Old name"), .edited]
            let changes = (0..<count).map { UncommittedChange(kinds[$0 % kinds.count], path: "n\($0).md", title: "Note number \($0) of the garden") }
            let message = try #require(CommitMessage(changes))
            #expect(message.subject.count <= CommitMessage.subjectLimit, "\(message.subject)")
            #expect(message.body.count == count)
        }
    }
}
