import XCTest
import ConvModel

/// Which input cells feed a conv or pool cell, and which conv cells an input pixel feeds.
final class ReceptiveFieldTests: XCTestCase {
    private func geometry(_ n: Int = 24, k: Int = 3, stride: Int = 1, padding: Padding = .valid,
                          dilation: Int = 1) -> ConvGeometry {
        ConvGeometry(inputWidth: n, inputHeight: n, kernelSize: k, stride: stride, padding: padding, dilation: dilation)
    }

    private func cells(_ pairs: [(Int, Int)]) -> [GridCell] { pairs.map { GridCell(row: $0.0, col: $0.1) } }

    /// Every cell of a block, in raster order.
    private func block(rows: Range<Int>, cols: Range<Int>) -> [GridCell] {
        rows.flatMap { r in cols.map { GridCell(row: r, col: $0) } }
    }

    // MARK: Conv cell → input window

    func testConvWindowValid() {
        let w = ReceptiveField.window(ofConv: GridCell(row: 0, col: 0), in: geometry())
        XCTAssertEqual(w.taps, block(rows: 0..<3, cols: 0..<3))
        XCTAssertEqual(w.insideTaps, w.taps)
        XCTAssertEqual(w.bounds, CellRect(row: 0, col: 0, width: 3, height: 3))
        XCTAssertEqual(w.insideBounds, w.bounds)
        let last = ReceptiveField.window(ofConv: GridCell(row: 21, col: 21), in: geometry())
        XCTAssertEqual(last.bounds, CellRect(row: 21, col: 21, width: 3, height: 3))
    }

    /// `same` padding: the window of the corner cell hangs one cell over the padding on two sides.
    func testConvWindowSamePaddingAtTheCorner() {
        let w = ReceptiveField.window(ofConv: GridCell(row: 0, col: 0), in: geometry(padding: .same))
        XCTAssertEqual(w.bounds, CellRect(row: -1, col: -1, width: 3, height: 3))
        XCTAssertEqual(w.taps.count, 9)
        XCTAssertEqual(w.insideTaps, cells([(0, 0), (0, 1), (1, 0), (1, 1)]))
        XCTAssertEqual(w.insideBounds, CellRect(row: 0, col: 0, width: 2, height: 2))
        let far = ReceptiveField.window(ofConv: GridCell(row: 23, col: 12), in: geometry(padding: .same))
        XCTAssertEqual(far.insideBounds, CellRect(row: 22, col: 11, width: 3, height: 2))
    }

    /// Stride 2: conv cell (1, 2) starts at input (2, 4).
    func testConvWindowStride2() {
        let w = ReceptiveField.window(ofConv: GridCell(row: 1, col: 2), in: geometry(stride: 2))
        XCTAssertEqual(w.taps, block(rows: 2..<5, cols: 4..<7))
    }

    /// Dilation 2 with `same` padding (p = 2): the taps of (0, 0) are 2 apart, from (−2, −2) to
    /// (2, 2); four of them are on the input.
    func testConvWindowDilation2Same() {
        let w = ReceptiveField.window(ofConv: GridCell(row: 0, col: 0), in: geometry(padding: .same, dilation: 2))
        XCTAssertEqual(w.taps, cells([(-2, -2), (-2, 0), (-2, 2), (0, -2), (0, 0), (0, 2), (2, -2), (2, 0), (2, 2)]))
        XCTAssertEqual(w.insideTaps, cells([(0, 0), (0, 2), (2, 0), (2, 2)]))
        XCTAssertEqual(w.bounds, CellRect(row: -2, col: -2, width: 5, height: 5))
        XCTAssertEqual(w.insideBounds, CellRect(row: 0, col: 0, width: 3, height: 3))
        // In the middle, valid: spread over 5×5 from the origin.
        let v = ReceptiveField.window(ofConv: GridCell(row: 3, col: 4), in: geometry(dilation: 2))
        XCTAssertEqual(v.taps, cells([(3, 4), (3, 6), (3, 8), (5, 4), (5, 6), (5, 8), (7, 4), (7, 6), (7, 8)]))
    }

    // MARK: Pool cell → conv block and input region

