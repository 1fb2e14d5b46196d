import Screen

/// How a canvas turns dots into characters.
public enum CanvasKind: String, Sendable, CaseIterable {
    /// Braille patterns: 2×4 dots a cell (U+2800–U+28FF).
    case braille
    /// Quadrant blocks: 2×2 dots a cell (▘▝▖▗ and their unions).
    case block
    /// Plain ASCII: 3×3 dots a cell, each cell drawn with the character whose shape is
    /// nearest (`-`, `|`, `/`, `\`, `_`, `'`, `.`, …).
    case ascii

    /// Dots across and down one cell.
    public var dotsPerCell: (across: Int, down: Int) {
        switch self {
        case .braille: return (2, 4)
        case .block: return (2, 2)
        case .ascii: return (3, 3)
        }
    }
}

/// A grid of dots over `columns`×`rows` cells, drawn in data-independent dot coordinates
/// (x from the left, y from the top). Each cell remembers the role of the last thing drawn in
/// it, so a curve drawn after another wins the cell's colour. One API for the three kinds.
public struct Canvas: Sendable {
    public let kind: CanvasKind
    public let columns: Int
    public let rows: Int
    /// One bit per dot of a cell, row-major within the cell (bit = y·across + x).
    private var dots: [UInt16]
    private var roles: [Role?]

    public init(kind: CanvasKind, columns: Int, rows: Int) {
        self.kind = kind
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        dots = Array(repeating: 0, count: self.columns * self.rows)
        roles = Array(repeating: nil, count: self.columns * self.rows)
    }

    public var width: Int { columns * kind.dotsPerCell.across }
    public var height: Int { rows * kind.dotsPerCell.down }

    /// Sets the dot at (`x`, `y`); dots off the canvas are ignored.
    public mutating func set(x: Int, y: Int, role: Role) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let (across, down) = kind.dotsPerCell
        let cell = (y / down) * columns + x / across
        dots[cell] |= 1 << ((y % down) * across + x % across)
        roles[cell] = role
    }

    /// Sets the dot under the point (`x`, `y`) in continuous dot coordinates (the canvas spans
    /// [0, width] × [0, height]); a point exactly on the far edge is in the last dot.
    public mutating func point(x: Double, y: Double, role: Role) {
        guard let (column, row) = dot(x, y) else { return }
        set(x: column, y: row, role: role)
    }

    /// Draws the segment between two points in continuous dot coordinates, clipped to the
    /// canvas; with `dashed`, dashes of `dash` dots and gaps as long.
    public mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), role: Role, dashed: Bool = false, dash: Int = 2) {
        guard let (p, q) = clip(a, b) else { return }
        let steps = Int(max(abs(q.x - p.x), abs(q.y - p.y)).rounded(.up))
        if steps == 0 {
            point(x: p.x, y: p.y, role: role)
            return
        }
        for step in 0...steps {
            if dashed && (step / max(1, dash)) % 2 == 1 { continue }
            let t = Double(step) / Double(steps)
            point(x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y), role: role)
        }
    }

    /// The character and role of a cell, or nil if nothing is drawn in it.
    public func cell(column: Int, row: Int) -> (glyph: String, role: Role)? {
        let index = row * columns + column
        guard let role = roles[index], dots[index] != 0 else { return nil }
        return (CanvasGlyphs.glyph(kind, dots[index]), role)
    }

    // MARK: - Private

    private func dot(_ x: Double, _ y: Double) -> (Int, Int)? {
        let w = Double(width), h = Double(height)
        let slack = 1e-9 * max(w, h)
        guard x.isFinite, y.isFinite, x >= -slack, y >= -slack, x <= w + slack, y <= h + slack else { return nil }
        return (min(width - 1, max(0, Int(x.rounded(.down)))), min(height - 1, max(0, Int(y.rounded(.down)))))
    }

    /// Liang–Barsky clipping of a segment to [0, width] × [0, height].
    private func clip(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> ((x: Double, y: Double), (x: Double, y: Double))? {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x), (dx, Double(width) - a.x), (-dy, a.y), (dy, Double(height) - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 > t1 { return nil }
            }
        }
        return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
    }
}
