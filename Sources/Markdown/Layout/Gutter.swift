import Screen

/// The columns in front of a container's content: a list marker and its hanging indent, a
/// quote bar, the indent of a `<details>` body. Containers lay out their content at the width
/// the gutter leaves, then put the gutter in front of each line, so nesting composes.
struct Gutter {
    /// In front of the first line (the bullet or number).
    var first: [Span]
    /// In front of every other line (spaces as wide as `first`, or the quote bar again).
    var rest: [Span]

    /// The width left for content inside `width` columns: at least 1, so that content can
    /// always be laid out; the gutter itself is cut when `width` is too narrow for both.
    func contentWidth(in width: Int) -> Int {
        max(1, width - max(StyledLine(first).width, StyledLine(rest).width))
    }

    /// `lines`, laid out ``contentWidth(in:)`` wide, behind the gutter. An empty line (the blank
    /// between two paragraphs of an item) gets `rest` without its trailing spaces, so blank
    /// lines inside a list stay empty and a quote keeps its bar.
    func apply(to lines: [RenderedLine], width: Int) -> [RenderedLine] {
        let room = max(0, width - contentWidth(in: width))
        let first = TextWrap.clipped(first, to: room)
        let rest = TextWrap.clipped(rest, to: room)
        let blank = Self.trimmingTrailingSpaces(rest)
        return lines.enumerated().map { index, line in
            var result = line
            let prefix = index == 0 ? first : line.content.spans.isEmpty ? blank : rest
            result.content.spans = prefix + line.content.spans
            return result
        }
    }

    private static func trimmingTrailingSpaces(_ spans: [Span]) -> [Span] {
        var spans = spans
        while let last = spans.last {
            let trimmed = String(last.text.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty {
                spans.removeLast()
            } else {
                spans[spans.count - 1].text = trimmed
                break
            }
        }
        return spans
    }
}
