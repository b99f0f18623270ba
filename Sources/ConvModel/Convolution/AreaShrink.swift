extension Grid {
    /// The grid scaled down so that its longest side is at most `maxSide`, by area averaging.
    ///
    /// The longest side becomes exactly `maxSide`; the other keeps the aspect ratio, rounded to
    /// the nearest whole cell and at least 1. Output cell (q, j) covers the input rectangle
    /// rows [q·h/H, (q+1)·h/H) × columns [j·w/W, (j+1)·w/W) and is the area-weighted mean of the
    /// input cells under it, partly covered cells counting by the fraction covered. Every output
    /// cell covers the same area, so the mean of the grid is kept.
    ///
    /// A grid already small enough (or empty) comes back unchanged.
    ///
    ///     Grid(rows: [[0, 1, 2, 3], [4, 5, 6, 7]]).shrunk(toMaxSide: 2).rows   // [[2.5, 4.5]]
    public func shrunk(toMaxSide maxSide: Int) -> Grid {
        precondition(maxSide >= 1, "maxSide must be 1 or more")
        let longest = Swift.max(width, height)
        guard !isEmpty, longest > maxSide else { return self }
        let outWidth = Self.shrunkSide(width, longest: longest, maxSide: maxSide)
        let outHeight = Self.shrunkSide(height, longest: longest, maxSide: maxSide)

        // Lengths are counted in units of 1/out of an input cell, so that every boundary is an
        // integer: input cell i spans [i·out, (i+1)·out), output cell j spans [j·n, (j+1)·n).
        var sums = [Double](repeating: 0, count: outWidth * outHeight)
        var rowSums = [Double](repeating: 0, count: outWidth)
        for r in 0..<height {
            for j in 0..<outWidth { rowSums[j] = 0 }
            let rowStart = r * width
            for i in 0..<width {
                let v = Double(values[rowStart + i])
                Self.forEachOverlap(input: i, inCount: width, outCount: outWidth) { j, fraction in
                    rowSums[j] += fraction * v
                }
            }
            Self.forEachOverlap(input: r, inCount: height, outCount: outHeight) { q, fraction in
                let outStart = q * outWidth
                for j in 0..<outWidth { sums[outStart + j] += fraction * rowSums[j] }
            }
        }
        return Grid(width: outWidth, height: outHeight, values: sums.map { Float($0) })
    }

    /// `side` scaled by maxSide/longest, rounded half up, at least 1.
    static func shrunkSide(_ side: Int, longest: Int, maxSide: Int) -> Int {
        if side == longest { return maxSide }
        return Swift.max(1, (side * maxSide + longest / 2) / longest)
    }

    /// Calls `body(j, fraction)` for each output cell j that input cell `input` overlaps, where
    /// `fraction` is the overlap as a share of the output cell's footprint (n input cells wide).
    @inline(__always)
    static func forEachOverlap(input i: Int, inCount n: Int, outCount m: Int,
                               _ body: (Int, Double) -> Void) {
        let lo = i * m, hi = (i + 1) * m
        for j in (lo / n)...((hi - 1) / n) {
            let overlap = Swift.min(hi, (j + 1) * n) - Swift.max(lo, j * n)
            body(j, Double(overlap) / Double(n))
        }
    }
}
