import ConvModel
@testable import ConvRender
import XCTest

/// The numbers of the kernel, patch and products grids are drawn, in a colour that reads on
/// their cell: light text on a black pixel, dark text on a white one.
final class DetailNumbersTests: XCTestCase {
    private func textPixels(_ s: AppState, _ rect: (DetailLayout) -> Rect, row: Int, col: Int,
                            lighterThan: Double? = nil, darkerThan: Double? = nil) -> Int {
        let surface = renderFrame(s)
        let scene = FrameScene(state: s, width: s.windowWidth, height: s.windowHeight)
        let grid = KernelGrid(in: rect(scene.layout.detail), size: s.kernel.size)
        let cell = grid.rect(of: GridCell(row: row, col: col))
        var n = 0
        for y in Int(cell.minY) ..< Int(cell.maxY) - 2 {
            for x in Int(cell.minX) ..< Int(cell.maxX) - 2 {
                let v = surface.rgb(Double(x), Double(y))
                let l = 0.2126 * Double(v >> 16 & 0xFF) / 255 + 0.7152 * Double(v >> 8 & 0xFF) / 255 + 0.0722 * Double(v & 0xFF) / 255
                if let lo = lighterThan, l > lo { n += 1 }
                if let hi = darkerThan, l < hi { n += 1 }
            }
        }
        return n
    }

    func testZeroOnABlackPatchCellIsLightText() {
        for theme in Theme.allCases {
            // Position 100 of face with edge_v: the patch is all black (0).
            let s = makeState(width: 1920, height: 1080, position: 100) { $0.view.theme = theme }
            XCTAssertEqual(s.currentCell.patch[0], 0)
            XCTAssertGreaterThan(textPixels(s, { $0.patch }, row: 0, col: 0, lighterThan: 0.7), 10, "\(theme)")
        }
    }

    func testOneOnAWhitePatchCellIsDarkText() {
        // Input `cross` at its centre: the patch is white (1).
        let s = makeState(input: "cross", filter: "identity", width: 1920, height: 1080, position: 11 * 22 + 10)
        XCTAssertEqual(s.currentCell.patch[4], 1)
        XCTAssertGreaterThan(textPixels(s, { $0.patch }, row: 1, col: 1, darkerThan: 0.3), 10)
    }
}

/// The small grids shrink their numbers just enough: whenever the group's numbers fit at the
/// smallest size allowed, the size chosen fits them too (glyph advances are hinted to whole
/// pixels, so a size scaled in proportion can come out a pixel too wide).
final class SmallGridSizeTests: XCTestCase {
    func testChosenSizeFitsTheWidestNumber() throws {
        let s = makeState(width: 1280, height: 800)
        let scene = FrameScene(state: s, width: 1280, height: 800)
        let renderer = FrameRenderer()
        let surface = try ImageSurface(width: 4, height: 4, opaque: true)
        let context = DrawingContext(surface)
        defer { withExtendedLifetime(context) {} }
        let canvas = Canvas(cr: context.pointer)
        let groups: [[Float]] = [[-0.0941, 0.1412, -0.2039], [-0.15294, 0.13333, 0], [1, -2, 0.5], [-0.001, 0.0021]]
        for values in groups {
            for d in 2...5 {
                for cell in stride(from: 28.0, through: 60, by: 0.5) {
                    let room = (cell - 1) * 0.88
                    guard let g = FrameRenderer.smallGridGlyphs(values, decimals: d, cell: cell, room: room, scene, canvas, renderer)
                    else { continue }
                    XCTAssertGreaterThan(CellNumberText.widest(values, decimals: d, glyphs: g), 0, "glyphs were measured")
                    let smallest = renderer.glyphs(canvas.cr, size: scene.layout.fonts.minCell * 0.85)
                    if CellNumberText.widest(values, decimals: d, glyphs: smallest) <= room {
                        XCTAssertLessThanOrEqual(CellNumberText.widest(values, decimals: d, glyphs: g), room,
                                                 "\(values) at \(d) places in a \(cell) px cell: size \(g.size)")
                    }
                }
            }
        }
    }
}
