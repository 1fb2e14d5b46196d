import Calculators
import Plot
import Screen

/// Draws the visible calculator: its parameters (the selected one marked), its results and its
/// figure, in that order down the pane. Pure, like the rest of the view.
enum CalculatorView {
    /// Columns of the name and value columns in the parameter and result rows.
    static let nameWidth = 9
    static let valueWidth = 20
    /// A figure needs this many rows to be worth drawing.
    static let smallestFigure = 6

    /// The pane's tab line: every open calculator, the visible one marked, and a progress mark
    /// while its numbers are being computed.
    static func tabLine(_ deck: CalculatorDeck, focused: Bool, glyphs: Glyphs, width: Int = .max) -> StyledLine {
        let full = allTabs(deck, focused: focused, glyphs: glyphs)
        guard full.width > width, let pane = deck.current else { return full }
        // Too narrow for every tab: the visible one, where it is among them, and ] [ to move.
        var spans = [Span(" "), Span(pane.kind.title, Style(.title, bold: focused, underline: true)),
                     Span(" \(deck.visible + 1)/\(deck.panes.count)", Style(.muted))]
        if pane.isComputing { spans.append(Span(glyphs == .ascii ? " *" : " ⟳", Style(.warning))) }
        if deck.panes.count > 1 { spans.append(Span("  ] [ switch", Style(.muted))) }
        return StyledLine(spans)
    }

    private static func allTabs(_ deck: CalculatorDeck, focused: Bool, glyphs: Glyphs) -> StyledLine {
        var spans: [Span] = [Span(" ")]
        for (index, pane) in deck.panes.enumerated() {
            if index > 0 { spans.append(Span(" \(glyphs.vertical) ", Style(.muted))) }
            let shown = index == deck.visible
            spans.append(Span(pane.kind.title, Style(shown ? .title : .muted, bold: shown && focused, underline: shown)))
            if pane.isComputing { spans.append(Span(glyphs == .ascii ? " *" : " ⟳", Style(.warning))) }
        }
        if deck.maximised { spans.append(Span("  (z restores)", Style(.muted))) }
        return StyledLine(spans)
    }

    /// Where the figure goes inside the pane's content (below the parameter and result rows),
    /// or nil when the pane is too short for one.
    static func figureRect(_ pane: CalculatorPane, in content: Rect) -> Rect? {
        let top = textRows(pane).count + 1
        let height = content.height - top
        guard height >= smallestFigure, content.width >= 24 else { return nil }
        return Rect(x: content.x, y: content.y + top, width: content.width, height: height)
    }

    /// The parameter rows, a blank, the result rows: one line each.
    static func textRows(_ pane: CalculatorPane) -> [Row] {
        var rows: [Row] = pane.settings.shownParameters.enumerated().map { index, spec in
            var value = pane.settings[spec.key].map(String.init(describing:)) ?? ""
            if spec.key == "quantity" { value = ["chi1": "χ₁", "xi_c": "ξ_c", "qstar": "q*"][value] ?? value }
            if spec.key == "phi", let alpha = pane.settings.alpha { value += " (α = \(NumberFormat.parameter(alpha)))" }
            var hint = spec.meaning
            if case .real = spec.domain { hint += ", step \(NumberFormat.parameter(pane.step(spec)))" }
            return Row(name: spec.label, value: value, meaning: hint, parameter: index)
        }
        if pane.kind == .phase {
            let w = pane.window
            rows.append(Row(name: "window", value: "σw² \(short(w.sw2.lowerBound))–\(short(w.sw2.upperBound))",
                            meaning: "σb² \(short(w.sb2.lowerBound))–\(short(w.sb2.upperBound)); +/- zoom, arrows move", parameter: nil))
        }
        rows.append(Row(name: "", value: "", meaning: "", parameter: nil))
        let results = pane.rows.isEmpty ? [MeanFieldReport.Row(name: "", value: "computing…", meaning: "")] : pane.rows
        rows += results.prefix(resultRows(pane.kind)).map { Row(name: $0.name, value: $0.value, meaning: $0.meaning, parameter: nil, isResult: true) }
        // A fixed number of result rows, so the figure below keeps its size (and its grid)
        // whatever the results say.
        while rows.count < pane.settings.shownParameters.count + (pane.kind == .phase ? 2 : 1) + resultRows(pane.kind) {
            rows.append(Row(name: "", value: "", meaning: "", parameter: nil))
        }
        return rows
    }

