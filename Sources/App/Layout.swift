import Screen

/// Where each pane goes for a screen size. The view draws with it and the update uses it for
/// page sizes, the reading width and mouse clicks, so both always agree.
///
/// - 100 columns or more: topics | papers | reading, side by side.
/// - 60–99 columns: topics above papers on the left, reading on the right.
/// - 40–59 columns: one pane at a time (the focused one); Tab switches.
/// - below 40×12: a "terminal too small" message.
/// With a calculator open, see `withCalculator`.
public struct Layout: Equatable, Sendable {
    public static let minimumSize = Size(width: 40, height: 12)

    /// Each visible pane's area, its title row included.
    public var panes: [Pane: Rect]
    /// Vertical separators between panes (one column each).
    public var separators: [Rect]
    public var statusBar: Rect
    public var isTooSmall: Bool
    /// True when only the focused pane is shown.
    public var isSingle: Bool

    public static func of(_ size: Size, focus: Pane, calculators: CalculatorDeck = CalculatorDeck()) -> Layout {
        let statusBar = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            return Layout(panes: [:], separators: [], statusBar: statusBar, isTooSmall: true, isSingle: true)
        }
        let area = Rect(x: 0, y: 0, width: size.width, height: size.height - 1)
        let single = Layout(panes: [focus: area], separators: [], statusBar: statusBar, isTooSmall: false, isSingle: true)
        if calculators.isOpen {
            return withCalculator(area, statusBar: statusBar, focus: focus, calculators: calculators) ?? single
        }
        if size.width >= 100 {
            let treeWidth = min(40, max(26, size.width * 28 / 100))
            let listWidth = min(46, max(28, size.width * 30 / 100))
            let (tree, rest) = area.splitLeft(treeWidth)
            let (firstSeparator, afterTree) = rest.splitLeft(1)
            let (list, rest2) = afterTree.splitLeft(listWidth)
            let (secondSeparator, reading) = rest2.splitLeft(1)
            return Layout(panes: [.tree: tree, .list: list, .reading: reading],
                          separators: [firstSeparator, secondSeparator], statusBar: statusBar,
                          isTooSmall: false, isSingle: false)
        }
        if size.width >= 60 {
            let leftWidth = min(38, max(26, size.width * 40 / 100))
            let (left, rest) = area.splitLeft(leftWidth)
            let (separator, reading) = rest.splitLeft(1)
            let (tree, list) = left.splitTop(left.height / 2)
            return Layout(panes: [.tree: tree, .list: list, .reading: reading], separators: [separator],
                          statusBar: statusBar, isTooSmall: false, isSingle: false)
        }
        return single
    }

    /// With a calculator open:
    /// - maximised, or below 60 columns: one pane at a time (nil here);
    /// - 120 columns or more: topics above papers on the left, then the note, then the
    ///   calculator beside it;
    /// - 60–119 columns: topics above papers on the left, and on the right the calculator in
    ///   the note's place (the note when it has the focus or was visited last).
    private static func withCalculator(_ area: Rect, statusBar: Rect, focus: Pane, calculators: CalculatorDeck) -> Layout? {
        guard !calculators.maximised, area.width >= 60 else { return nil }
        let leftWidth = area.width >= 120 ? min(36, max(24, area.width * 22 / 100)) : min(34, max(24, area.width * 34 / 100))
        let (left, rest) = area.splitLeft(leftWidth)
        let (separator, right) = rest.splitLeft(1)
        let (tree, list) = left.splitTop(left.height / 2)
        if area.width >= 120 {
            let (reading, rest2) = right.splitLeft(right.width * 45 / 100)
            let (secondSeparator, calculator) = rest2.splitLeft(1)
            return Layout(panes: [.tree: tree, .list: list, .reading: reading, .calculator: calculator],
                          separators: [separator, secondSeparator], statusBar: statusBar, isTooSmall: false, isSingle: false)
        }
        let front: Pane = focus == .reading || (focus != .calculator && !calculators.inFront) ? .reading : .calculator
        return Layout(panes: [.tree: tree, .list: list, front: right], separators: [separator],
                      statusBar: statusBar, isTooSmall: false, isSingle: false)
    }

    /// The rows under a pane's title, where its items are drawn.
    public func content(_ pane: Pane) -> Rect? {
        panes[pane].map { $0.splitTop(1).rest }
    }

    /// The reading pane's text area: its content less a one-column margin on each side.
    public func readingText(_ pane: Rect) -> Rect {
        let content = pane.splitTop(1).rest
        return Rect(x: content.x + 1, y: content.y, width: content.width - 2, height: content.height)
    }

    /// The pane at a screen position.
    public func pane(atX x: Int, y: Int) -> Pane? {
        panes.first { $0.value.contains(x: x, y: y) }?.key
    }
}

extension AppState {
    public var layout: Layout { Layout.of(size, focus: focus, calculators: calculators) }

    /// Rows of items a pane shows (at least 1, so paging always moves).
    func visibleRows(_ pane: Pane) -> Int {
        let layout = Layout.of(size, focus: pane, calculators: calculators)
        return max(1, layout.content(pane)?.height ?? 1)
    }

    /// The width the reading pane lays text out for.
    var readingWidth: Int {
        let layout = Layout.of(size, focus: .reading, calculators: calculators)
        guard let pane = layout.panes[.reading] else { return 20 }
        return max(10, layout.readingText(pane).width)
    }
}
