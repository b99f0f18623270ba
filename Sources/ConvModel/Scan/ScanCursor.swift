/// Where the sliding window is: one position per conv output cell, walked in raster order.
///
/// At position `p` the cell with raster index `p` has just been computed, so cells `0…p` are
/// revealed. A pool cell is revealed once the last cell of its 2×2 block (its bottom-right) is.
public struct ScanCursor: Equatable, Sendable {
    /// Conv output size.
    public let columns: Int
    public let rows: Int
    public private(set) var position: Int

    public init(columns: Int, rows: Int, position: Int = 0) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.position = 0
        seek(position)
    }

    public init(geometry: ConvGeometry, position: Int = 0) {
        self.init(columns: geometry.outputWidth, rows: geometry.outputHeight, position: position)
    }

    /// Number of positions (conv output cells).
    public var count: Int { columns * rows }
    public var lastPosition: Int { max(0, count - 1) }
    public var isAtEnd: Bool { position >= lastPosition }
    public var row: Int { columns > 0 ? position / columns : 0 }
    public var col: Int { columns > 0 ? position % columns : 0 }

    public mutating func seek(_ p: Int) { position = min(max(0, p), lastPosition) }
    public mutating func step(by n: Int) { seek(position + n) }
    public mutating func stepRow(by n: Int) { seek(position + n * columns) }
    public mutating func reset() { position = 0 }
    public mutating func seekEnd() { position = lastPosition }

    public func index(row: Int, col: Int) -> Int { row * columns + col }

    public func isRevealed(row: Int, col: Int) -> Bool {
        count > 0 && row >= 0 && row < rows && col >= 0 && col < columns && index(row: row, col: col) <= position
    }

    /// Pool output size (2×2, stride 2, floor).
    public var poolColumns: Int { columns / 2 }
    public var poolRows: Int { rows / 2 }

    /// Raster position at which pool cell (row, col) becomes complete.
    public func completionPosition(poolRow: Int, poolCol: Int) -> Int {
        index(row: 2 * poolRow + 1, col: 2 * poolCol + 1)
    }

    public func isPoolRevealed(row: Int, col: Int) -> Bool {
        count > 0 && row >= 0 && row < poolRows && col >= 0 && col < poolColumns
            && completionPosition(poolRow: row, poolCol: col) <= position
    }

    /// The pool cell whose 2×2 block holds the current conv cell; nil on a dropped odd row or column.
    public var poolCell: (row: Int, col: Int)? {
        let pr = row / 2, pc = col / 2
        guard count > 0, pr < poolRows, pc < poolColumns else { return nil }
        return (pr, pc)
    }

    /// The same position carried over to a map of another size: same row and column where they
    /// still fit, clamped where they do not.
    public func carried(toColumns newColumns: Int, rows newRows: Int) -> ScanCursor {
        guard newColumns > 0, newRows > 0 else { return ScanCursor(columns: newColumns, rows: newRows) }
        let r = min(row, newRows - 1), c = min(col, newColumns - 1)
        return ScanCursor(columns: newColumns, rows: newRows, position: r * newColumns + c)
    }
}
