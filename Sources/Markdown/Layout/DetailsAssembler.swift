/// Turns a sequence of blocks into ``LayoutNode``s, assembling `<details>` elements from the
/// tags that ``DetailsTagScanner`` finds in raw HTML blocks, in either shape cmark produces
/// and nested to any depth up to ``maximumDepth``.
enum DetailsAssembler {
    /// Deeper `<details>` tags are ignored (their text is kept): a bound on the layout's
    /// recursion for pathological input; real notes nest two or three.
    static let maximumDepth = 16

    /// One open `<details>`: its summary (the first `<summary>` seen inside it) and body.
    private struct Frame {
        var summary: [Inline]?
        var body: [LayoutNode] = []
    }

    static func nodes(from blocks: [Block]) -> [LayoutNode] {
        var stack = [Frame()]  // the bottom frame holds the top-level nodes
        var ignoredOpens = 0
        for block in blocks {
            guard case .htmlBlock(let html, let line) = block, let events = DetailsTagScanner.events(in: html)
            else {
                stack[stack.count - 1].body.append(.block(block))
                continue
            }
            for event in events {
                switch event {
                case .open where stack.count > maximumDepth:
                    ignoredOpens += 1
                case .open:
                    stack.append(Frame())
                case .close where ignoredOpens > 0:
                    ignoredOpens -= 1
                case .close:
                    if stack.count > 1 { close(&stack) }  // a stray `</details>` is dropped
                case .summary(let html) where stack.count > 1 && stack[stack.count - 1].summary == nil:
                    stack[stack.count - 1].summary = summaryInlines(html)
                case .summary(let html):
                    stack[stack.count - 1].body.append(.block(.paragraph(summaryInlines(html), line: line)))
                case .text(let text):
                    guard !text.allSatisfy(\.isWhitespace) else { break }
                    stack[stack.count - 1].body += textNodes(text, insideDetails: stack.count > 1, line: line)
                }
            }
        }
        while stack.count > 1 { close(&stack) }  // an unclosed <details> runs to the end
        return stack[0].body
    }

    private static func close(_ stack: inout [Frame]) {
        let frame = stack.removeLast()
        let summary = frame.summary ?? [.text("Details")]  // what browsers show with no summary
        stack[stack.count - 1].body.append(.details(summary: summary, body: frame.body))
    }

    /// Text between tags. Inside a `<details>` it is Markdown that cmark did not parse (the
    /// one-block shape), parsed here after removing the indent it shares with the tags, which
    /// would otherwise make it a code block; outside, it is raw HTML shown verbatim.
    private static func textNodes(_ text: String, insideDetails: Bool, line: Int) -> [LayoutNode] {
        guard insideDetails else { return [.block(.htmlBlock(text, line: line))] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        let dedented = lines.map { $0.dropFirst(min(indent, $0.prefix { $0 == " " }.count)) }.joined(separator: "\n")
        return Markdown.parse(dedented).blocks.map { .block($0) }
    }

    /// The summary's content as inlines: tags dropped, then parsed as Markdown so that
    /// `**bold**` and `&amp;` read as they would on GitHub.
    private static func summaryInlines(_ html: String) -> [Inline] {
        var text = ""
        var inTag = false
        for character in html {
            switch character {
            case "<": inTag = true
            case ">" where inTag: inTag = false
            default: if !inTag { text.append(character) }
            }
        }
        let trimmed = text.trimmingWhitespace
        switch Markdown.parse(trimmed).blocks.first {
        case .paragraph(let inlines, _)?, .heading(_, let inlines, _)?: return inlines
        default: return trimmed.isEmpty ? [.text("Details")] : [.text(trimmed)]
        }
    }
}
