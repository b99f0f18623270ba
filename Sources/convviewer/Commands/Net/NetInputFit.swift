import ConvModel

/// Any grey image made into the network's 28×28 input: scaled by area average so its longest
/// side is 28 (`Grid.shrunk`), then centred on a black canvas.
struct NetInputFit {
    let values: [Float]
    /// What was done, in words.
    let note: String

    init(_ grid: Grid) {
        let side = 28
        let original = "\(grid.width)×\(grid.height)"
        var scaled = grid
        if max(grid.width, grid.height) < side {
            // Area-average enlargement: each cell repeated 28 times each way, then shrunk; every
            // output cell is then the exact area average of the original cells it covers.
            scaled = NetInputFit.repeated(grid, side).shrunk(toMaxSide: side)
        } else if max(grid.width, grid.height) > side {
            scaled = grid.shrunk(toMaxSide: side)
        }
        var canvas = [Float](repeating: 0, count: side * side)
        let top = (side - scaled.height) / 2, left = (side - scaled.width) / 2
        for y in 0..<scaled.height {
            for x in 0..<scaled.width { canvas[(top + y) * side + left + x] = scaled.values[y * scaled.width + x] }
        }
        values = canvas
        let greyNote = "grey levels (colour turned grey by luma 0.2126 R + 0.7152 G + 0.0722 B)"
        if grid.width == side && grid.height == side {
            note = "28×28, used as it is, \(greyNote)"
        } else {
            let how = scaled.width == side && scaled.height == side ? "" :
                ", centred on a black 28×28 canvas at column \(left), row \(top)"
            note = "\(original) scaled by area average to \(scaled.width)×\(scaled.height)\(how), \(greyNote)"
        }
    }

    static func repeated(_ g: Grid, _ n: Int) -> Grid {
        var values = [Float](repeating: 0, count: g.width * n * g.height * n)
        let w = g.width * n
        for y in 0..<g.height * n {
            for x in 0..<w { values[y * w + x] = g.values[(y / n) * g.width + x / n] }
        }
        return Grid(width: w, height: g.height * n, values: values)
    }
}
