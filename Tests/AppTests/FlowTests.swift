@testable import App
import Garden
import Markdown
import Screen
import Testing

/// The main flows as specs: a state, keys, the state and screen that must follow.
@Suite("Browsing flows")
struct FlowTests {
    @Test("the first frame, before the garden loads, says it is loading; only quit works")
    func loading() {
        var (state, effects) = App.start(size: Size(width: 80, height: 24), gardenPath: "my-garden")
        #expect(effects == [.loadGarden(path: "my-garden")])
        #expect(state.screen.joined().contains("Loading my-garden…"))
        #expect(state.press("j").isEmpty)
        #expect(state.press("q") == [.quit])
        #expect(state.quitting)
    }

    @Test("a garden that fails to load shows why")
    func loadFailure() {
        var (state, _) = App.start(size: Size(width: 80, height: 24), gardenPath: "nowhere")
        _ = App.update(&state, .gardenFailed("no garden at nowhere"))
        #expect(state.screen.contains { $0.contains("no garden at nowhere") })
        #expect(state.screen.last?.contains("ERROR") == true)
    }

    @Test("the tree follows the Pareto-frontier order with read/total counts")
    func treeOrder() {
        let state = TestGarden.state()
        let titles = state.topicRows.map { TestGarden.garden.topic($0.topicID)!.title }
        // The root's children start expanded.
        #expect(titles == ["Garden", "Models", "Linear regression", "NNGP / NTK", "Mean field / muP", "Optimization"])
        #expect(state.screen[1].contains("Garden") && state.screen[1].contains("2/5"))
        #expect(state.screen.contains { $0.contains("NNGP / NTK") && $0.contains("1/2") })
        var collapsed = state
        collapsed.press("j", "h")
        #expect(collapsed.topicRows.map { TestGarden.garden.topic($0.topicID)!.title } == ["Garden", "Models", "Optimization"])
        collapsed.press("h")
        #expect(collapsed.tree.selected == "")
        collapsed.press("j", "l")
        #expect(collapsed.topicRows.count == 6)
    }

    @Test("counts agree with Garden.readCount for every topic")
    func counts() {
        let state = TestGarden.state()
        for topic in TestGarden.garden.topics {
            let count = TestGarden.garden.readCount(of: topic.id)
            #expect(state.counts[topic.id]?.read == count.read && state.counts[topic.id]?.total == count.total, "\(topic.id)")
        }
    }

    @Test("walk to a paper, open it, unfold and fold its abstract")
    func walkToPaper() {
        var state = TestGarden.state()
        state.press("j", "l", "j")  // Models, its first child (Linear regression), NNGP / NTK
        #expect(state.tree.selected == "models/nngp-ntk")
        state.press("tab")
        #expect(state.focus == .list)
        #expect(state.selectedNote?.id == "lee2018")
        state.press("enter")
        #expect(state.focus == .reading)
        #expect(state.reading.subject == .note("lee2018"))
        var text = state.reading.document.lines.map(\.content.text)
        #expect(text.contains("▸ Abstract (1 line)") || text.contains { $0.hasPrefix("▸ Abstract") })
        #expect(!text.contains { $0.contains("Infinitely wide") })
        state.press("a")
        text = state.reading.document.lines.map(\.content.text)
        #expect(text.contains { $0.hasPrefix("▾ Abstract") })
        #expect(text.contains { $0.contains("Infinitely wide") })
        #expect(state.screen.contains { $0.contains("Infinitely wide") })
        state.press("a")
        #expect(!state.screen.contains { $0.contains("Infinitely wide") })
    }

    @Test("Enter on a section header folds it; h folds, l unfolds")
    func foldAtCursor() {
        var state = TestGarden.state()
        state.reveal("lee2018")
        state.focus = .reading
        let notesLine = state.reading.document.lines.firstIndex { $0.fold == .notes }!
        state.moveCursor(to: notesLine)
        state.press("enter")
        #expect(state.collapsed.contains(.notes))
        #expect(!state.reading.document.lines.contains { $0.content.text.contains("recursion is exact") })
        state.press("l")
        #expect(!state.collapsed.contains(.notes))
        state.press("h")
        #expect(state.collapsed.contains(.notes))
    }

