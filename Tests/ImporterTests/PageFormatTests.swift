import Foundation
import Garden
import Testing
@testable import Importer

/// One test per page shape the owner keeps: what each yields, entry by entry.
@Suite struct PageFormatTests {
    // MARK: Headed bullet lists with ✅ marks (and Jekyll front matter that is not strict YAML)

    @Test func headedListsWithMarksAndLenientFrontMatter() throws {
        let space = Workspace()
        let page = space.page("tbr.md", """
            ---
            layout: distill
            title: TBR
            description: papers for a thesis
            toc:
              - name: NTK
              subsections:
            \t- name: Rank collapse
            ---

            ## Side note

            Papers marked with ✅ are read in depth.

            ## NTK

            - ✅ Deep Neural Networks as Gaussian Processes
            - Tensor Programs II: Neural Tangent Kernel for Any Architecture

            ### Rank collapse

            - ReZero is All You Need: Fast Convergence at Large Depth
            - [https://transformer-circuits.pub/2021/framework/index.html]
            """)
        let report = try space.importPages([page]) { $0.under = "tbr"; $0.place(section: "Side note", at: "tbr") }
        #expect(report.warnings.contains { $0.contains("not strict YAML") })
        let garden = try space.load()
        #expect(garden.problems.isEmpty, "\(garden.problems)")
        #expect(garden.topic("tbr")?.title == "TBR")
        #expect(garden.topic("tbr")?.prose.contains("Papers marked with ✅") == true)
        let dnngp = try #require(garden.find("Deep Neural Networks as Gaussian Processes"))
        #expect(dnngp.kind == .paper && dnngp.readInDepth && dnngp.status == .read)
        #expect(dnngp.topics == ["tbr/ntk"])
        #expect(dnngp.sources.first?["mark"]?.string == "✅")
        let tp2 = try #require(garden.find("Tensor Programs II: Neural Tangent Kernel for Any Architecture"))
        #expect(tp2.status == .unread && !tp2.readInDepth)
        #expect(garden.topic("tbr/ntk/rank-collapse")?.noteIDs.count == 2)
        let link = try #require(garden.notes.first { $0.links.url == "https://transformer-circuits.pub/2021/framework/index.html" })
        #expect(link.kind == .item && link.status == nil)
    }

    // MARK: A Markdown table schedule with dates and links

    @Test func scheduleTable() throws {
        let space = Workspace()
        let page = space.page("group.md", """
            ---
            title: "Reading Group"
            ---
            ## Schedule

            | Date | Paper | Resources |
            | ---- |:-----:|:---------:|
            | 06/07/2022 | [Principles of Deep Learning Theory](https://deeplearningtheory.com/) Chapters 1 & 2 | [Chapter 1](https://x.org/c1.pdf) |
            | 20/07/2022 | [PoDLT](https://deeplearningtheory.com/) Chapter 3 | |
            | 27/07/2022 | We decided to change approach and read papers | |
            | 03/08/2022 | [Neural Tangent Kernel](https://arxiv.org/abs/1806.07572) | <https://rajatvd.github.io/NTK/> |
            | 7/06/2023 | [Adaptive Budget Allocation](https://arxiv.org/abs/2303.10512) | |
            | 18/10/2023 | [Adaptive Budget Allocation](https://arxiv.org/abs/2303.10512) | |
            """)
        try space.importPages([page]) { $0.under = "group"; $0.place(section: "Schedule", at: "group") }
        let garden = try space.load()
        #expect(garden.problems.isEmpty, "\(garden.problems)")
        let book = try #require(garden.find("Principles of Deep Learning Theory"))
        #expect(book.kind == .item)
        #expect(book.sources.count == 2, "the same URL twice is one item with two sessions")
        #expect(book.sources.map { $0["date"]?.string } == ["2022-07-06", "2022-07-20"])
        #expect(book.sources[0]["part"]?.string == "Chapters 1 & 2")
        #expect(book.sources[1]["as_written"]?.string == "PoDLT")
        let ntk = try #require(garden.find("Neural Tangent Kernel"))
        #expect(ntk.kind == .paper && ntk.links.arxiv == "1806.07572" && ntk.status == .read)
        #expect(ntk.sources[0]["resources"] == .list([.scalar("https://rajatvd.github.io/NTK/", plain: true)]))
        let budget = try #require(garden.find("Adaptive Budget Allocation"))
        #expect(budget.sources.map { $0["date"]?.string } == ["2023-06-07", "2023-10-18"])
        #expect(garden.find("We decided to change approach and read papers")?.kind == .item)
    }

    // MARK: Month-grouped papers with <details> abstracts and an empty Notes block

