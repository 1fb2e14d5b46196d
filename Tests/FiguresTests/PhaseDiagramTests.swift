import Plot
import Screen
import SignalProp
import Testing
@testable import Figures

/// The phase diagram against the calculators it draws: the critical line where the boundary
/// solver puts it (relu's vertical σw² = 2; tanh's 1.76 at σb² = 0.05, Schoenholz et al. 2017),
/// and heat-map cells equal to a direct calculation at their centres.
@Suite struct PhaseDiagramTests {
    static let size = Size(width: 100, height: 32)
    static let options = PlotOptions()

    /// The data-area columns of each row drawn in the highlight role (the line), the marker
    /// excluded.
    static func lineColumns(_ diagram: PhaseDiagram) -> (layout: PlotLayout, rows: [[Int]]) {
        let plot = diagram.plot(size: size, options: options)
        let layout = plot.layout(for: size, options: options)!
        let buffer = plot.render(size: size, options: options)
        let rows = (0..<layout.area.height).map { row in
            (0..<layout.area.width).filter { column in
                let cell = buffer[layout.area.x + column, layout.area.y + row]
                return cell.style.role == .highlight && cell.text != "◆"
            }
        }
        return (layout, rows)
    }

    /// The σb² interval a row covers.
    static func sb2Interval(_ layout: PlotLayout, row: Int) -> ClosedRange<Double> {
        let height = Double(layout.area.height)
        return layout.y.value(atFraction: (height - 1 - Double(row)) / height)...layout.y.value(atFraction: (height - Double(row)) / height)
    }

    @Test func reluLineIsVerticalAtTwo() {
        let (layout, rows) = Self.lineColumns(PhaseDiagram(activation: .relu))
        let expected = layout.column(2)!
        for (row, columns) in rows.enumerated() {
            #expect(columns == [expected], "row \(row): \(columns)")
        }
    }

    /// Each row's line lies between the columns of the exact crossings at the row's lower and
    /// upper σb² (one column of slack for the dot it is rounded to), and a line drawn at a
    /// wrong σw² would be caught.
    @Test func tanhLineFollowsTheBoundarySolver() {
        let (layout, rows) = Self.lineColumns(PhaseDiagram(activation: .tanh))
        let boundary = OrderChaosBoundary(.tanh)
        for (row, columns) in rows.enumerated() {
            let interval = Self.sb2Interval(layout, row: row)
            let ends = boundary.crossings(sb2: [interval.lowerBound, interval.upperBound]).compactMap { $0.critical?.sw2 }
            let inside = ends.filter { (0.5...4).contains($0) }
            guard ends.count == 2, inside.count == 2 else { continue }
            let low = layout.column(ends.min()!)!, high = layout.column(ends.max()!)!
            #expect(!columns.isEmpty, "row \(row)")
            #expect(columns.allSatisfy { $0 >= low - 1 && $0 <= high + 1 }, "row \(row): \(columns), expected \(low)…\(high)")
        }
        // σb² = 0.05: the published critical σw² is 1.76.
        let critical = boundary.crossings(sb2: [0.05])[0].critical!.sw2
        #expect(abs(critical - 1.76) < 0.005)
        #expect(rows[layout.row(0.05)!].contains(layout.column(critical)!))
        // Where the line is steep, a line 0.2 to the side would fail the test.
        let steep = boundary.crossings(sb2: [1])[0].critical!.sw2
        #expect(rows[layout.row(1)!].contains(layout.column(steep)!))
        #expect(!rows[layout.row(1)!].contains(layout.column(steep + 0.2)!))
        #expect(!rows[layout.row(1)!].contains(layout.column(steep - 0.2)!))
    }

    /// Cells left of the line are ordered, right of it chaotic (a cell the line crosses may be
    /// either).
    @Test func phasesSitOnTheirSidesOfTheLine() {
        let diagram = PhaseDiagram(activation: .tanh)
        let plot = diagram.plot(size: Self.size, options: Self.options)
        let heat = plot.heatMap!
        let boundary = OrderChaosBoundary(.tanh)
        let criticals = boundary.crossings(sb2: heat.y).map { $0.critical?.sw2 ?? .infinity }
        var checked = 0
        for (i, row) in heat.values.enumerated() {
            for (j, category) in row.enumerated() {
                let distance = heat.x[j] - criticals[i]
                guard abs(distance) > 0.05 else { continue }
                #expect(category == (distance < 0 ? 0 : 1), "σw² \(heat.x[j]), σb² \(heat.y[i])")
                checked += 1
            }
        }
        #expect(checked > 2000)
    }

