import Screen
import Testing

@testable import Markdown

/// Properties that hold for every width, fold state and glyph set, checked on a document that
/// uses every construct together with wide characters, emoji, combining marks and controls.
@Suite struct LayoutInvariantTests {
    static let rich = """
        # Infinite-width limits ✅ 漢字

        ## Abstract

        Wide networks behave like **kernel machines** (see [[Neural Tangent Kernel|NTK]], \
        [[Mean field#Phase]] and https://arxiv.org/abs/1806.07572?utm_source=a_very_long_query_string). \
        Café and re\u{301}sume\u{301} 👩‍🔬 done\u{1B}[31m.

        - [x] read the 漢字の論文 carefully
        - [ ] derive χ₁ = σ_w² E[φ'(z)²]
          1. first step with `inline [[code]]`
          2. second step
             > quoted ✅ inside a list with a long enough line to wrap

        | Paper | Read | 漢字 |
        |:--|:-:|--:|
        | Deep Neural Networks as Gaussian Processes | ✅ | 一 |
        | [Mean field](https://example.com/mf) | ❌ | 二三四五六七八九 |

        ```python
        def kernel(x):
        \treturn x @ x.T  # 漢字 comment that is long enough to be hard wrapped
        ```

        ***

        ![phase diagram ✅](phase.png)

        ## Notes

        <details><summary>Proof ✅</summary>By *induction* on [[Depth]].</details>

        <details>
        <summary>Derivation</summary>

        Long derivation line with 漢字 and emoji 👩‍🔬 that wraps.

        </details>

        <div align="center">raw html</div>
        """

    static let allFolds: Set<FoldID> = [.abstract, .notes, .details(0), .details(1)]

    @Test(arguments: 1...80)
    func everyLineFitsAndLinksPointAtTheirFirstLine(width: Int) {
        for glyphs in [Glyphs.unicode, .ascii] {
            for collapsed in [[], Self.allFolds] {
                let document = rendered(Self.rich, width: width, collapsed: collapsed, glyphs: glyphs)
                var firstLine: [Int: Int] = [:]
                for (index, line) in document.lines.enumerated() {
                    #expect(line.content.width <= width, "\(width): \(line.content.text)")
                    #expect(!line.content.text.unicodeScalars.contains { TerminalText.needsEscape($0, keepNewlines: false) })
                    for link in line.content.spans.compactMap(\.link) where firstLine[link] == nil {
                        firstLine[link] = index
                    }
                }
                #expect(document.links.indices.map { firstLine[$0] } == document.links.map(\.line))
                #expect(document.links.map(\.line) == document.links.map(\.line).sorted())
                #expect(document.folds == [.abstract, .notes, .details(0), .details(1)])
            }
        }
    }

    @Test func expandedRichDocumentHasAllItsLinksInReadingOrder() {
        let document = rendered(Self.rich, width: 60)
        #expect(
            document.links.map(\.target) == [
                .wiki("Neural Tangent Kernel"), .wiki("Mean field"),
                .url("https://arxiv.org/abs/1806.07572?utm_source=a_very_long_query_string"),
                .url("https://example.com/mf"), .wiki("Depth"),
            ])
    }

    @Test(arguments: [1, 2, 5, 13, 40, 80])
    func asciiGlyphsOnAnASCIIDocumentGiveOnlyASCII(width: Int) {
        let markdown = """
            ## Abstract

            - [x] done
            - item

            > quote

            | a | b |
            |---|---|
            | 1 | 2 |

            ***

            <details><summary>More</summary>Text.</details>
            """
        for collapsed in [[], Self.allFolds] {
            let shown = lines(markdown, width: width, collapsed: collapsed, glyphs: .ascii)
            #expect(shown.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(shown)")
        }
    }
}