    @Test func monthGroupedAbstracts() throws {
        let space = Workspace()
        let page = space.page("months.md", """
            # Papers

            ## 2020-06

            [Linformer: Self-Attention with Linear Complexity](https://arxiv.org/abs/2006.04768)
            <details>
            <summary>Short abstract</summary>
            We approximate self-attention by a low-rank matrix.
            </details>

            ## 2020-10

            [The Efficiency Misnomer](https://arxiv.org/abs/2110.12894)
            <details>
            <summary>Short abstract</summary>
            Model efficiency is critical.
            </details>
            <details>
            <summary>Notes</summary>
            </details>
            """)
        try space.importPages([page])
        let garden = try space.load()
        #expect(garden.topics.map(\.id) == ["", "papers"], "months group entries, they are not topics")
        let linformer = try #require(garden.find("Linformer: Self-Attention with Linear Complexity"))
        #expect(linformer.abstract == "We approximate self-attention by a low-rank matrix.")
        #expect(linformer.sources[0]["month"]?.string == "2020-06")
        #expect(linformer.notes == nil)
        let misnomer = try #require(garden.find("The Efficiency Misnomer"))
        #expect(misnomer.abstract == "Model efficiency is critical.")
        #expect(space.read(misnomer.path).hasSuffix("## Notes\n"), "the empty Notes block is kept: \(space.read(misnomer.path))")
    }

    // MARK: Heading + link + paragraph notes

    @Test func headingLinkAndNotes() throws {
        let space = Workspace()
        let page = space.page("mf.md", """
            ### Mean Field Residual Networks: On the Edge of Chaos

            <https://www.arxiv.org/abs/1712.08969>

            Show that skip connections give subexponential dynamics.

            ## Exponential expressivity in deep neural networks through transient chaos

            <https://www.arxiv.org/abs/1606.05340>

            First paragraph.
            Second line.
            """)
        try space.importPages([page]) { $0.under = "mf" }
        let garden = try space.load()
        #expect(garden.topics.map(\.id) == ["", "mf"], "a heading followed by a link is a paper, not a topic")
        let resnets = try #require(garden.find("Mean Field Residual Networks: On the Edge of Chaos"))
        #expect(resnets.links.arxiv == "1712.08969")
        #expect(resnets.notes == "Show that skip connections give subexponential dynamics.")
        #expect(resnets.status == .read)
        #expect(garden.find("Exponential expressivity in deep neural networks through transient chaos")?.notes == "First paragraph.\nSecond line.")
    }

    // MARK: The core page: nested topics, papers and to-do items

    @Test func corePageTopicsAndItems() throws {
        let space = Workspace()
        let page = space.page("core.md", """
            Intro prose.

            # Core
            ## Models
            - Linear regression
            - NNGP / NTK
              - [Deep Neural Networks as Gaussian Processes notes](/digitalGarden/NNGP)
              - Jacot's paper
            - MLPs
              - Scaling MLPs: A Tale of Inductive Bias
              - Find stuff about storage capacity in models
            - Transformers
              - Find stuff about storage capacity in models
              - Will Merrill smth
            """)
        try space.importPages([page]) { $0.alias("Jacot's paper", as: "Neural Tangent Kernel: Convergence and Generalization in Neural Networks") }
        let garden = try space.load()
        #expect(garden.topic("core/models")?.children == ["core/models/linear-regression", "core/models/nngp-ntk", "core/models/mlps", "core/models/transformers"])
        #expect(garden.rootTopic.prose.contains("Intro prose."))
        let dnngp = try #require(garden.find("Deep Neural Networks as Gaussian Processes"))
        #expect(dnngp.kind == .paper && dnngp.sources[0]["notes_page"]?.string == "/digitalGarden/NNGP")
        let ntk = try #require(garden.find("Neural Tangent Kernel: Convergence and Generalization in Neural Networks"))
        #expect(ntk.sources[0]["as_written"]?.string == "Jacot's paper")
        let todo = try #require(garden.find("Find stuff about storage capacity in models"))
        #expect(todo.kind == .item && todo.topics == ["core/models/mlps", "core/models/transformers"])
        #expect(garden.find("Will Merrill smth")?.kind == .item)
        #expect(garden.find("Scaling MLPs: A Tale of Inductive Bias")?.kind == .paper)
    }

    // MARK: Bad pages

    @Test func unknownShapeAndBadBytesWriteNothing() throws {
        let space = Workspace()
        let prose = space.page("prose.md", "Just a paragraph.\n\nAnother one.\n")
        #expect(throws: ImportError.self) { try space.importPages([prose]) }
        let bad = space.root + "/bad.md"
        _ = FileManager.default.createFile(atPath: bad, contents: Data("# Fine\n- ok\n- bad \u{1}".utf8) + Data([0xFF, 0x0A]))
        do {
            try space.importPages([bad])
            Issue.record("a non-UTF-8 page must not import")
        } catch let error as ImportError {
            #expect(error.line == 3 && error.description.contains("UTF-8"))
        }
        #expect(!FileManager.default.fileExists(atPath: space.garden), "nothing was written")
    }
}
