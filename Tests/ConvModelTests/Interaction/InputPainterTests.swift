import XCTest
import ConvModel

/// Painting the input through `update`: paint mode, brush, strokes without gaps, clearing.
final class InputPainterTests: XCTestCase {
    private func canvas(_ w: Int = 12, _ h: Int = 10) throws -> AppState {
        let blank = try XCTUnwrap(BlankCanvas.parse("blank:\(w)x\(h)"))
        var s = try AppState(image: blank, kernel: Kernel.preset(named: "edge_v")!, playing: false)
        s.update(.togglePaintMode)
        return s
    }

    /// The white cells of the input, in raster order.
    private func white(_ s: AppState) -> [GridCell] {
        let g = s.image.grid
        return (0..<g.height).flatMap { r in (0..<g.width).compactMap { g[r, $0] == 1 ? GridCell(row: r, col: $0) : nil } }
    }

    private func assertMapsCurrent(_ s: AppState, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(s.maps, FeatureMaps(input: s.image.grid, kernel: s.kernel, settings: s.settings),
                       "maps not rebuilt", file: file, line: line)
    }

    func testPaintOnlyInPaintMode() throws {
        var s = try canvas()
        s.update(.togglePaintMode)
        XCTAssertFalse(s.painter.isOn)
        let before = s
        s.update(.paint(row: 3, col: 3, value: 1))
        s.update(.paintStroke(fromRow: 0, fromCol: 0, toRow: 5, toCol: 5, value: 1))
        XCTAssertEqual(s, before)
    }

    func testPaintACellRebuildsTheMaps() throws {
        var s = try canvas()
        XCTAssertTrue(s.maps.conv.values.allSatisfy { $0 == 0 })
        s.update(.paint(row: 4, col: 5, value: 1))
        XCTAssertEqual(white(s), [GridCell(row: 4, col: 5)])
        XCTAssertEqual(s.image.name, "painted")
        XCTAssertEqual(s.image.grid.width, 12)
        XCTAssertEqual(s.image.grid.height, 10)
        assertMapsCurrent(s)
        // Vertical edges either side of the dot: +1 to its left, −1 to its right, on the three rows it spans.
        XCTAssertEqual(s.maps.conv[3, 3], 1)
        XCTAssertEqual(s.maps.conv[3, 5], -1)
        s.update(.paint(row: 4, col: 5, value: 0))
        XCTAssertEqual(white(s), [])
        assertMapsCurrent(s)
    }

    /// Painting a pixel with the value it has changes nothing, not even the name.
    func testPaintingTheSameValueIsANoOp() throws {
        var s = try canvas()
        let before = s
        s.update(.paint(row: 1, col: 1, value: 0))
        XCTAssertEqual(s, before)
    }

    func testValuesAreClampedToTheInputRange() throws {
        var s = try canvas()
        s.update(.paint(row: 0, col: 0, value: 7))
        s.update(.paint(row: 0, col: 1, value: 0.25))
        XCTAssertEqual(s.image.grid[0, 0], 1)
        XCTAssertEqual(s.image.grid[0, 1], 0.25)
        let before = s
        s.update(.paint(row: 0, col: 2, value: .nan))
        XCTAssertEqual(s, before)
    }

    func testBrushSizes() throws {
        var s = try canvas()
        XCTAssertEqual(s.painter.brush, 1)
        s.update(.changeBrush(-1))
        XCTAssertEqual(s.painter.brush, 1)
        s.update(.changeBrush(1))
        XCTAssertEqual(s.painter.brush, 2)
        // b = 2: the cell, its right and lower neighbours and the one below-right.
        s.update(.paint(row: 4, col: 5, value: 1))
        XCTAssertEqual(white(s), [GridCell(row: 4, col: 5), GridCell(row: 4, col: 6),
                                  GridCell(row: 5, col: 5), GridCell(row: 5, col: 6)])
        s.update(.changeBrush(5))
        XCTAssertEqual(s.painter.brush, 3)
        s.update(.paint(row: 4, col: 5, value: 0))
        XCTAssertEqual(white(s), [], "a 3×3 brush centred on (4, 5) covers the 2×2 block")
        // At the corner a 3×3 brush is clipped to the image.
        s.update(.paint(row: 0, col: 0, value: 1))
        XCTAssertEqual(white(s), [GridCell(row: 0, col: 0), GridCell(row: 0, col: 1),
                                  GridCell(row: 1, col: 0), GridCell(row: 1, col: 1)])
        // A brush that hangs off the far corner too.
        s.update(.paint(row: 10, col: 12, value: 1))
        XCTAssertEqual(s.image.grid[9, 11], 1)
        assertMapsCurrent(s)
    }

    /// The brush grows with the image: a step of one cell up to 63 pixels across, then one more
    /// cell per 32 pixels of the longest side; a click paints a square of that side.
    func testBrushScalesWithTheImage() throws {
        XCTAssertEqual(InputPainter.side(brush: 1, width: 24, height: 24), 1)
        XCTAssertEqual(InputPainter.side(brush: 3, width: 63, height: 10), 3)
        XCTAssertEqual(InputPainter.side(brush: 1, width: 64, height: 64), 2)
        XCTAssertEqual(InputPainter.side(brush: 2, width: 100, height: 512), 32)
        var s = try canvas(256, 128)
        XCTAssertEqual(s.brushSide, 8)
        s.update(.paintStroke(fromRow: 50, fromCol: 100, toRow: 50, toCol: 100, value: 1))
        let cells = white(s)
        XCTAssertEqual(cells.count, 64, "one 8×8 stamp")
        XCTAssertEqual(cells.first, GridCell(row: 47, col: 97))
        XCTAssertEqual(cells.last, GridCell(row: 54, col: 104))
    }