    /// χ₁ and q* of the heat map (one table and a sweep per row) against the direct calculation
    /// (quadrature and a root finder per point), at a spread of cells; tolerance 1e-12
    /// relative, the grid's own test tolerance.
    @Test(arguments: [PhaseQuantity.chi1, .qstar])
    func cellsEqualTheDirectCalculation(quantity: PhaseQuantity) {
        let plot = PhaseDiagram(activation: .tanh, quantity: quantity).plot(size: Self.size, options: Self.options)
        let heat = plot.heatMap!
        #expect(heat.values.count == plot.layout(for: Self.size, options: Self.options)!.area.height)
        for i in stride(from: 0, to: heat.y.count, by: 5) {
            for j in stride(from: 0, to: heat.x.count, by: 9) {
                let direct = MeanField(MeanFieldParameters(activation: .tanh, sw2: heat.x[j], sb2: heat.y[i])).compute()
                let expected = quantity == .chi1 ? direct.chi1 : direct.qstar
                #expect(abs(heat.values[i][j] - expected) <= 1e-12 * max(1, abs(expected)), "σw² \(heat.x[j]), σb² \(heat.y[i])")
            }
        }
    }

    @Test func theMarkedPointCarriesItsValues() {
        let plot = PhaseDiagram(activation: .tanh, point: PhasePlanePoint(sw2: 1.5, sb2: 0.05)).plot(size: Self.size, options: Self.options)
        let direct = MeanField(MeanFieldParameters(activation: .tanh, sw2: 1.5, sb2: 0.05)).compute()
        #expect(plot.markers.count == 1)
        #expect(plot.markers[0].legend.unicode == "σw² = 1.5, σb² = 0.05: χ₁ = \(NumberLabel.plain(direct.chi1, significant: 6)), ordered")
        // Near the line six digits tell the phases apart; the coordinates are shown as given.
        let near = PhaseDiagram(activation: .tanh, point: PhasePlanePoint(sw2: 1.7593, sb2: 0.05)).plot(size: Self.size, options: Self.options)
        #expect(near.markers[0].legend.unicode.hasPrefix("σw² = 1.7593, σb² = 0.05: χ₁ = 0.9996"))
        let outside = PhaseDiagram(activation: .tanh, point: PhasePlanePoint(sw2: 9, sb2: 0.05)).plot(size: Self.size, options: Self.options)
        #expect(outside.markers[0].legend.unicode.hasSuffix("(outside the window)"))
    }

    /// `calc grid`'s picture: the grid's own phases, nearest point per cell.
    @Test func aComputedGridIsDrawnAsIs() {
        let grid = PhaseGrid(activation: .relu, sw2: [1, 3], sb2: [0.5, 1])
        let plot = PhaseDiagram(activation: .relu, sw2: 1...3, sb2: 0.5...1).plot(grid: grid, size: Self.size, options: Self.options)
        #expect(plot.heatMap?.values == [[0, 1], [0, 1]])
    }

    /// A grid given in descending order (`calc grid --sw2 4:0.5:100`) is drawn the right way
    /// round: ordered on the left.
    @Test func aDescendingGridIsDrawnTheRightWayRound() {
        let grid = PhaseGrid(activation: .relu, sw2: [3, 1], sb2: [1, 0.5])
        let plot = PhaseDiagram(activation: .relu, sw2: 1...3, sb2: 0.5...1).plot(grid: grid, size: Self.size, options: Self.options)
        #expect(plot.heatMap?.x == [1, 3] && plot.heatMap?.y == [0.5, 1])
        #expect(plot.heatMap?.values == [[0, 1], [0, 1]])
    }

    /// A grid of one σb² row (`calc grid --sb2 0.05`) is drawn in a window around it, under
    /// the line that crosses that window.
    @Test func aSingleRowIsDrawnInAWindowAroundIt() {
        let grid = PhaseGrid(activation: .tanh, sw2: [1, 2, 3], sb2: [0.05])
        let plot = PhaseDiagram(activation: .tanh, sw2: 1...3, sb2: 0.05...0.05).plot(grid: grid, size: Self.size, options: Self.options)
        #expect(plot.y.range == 0...0.1)
        #expect(plot.notes.map(\.unicode) == ["one σb² value: the grid is the strip at σb² = 0.05"] && !plot.series[0].points.isEmpty)
    }

    /// A sparse grid is not smeared over the window: one σb² value (`calc grid --sb2 1.5`)
    /// paints the single row of cells that holds it, and the rest stays blank (the phase of
    /// one row says nothing about the others, which the exact line cuts through).
    @Test func aSingleRowPaintsOnlyItsOwnRow() {
        let grid = PhaseGrid(activation: .tanh, sw2: [1, 2, 3], sb2: [1.5])
        let plot = PhaseDiagram(activation: .tanh, sw2: 1...3, sb2: 1.5...1.5).plot(grid: grid, size: Self.size, options: Self.options)
        let layout = plot.layout(for: Self.size, options: Self.options)!
        let buffer = plot.render(size: Self.size, options: Self.options)
        let painted = (0..<layout.area.height).filter { row in
            (0..<layout.area.width).contains { buffer[layout.area.x + $0, layout.area.y + row].style.role.isHeat }
        }
        #expect(painted.count == 1)
        // The painted row holds σb² = 1.5 (to within rounding where it lies on a cell edge).
        let fromBottom = Double(layout.area.height - 1 - (painted.first ?? -10)) + 0.5
        #expect(abs(fromBottom / Double(layout.area.height) - layout.y.fraction(1.5)!) <= 0.5 / Double(layout.area.height) + 1e-12)
    }

