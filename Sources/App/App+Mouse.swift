import Screen

extension App {
    /// A click focuses the pane under the pointer and selects the row clicked (a click on the
    /// selected row opens it); the wheel moves that pane by three rows. With an overlay open, a
    /// click outside it closes it.
    static func handle(_ event: MouseEvent, _ state: inout AppState) -> [Effect] {
        guard state.garden != nil else { return [] }
        if state.overlay != nil {
            if event.kind == .press { state.overlay = nil }
            return []
        }
        let layout = state.layout
        guard let pane = layout.pane(atX: event.x, y: event.y), let content = layout.content(pane) else { return [] }
        switch event.kind {
        case .wheelUp, .wheelDown:
            let focus = state.focus
            state.focus = pane
            state.move(by: event.kind == .wheelDown ? 3 : -3)
            state.focus = focus
            return []
        case .press:
            guard event.y >= content.y else {
                state.setFocus(pane)
                return []
            }
            let row = event.y - content.y
            switch pane {
            case .tree:
                let rows = state.topicRows
                let index = state.tree.scroll + row
                state.setFocus(.tree)
                guard rows.indices.contains(index) else { return [] }
                if rows[index].topicID == state.tree.selected { return state.open() }
                state.selectTopic(rows[index].topicID)
            case .list:
                let index = state.list.scroll + row
                guard state.list.noteIDs.indices.contains(index) else {
                    state.setFocus(.list)
                    return []
                }
                let wasSelected = state.focus == .list && index == state.list.selected
                state.focus = .list
                state.move(by: index - state.list.selected)
                if wasSelected { state.openSelectedNote() }
            case .reading:
                state.focus = .reading
                let line = state.reading.scroll + row
                guard state.reading.document.lines.indices.contains(line) else { return [] }
                let wasCursor = line == state.reading.cursor
                state.moveCursor(to: line)
                if wasCursor { return state.open() }
            case .calculator:
                // A click on a parameter row selects it.
                state.setFocus(.calculator)
                if let pane = state.calculators.current, row < pane.settings.shownParameters.count {
                    state.calculators.panes[state.calculators.visible].selected = row
                }
            }
            return []
        }
    }
}