    func testBrushBlock() {
        XCTAssertEqual(InputPainter.brushBlock(row: 5, col: 5, brush: 1), CellRect(row: 5, col: 5, width: 1, height: 1))
        XCTAssertEqual(InputPainter.brushBlock(row: 5, col: 5, brush: 2), CellRect(row: 5, col: 5, width: 2, height: 2))
        XCTAssertEqual(InputPainter.brushBlock(row: 5, col: 5, brush: 3), CellRect(row: 4, col: 4, width: 3, height: 3))
    }

    /// A fast drag reports cells far apart; the stroke fills the line between them.
    func testStrokeLeavesNoGaps() throws {
        var s = try canvas()
        s.update(.paintStroke(fromRow: 2, fromCol: 1, toRow: 2, toCol: 9, value: 1))
        XCTAssertEqual(white(s), (1...9).map { GridCell(row: 2, col: $0) })
        assertMapsCurrent(s)
        s.update(.paintStroke(fromRow: 0, fromCol: 0, toRow: 9, toCol: 9, value: 1))
        for i in 0...9 { XCTAssertEqual(s.image.grid[i, i], 1) }
        s.update(.paintStroke(fromRow: 9, fromCol: 0, toRow: 0, toCol: 3, value: 0))
        XCTAssertEqual(s.image.grid[9, 0], 0)
        XCTAssertEqual(s.image.grid[0, 3], 0)
    }

    func testLineHandWorked() {
        func cells(_ pairs: [(Int, Int)]) -> [GridCell] { pairs.map { GridCell(row: $0.0, col: $0.1) } }
        XCTAssertEqual(InputPainter.line(from: GridCell(row: 3, col: 3), to: GridCell(row: 3, col: 3)), cells([(3, 3)]))
        XCTAssertEqual(InputPainter.line(from: GridCell(row: 0, col: 0), to: GridCell(row: 2, col: 2)),
                       cells([(0, 0), (1, 1), (2, 2)]))
        // A shallow line: one row step halfway along.
        XCTAssertEqual(InputPainter.line(from: GridCell(row: 0, col: 0), to: GridCell(row: 1, col: 4)),
                       cells([(0, 0), (0, 1), (1, 2), (1, 3), (1, 4)]))
        XCTAssertEqual(InputPainter.line(from: GridCell(row: 4, col: 1), to: GridCell(row: 0, col: 1)),
                       cells([(4, 1), (3, 1), (2, 1), (1, 1), (0, 1)]))
    }

    /// Property: a line starts and ends at its ends, moves to a neighbour (8-connected) at every
    /// step, never visits a cell twice, and has max(|Δrow|, |Δcol|) + 1 cells.
    func testLineProperties() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<500 {
            let a = GridCell(row: rng.int(-20...20), col: rng.int(-20...20))
            let b = GridCell(row: rng.int(-20...20), col: rng.int(-20...20))
            let line = InputPainter.line(from: a, to: b)
            XCTAssertEqual(line.first, a)
            XCTAssertEqual(line.last, b)
            XCTAssertEqual(line.count, max(abs(a.row - b.row), abs(a.col - b.col)) + 1, "\(a) → \(b)")
            XCTAssertEqual(Set(line).count, line.count)
            for (p, q) in zip(line, line.dropFirst()) {
                XCTAssertLessThanOrEqual(max(abs(p.row - q.row), abs(p.col - q.col)), 1, "\(a) → \(b)")
            }
        }
    }

    /// A stroke from a wild pointer position costs no more than one across the image, and still
    /// paints the part of the line that crosses it.
    func testStrokeFromFarAwayIsClipped() throws {
        let far = 1_000_000_000
        let cells = InputPainter.strokeCells(from: GridCell(row: -far, col: -far), to: GridCell(row: far, col: far),
                                             width: 12, height: 10)
        XCTAssertLessThan(cells.count, 40)
        var s = try canvas()
        s.update(.paintStroke(fromRow: -far, fromCol: -far, toRow: far, toCol: far, value: 1))
        XCTAssertEqual(white(s), (0...9).map { GridCell(row: $0, col: $0) })
        XCTAssertEqual(InputPainter.strokeCells(from: GridCell(row: -far, col: 0), to: GridCell(row: -far, col: 5),
                                                width: 12, height: 10), [])
    }

    func testClearOnlyInPaintMode() throws {
        var s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.presets[1])
        let before = s
        s.update(.clearCanvas)
        XCTAssertEqual(s.image, before.image)
        XCTAssertNotNil(s.message)
        s.update(.togglePaintMode)
        s.update(.clearCanvas)
        XCTAssertEqual(s.image.name, "painted")
        XCTAssertEqual(s.image.grid, Grid(width: 24, height: 24))
        XCTAssertNil(s.message)
        XCTAssertTrue(s.maps.pool.values.allSatisfy { $0 == 0 })
    }

    /// Painting keeps the scan where it was: the size does not change.
    func testPaintingKeepsTheScanPosition() throws {
        var s = try canvas()
        s.update(.seek(17))
        s.update(.paint(row: 2, col: 2, value: 1))
        XCTAssertEqual(s.scan.position, 17)
    }
}
