import XCTest
import ConvModel

/// Hit-testing the kernel grid, and the shown ↔ stored weight mapping under flip.
final class KernelGridTests: XCTestCase {
    func testCellsAreWholePixelsAndCentred() {
        let g = KernelGrid(in: Rect(x: 10, y: 20, width: 100, height: 100), size: 3)
        XCTAssertEqual(g.cell, 33)
        XCTAssertEqual(g.x0, 11)
        XCTAssertEqual(g.y0, 21)
        XCTAssertEqual(g.rect(of: GridCell(row: 1, col: 2)), Rect(x: 77, y: 54, width: 33, height: 33))
        XCTAssertEqual(g.cell(atX: 11, y: 21), GridCell(row: 0, col: 0))
        XCTAssertEqual(g.cell(atX: 109.9, y: 119.9), GridCell(row: 2, col: 2))
        XCTAssertEqual(g.cell(atX: 80, y: 40), GridCell(row: 0, col: 2))
        XCTAssertNil(g.cell(atX: 10.5, y: 50))
        XCTAssertNil(g.cell(atX: 50, y: 120))
        XCTAssertFalse(KernelGrid(in: Rect(x: 0, y: 0, width: 10, height: 10), size: 7).isDrawn)
        XCTAssertNil(KernelGrid(in: Rect(x: 0, y: 0, width: 10, height: 10), size: 7).cell(atX: 5, y: 5))
    }

    /// Every shown cell's centre hits that cell.
    func testCentresHitTheirCells() {
        for k in [1, 3, 5, 7] {
            let g = KernelGrid(in: Rect(x: 3.5, y: 7, width: 97, height: 97), size: k)
            for r in 0..<k {
                for c in 0..<k {
                    let rect = g.rect(of: GridCell(row: r, col: c))
                    XCTAssertEqual(g.cell(atX: rect.midX, y: rect.midY), GridCell(row: r, col: c))
                }
            }
        }
    }

    /// With flip on, the grid shows the kernel turned by 180°: the top-left cell is the stored
    /// bottom-right weight, and editing what is shown edits that weight.
    func testFlipMapsShownToStored() throws {
        var s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "emboss")!)
        XCTAssertEqual(s.storedWeight(shownAt: GridCell(row: 0, col: 0)), GridCell(row: 0, col: 0))
        s.update(.toggleFlip)
        let stored = s.storedWeight(shownAt: GridCell(row: 0, col: 0))
        XCTAssertEqual(stored, GridCell(row: 2, col: 2))
        XCTAssertEqual(s.maps.appliedKernel[0, 0], s.kernel[stored.row, stored.col])
        s.update(.selectWeight(row: stored.row, col: stored.col))
        XCTAssertEqual(s.shownSelectedWeight, GridCell(row: 0, col: 0))
        s.update(.nudgeWeight(steps: 1, coarse: true))
        XCTAssertEqual(s.maps.appliedKernel[0, 0], 3)
        XCTAssertEqual(s.kernel[2, 2], 3)
    }

    /// A click on the centre of the drawn kernel grid names the centre weight.
    func testKernelWeightAtAWindowPoint() throws {
        let s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "sharpen")!)
        let rect = FrameLayout(state: s).detail.kernel
        let grid = KernelGrid(in: rect, size: 3)
        try XCTSkipUnless(grid.isDrawn, "no room for the kernel grid at this window size")
        let centre = grid.rect(of: GridCell(row: 1, col: 1))
        XCTAssertEqual(s.kernelWeight(atX: centre.midX, y: centre.midY), GridCell(row: 1, col: 1))
        let corner = grid.rect(of: GridCell(row: 0, col: 2))
        XCTAssertEqual(s.kernelWeight(atX: corner.midX, y: corner.midY), GridCell(row: 0, col: 2))
        XCTAssertNil(s.kernelWeight(atX: 1, y: 1))
    }
}