    @Test("search is incremental, opens the result with its abstract unfolded, and n/N step through matches")
    func searchAndOpen() {
        var state = TestGarden.state()
        state.press("/")
        state.type("depth sca")
        guard case .search(let search)? = state.overlay else {
            Issue.record("search overlay not open")
            return
        }
        #expect(search.hits.map(\.noteID) == ["schoenholz2017"])
        #expect(state.screen.contains { $0.contains("Deep Information Propagation") })
        state.press("enter")
        #expect(state.overlay == nil)
        #expect(state.reading.subject == .note("schoenholz2017"))
        #expect(!state.collapsed.contains(.abstract))
        #expect(state.tree.selected == "models/mean-field")
        #expect(state.selectedNote?.id == "schoenholz2017")
        let cursorLine = state.reading.document.lines[state.reading.cursor].content.text
        #expect(cursorLine.localizedCaseInsensitiveContains("depth"))
        let first = state.reading.cursor
        state.press("n")
        state.press("N")
        #expect(state.reading.cursor == first)
    }

    @Test("Esc closes the search without changing anything")
    func searchEscape() {
        var state = TestGarden.state()
        let before = state.reading
        state.press("/")
        state.type("adam")
        state.press("esc")
        #expect(state.overlay == nil)
        #expect(state.reading == before)
    }

    @Test("wiki links are followed in place and back returns")
    func wikiLinks() {
        var state = TestGarden.state()
        state.reveal("lee2018")
        state.focus = .reading
        state.press("]")
        // The first link is the header's arXiv link, the next the [[jacot2018]] wiki link.
        state.press("]")
        let link = state.reading.document.links[state.reading.focusedLink!]
        #expect(link.target == .wiki("jacot2018"))
        #expect(state.press("o").isEmpty)
        #expect(state.reading.subject == .note("jacot2018"))
        let backlinks = state.reading.document.lines.map(\.content.text)
        #expect(backlinks.contains("Backlinks"))
        state.press("backspace")
        #expect(state.reading.subject == .note("lee2018"))
        // Back on the same line, with the followed link focused again.
        let focused = state.reading.focusedLink.map { state.reading.document.links[$0] }
        #expect(focused?.target == .wiki("jacot2018"))
        #expect(focused?.line == state.reading.cursor)
    }

    @Test("URLs open through an effect; other schemes are refused with a message")
    func urls() {
        var state = TestGarden.state()
        #expect(state.follow(.url("https://arxiv.org/abs/1806.07572")) == [.openURL("https://arxiv.org/abs/1806.07572")])
        #expect(state.follow(.url("javascript:alert(1)")).isEmpty)
        #expect(state.status?.isError == true)
        #expect(state.follow(.url("/images/x.png")).isEmpty)
    }

    @Test("the palette goes to a topic, filters by status and tag, and clears")
    func palette() {
        var state = TestGarden.state()
        state.press(":")
        state.type("topic mean")
        state.press("enter")
        #expect(state.tree.selected == "models/mean-field")
        state.press(":")
        state.type("status unread")
        state.press("enter")
        #expect(state.filter.status == .unread)
        // A paper without a status is unread (the loader's default).
        #expect(state.list.noteIDs == ["schoenholz2017", "evil"])
        state.press(":")
        state.type("clear")
        state.press("enter")
        #expect(!state.filter.isActive)
        state.press(":")
        state.type("topic")
        state.press("tab")
        guard case .palette(let palette)? = state.overlay else {
            Issue.record("palette closed")
            return
        }
        #expect(palette.input == "topic ")
        #expect(palette.completions.first == "topic Models")
    }

    @Test("a resize keeps the selection and relays the reading pane out")
    func resize() {
        var state = TestGarden.state()
        state.reveal("lee2018")
        state.focus = .list
        let wide = state.reading.width
        _ = App.update(&state, .resize(Size(width: 70, height: 20)))
        #expect(state.selectedNote?.id == "lee2018")
        #expect(state.reading.width < wide)
        #expect(state.reading.document.lines.allSatisfy { $0.content.width <= state.reading.width })
        _ = App.update(&state, .resize(Size(width: 30, height: 8)))
        #expect(state.screen.contains { $0.contains("Terminal too small") })
        _ = App.update(&state, .resize(Size(width: 120, height: 30)))
        #expect(state.selectedNote?.id == "lee2018")
    }

