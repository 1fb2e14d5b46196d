import Foundation
import Testing
@testable import Garden

/// J/K: a note (or topic) swaps places with its neighbour, through `order:` values written to
/// as few files as possible; what the garden then shows is exactly the old order with the two
/// swapped, and every other file keeps its bytes.
@Suite struct ReorderTests {
    // MARK: A topic's notes, step by step

    /// kernels/: Beta (order 1, CRLF and a BOM), Alpha and Epsilon (order 2, a tie broken by
    /// title), Delta and Gamma (no order, by title); a note listing kernels in `topics:` and a
    /// note in a sub-topic, which are not siblings and are never written.
    static func garden() -> TemporaryGarden {
        let garden = TemporaryGarden()
        garden.write("index.md", "---\ntitle: Garden\n---\n")
        garden.write("kernels/index.md", "---\ntitle: Kernels\n---\n")
        garden.write("kernels/b.md", "\u{FEFF}---\r\ntitle: Beta\r\norder: 1\r\nstatus: read\r\n---\r\nBody\r\n")
        garden.write("kernels/a.md", paper("Alpha", "order: 2\n"))
        garden.write("kernels/e.md", paper("Epsilon", "order: 2 # tie\n"))
        garden.write("kernels/d.md", paper("Delta"))
        garden.write("kernels/c.md", "---\ntitle: Gamma\nkind: paper\n---\n## Notes\n\nmine")
        garden.write("other/f.md", paper("Foreign", "topics: [kernels]\norder: 1\n"))
        garden.write("kernels/sub/g.md", paper("Aaa in a sub-topic", "order: 1\n"))
        return garden
    }

    /// The ids of kernels/'s own notes, in display order.
    static func siblings(_ garden: Garden) -> [String] {
        garden.topic("kernels")!.noteIDs.filter { garden.note($0)?.topics.first == "kernels" }
    }

    struct Step: Sendable, CustomStringConvertible {
        var note: String
        var direction: OrderDirection
        /// The siblings' order after the step, or nil when the step is refused.
        var after: [String]?
        var description: String { "\(note) \(direction)" }
    }

    static let steps: [Step] = [
        Step(note: "c", direction: .up, after: ["b", "a", "e", "c", "d"]),
        Step(note: "c", direction: .up, after: ["b", "a", "c", "e", "d"]),
        Step(note: "b", direction: .down, after: ["a", "b", "c", "e", "d"]),
        Step(note: "d", direction: .up, after: ["a", "b", "c", "d", "e"]),
        Step(note: "a", direction: .up, after: nil),
        Step(note: "e", direction: .down, after: nil),
        Step(note: "e", direction: .up, after: ["a", "b", "c", "e", "d"]),
        Step(note: "b", direction: .up, after: ["b", "a", "c", "e", "d"]),
        Step(note: "a", direction: .down, after: ["b", "c", "a", "e", "d"]),
        Step(note: "d", direction: .up, after: ["b", "c", "a", "d", "e"]),
        Step(note: "d", direction: .up, after: ["b", "c", "d", "a", "e"]),
    ]

