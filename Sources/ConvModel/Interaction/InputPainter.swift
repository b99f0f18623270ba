/// Painting the input by hand: whether paint mode is on, and the brush.
///
///     state.update(.togglePaintMode)
///     state.update(.paintStroke(fromRow: 2, fromCol: 2, toRow: 2, toCol: 9, value: 1))
///     state.image.name        // "painted"; the maps already show the new line
///
/// A brush of side b covers a b × b block around the cell: rows r − ⌊(b − 1)/2⌋ … r + ⌊b/2⌋,
/// and the same for columns. For b = 1 and 3 the block is centred; for b = 2 it is the cell
/// with its neighbours to the right, below, and below-right (the pointer sits in the block's
/// top-left cell).
public struct InputPainter: Equatable, Sendable {
    public static let brushSizes = 1...3
    /// The name a painted input goes by.
    public static let paintedName = "painted"

    /// Whether drags on the input paint (true) or pan (false).
    public var isOn: Bool
    /// The brush side, 1–3 cells.
    public private(set) var brush: Int

    public init(isOn: Bool = false, brush: Int = 1) {
        self.isOn = isOn
        self.brush = min(max(brush, InputPainter.brushSizes.lowerBound), InputPainter.brushSizes.upperBound)
    }

    /// A brush `delta` sizes larger (smaller when negative), kept within 1–3.
    public mutating func changeBrush(by delta: Int) {
        self = InputPainter(isOn: isOn, brush: brush + delta)
    }

    /// The side in cells of brush `brush` (1–3) on a `width × height` image: the brush sizes are
    /// steps of one cell on images up to 63 pixels across, and grow with the image beyond (one
    /// step per 32 pixels of the longest side), so a brush on a 512×512 photo is as easy to see
    /// and to paint with as on a 24×24 picture.
    public static func side(brush: Int, width: Int, height: Int) -> Int {
        brush * max(1, max(width, height) / 32)
    }

    /// The block a brush of side `brush` covers at (row, col), before clipping to the image.
    public static func brushBlock(row: Int, col: Int, brush: Int) -> CellRect {
        CellRect(row: row - (brush - 1) / 2, col: col - (brush - 1) / 2, width: brush, height: brush)
    }

    /// The cells of a line from one cell to another, both ends included, with no gaps: each step
    /// moves to one of the 8 neighbours (Bresenham's algorithm).
    public static func line(from a: GridCell, to b: GridCell) -> [GridCell] {
        let dc = abs(b.col - a.col), dr = -abs(b.row - a.row)
        let sc = a.col < b.col ? 1 : -1, sr = a.row < b.row ? 1 : -1
        var err = dc + dr
        var c = a.col, r = a.row
        var cells: [GridCell] = []
        cells.reserveCapacity(max(dc, -dr) + 1)
        while true {
            cells.append(GridCell(row: r, col: c))
            if c == b.col && r == b.row { break }
            let e2 = 2 * err
            if e2 >= dr { err += dr; c += sc }
            if e2 <= dc { err += dc; r += sr }
        }
        return cells
    }

    /// The cells of `line(from:to:)` a brush could reach on a `width × height` image: a stroke
    /// from far outside is first clipped (Liang–Barsky) to the image with a margin of the brush,
    /// so a wild pointer position costs no more than a stroke across the image.
    public static func strokeCells(from a: GridCell, to b: GridCell, width: Int, height: Int,
                                   margin: Int = brushSizes.upperBound) -> [GridCell] {
        let lo = (row: -margin, col: -margin), hi = (row: height - 1 + margin, col: width - 1 + margin)
        func inside(_ p: GridCell) -> Bool {
            p.row >= lo.row && p.row <= hi.row && p.col >= lo.col && p.col <= hi.col
        }
        if inside(a) && inside(b) { return line(from: a, to: b) }
        let x0 = Double(a.col), y0 = Double(a.row), dx = Double(b.col - a.col), dy = Double(b.row - a.row)
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, x0 - Double(lo.col)), (dx, Double(hi.col) - x0),
                       (-dy, y0 - Double(lo.row)), (dy, Double(hi.row) - y0)] {
            if p == 0 {
                if q < 0 { return [] }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            }
        }
        guard t0 <= t1 else { return [] }
        func point(_ t: Double) -> GridCell {
            GridCell(row: Int((y0 + t * dy).rounded()), col: Int((x0 + t * dx).rounded()))
        }
        return line(from: point(t0), to: point(t1))
    }
}

extension Grid {
    /// Sets every cell of `block` that lies on the grid to `value`; says whether anything changed.
    @discardableResult
    mutating func fill(_ block: CellRect, with value: Float) -> Bool {
        guard let b = block.clipped(toWidth: width, height: height) else { return false }
        var changed = false
        for r in b.row..<b.endRow {
            for c in b.col..<b.endCol where self[r, c] != value {
                self[r, c] = value
                changed = true
            }
        }
        return changed
    }
}
