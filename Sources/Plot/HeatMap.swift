import Foundation
import Screen

/// Values on a grid of (x, y), drawn as coloured or shaded cells under everything else.
/// `values[i][j]` is the value at (`x[j]`, `y[i]`); each cell shows the grid point nearest its
/// centre, so a grid computed at `PlotLayout.heatSamples` is shown point for point. NaN and ±∞
/// leave a cell blank.
public struct HeatMap: Sendable, Equatable {
    /// The grid's coordinates, ascending (the initialiser sorts a grid given in another order,
    /// its values with it).
    public private(set) var x: [Double]
    public private(set) var y: [Double]
    public private(set) var values: [[Double]]
    public var scale: ColorScale

    public init(x: [Double], y: [Double], values: [[Double]], scale: ColorScale) {
        let columns = x.indices.sorted { x[$0] < x[$1] }, rows = y.indices.sorted { y[$0] < y[$1] }
        self.x = columns.map { x[$0] }
        self.y = rows.map { y[$0] }
        self.values = rows.map { i in i < values.count ? columns.map { j in j < values[i].count ? values[i][j] : .nan } : [] }
        self.scale = scale
    }
}

/// How heat-map values become colour steps.
public enum ColorScale: Sendable, Equatable {
    /// Numbers, low to high, on a linear or log scale, over a given range or the data's own;
    /// the plot draws a labelled colour bar with the title.
    case continuous(title: PlotText, scale: AxisScale, range: ClosedRange<Double>?)
    /// Categories: the value i (0, 1, …) is `names[i]`; the legend shows one swatch each.
    case categories([PlotText])
}

/// How heat-map cells are drawn.
public enum HeatStyle: String, Sendable {
    /// Colour alone: each cell filled with its step's colour, two values a cell (upper and
    /// lower half) with Unicode. For 256-colour terminals.
    case solid
    /// Shading characters (`·░▒▓█`, or `.:-=+*#%@` in ASCII) that carry the value without
    /// colour, coloured as well when the terminal has colours. None is a blank, so a cell
    /// with no value (NaN, ∞) stays distinct from the lowest step.
    case shaded
}

extension HeatMap {
    /// The characters of a shaded ramp, lightest first.
    static func shades(ascii: Bool) -> [String] {
        ascii ? [".", ":", "-", "=", "+", "*", "#", "%", "@"] : ["·", "░", "▒", "▓", "█"]
    }

    /// The number of steps a heat map is drawn with.
    static func levels(_ style: HeatStyle, ascii: Bool) -> Int {
        style == .solid ? 10 : shades(ascii: ascii).count
    }

    /// The value at the grid point nearest (x, y), measured on the axes' scales, or NaN when
    /// no grid point is that near. A grid point reaches half-way to its neighbours, and always
    /// fills the sample cell it lies in (`cell`, on each axis's scale), so a grid with one row
    /// still shows as a row and a sparse grid is not smeared over the whole window.
    func value(nearest px: Double, _ py: Double, xScale: AxisScale, yScale: AxisScale,
               cell: (x: Range<Double>, y: Range<Double>)) -> Double {
        guard let i = Self.nearest(py, in: y, yScale, cell: cell.y), let j = Self.nearest(px, in: x, xScale, cell: cell.x),
              i < values.count, j < values[i].count else { return .nan }
        return values[i][j]
    }

    /// The index of the grid coordinate nearest `value` (`grid` ascending), or nil when that
    /// coordinate is farther than half the gap to its neighbour on `value`'s side (the other
    /// side at the ends) and outside `cell`, all on the axis's scale.
    static func nearest(_ value: Double, in grid: [Double], _ scale: AxisScale, cell: Range<Double>? = nil) -> Int? {
        guard !grid.isEmpty, let target = AxisMapping.transform(value, scale) else { return nil }
        var low = 0, high = grid.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if grid[middle] <= value { low = middle } else { high = middle }
        }
        let a = AxisMapping.transform(grid[low], scale) ?? -.infinity
        let b = AxisMapping.transform(grid[high], scale) ?? -.infinity
        let index = abs(target - a) <= abs(b - target) ? low : high
        guard let cell, let centre = AxisMapping.transform(grid[index], scale) else { return index }
        if cell.contains(centre) { return index }
        let side = target < centre ? (index > 0 ? index - 1 : index + 1) : (index + 1 < grid.count ? index + 1 : index - 1)
        guard grid.indices.contains(side), let neighbour = AxisMapping.transform(grid[side], scale) else { return nil }
        return abs(target - centre) <= abs(neighbour - centre) / 2 ? index : nil
    }

    /// The finite values (positive ones on a log scale): what an automatic colour range spans.
    func finiteValues(_ scale: AxisScale) -> [Double] {
        values.joined().filter { AxisMapping.transform($0, scale) != nil }
    }
}

/// A resolved colour scale: value → step.
struct ColorRamp {
    let mapping: AxisMapping?
    let levels: Int
    let categories: Int?

    /// The step of `value`, or nil for a value the scale cannot show (NaN, ±∞, ≤ 0 on a log
    /// scale, a category out of range). Finite values beyond the range take the end steps.
    func level(_ value: Double) -> Int? {
        if let categories {
            guard value.isFinite, value >= 0, value.rounded() == value, Int(value) < categories else { return nil }
            return Self.categoryLevel(Int(value), of: categories, levels: levels)
        }
        guard let mapping, let f = mapping.fraction(value) else { return nil }
        return min(levels - 1, max(0, Int((f * Double(levels)).rounded(.down))))
    }

    /// Categories spread over the ramp away from its ends (the lightest shade is a blank):
    /// three categories on five shades are ░ ▒ ▓.
    static func categoryLevel(_ index: Int, of count: Int, levels: Int) -> Int {
        guard count > 1 else { return levels / 2 }
        let low = 1, high = max(1, levels - 2)
        return low + (index * (high - low) + (count - 1) / 2) / (count - 1)
    }
}