    /// 3×3, stride 1, 2×2 pooling: 4×4 input cells feed one pool cell.
    func testPoolFieldStride1() {
        let g = geometry()
        let p = ReceptiveField.pool(GridCell(row: 0, col: 0), in: g)
        XCTAssertEqual(p.convBlock, CellRect(row: 0, col: 0, width: 2, height: 2))
        XCTAssertEqual(p.inputBounds, CellRect(row: 0, col: 0, width: 4, height: 4))
        XCTAssertEqual(p.inputTaps, block(rows: 0..<4, cols: 0..<4))
        let q = ReceptiveField.pool(GridCell(row: 1, col: 3), in: g)
        XCTAssertEqual(q.convBlock, CellRect(row: 2, col: 6, width: 2, height: 2))
        XCTAssertEqual(q.inputBounds, CellRect(row: 2, col: 6, width: 4, height: 4))
        XCTAssertEqual(q.insideInputBounds, q.inputBounds)
    }

    /// Stride 2: the block's windows start 2 apart, so 5×5 input cells.
    func testPoolFieldStride2() {
        let p = ReceptiveField.pool(GridCell(row: 1, col: 0), in: geometry(stride: 2))
        XCTAssertEqual(p.convBlock, CellRect(row: 2, col: 0, width: 2, height: 2))
        XCTAssertEqual(p.inputBounds, CellRect(row: 4, col: 0, width: 5, height: 5))
        XCTAssertEqual(p.inputTaps, block(rows: 4..<9, cols: 0..<5))
    }

    /// Dilation 2: at stride 1 the two windows interleave and fill 6×6; at stride 2 they share
    /// their taps and leave every other row and column out (4×4 taps over 7×7).
    func testPoolFieldDilation2() {
        let p = ReceptiveField.pool(GridCell(row: 0, col: 0), in: geometry(dilation: 2))
        XCTAssertEqual(p.inputBounds, CellRect(row: 0, col: 0, width: 6, height: 6))
        XCTAssertEqual(p.inputTaps, block(rows: 0..<6, cols: 0..<6))
        let q = ReceptiveField.pool(GridCell(row: 0, col: 0), in: geometry(stride: 2, dilation: 2))
        XCTAssertEqual(q.inputBounds, CellRect(row: 0, col: 0, width: 7, height: 7))
        let even = [0, 2, 4, 6]
        XCTAssertEqual(q.inputTaps, even.flatMap { r in even.map { GridCell(row: r, col: $0) } })
    }

    /// `same` padding at the corner: the region starts one cell into the padding.
    func testPoolFieldSamePaddingAtTheBorder() {
        let p = ReceptiveField.pool(GridCell(row: 0, col: 0), in: geometry(padding: .same))
        XCTAssertEqual(p.inputBounds, CellRect(row: -1, col: -1, width: 4, height: 4))
        XCTAssertEqual(p.insideInputBounds, CellRect(row: 0, col: 0, width: 3, height: 3))
        XCTAssertEqual(p.insideTaps, block(rows: 0..<3, cols: 0..<3))
        XCTAssertEqual(p.inputTaps.count, 16)
    }

    // MARK: Input pixel → conv cells

