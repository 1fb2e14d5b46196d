/// ncurses colour pairs, allocated the first time a (foreground, background) combination is
/// drawn and remembered after. Pair 0 is the terminal's default colours.
struct ColorPairs {
    private var numbers: [Key: Int16] = [:]
    private var nextNumber: Int16 = 1
    /// `COLOR_PAIRS`; combinations beyond it fall back to pair 0.
    let limit: Int
    /// Whether −1 (the terminal's default colour) is allowed (`use_default_colors` succeeded);
    /// if not, it is replaced by white on black.
    let defaultColors: Bool

    private struct Key: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(limit: Int, defaultColors: Bool) {
        self.limit = min(limit, Int(Int16.max))
        self.defaultColors = defaultColors
    }

    /// The pair for these colours; `initPair(number, foreground, background)` is called once
    /// per new pair and returns false when ncurses refuses it.
    mutating func number(foreground: Int16, background: Int16, initPair: (Int16, Int16, Int16) -> Bool) -> Int16 {
        var key = Key(foreground: foreground, background: background)
        if !defaultColors {
            if key.foreground < 0 { key.foreground = 7 }
            if key.background < 0 { key.background = 0 }
        }
        if key.foreground < 0, key.background < 0 { return 0 }
        if let number = numbers[key] { return number }
        guard Int(nextNumber) < limit, initPair(nextNumber, key.foreground, key.background) else {
            numbers[key] = 0
            return 0
        }
        numbers[key] = nextNumber
        nextNumber += 1
        return numbers[key]!
    }
}