    @Test("mouse: a click selects and focuses, a second click opens, the wheel scrolls; it can be turned off")
    func mouse() {
        var state = TestGarden.state()
        let list = state.layout.content(.list)!
        _ = App.update(&state, .mouse(MouseEvent(.press, x: list.x + 2, y: list.y + 1)))
        #expect(state.focus == .list)
        #expect(state.list.selected == 1)
        _ = App.update(&state, .mouse(MouseEvent(.press, x: list.x + 2, y: list.y + 1)))
        #expect(state.focus == .reading)
        let tree = state.layout.content(.tree)!
        _ = App.update(&state, .mouse(MouseEvent(.wheelDown, x: tree.x + 1, y: tree.y)))
        #expect(state.focus == .reading)
        #expect(state.tree.selected == "models/nngp-ntk")  // Garden + 3 rows
        var off = TestGarden.state(config: Config.parse("mouse = off"))
        _ = App.update(&off, .mouse(MouseEvent(.press, x: list.x + 2, y: list.y + 1)))
        #expect(off.focus == .tree)
    }

    @Test("help opens with ?, scrolls, and closes with Esc")
    func help() {
        var state = TestGarden.state()
        state.press("?")
        #expect(state.overlay == .help(scroll: 0))
        #expect(state.screen.contains { $0.contains("search the whole garden") })
        state.press("esc")
        #expect(state.overlay == nil)
    }

    @Test("control characters from files never reach the screen")
    func controlCharacters() {
        var state = TestGarden.state()
        state.reveal("evil")
        state.focus = .reading
        let buffer = App.view(state, size: state.size)
        #expect(buffer.cells.allSatisfy { cell in
            !cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        })
        #expect(buffer.lines.joined().contains("\\u{1B}"))
    }

    @Test("after a resize through 'too small', the lists scroll back: no blank rows below the last item")
    func scrollAfterResize() {
        var state = TestGarden.state(Size(width: 120, height: 30))
        state.press("j", "j", "j", "j")
        _ = App.update(&state, .resize(Size(width: 60, height: 12)))
        _ = App.update(&state, .resize(Size(width: 120, height: 30)))
        #expect(state.tree.scroll == 0)
        #expect(state.screen[1].contains("Garden"))
    }

    @Test("a search match inside a folded <details> is unfolded and reached on open")
    func searchUnfoldsDetails() {
        var state = TestGarden.state()
        state.press("/")
        state.type("hidden proof")
        state.press("enter")
        #expect(state.reading.subject == .note("lee2018"))
        #expect(state.reading.document.lines[state.reading.cursor].content.text.contains("hidden proof"))
        #expect(state.status?.text == "match 1 of 1 lines")
    }

    @Test("a wiki link to no note is drawn as a warning, not as a link")
    func brokenWikiLink() {
        var state = TestGarden.state()
        state.reveal("jacot2018")
        state.focus = .reading
        state.press("a")  // the links are in its abstract, folded at first
        let spans = state.reading.document.lines.flatMap(\.content.spans)
        let broken = spans.first { $0.text.contains("No Such") }
        #expect(broken?.style.role == .warning)
        let working = spans.first { $0.text.contains("Deep Neural Networks as Gaussian") && $0.link != nil }
        #expect(working?.style.role == .wikiLink)
    }

    @Test("help lists each group once, then what the marks mean")
    func helpGroups() {
        let headings = HelpOverlay.lines(.defaults).filter(\.isHeading).map(\.keys)
        #expect(headings == ["Move", "Read", "Find and more", "Edit", "Calculators", "Marks"])
    }

    @Test("search snippets are shown as prose: tags, emphasis and brackets removed")
    func snippetText() {
        #expect(SnippetText.plain("The proof uses **Gronwall**. </details> <details><summary>Compact</") == "The proof uses Gronwall. Compact")
        #expect(SnippetText.plain("see [[Mean field papers]] and `erf`") == "see Mean field papers and erf")
        #expect(SnippetText.plain("ails> <summary>Outer</summary> | 漢字 |") == " Outer 漢字 ")
    }

    @Test("n/N follow the search's own terms: a quoted phrase is one term, punctuation is dropped")
    func matchTermsFollowSearch() {
        #expect(MatchFinder.terms(of: "\"gaussian processes\" (NTK),") == ["gaussian processes", "ntk"])
        #expect(MatchFinder.columns(in: "Deep Gaussian Processes", terms: ["gaussian processes"]) == [5..<23])
        #expect(MatchFinder.columns(in: "Théorie des noyaux", terms: MatchFinder.terms(of: "theorie")) == [0..<7])
    }
}
