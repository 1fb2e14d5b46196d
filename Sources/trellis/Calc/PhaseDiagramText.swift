import SignalProp

/// A first phase diagram in the terminal: σw² across, σb² up, ordered cells light, chaotic
/// cells dark, and the critical line where the phase changes between neighbouring cells.
/// (The calculator panes will bring a full plotting library.)
enum PhaseDiagramText {
    static let ordered: Character = "░"
    static let chaotic: Character = "▓"
    static let critical: Character = "●"

    static func render(_ grid: PhaseGrid, activation: Activation, width: Int) -> [String] {
        let columns = Swift.max(10, Swift.min(grid.sw2.count, width - 12))
        let rows = Swift.max(4, Swift.min(grid.sb2.count, 20))
        // Each cell shows the grid point nearest its centre; sb2 rows are drawn top = largest.
        func column(_ x: Int) -> Int { Int((Double(x) + 0.5) / Double(columns) * Double(grid.sw2.count)) }
        func row(_ y: Int) -> Int { Int((Double(rows - 1 - y) + 0.5) / Double(rows) * Double(grid.sb2.count)) }
        var cells: [[Phase]] = []
        for y in 0..<rows {
            cells.append((0..<columns).map { x in grid.phase[Swift.min(row(y), grid.sb2.count - 1)][Swift.min(column(x), grid.sw2.count - 1)] })
        }
        let sb2Top = grid.sb2.max() ?? 0, sb2Bottom = grid.sb2.min() ?? 0
        var lines = ["Phase diagram: \(activation.name)   \(ordered) ordered  \(chaotic) chaotic  \(critical) critical (χ₁ = 1)", ""]
        for y in 0..<rows {
            var line = ""
            for x in 0..<columns {
                let phase = cells[y][x]
                let right = x + 1 < columns ? cells[y][x + 1] : phase
                let below = y + 1 < rows ? cells[y + 1][x] : phase
                if phase == .critical || (phase != right && right != .critical) || (phase != below && below != .critical) {
                    line.append(critical)
                } else {
                    line.append(phase == .ordered ? ordered : chaotic)
                }
            }
            let label = y == 0 ? CalcFormat.number(sb2Top) : (y == rows - 1 ? CalcFormat.number(sb2Bottom) : (y == rows / 2 ? "σb²" : ""))
            lines.append(label.leftPadded(to: 8) + " │" + line)
        }
        lines.append(String(repeating: " ", count: 9) + "└" + String(repeating: "─", count: columns))
        let left = CalcFormat.number(grid.sw2.min() ?? 0), right = CalcFormat.number(grid.sw2.max() ?? 0)
        let gap = Swift.max(1, columns - left.count - right.count - 3)
        lines.append(String(repeating: " ", count: 10) + left + String(repeating: " ", count: gap / 2) + "σw²"
            + String(repeating: " ", count: gap - gap / 2) + right)
        return lines
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