    @Test("each step swaps exactly two siblings and writes only order lines; undoing all restores every byte")
    func stepByStep() throws {
        let garden = Self.garden()
        let original = AddPaperTests.snapshot(garden.root)
        #expect(try Self.siblings(garden.load()) == ["b", "a", "e", "d", "c"])
        var changes: [GardenChange] = []
        for step in Self.steps {
            let loaded = try garden.load()
            let before = AddPaperTests.snapshot(garden.root)
            guard let expected = step.after else {
                #expect(throws: GardenEditError.atEdge(step.note)) { try loaded.reorderNote(step.note, step.direction) }
                #expect(AddPaperTests.snapshot(garden.root) == before)
                continue
            }
            let edit = try loaded.reorderNote(step.note, step.direction, in: "kernels")
            changes.append(edit.change)
            #expect(try Self.siblings(garden.load()) == expected, "\(step)")
            // Only the files the change names differ, and in those only `order:` lines.
            let after = AddPaperTests.snapshot(garden.root)
            let written = Set(edit.change.paths.map { String($0.dropFirst(garden.root.count + 1)) })
            #expect(!written.contains("other/f.md") && !written.contains("kernels/sub/g.md"))
            for (path, bytes) in before where !written.contains(path) {
                #expect(after[path] == bytes, "\(step): \(path) changed")
            }
            for path in written {
                let old = String(decoding: before[path]!, as: UTF8.self), new = String(decoding: after[path]!, as: UTF8.self)
                #expect(old.withoutOrderLines == new.withoutOrderLines, "\(step): \(path) changed outside order:")
            }
        }
        // The CRLF note kept its BOM and line endings.
        let beta = String(decoding: try #require(FileManager.default.contents(atPath: garden.root + "/kernels/b.md")), as: UTF8.self)
        #expect(beta.hasPrefix("\u{FEFF}---\r\n") && !beta.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for change in changes.reversed() { try change.reversed.apply() }
        #expect(AddPaperTests.snapshot(garden.root) == original)
    }

    @Test("a note shown in a topic only through topics: is not reordered there")
    func foreignNotesAreRefused() throws {
        let loaded = try Self.garden().load()
        #expect(throws: GardenEditError.notHome(note: "f", home: "other")) { try loaded.reorderNote("f", .up, in: "kernels") }
    }

    // MARK: Topics

    @Test("sibling topics swap through index.md; a folder without one gets one, and undo removes it")
    func topics() throws {
        let garden = TemporaryGarden()
        garden.write("a-first/index.md", "---\ntitle: First\norder: 1\n---\nProse.\n")
        garden.write("b-plain/index.md", "# Plain\n\nNo front matter.\n")
        garden.write("z-bare/note.md", paper("A note"))
        garden.write("a-first/child/index.md", "---\ntitle: Child\n---\n")
        let original = AddPaperTests.snapshot(garden.root)
        let children = { (garden: Garden) in garden.rootTopic.children }
        #expect(try children(garden.load()) == ["a-first", "b-plain", "z-bare"])
        let first = try garden.load().reorderTopic("z-bare", .up)
        #expect(try children(garden.load()) == ["a-first", "z-bare", "b-plain"])
        #expect(first.change.steps == [.write(path: garden.root + "/z-bare/index.md", before: nil, after: Array("---\norder: 2\n---\n".utf8))])
        let second = try garden.load().reorderTopic("a-first", .down)
        #expect(try children(garden.load()) == ["z-bare", "a-first", "b-plain"])
        let third = try garden.load().reorderTopic("b-plain", .up)
        #expect(try children(garden.load()) == ["z-bare", "b-plain", "a-first"])
        // The heading still titles the topic whose index gained front matter.
        #expect(try garden.load().topic("b-plain")?.title == "Plain")
        #expect(throws: GardenEditError.rootTopic) { try garden.load().reorderTopic("", .up) }
        #expect(throws: GardenEditError.atEdge("a-first/child")) { try garden.load().reorderTopic("a-first/child", .down) }
        for change in [first, second, third].map(\.change).reversed() { try change.reversed.apply() }
        #expect(AddPaperTests.snapshot(garden.root) == original)
    }

    // MARK: The plan

    struct PlanCase: Sendable, CustomStringConvertible {
        var name: String
        /// (title, order) in the wanted order.
        var wanted: [(String, Int?)]
        var values: [String: Int?]
        var description: String { name }
    }

    static let planCases: [PlanCase] = [
        PlanCase(name: "no orders: the notes up to the moved one are numbered",
                 wanted: [("a", nil), ("c", nil), ("b", nil), ("d", nil)], values: ["a": 1, "c": 2]),
        PlanCase(name: "all ordered: one note takes the next value",
                 wanted: [("a", 1), ("c", 3), ("b", 2)], values: ["b": 4]),
        PlanCase(name: "the first moves down: the new first goes below",
                 wanted: [("b", 2), ("a", 1), ("c", 3)], values: ["b": 0]),
        PlanCase(name: "an unordered note moved among ordered ones shares a value when the titles allow",
                 wanted: [("a", 1), ("c", nil), ("b", 2), ("d", nil)], values: ["c": 1]),
        PlanCase(name: "the last ordered note moved after an unordered one loses its order when the titles allow",
                 wanted: [("a", 1), ("b", nil), ("c", 2), ("d", nil)], values: ["c": nil]),
    ]

    @Test(arguments: planCases)
    func plans(_ test: PlanCase) {
        let wanted = test.wanted.map { OrderPlan.Item(order: $0.1, title: $0.0, id: $0.0) }
        let values = OrderPlan.assignments(for: wanted)
        #expect(OrderPlan.sorts(wanted, with: values))
        #expect(Dictionary(uniqueKeysWithValues: values.map { (wanted[$0.key].id, $0.value) }) == test.values)
    }

    @Test("on 400 random sibling lists, every swap sorts right and writes no more files than a brute-force search needs")
    func plansAreRightAndMinimal() {
        var random = SplitMix(seed: 2024)
        for _ in 0..<400 {
            let n = Int(random.next() % 5) + 2
            let titles = ["a", "b", "c", "d"]
            let items = (0..<n).map { i in
                OrderPlan.Item(order: random.next() % 3 == 0 ? nil : Int(random.next() % 4), title: titles[Int(random.next() % 4)], id: "i\(i)")
            }.sorted(by: OrderPlan.less)
            for index in 0..<(n - 1) {
                var wanted = items
                wanted.swapAt(index, index + 1)
                let values = OrderPlan.assignments(for: wanted)
                #expect(OrderPlan.sorts(wanted, with: values), "\(wanted)")
                if let fewest = Self.fewestChanges(wanted, atMost: 3) {
                    #expect(values.count <= fewest, "\(wanted): \(values) where \(fewest) would do")
                }
            }
        }
    }

    /// The fewest items that must change (values -2…6 or none) for `wanted` to sort right,
    /// searched exhaustively up to `atMost`; nil when more are needed.
    static func fewestChanges(_ wanted: [OrderPlan.Item], atMost limit: Int) -> Int? {
        // Titles and ids ranked once, so each trial sorts integers.
        let ranked = wanted.indices.sorted { NaturalOrder.less(wanted[$0].title, wanted[$0].id, wanted[$1].title, wanted[$1].id) }
        var rank = [Int](repeating: 0, count: wanted.count)
        for (position, index) in ranked.enumerated() { rank[index] = position }
        let choices: [Int?] = [nil] + Array(-2...6)
        func works(_ orders: [Int?]) -> Bool {
            let keys = orders.indices.map { (orders[$0] ?? Int.max, rank[$0]) }
            return zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }
        }
        func search(_ orders: [Int?], from start: Int, changes left: Int) -> Bool {
            if works(orders) { return true }
            guard left > 0 else { return false }
            for i in start..<orders.count {
                for choice in choices where choice != wanted[i].order {
                    var next = orders
                    next[i] = choice
                    if search(next, from: i + 1, changes: left - 1) { return true }
                }
            }
            return false
        }
        return (0...limit).first { search(wanted.map(\.order), from: 0, changes: $0) }
    }
}

/// A small deterministic generator (SplitMix64), so the random lists are the same every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    /// The text without its `order:` lines (any line ending).
    var withoutOrderLines: String {
        // "\r\n" is one Character: split on either ending.
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .filter { !$0.hasPrefix("order:") }.joined(separator: "\n")
    }
}
