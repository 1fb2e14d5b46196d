/// Which `order:` values to write so that siblings shown in the garden's display order —
/// `order` ascending, then those without one by natural title, then by id (`GardenBuilder`)
/// — come out in a wanted order, touching as few files as possible.
///
/// Dynamic programming over the wanted order: each item either keeps its key or gets a new
/// one, the keys must increase along the wanted order, and for each position and number of
/// changed items only the smallest achievable key is kept (a smaller key never leaves fewer
/// choices for the items after it). A changed item takes the smallest value that still sorts
/// after its predecessor. Two rules are tried: "strict", where a changed value never equals a
/// neighbour's (so titles never decide between them), and "ties", where it may when the
/// titles already sort right; ties are used only when they save a file. The result is checked
/// by sorting; should it ever be wrong, every item is numbered 1, 2, 3… instead.
struct OrderPlan {
    struct Item: Sendable, Equatable {
        var order: Int?
        /// Lowercased, as the display order compares titles.
        var title: String
        var id: String
    }

    /// The items' display order (the loader's comparison).
    static func less(_ a: Item, _ b: Item) -> Bool {
        let (x, y) = (a.order ?? Int.max, b.order ?? Int.max)
        if x != y { return x < y }
        return NaturalOrder.less(a.title, a.id, b.title, b.id)
    }

    /// New values for the items of `wanted` that must change, by position in `wanted`: a
    /// number, or nil to remove the item's `order`. Sorting the items with these values gives
    /// exactly `wanted`.
    static func assignments(for wanted: [Item]) -> [Int: Int?] {
        let strict = plan(wanted, ties: false), tied = plan(wanted, ties: true)
        let best = [strict, tied].compactMap { $0 }.min { $0.count < $1.count }
        if let best, sorts(wanted, with: best) { return best }
        var numbered: [Int: Int?] = [:]
        for (index, item) in wanted.enumerated() where item.order != index + 1 { numbered[index] = index + 1 }
        return numbered
    }

    /// Whether the items with `values` sort into `wanted`.
    static func sorts(_ wanted: [Item], with values: [Int: Int?]) -> Bool {
        var items = wanted
        for (index, value) in values { items[index].order = value }
        return items.sorted(by: less).map(\.id) == wanted.map(\.id)
    }

    // MARK: The dynamic programme

    /// A sort key: an order value (`Int.max` for none) and the item whose title and id break
    /// ties, or nil for "after every title at this value" (a strict change).
    private struct Key {
        var order: Int
        var item: Int?
    }

    private struct Entry {
        var key: Key
        var kept: Bool
    }

    /// Lower than any value a file holds, so the first items can always change.
    private static let low = Int.min / 2

    private static func plan(_ wanted: [Item], ties: Bool) -> [Int: Int?]? {
        let n = wanted.count
        guard n > 0 else { return [:] }
        func less(_ a: Key, _ b: Key) -> Bool {
            if a.order != b.order { return a.order < b.order }
            guard let i = a.item else { return false }
            guard let j = b.item else { return true }
            return NaturalOrder.less(wanted[i].title, wanted[i].id, wanted[j].title, wanted[j].id)
        }
        /// The smallest key item `i` can be given after `previous`, if any.
        func changed(_ i: Int, after previous: Key?) -> Key? {
            guard let previous else { return Key(order: low, item: ties ? i : nil) }
            if previous.order == Int.max {
                // After an item without `order`, only removing this one's can help.
                let key = Key(order: Int.max, item: i)
                return wanted[i].order != nil && less(previous, key) ? key : nil
            }
            guard previous.order < Int.max - 1 else { return nil }
            if ties, previous.item != nil, less(previous, Key(order: previous.order, item: i)) {
                return Key(order: previous.order, item: i)
            }
            return Key(order: previous.order + 1, item: ties ? i : nil)
        }
        // best[i][c]: the smallest key of item i with c items changed among 0...i.
        var best = [[Entry?]](repeating: [Entry?](repeating: nil, count: n + 1), count: n)
        for i in 0..<n {
            let keep = Key(order: wanted[i].order ?? Int.max, item: i)
            for c in 0...(i + 1) {
                var entry: Entry?
                // Kept: c items changed before it.
                if c <= i {
                    if i == 0 {
                        entry = Entry(key: keep, kept: true)
                    } else if let before = best[i - 1][c], less(before.key, keep) {
                        entry = Entry(key: keep, kept: true)
                    }
                }
                // Changed: c - 1 items changed before it. `previous` is nil when there is no
                // such state, `.some(nil)` when this is the first item.
                if c >= 1 {
                    var previous: Key??
                    if i == 0 {
                        previous = .some(nil)
                    } else if let before = best[i - 1][c - 1] {
                        previous = .some(before.key)
                    }
                    if let previous, let key = changed(i, after: previous), entry.map({ less(key, $0.key) }) ?? true {
                        entry = Entry(key: key, kept: false)
                    }
                }
                best[i][c] = entry
            }
        }
        guard var c = best[n - 1].firstIndex(where: { $0 != nil }) else { return nil }
        var keys: [Key?] = Array(repeating: nil, count: n)  // nil: kept
        for i in stride(from: n - 1, through: 0, by: -1) {
            let entry = best[i][c]!
            if !entry.kept {
                keys[i] = entry.key
                c -= 1
            }
        }
        // The leading changed items were placed from "−∞": give them the values just below
        // the first kept item's (or 1, 2, … when it has none).
        let leading = keys.prefix { $0 != nil }.count
        var values: [Int: Int?] = [:]
        for (i, key) in keys.enumerated() {
            guard let key else { continue }
            var value: Int? = key.order == Int.max ? nil : key.order
            if i < leading {
                if leading < n, let next = wanted[leading].order {
                    guard next > low + leading else { return nil }
                    value = next - leading + i
                } else {
                    value = i + 1
                }
            }
            if value != wanted[i].order { values[i] = value }
        }
        return values
    }
}
