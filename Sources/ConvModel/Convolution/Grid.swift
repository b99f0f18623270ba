/// A grayscale image or feature map: `height` rows of `width` values, row-major, top row first.
///
/// Inputs hold values in [0, 1] (0 black, 1 white); conv maps hold any finite value.
///
///     var g = Grid(width: 3, height: 2)
///     g[1, 2] = 0.5          // row 1, column 2
///     g.rows                 // [[0, 0, 0], [0, 0, 0.5]]
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major storage: the value at row `r`, column `c` is `values[r * width + c]`.
    public var values: [Float]

    public init(width: Int, height: Int, repeating value: Float = 0) {
        precondition(width >= 0 && height >= 0, "negative grid size")
        self.width = width
        self.height = height
        self.values = [Float](repeating: value, count: width * height)
    }

    public init(width: Int, height: Int, values: [Float]) {
        precondition(values.count == width * height, "grid values do not match its size")
        self.width = width
        self.height = height
        self.values = values
    }

    /// Builds a grid from rows of equal length, top row first.
    public init(rows: [[Float]]) {
        let width = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == width }, "ragged rows")
        self.init(width: width, height: rows.count, values: rows.flatMap { $0 })
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public subscript(row: Int, col: Int) -> Float {
        get { values[row * width + col] }
        set { values[row * width + col] = newValue }
    }

    /// The value at (row, col), or 0 outside the grid: the zero padding of the convolution.
    @inlinable
    public func padded(_ row: Int, _ col: Int) -> Float {
        guard row >= 0, row < height, col >= 0, col < width else { return 0 }
        return values[row * width + col]
    }

    public var rows: [[Float]] {
        (0..<height).map { r in Array(values[r * width ..< (r + 1) * width]) }
    }

    public var minValue: Float { values.min() ?? 0 }
    public var maxValue: Float { values.max() ?? 0 }

    /// The grid moved by (dy, dx) cells, wrapping around the edges.
    public func shifted(rows dy: Int, cols dx: Int) -> Grid {
        guard !isEmpty else { return self }
        var out = Grid(width: width, height: height)
        for r in 0..<height {
            let sr = ((r - dy) % height + height) % height
            for c in 0..<width {
                let sc = ((c - dx) % width + width) % width
                out[r, c] = self[sr, sc]
            }
        }
        return out
    }
}
