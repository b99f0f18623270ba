/// Which cells feed which: the geometry behind the linked outlines that hovering draws.
///
///     let g = ConvGeometry(inputWidth: 24, inputHeight: 24, kernelSize: 3, stride: 1, padding: .valid)
///     ReceptiveField.window(ofConv: GridCell(row: 0, col: 0), in: g).bounds     // rows 0..<3, cols 0..<3
///     ReceptiveField.pool(GridCell(row: 0, col: 0), in: g).inputBounds          // rows 0..<4, cols 0..<4
///     ReceptiveField.convCells(fedBy: GridCell(row: 5, col: 5), in: g).count    // 9
///
/// All coordinates are cells of the grid they name; input coordinates may be negative or past
/// the edge where a window hangs over the zero padding, and are reported both ways.
public enum ReceptiveField {
    /// The input cells one conv cell reads.
    public struct ConvWindow: Equatable, Sendable {
        /// The conv cell.
        public let cell: GridCell
        /// Every tap, in kernel order (row-major), `dilation` apart; some may lie in the padding.
        public let taps: [GridCell]
        /// The taps that lie on the input, in the same order.
        public let insideTaps: [GridCell]
        /// The span × span square the taps cover (the yellow box), padding included.
        public let bounds: CellRect
        /// `bounds` clipped to the input; nil when the window lies wholly in the padding.
        public let insideBounds: CellRect?
    }

    /// The conv cells one pool cell takes, and the input that feeds them.
    public struct PoolField: Equatable, Sendable {
        /// The pool cell.
        public let cell: GridCell
        /// Its 2 × 2 block of conv cells.
        public let convBlock: CellRect
        /// Every input cell some window of the block reads, in raster order; some may lie in the padding.
        /// With dilation 1 and stride ≤ k these fill `inputBounds`; otherwise there are gaps.
        public let inputTaps: [GridCell]
        /// The taps that lie on the input, in raster order.
        public let insideTaps: [GridCell]
        /// The smallest block holding the four windows (span + stride cells a side), padding included.
        public let inputBounds: CellRect
        /// `inputBounds` clipped to the input; nil when it lies wholly in the padding.
        public let insideInputBounds: CellRect?
    }

    /// The window of conv cell `cell`: its k × k taps on the input.
    public static func window(ofConv cell: GridCell, in g: ConvGeometry) -> ConvWindow {
        var taps: [GridCell] = []
        taps.reserveCapacity(g.kernelSize * g.kernelSize)
        for i in 0..<g.kernelSize {
            for j in 0..<g.kernelSize {
                let t = g.tap(row: cell.row, col: cell.col, i: i, j: j)
                taps.append(GridCell(row: t.row, col: t.col))
            }
        }
        let o = g.windowOrigin(row: cell.row, col: cell.col)
        let bounds = CellRect(row: o.row, col: o.col, width: g.span, height: g.span)
        return ConvWindow(cell: cell, taps: taps, insideTaps: taps.filter { isInside($0, g) }, bounds: bounds,
                          insideBounds: bounds.clipped(toWidth: g.inputWidth, height: g.inputHeight))
    }

    /// The 2 × 2 conv block of pool cell `cell` and the union of its four windows on the input.
    public static func pool(_ cell: GridCell, in g: ConvGeometry) -> PoolField {
        let block = CellRect(row: 2 * cell.row, col: 2 * cell.col, width: 2, height: 2)
        var seen = Set<GridCell>()
        for r in block.row..<block.endRow {
            for c in block.col..<block.endCol {
                seen.formUnion(window(ofConv: GridCell(row: r, col: c), in: g).taps)
            }
        }
        let taps = seen.sorted()
        let o = g.windowOrigin(row: block.row, col: block.col)
        let side = g.span + g.stride
        let bounds = CellRect(row: o.row, col: o.col, width: side, height: side)
        return PoolField(cell: cell, convBlock: block, inputTaps: taps, insideTaps: taps.filter { isInside($0, g) },
                         inputBounds: bounds, insideInputBounds: bounds.clipped(toWidth: g.inputWidth, height: g.inputHeight))
    }

    /// Every conv cell that reads input cell `pixel` through one of its taps, in raster order.
    /// With stride or dilation above 1 a window can straddle a pixel without any tap landing on
    /// it; such cells are not included.
    public static func convCells(fedBy pixel: GridCell, in g: ConvGeometry) -> [GridCell] {
        guard isInside(pixel, g) else { return [] }
        let rows = outputIndices(reading: pixel.row, g, count: g.outputHeight)
        let cols = outputIndices(reading: pixel.col, g, count: g.outputWidth)
        return rows.flatMap { r in cols.map { GridCell(row: r, col: $0) } }
    }

    /// Every pool cell whose block holds a conv cell that reads input cell `pixel`, in raster order.
    public static func poolCells(fedBy pixel: GridCell, in g: ConvGeometry) -> [GridCell] {
        let cells = Set(convCells(fedBy: pixel, in: g).map { GridCell(row: $0.row / 2, col: $0.col / 2) })
        return cells.filter { $0.row < g.poolHeight && $0.col < g.poolWidth }.sorted()
    }

    /// Output indices o along one axis with o·s − p + i·d = x for some tap i, ascending.
    static func outputIndices(reading x: Int, _ g: ConvGeometry, count: Int) -> [Int] {
        var out = Set<Int>()
        for i in 0..<g.kernelSize {
            let t = x + g.pad - i * g.dilation
            if t >= 0, t % g.stride == 0, t / g.stride < count { out.insert(t / g.stride) }
        }
        return out.sorted()
    }

    static func isInside(_ c: GridCell, _ g: ConvGeometry) -> Bool {
        c.row >= 0 && c.row < g.inputHeight && c.col >= 0 && c.col < g.inputWidth
    }
}
