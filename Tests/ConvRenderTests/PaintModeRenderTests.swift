import ConvModel
@testable import ConvRender
import XCTest

/// Paint mode shows itself: a chip in the input's title, and the brush outlined under the pointer.
final class PaintModeRenderTests: XCTestCase {
    func testChipTexts() {
        var painter = InputPainter(isOn: true, brush: 2)
        XCTAssertEqual(FrameRenderer.paintChipTexts(painter).first, "PAINT · brush 2 · [ ] size · c clears")
        var s = makeState()
        XCTAssertFalse(FrameRenderer.statusText(s).left.contains { $0.hasPrefix("painting") })
        s.update(.togglePaintMode)
        XCTAssertTrue(FrameRenderer.statusText(s).left.contains("painting: left button white, right black"))
        painter.changeBrush(by: 5)
        XCTAssertEqual(FrameRenderer.paintChipTexts(painter).last, "PAINT")
        XCTAssertTrue(FrameRenderer.paintChipTexts(painter)[2].hasSuffix("brush 3"))
    }

    /// The chip is drawn in the input's title band in paint mode only, at every usual size.
    func testChipInTheInputTitle() {
        for (w, h) in [(1920, 1080), (1280, 800), (800, 600)] {
            for theme in Theme.allCases {
                let off = makeState(width: w, height: h) { $0.view.theme = theme }
                var on = off
                on.update(.togglePaintMode)
                let a = renderFrame(off), b = renderFrame(on)
                let title = FrameLayout(state: on).panel(.input).title
                var differ = 0
                for y in stride(from: title.minY, to: title.maxY, by: 1) {
                    for x in stride(from: title.minX, to: title.maxX, by: 1) where a.rgb(x, y) != b.rgb(x, y) { differ += 1 }
                }
                XCTAssertGreaterThan(differ, 200, "chip at \(w)×\(h), \(theme)")
                // Only the input's title changes.
                let conv = FrameLayout(state: on).panel(.conv).title
                XCTAssertEqual(a.rgb(conv.midX, conv.midY), b.rgb(conv.midX, conv.midY))
            }
        }
    }

    /// Hovering the input in paint mode outlines the block the brush would paint, clipped to the image.
    func testBrushFootprint() {
        for theme in Theme.allCases {
            for (brush, row, col) in [(1, 5, 5), (2, 10, 3), (3, 12, 12), (3, 0, 23)] {
                // The scan's box stays at the top-left, clear of the brush.
                let s = makeState(position: 0) {
                    $0.update(.togglePaintMode)
                    $0.update(.changeBrush(brush - 1))
                    $0.hover = HoverTarget(panel: .input, row: row, col: col)
                    $0.view.theme = theme
                }
                XCTAssertEqual(s.painter.brush, brush)
                let layout = FrameLayout(state: s), m = layout.mapping(.input, in: s)
                let b = InputPainter.brushBlock(row: row, col: col, brush: brush).clipped(toWidth: 24, height: 24)!
                let rect = m.blockRect(row: b.row, col: b.col, rowCount: b.height, colCount: b.width)
                assertFramed(renderFrame(s), rect, width: FrameRenderer.linkWidth(layout), Palette.of(theme).text,
                             "brush \(brush) at (\(row), \(col)), \(theme)")
            }
        }
    }
}
