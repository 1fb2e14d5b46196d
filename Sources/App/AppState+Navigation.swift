import Garden
import Markdown
import Screen

/// The commands that move around the panes.
extension AppState {
    /// Moves the focused pane's selection (the reading pane's cursor) by `delta`, clamped.
    mutating func move(by delta: Int) {
        switch focus {
        case .tree:
            let rows = topicRows
            guard !rows.isEmpty else { return }
            let index = clamped(selectedTopicRow, plus: delta, count: rows.count)
            selectTopic(rows[index].topicID)
        case .list:
            guard !list.noteIDs.isEmpty else { return }
            list.selected = clamped(list.selected, plus: delta, count: list.noteIDs.count)
            list.scroll = Scrolling.visible(list.selected, scroll: list.scroll, rows: visibleRows(.list), count: list.noteIDs.count)
            if let note = selectedNote { show(.note(note.id)) }
        case .reading:
            moveCursor(to: clamped(reading.cursor, plus: delta, count: reading.document.lines.count))
        case .calculator:
            selectParameter(by: max(-1000, min(1000, delta)))
        }
    }

    /// h / ←: in the tree, collapse the topic or go to its parent; elsewhere, back one pane
    /// (in the reading pane, first fold an open section whose header is under the cursor).
    mutating func collapseOrParent() {
        switch focus {
        case .tree:
            let id = tree.selected
            if tree.expanded.contains(id), !(garden?.topic(id)?.children.isEmpty ?? true) {
                tree.expanded.remove(id)
                keepSelectionsVisible()
            } else if let parent = garden?.topic(id)?.parent {
                selectTopic(parent)
            }
        case .list:
            setFocus(.tree)
        case .reading:
            if let fold = foldUnderCursor, !collapsed.contains(fold) {
                setFold(fold, collapsed: true)
            } else {
                setFocus(layout.isSingle || list.noteIDs.isEmpty ? .tree : .list)
            }
        case .calculator:
            setFocus(layout.panes[.reading] != nil || layout.isSingle ? .reading : list.noteIDs.isEmpty ? .tree : .list)
        }
    }

    /// l / →: in the tree, expand the topic or go to its first child (a leaf opens its papers);
    /// in the papers list, open the note; in the reading pane, unfold a folded section.
    mutating func expandOrChild() -> [Effect] {
        switch focus {
        case .tree:
            guard let topic = garden?.topic(tree.selected) else { return [] }
            if !topic.children.isEmpty, !tree.expanded.contains(topic.id) {
                tree.expanded.insert(topic.id)
            } else if let child = topic.children.first {
                selectTopic(child)
            } else if !list.noteIDs.isEmpty {
                setFocus(.list)
            }
        case .list:
            openSelectedNote()
        case .reading:
            if let fold = foldUnderCursor, collapsed.contains(fold) {
                setFold(fold, collapsed: false)
            } else if calculators.isOpen {
                setFocus(.calculator)
            }
        case .calculator:
            break
        }
        return []
    }

    /// Enter: a topic with sub-topics expands or collapses, any other topic opens its papers;
    /// a paper opens in the reading pane; in the reading pane, a section header folds or
    /// unfolds and a link is followed.
    mutating func open() -> [Effect] {
        switch focus {
        case .tree:
            guard let topic = garden?.topic(tree.selected) else { return [] }
            if !topic.children.isEmpty {
                if tree.expanded.contains(topic.id) { tree.expanded.remove(topic.id) } else { tree.expanded.insert(topic.id) }
                keepSelectionsVisible()
            } else if !list.noteIDs.isEmpty {
                setFocus(.list)
            }
        case .list:
            openSelectedNote()
        case .reading:
            if let fold = foldUnderCursor {
                setFold(fold, collapsed: !collapsed.contains(fold))
            } else if let source = reading.document.lines[safe: reading.cursor]?.embed {
                return openBlock(source)
            } else if reading.focusedLink != nil {
                return openFocusedLink()
            }
        case .calculator:
            editSelectedParameter()
        }
        return []
    }

    /// Tab / shift-Tab: the next pane in turn (the calculator only while one is open).
    mutating func cycleFocus(by step: Int) {
        let panes = Pane.allCases.filter { $0 != .calculator || calculators.isOpen }
        let index = panes.firstIndex(of: focus) ?? 0
        setFocus(panes[(index + step + panes.count) % panes.count])
    }

