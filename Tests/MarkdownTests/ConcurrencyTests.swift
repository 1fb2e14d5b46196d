import Markdown
import Testing

/// cmark-gfm keeps parser state in globals; without the module's lock, concurrent parses
/// return wrong trees. This runs many different parses at once and compares each with the
/// same parse done alone.
@Suite struct ConcurrencyTests {
    /// A document that exercises every extension, different for each `index`.
    private static func document(_ index: Int) -> String {
        """
        # Note \(index)

        Some *text* with [a link](n\(index).md) and ~~old~~ www.site\(index).org.

        - [x] done \(index)
        - [ ] todo
          1. nested **\(index)**

        | k | v |
        |:--|--:|
        | \(index) | `\(index * 7)` |

        > quote \(String(repeating: "word ", count: index % 17))
        """
    }

    @Test func concurrentParsesEqualSerialParses() async {
        let texts = (0..<200).map(Self.document)
        let serial = texts.map(Markdown.parse)
        // 25 rounds of 200 (5 000 parses, about 0.2 s). With the lock removed this failed in
        // 6 of 6 runs on 2 cores, with 82 to 197 wrong trees; 5 rounds failed in only 2 of 3.
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for round in 0..<25 {
                for index in texts.indices {
                    let shifted = (index + round * 37) % texts.count
                    group.addTask { Markdown.parse(texts[shifted]) == serial[shifted] ? 0 : 1 }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
