import Screen

extension Plot {
    /// The legend: one entry per named series, labelled reference line, marker with a legend
    /// text and heat-map category, each a sample in the entry's style and its text; then the
    /// notes, one line each.
    func legendItems(_ options: PlotOptions) -> (entries: [StyledLine], notes: [StyledLine]) {
        let ascii = options.ascii
        var entries: [StyledLine] = []
        for (series, role) in zip(series, seriesRoles) where !series.name.isEmpty {
            let sample: String
            switch series.style {
            case .line: sample = ascii ? "--" : "──"
            case .points: sample = ascii ? "o" : "•"
            case .markers(let glyph): sample = glyph.text(ascii: ascii)
            }
            entries.append(Self.entry(sample, Style(role), series.name.text(ascii: ascii)))
        }
        for line in referenceLines where !line.label.isEmpty {
            entries.append(Self.entry(ascii ? ".." : "┄┄", Style(line.role), line.label.text(ascii: ascii)))
        }
        for marker in markers where !marker.legend.isEmpty {
            entries.append(Self.entry(marker.glyph.text(ascii: ascii), Style(marker.role), marker.legend.text(ascii: ascii)))
        }
        if let heatMap, case .categories(let names) = heatMap.scale {
            let levels = HeatMap.levels(options.heatStyle, ascii: ascii)
            for (index, name) in names.enumerated() {
                let level = ColorRamp.categoryLevel(index, of: names.count, levels: levels)
                let swatch = PlotPainter.swatch(level: level, levels: levels, options: options)
                entries.append(StyledLine([Span(swatch.text, swatch.style), Span(" " + name.text(ascii: ascii))]))
            }
        }
        let notes = notes.map { StyledLine($0.text(ascii: ascii), Style(.muted)) }
        return (entries, notes)
    }

    private static func entry(_ sample: String, _ style: Style, _ text: String) -> StyledLine {
        StyledLine([Span(sample, style), Span(" " + text)])
    }

    /// Entries flowed into lines of `width` columns after `indent`, three spaces apart; an
    /// entry wider than a line gets a line of its own (and is cut when drawn). Notes follow,
    /// each starting a line and wrapped at spaces.
    static func flow(_ entries: [StyledLine], notes: [StyledLine], width: Int, indent: Int) -> [StyledLine] {
        let room = max(1, width - indent)
        var lines: [StyledLine] = []
        var current = StyledLine()
        for entry in entries {
            if current.spans.isEmpty {
                current = entry
            } else if current.width + 3 + entry.width <= room {
                current.spans += [Span("   ")] + entry.spans
            } else {
                lines.append(current)
                current = entry
            }
        }
        if !current.spans.isEmpty { lines.append(current) }
        for note in notes {
            let style = note.spans.first?.style ?? Style(.muted)
            lines += wrapped(note.text, width: room).map { StyledLine($0, style) }
        }
        return lines
    }

    /// `line` with an ellipsis at its end, cut to make room within `width` columns.
    static func endingInEllipsis(_ line: StyledLine, width: Int, ascii: Bool) -> StyledLine {
        let ellipsis = ascii ? "..." : "…"
        var spans: [Span] = []
        var used = 0
        let room = width - DisplayWidth.of(ellipsis) - 1
        for span in line.spans {
            guard used < room else { break }
            var text = ""
            for character in span.text {
                let next = DisplayWidth.of(character)
                if used + next > room { break }
                text.append(character)
                used += next
            }
            spans.append(Span(text, span.style))
        }
        guard width > DisplayWidth.of(ellipsis) else { return line }
        return StyledLine(spans + [Span(" " + ellipsis, Style(.muted))])
    }

    /// `text` in lines of at most `width` columns, broken at spaces (a word longer than a line
    /// is cut where the line ends).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= width || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = word
            }
        }
        lines.append(line)
        return lines
    }
}
