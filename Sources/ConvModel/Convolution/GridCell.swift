/// One cell of a grid (input, conv map, pool map or kernel), by row and column from the top-left.
public struct GridCell: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }

    /// Raster order: rows top to bottom, each left to right.
    public static func < (a: GridCell, b: GridCell) -> Bool {
        (a.row, a.col) < (b.row, b.col)
    }

    public var description: String { "(\(row), \(col))" }
}

/// A block of cells: `height` rows from `row` and `width` columns from `col`.
/// Origins may be negative (a window hanging over the padding).
public struct CellRect: Equatable, Sendable, CustomStringConvertible {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    public init(row: Int, col: Int, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    /// One past the last row and column.
    public var endRow: Int { row + height }
    public var endCol: Int { col + width }

    public func contains(_ cell: GridCell) -> Bool {
        cell.row >= row && cell.row < endRow && cell.col >= col && cell.col < endCol
    }

    /// The part that lies on a grid of this size, or nil when none does.
    public func clipped(toWidth w: Int, height h: Int) -> CellRect? {
        let r0 = max(row, 0), c0 = max(col, 0), r1 = min(endRow, h), c1 = min(endCol, w)
        guard r1 > r0, c1 > c0 else { return nil }
        return CellRect(row: r0, col: c0, width: c1 - c0, height: r1 - r0)
    }

    public var description: String { "rows \(row)..<\(endRow), cols \(col)..<\(endCol)" }
}