    /// Moves focus; entering the tree shows the topic's page, entering the list its note.
    mutating func setFocus(_ pane: Pane) {
        focus = pane
        switch pane {
        case .tree: show(.topic(tree.selected))
        case .list: if let note = selectedNote { show(.note(note.id)) }
        case .reading: calculators.inFront = false
        case .calculator: calculators.inFront = true
        }
    }

    mutating func openSelectedNote() {
        guard let note = selectedNote else { return }
        show(.note(note.id))
        focus = .reading
    }

    // MARK: - Selection

    /// Selects a topic in the tree (expanding its ancestors) and lists its papers. With
    /// `showingPage`, the reading pane shows the topic's page unless a note is being read.
    mutating func selectTopic(_ id: String, showingPage: Bool = true) {
        guard let garden, garden.topic(id) != nil else { return }
        var ancestor = garden.topic(id)?.parent
        while let parent = ancestor {
            tree.expanded.insert(parent)
            ancestor = garden.topic(parent)?.parent
        }
        let changed = tree.selected != id
        tree.selected = id
        tree.scroll = Scrolling.visible(selectedTopicRow, scroll: tree.scroll, rows: visibleRows(.tree), count: topicRows.count)
        if changed {
            list.selected = 0
            list.scroll = 0
        }
        refreshList()
        if showingPage, focus == .tree || changed && focus != .reading { show(.topic(id)) }
    }

    /// Recomputes the papers list for the selected topic and filter, keeping the selected
    /// note selected when it is still there.
    mutating func refreshList() {
        guard let garden else { return }
        let previous = list.noteIDs.indices.contains(list.selected) ? list.noteIDs[list.selected] : nil
        let all: [String]
        if let cached = subtreeNoteIDs[tree.selected] {
            all = cached
        } else {
            all = garden.noteIDs(in: tree.selected, recursive: true)
            subtreeNoteIDs[tree.selected] = all
        }
        list.noteIDs = filter.isActive ? all.filter { garden.note($0).map(filter.admits) ?? false } : all
        if let previous, let index = list.noteIDs.firstIndex(of: previous) { list.selected = index }
        list.selected = min(list.selected, max(0, list.noteIDs.count - 1))
        list.scroll = Scrolling.visible(list.selected, scroll: list.scroll, rows: visibleRows(.list), count: list.noteIDs.count)
    }

    /// Shows a note where it lives: its first topic selected in the tree, the note selected in
    /// the papers list (the filter is cleared if it hides the note), the note in the reading pane.
    mutating func reveal(_ noteID: String) {
        guard let garden, let note = garden.note(noteID) else { return }
        if let topicID = note.topics.first(where: { garden.topic($0) != nil }) {
            selectTopic(topicID, showingPage: false)
            if !list.noteIDs.contains(note.id), filter.isActive {
                filter = NoteFilter()
                refreshList()
            }
            if let index = list.noteIDs.firstIndex(of: note.id) {
                list.selected = index
                list.scroll = Scrolling.visible(index, scroll: list.scroll, rows: visibleRows(.list), count: list.noteIDs.count)
            }
        }
        show(.note(note.id))
    }

    func clamped(_ value: Int, plus delta: Int, count: Int) -> Int {
        let sum = delta > 0 ? (value > Int.max - delta ? Int.max : value + delta) : value + delta
        return min(max(0, sum), max(0, count - 1))
    }

    /// After a resize: the selections stay where they are and on screen.
    mutating func keepSelectionsVisible() {
        tree.scroll = Scrolling.visible(selectedTopicRow, scroll: tree.scroll, rows: visibleRows(.tree), count: topicRows.count)
        list.scroll = Scrolling.visible(list.selected, scroll: list.scroll, rows: visibleRows(.list), count: list.noteIDs.count)
        reading.scroll = Scrolling.visible(reading.cursor, scroll: reading.scroll, rows: visibleRows(.reading), count: reading.document.lines.count)
    }
}

/// Keeping a selected row inside a scrolled window.
enum Scrolling {
    /// The scroll offset that shows row `selected` of `count` in a window of `rows` rows,
    /// moving the window as little as possible from `scroll`, and never leaving blank rows
    /// below the last item (after a resize or a collapse, the window slides back up).
    static func visible(_ selected: Int, scroll: Int, rows: Int, count: Int) -> Int {
        let rows = max(1, rows)
        var scroll = max(0, scroll)
        if selected < scroll { scroll = max(0, selected) }
        if selected >= scroll + rows { scroll = selected - rows + 1 }
        return max(0, min(scroll, count - rows))
    }
}