    /// The most result rows a kind shows (the mean field's flags row included).
    static func resultRows(_ kind: CalculatorKind) -> Int {
        switch kind {
        case .meanField: return 11
        case .phase, .kernel, .spectrum: return 4
        case .eigenlearning: return 3
        }
    }

    struct Row {
        var name: String
        var value: String
        var meaning: String
        var parameter: Int?
        var isResult = false
    }

    static func short(_ value: Double) -> String { String(format: "%.4g", value) }

    static func draw(_ state: AppState, in content: Rect, into buffer: inout ScreenBuffer) {
        guard let pane = state.calculators.current else { return }
        let focused = state.focus == .calculator
        let stale = pane.rowsGeneration < pane.generation
        for (offset, row) in textRows(pane).enumerated() where offset < content.height {
            let y = content.y + offset
            let selected = row.parameter == pane.selected
            let base = selectionStyle(selected: selected, focused: focused)
            if selected { buffer.fill(Rect(x: content.x, y: y, width: content.width, height: 1), style: base) }
            var x = content.x
            let marker = selected ? (state.glyphs == .ascii ? ">" : "▸") : " "
            x += buffer.write(marker + " ", x: x, y: y, style: base, limit: content.maxX - x)
            x += buffer.write(padded(row.name, nameWidth), x: x, y: y, style: selected ? base : Style(row.isResult ? .code : .text), limit: max(0, content.maxX - x))
            let valueStyle = selected ? base : Style(row.isResult && stale ? .muted : .text, bold: row.isResult && row.name == "phase")
            x += write(padded(row.value, valueWidth), x: x, y: y, style: valueStyle, room: max(0, content.maxX - x), ellipsis: state.glyphs.ellipsis, into: &buffer)
            if x < content.maxX - 4 {
                write(row.meaning, x: x, y: y, style: selected ? base : Style(.muted), room: content.maxX - x, ellipsis: state.glyphs.ellipsis, into: &buffer)
            }
        }
        guard let rect = figureRect(pane, in: content) else {
            let used = textRows(pane).count + 1
            if content.height > used {
                let hint = state.calculators.maximised ? "(no room for the plot: a taller terminal shows it)" : "(no room for the plot here: z maximises the pane)"
                write(hint, x: content.x + 2, y: content.y + used, style: Style(.muted), room: content.width - 2, ellipsis: state.glyphs.ellipsis, into: &buffer)
            }
            return
        }
        guard var figure = pane.figure else {
            buffer.write(" computing the figure…", x: rect.x, y: rect.y + rect.height / 2, style: Style(.muted), limit: rect.width)
            return
        }
        let options = PlotOptions(ascii: state.glyphs == .ascii, heatStyle: .shaded)
        if pane.kind == .phase, !figure.plots.isEmpty {
            // The point where it is now, drawn at once; its numbers are in the rows above.
            figure.plots[0].markers = [Marker(Point(pane.settings.number("sw2"), pane.settings.number("sb2")))]
        }
        let size = Size(width: rect.width, height: rect.height)
        // Panels that do not all fit: the first alone rather than none.
        if figure.plots.count > 1, !zip(figure.plots, figure.sizes(size)).allSatisfy({ $0.layout(for: $1, options: options) != nil }) {
            figure = PlotStack([figure.plots[0]])
        }
        let drawing = figure.render(size: size, options: options)
        buffer.paste(drawing, x: rect.x, y: rect.y)
    }

    /// `text` padded with spaces to `width` columns (one space after it at least).
    static func padded(_ text: String, _ width: Int) -> String {
        let shown = DisplayWidth.of(text)
        return shown >= width ? text + " " : text + String(repeating: " ", count: width - shown)
    }
}