    /// A grid point reaches half-way to its neighbours: a 2×2 grid over the window covers it.
    @Test func aGridCoversTheWindowBetweenItsPoints() {
        let grid = PhaseGrid(activation: .relu, sw2: [1, 3], sb2: [0.5, 1])
        let plot = PhaseDiagram(activation: .relu, sw2: 1...3, sb2: 0.5...1).plot(grid: grid, size: Self.size, options: Self.options)
        let layout = plot.layout(for: Self.size, options: Self.options)!
        let buffer = plot.render(size: Self.size, options: Self.options)
        let blank = (0..<layout.area.height).flatMap { row in (0..<layout.area.width).map { (row, $0) } }.filter { row, column in
            !buffer[layout.area.x + column, layout.area.y + row].style.role.isHeat
        }
        #expect(blank.count <= 2 * layout.area.height, "only the line's own cells may lack a shade: \(blank.count)")
    }

    /// Softplus at small σb² has no crossing at finite q* (the spec's example), yet its phases
    /// change at σw² = 2/(a² + b²) = 2, where the lengths start to diverge and χ₁ → 1: the line
    /// is drawn there, and the heat map agrees.
    @Test func softplusPhasesMeetWhereTheLengthsDiverge() {
        let diagram = PhaseDiagram(activation: .softplus, sw2: 0...10, sb2: 0...2)
        let (layout, rows) = Self.lineColumns(diagram)
        for (row, columns) in rows.enumerated() { #expect(columns == [layout.column(2)!], "row \(row)") }
        let plot = diagram.plot(size: Self.size, options: Self.options)
        #expect(plot.notes.map(\.unicode) == ["at σw² = 2 the phases meet as q* → ∞ (χ₁ → 1)"])
        let heat = plot.heatMap!
        for (i, row) in heat.values.enumerated() {
            for (j, category) in row.enumerated() where abs(heat.x[j] - 2) > 0.2 {
                #expect(category == (heat.x[j] < 2 ? 0 : 1), "σw² \(heat.x[j]), σb² \(heat.y[i])")
            }
        }
        #expect(OrderChaosBoundary(.softplus).crossings(sb2: [0.5])[0].critical == nil)
    }

    /// Softplus never reaches χ₁ = 1 at small σb² (the spec's example): the window says so.
    @Test func aWindowWithoutTheLineSaysSo() {
        let plot = PhaseDiagram(activation: .softplus, sw2: 0.5...1, sb2: 0...0.1).plot(size: Self.size, options: Self.options)
        #expect(plot.notes.contains { $0.unicode == "χ₁ = 1 is not crossed in this window" })
    }

    /// The panes' coarse ξ_c: one value per 2×2 cells, at the block's centre (the direct ξ_c
    /// there), and every cell the full-resolution picture shades is shaded in the coarse one
    /// too (each value fills its block, no holes between blocks).
    @Test func coarseXiCFillsItsBlocks() throws {
        let size = Size(width: 50, height: 16), options = PlotOptions()
        let diagram = PhaseDiagram(activation: .tanh, sw2: 1...3, sb2: 0...1, quantity: .xiC)
        let fine = diagram.plot(size: size, options: options)
        let never: @Sendable () -> Bool = { false }
        let coarsePlot = diagram.plot(size: size, options: options, coarseness: 2, isCancelled: never)
        let coarse = try #require(coarsePlot)
        let (fineMap, coarseMap) = (try #require(fine.heatMap), try #require(coarse.heatMap))
        #expect(coarseMap.x.count == (fineMap.x.count + 1) / 2 && coarseMap.y.count == (fineMap.y.count + 1) / 2)
        let (j, i) = (coarseMap.x.count / 2, coarseMap.y.count / 2)
        let direct = MeanField(MeanFieldParameters(activation: .tanh, sw2: coarseMap.x[j], sb2: coarseMap.y[i])).compute(countLengthLayers: false).xiC
        #expect(coarseMap.values[i][j] == direct)
        let layout = try #require(fine.layout(for: size, options: options))
        let (a, b) = (fine.render(size: size, options: options), coarse.render(size: size, options: options))
        var shadedFine = 0, shadedBoth = 0
        for row in 0..<layout.area.height {
            for column in 0..<layout.area.width {
                let (x, y) = (layout.area.x + column, layout.area.y + row)
                guard a[x, y].style.role.isHeat else { continue }
                shadedFine += 1
                if b[x, y].style.role.isHeat || !b[x, y].text.allSatisfy({ $0 == " " }) { shadedBoth += 1 }
            }
        }
        #expect(shadedFine > 0 && shadedBoth == shadedFine, "\(shadedBoth) of \(shadedFine)")
    }
}
