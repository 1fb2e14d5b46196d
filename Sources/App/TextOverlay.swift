import Screen

/// A scrollable text over the screen: a diff (the conflict's `d`, `:diff`) or a command's
/// output. Lines starting `+` and `-` are coloured as a diff's.
public struct TextViewState: Sendable, Equatable {
    public var title: String
    public var lines: [String]
    public var scroll = 0

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }
}

enum TextOverlay {
    static func handle(_ key: Key, _ view: TextViewState, _ state: inout AppState) -> [Effect] {
        var view = view
        let frame = HelpOverlay.frame(in: state.size)
        let rows = max(1, frame.height - 2)
        let maxScroll = max(0, wrapped(view.lines, width: frame.width - 2).count - rows)
        switch state.keymap.command(for: key) {
        case .close?, .quit?:
            state.overlay = nil
            return []
        case .moveDown?: view.scroll += 1
        case .moveUp?: view.scroll -= 1
        case .halfPageDown?: view.scroll += rows / 2
        case .halfPageUp?: view.scroll -= rows / 2
        case .top?: view.scroll = 0
        case .bottom?: view.scroll = maxScroll
        default: break
        }
        view.scroll = max(0, min(maxScroll, view.scroll))
        state.overlay = .text(view)
        return []
    }

    static func draw(_ state: AppState, _ view: TextViewState, into buffer: inout ScreenBuffer) {
        let frame = HelpOverlay.frame(in: buffer.size)
        let inside = drawBox(frame, title: view.title, glyphs: state.glyphs, into: &buffer)
        for (offset, row) in wrapped(view.lines, width: inside.width).dropFirst(view.scroll).prefix(inside.height).enumerated() {
            let line = row.line
            let role: Role = line.hasPrefix("+") ? .read : line.hasPrefix("-") ? .error : line.hasPrefix("@@") ? .muted : .overlay
            buffer.write(row.text, x: inside.x, y: inside.y + offset, style: Style(role), limit: inside.width)
        }
    }

    /// The lines cut into rows of `width` columns (a long diff line is read whole, so a change
    /// at its end shows); each row keeps its line for the colour.
    static func wrapped(_ lines: [String], width: Int) -> [(line: String, text: String)] {
        guard width > 1 else { return lines.map { ($0, $0) } }
        var rows: [(String, String)] = []
        for line in lines {
            var row = "", used = 0
            for character in line {
                let cells = max(0, DisplayWidth.of(character))
                if used + cells > width, !row.isEmpty {
                    rows.append((line, row))
                    row = " "  // continuation rows are indented by one
                    used = 1
                }
                row.append(character)
                used += cells
            }
            rows.append((line, row))
        }
        return rows
    }
}

/// A line diff in the unified style (`-` the old line, `+` the new, a space for context, `@@`
/// before each run of changes), from Swift's own difference of the two line lists.
enum LineDiff {
    static func unified(from old: String, to new: String, context: Int = 2) -> [String] {
        let a = old.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        let b = new.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        let difference = b.difference(from: a)
        guard !difference.isEmpty else { return ["(no difference)"] }
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both lists together: a removed line of `a`, an inserted line of `b`, else a
        // line both share.
        var rows: [(mark: Character, text: String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) { rows.append(("-", a[i])); i += 1 }
            else if j < b.count, inserted.contains(j) { rows.append(("+", b[j])); j += 1 }
            else { rows.append((" ", j < b.count ? b[j] : a[i])); i += 1; j += 1 }
        }
        // Only the changes and `context` lines around each.
        let changed = rows.indices.filter { rows[$0].mark != " " }
        var keep = Set<Int>()
        for index in changed { for k in max(0, index - context)...min(rows.count - 1, index + context) { keep.insert(k) } }
        var lines: [String] = []
        var previous = -2
        for index in keep.sorted() {
            if index != previous + 1 { lines.append("@@ line \(oldLine(rows, before: index) + 1) @@") }
            lines.append(String(rows[index].mark) + rows[index].text)
            previous = index
        }
        return lines
    }

    /// The old file's line number at a row.
    private static func oldLine(_ rows: [(mark: Character, text: String)], before index: Int) -> Int {
        rows[..<index].filter { $0.mark != "+" }.count
    }
}