    func testConvCellsFedByAPixelStride1() {
        let g = geometry()
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 5, col: 5), in: g), block(rows: 3..<6, cols: 3..<6))
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 0, col: 0), in: g), cells([(0, 0)]))
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 23, col: 23), in: g), cells([(21, 21)]))
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 0, col: 10), in: g), cells([(0, 8), (0, 9), (0, 10)]))
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: -1, col: 0), in: g), [])
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 0, col: 24), in: g), [])
    }

    func testConvCellsFedByAPixelSamePadding() {
        let g = geometry(padding: .same)
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 0, col: 0), in: g), block(rows: 0..<2, cols: 0..<2))
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 23, col: 5), in: g), block(rows: 22..<24, cols: 4..<7))
    }

    /// Stride 2: pixel 4 is tap 0 of output 2 and tap 2 of output 1; pixel 3 is only tap 1 of output 1.
    func testConvCellsFedByAPixelStride2() {
        let g = geometry(stride: 2)
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 4, col: 4), in: g), block(rows: 1..<3, cols: 1..<3))
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 3, col: 3), in: g), cells([(1, 1)]))
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 3, col: 4), in: g), cells([(1, 1), (1, 2)]))
    }

    /// Dilation 2: the window of output 0 covers pixels 0–4 but taps only 0, 2 and 4, so pixel 1
    /// feeds output 1 alone; pixel 3 feeds outputs 1 and 3.
    func testConvCellsFedByAPixelDilation2() {
        let g = geometry(dilation: 2)
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 1, col: 1), in: g), cells([(1, 1)]))
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 3, col: 1), in: g), cells([(1, 1), (3, 1)]))
        XCTAssertEqual(ReceptiveField.convCells(fedBy: GridCell(row: 4, col: 4), in: g).count, 9)
    }

    func testPoolCellsFedByAPixel() {
        let g = geometry()
        // Pixel (5, 5) feeds conv rows and columns 3–5: pool rows and columns 1–2.
        XCTAssertEqual(ReceptiveField.poolCells(fedBy: GridCell(row: 5, col: 5), in: g),
                       block(rows: 1..<3, cols: 1..<3))
        // 23×23 input: a 21×21 conv map, whose last row and column no pool cell takes.
        let odd = ConvGeometry(inputWidth: 23, inputHeight: 23, kernelSize: 3, stride: 1, padding: .valid)
        XCTAssertEqual(ReceptiveField.poolCells(fedBy: GridCell(row: 22, col: 22), in: odd), [])
        XCTAssertEqual(ReceptiveField.poolCells(fedBy: GridCell(row: 21, col: 21), in: odd), cells([(9, 9)]))
    }

    // MARK: Properties

    /// Property: pixel P is among the (inside) taps of conv cell C exactly when C is among the
    /// cells P feeds, for random sizes, strides, dilations and paddings.
    func testPixelToConvIsTheInverseOfTheWindow() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<60 {
            let g = ConvGeometry(inputWidth: rng.int(1...14), inputHeight: rng.int(1...14), kernelSize: rng.oddSize(),
                                 stride: rng.int(1...3), padding: rng.padding(), dilation: rng.int(1...3))
            guard g.hasOutput else { continue }
            var fed: [GridCell: Set<GridCell>] = [:]
            for r in 0..<g.outputHeight {
                for c in 0..<g.outputWidth {
                    for t in ReceptiveField.window(ofConv: GridCell(row: r, col: c), in: g).insideTaps {
                        fed[t, default: []].insert(GridCell(row: r, col: c))
                    }
                }
            }
            for y in 0..<g.inputHeight {
                for x in 0..<g.inputWidth {
                    let p = GridCell(row: y, col: x)
                    let cells = ReceptiveField.convCells(fedBy: p, in: g)
                    XCTAssertEqual(cells, cells.sorted())
                    XCTAssertEqual(Set(cells), fed[p] ?? [], "\(p) in \(g)")
                }
            }
        }
    }

    /// Property: a window's taps lie in its bounds, the inside taps in the inside bounds, and a
    /// pool field's taps are the union of its block's windows.
    func testBoundsHoldTheTaps() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<60 {
            let g = ConvGeometry(inputWidth: rng.int(2...14), inputHeight: rng.int(2...14), kernelSize: rng.oddSize(),
                                 stride: rng.int(1...3), padding: rng.padding(), dilation: rng.int(1...3))
            guard g.poolWidth > 0, g.poolHeight > 0 else { continue }
            let pc = GridCell(row: rng.int(0...g.poolHeight - 1), col: rng.int(0...g.poolWidth - 1))
            let field = ReceptiveField.pool(pc, in: g)
            var union = Set<GridCell>()
            for r in field.convBlock.row..<field.convBlock.endRow {
                for c in field.convBlock.col..<field.convBlock.endCol {
                    let w = ReceptiveField.window(ofConv: GridCell(row: r, col: c), in: g)
                    XCTAssertTrue(w.taps.allSatisfy(w.bounds.contains))
                    XCTAssertTrue(w.insideTaps.allSatisfy { w.insideBounds?.contains($0) == true })
                    XCTAssertTrue(w.taps.allSatisfy(field.inputBounds.contains))
                    union.formUnion(w.taps)
                }
            }
            XCTAssertEqual(Set(field.inputTaps), union)
            XCTAssertTrue(field.insideTaps.allSatisfy { field.insideInputBounds?.contains($0) == true })
        }
    }
}
