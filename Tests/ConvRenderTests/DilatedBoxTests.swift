import ConvModel
@testable import ConvRender
import XCTest

/// With dilation the yellow box covers the whole span, and exactly the cells the kernel reads
/// (every `dilation`-th cell) are marked inside it.
final class DilatedBoxTests: XCTestCase {
    private func span(_ s: AppState) -> CellRect {
        let g = s.geometry, o = g.windowOrigin(row: s.scan.row, col: s.scan.col)
        return CellRect(row: o.row, col: o.col, width: g.span, height: g.span)
    }

    /// Taps by the definition: `out[r][c]` reads `in[r·s + i·d − p][c·s + j·d − p]`.
    private func taps(_ s: AppState) -> Set<GridCell> {
        let st = s.settings.stride, d = s.settings.dilation, p = s.geometry.pad, k = s.kernel.size
        var out = Set<GridCell>()
        for i in 0..<k {
            for j in 0..<k { out.insert(GridCell(row: s.scan.row * st + i * d - p, col: s.scan.col * st + j * d - p)) }
        }
        return out
    }

    func testTapsAreMarkedOnExactlyTheRightCells() {
        for dilation in [2, 3] {
            for stride in [1, 2] {
                for padding in Padding.allCases {
                    let settings = ConvSettings(stride: stride, padding: padding, dilation: dilation)
                    let probe = makeState(settings: settings)
                    let last = probe.scan.lastPosition
                    for position in [0, 7, last / 2, last] {
                        for theme in Theme.allCases {
                            let s = makeState(settings: settings, position: position) { $0.view.theme = theme }
                            check(s, "dilation \(dilation), stride \(stride), \(padding), position \(position), \(theme)")
                        }
                    }
                }
            }
        }
    }

    /// In a small window the cells are too small for frames; the taps get a dot in the middle.
    func testSmallCellsGetDots() {
        let s = makeState(settings: ConvSettings(padding: .same, dilation: 2), width: 800, height: 500, position: 30)
        let m = FrameLayout(state: s).mapping(.input, in: s)
        XCTAssertLessThan(m.cellSize, 10)
        let frame = renderFrame(s)
        let box = Palette.dark.box
        let b = span(s), read = taps(s)
        for r in b.row..<b.endRow {
            for c in b.col..<b.endCol {
                let cell = m.cellRect(row: r, col: c)
                if read.contains(GridCell(row: r, col: c)) {
                    assertColor(frame, cell.midX, cell.midY, box, "dot on tap (\(r), \(c))")
                } else {
                    assertNotColor(frame, cell.midX, cell.midY, box, "no dot on (\(r), \(c))")
                }
            }
        }
    }

    /// Without dilation every cell of the box is read, and none is marked.
    func testNoMarksWithoutDilation() {
        let s = makeState(position: 100)
        let m = FrameLayout(state: s).mapping(.input, in: s)
        let frame = renderFrame(s)
        let b = span(s)
        for r in b.row..<b.endRow {
            for c in b.col..<b.endCol {
                let cell = m.cellRect(row: r, col: c)
                assertNotColor(frame, cell.minX + 1, cell.midY, Palette.dark.box, "cell (\(r), \(c))")
            }
        }
    }

    private func check(_ s: AppState, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let layout = FrameLayout(state: s)
        let m = layout.mapping(.input, in: s)
        XCTAssertGreaterThanOrEqual(m.cellSize, 10, what, file: file, line: line)
        let frame = renderFrame(s)
        let box = Palette.of(s.view.theme).box
        let b = span(s)
        let rect = m.blockRect(row: b.row, col: b.col, rowCount: b.height, colCount: b.width)
        assertFramed(frame, rect, width: FrameRenderer.markWidth(layout), box, "box: \(what)", file: file, line: line)
        let read = taps(s)
        XCTAssertEqual(read.count, s.kernel.size * s.kernel.size)
        let w = FrameRenderer.cellMarkWidth(layout), i = FrameRenderer.cellMarkInset(m.cellSize)
        for r in b.row..<b.endRow {
            for c in b.col..<b.endCol {
                let cell = m.cellRect(row: r, col: c)
                // The ring `i` pixels inside the cell on all four sides.
                let ring = [(cell.minX + i, cell.midY), (cell.maxX - 1 - i, cell.midY),
                            (cell.midX, cell.minY + i), (cell.midX, cell.maxY - 1 - i)]
                let edges = [(cell.minX, cell.midY), (cell.maxX - 1, cell.midY), (cell.midX, cell.minY), (cell.midX, cell.maxY - 1)]
                for (x, y) in edges + [(cell.midX, cell.midY)] {
                    assertNotColor(frame, x, y, box, "(\(r), \(c)) edge or middle: \(what)", file: file, line: line)
                }
                if read.contains(GridCell(row: r, col: c)) {
                    for (x, y) in ring {
                        assertColor(frame, x, y, box, "tap (\(r), \(c)): \(what)", file: file, line: line)
                    }
                    assertColor(frame, cell.minX + i + w - 1, cell.midY, box, "ring width: \(what)", file: file, line: line)
                    assertNotColor(frame, cell.minX + i + w, cell.midY, box, "ring width: \(what)", file: file, line: line)
                } else {
                    for (x, y) in ring {
                        assertNotColor(frame, x, y, box, "not a tap (\(r), \(c)): \(what)", file: file, line: line)
                    }
                }
            }
        }
    }
}
