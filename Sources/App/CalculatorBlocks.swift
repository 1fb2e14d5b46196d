import Calculators
import Markdown
import Plot
import Screen

/// Which block result a note shows: the block's source at a width (a figure is drawn for the
/// width it is shown at).
public struct BlockKey: Hashable, Sendable {
    public var source: String
    public var width: Int
    public var ascii: Bool
}

/// The results of the calculator blocks seen so far (the latest width of each), and those the
/// layout is waiting for.
public struct BlockCache: Sendable {
    /// Per block source: its result at one width (a new width replaces it, so resizing never
    /// piles results up).
    var outputs: [String: (key: BlockKey, output: CalculatorOutput)] = [:]
    /// Per block source: the key last asked for (asked again when the width changes).
    var requested: [String: BlockKey] = [:]
    /// Blocks laid out without a result since the last effects were handed out.
    var wanted: [BlockKey: CalculatorRequest] = [:]

    func output(_ key: BlockKey) -> CalculatorOutput? {
        outputs[key.source].flatMap { $0.key == key ? $0.output : nil }
    }
}

/// Draws calculator blocks (```trellis fences, see `CalculatorBlock`) in the reading pane: the
/// result table of a `calc` command or the figure of a `plot` command, sized to the pane, every
/// line tagged with the block's source so that Enter opens its calculator.
enum CalculatorBlocks {
    /// Rows a block's figure takes: one panel, or two stacked.
    static func figureHeight(_ block: CalculatorBlock) -> Int {
        block.settings.kind == .meanField || (block.settings.kind == .kernel && block.settings.name("kind") == "both") ? 24 : 16
    }

    static func request(_ block: CalculatorBlock, width: Int, ascii: Bool) -> CalculatorRequest {
        CalculatorRequest(
            settings: block.settings, figureSize: block.showsFigure ? Size(width: width, height: figureHeight(block)) : Size(width: 0, height: 0),
            window: block.window, part: block.showsFigure ? .everything : .numbers, ascii: ascii)
    }

    /// An `EmbedRenderer` drawing blocks from `cache`; blocks it has no result for are drawn as
    /// waiting and their requests collected in `wanted`.
    static func renderer(_ cache: BlockCache, glyphs: Glyphs, wanted: Wanted) -> EmbedRenderer {
        { info, literal, width in
            guard CalculatorBlock.isBlock(info: info) else { return nil }
            let source = literal.trimmingCharacters(in: .whitespacesAndNewlines)
            let key = BlockKey(source: source, width: width, ascii: glyphs == .ascii)
            switch CalculatorBlock.parse(source) {
            case .failure(let problem):
                return tagged([
                    StyledLine([Span("trellis block: ", Style(.error, bold: true)), Span(problem.message, Style(.error))]),
                    StyledLine("  " + source, Style(.code)),
                ], source: source, width: width)
            case .success(let block):
                let header = StyledLine([Span(source, Style(.code)), Span("  (Enter opens the pane)", Style(.muted))])
                guard let output = cache.output(key) else {
                    wanted.requests[key] = request(block, width: width, ascii: glyphs == .ascii)
                    // As tall as the result will be, so the text around does not move when it comes.
                    let height = block.showsFigure ? figureHeight(block) : CalculatorView.resultRows(block.settings.kind)
                    let waiting = [StyledLine("computing…", Style(.muted))] + Array(repeating: StyledLine(), count: max(0, height - 1))
                    return tagged([header] + waiting, source: source, width: width)
                }
                return tagged([header] + lines(block, output, width: width, glyphs: glyphs), source: source, width: width)
            }
        }
    }

    /// Collects what a layout found missing (a class: the renderer is a closure called during
    /// layout).
    final class Wanted {
        var requests: [BlockKey: CalculatorRequest] = [:]
    }

    /// The table or the figure.
    static func lines(_ block: CalculatorBlock, _ output: CalculatorOutput, width: Int, glyphs: Glyphs) -> [StyledLine] {
        if block.showsFigure, let figure = output.figure {
            var figure = figure
            if block.settings.kind == .phase, !figure.plots.isEmpty {
                figure.plots[0].markers = [Marker(Point(block.settings.number("sw2"), block.settings.number("sb2")))]
            }
            let size = Size(width: width, height: figureHeight(block))
            return figure.render(size: size, options: PlotOptions(ascii: glyphs == .ascii, heatStyle: .shaded)).styledLines
        }
        // The meanings only where they fit beside the numbers (a narrow pane shows the numbers).
        let meanings = width >= CalculatorView.nameWidth + CalculatorView.valueWidth + 34
        return output.rows.map { row in
            StyledLine([Span(CalculatorView.padded(row.name, CalculatorView.nameWidth), Style(.code)),
                        Span(meanings ? CalculatorView.padded(row.value, CalculatorView.valueWidth) : row.value)]
                       + (meanings ? [Span(row.meaning, Style(.muted))] : []))
        }
    }

    /// Lines cut to `width` (a table's meanings may be longer), each tagged with the source.
    static func tagged(_ lines: [StyledLine], source: String, width: Int) -> [RenderedLine] {
        lines.flatMap { line -> [RenderedLine] in
            TextWrap.wrap(line.spans, width: width, indent: [Span("         ")]).map { RenderedLine($0, embed: source) }
        }
    }
}

extension AppState {
    /// Requests for the blocks the last layouts were waiting for, each once.
    mutating func requestWantedBlocks() -> [Effect] {
        let fresh = blocks.wanted.filter { blocks.requested[$0.key.source] != $0.key }
        blocks.wanted = [:]
        guard !fresh.isEmpty else { return [] }
        for key in fresh.keys { blocks.requested[key.source] = key }
        return fresh.sorted { $0.key.source < $1.key.source }.map { .calculateBlock($0.key, $0.value) }
    }

    /// A block's result came back: kept (if it is still the one wanted), and the note laid out
    /// again to show it.
    mutating func receiveBlock(_ key: BlockKey, _ output: CalculatorOutput) {
        guard blocks.requested[key.source] == key else { return }
        blocks.outputs[key.source] = (key, output)
        relayoutReading()
    }

    /// Enter on a block: its calculator opens with the block's values.
    mutating func openBlock(_ source: String) -> [Effect] {
        switch CalculatorBlock.parse(source) {
        case .failure(let problem):
            status = StatusMessage(problem.message, isError: true)
            return []
        case .success(let block):
            return openCalculator(block.settings, window: block.window)
        }
    }
}
