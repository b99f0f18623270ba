import ConvModel
@testable import ConvRender
import XCTest

/// The marks of the scan, found in rendered frames where the layout says they must be.
final class FrameMarksTests: XCTestCase {
    /// The input cells of the window for the current position, in window pixels.
    private func windowRect(_ s: AppState) -> Rect {
        let g = s.geometry, o = g.windowOrigin(row: s.scan.row, col: s.scan.col)
        return FrameLayout(state: s).mapping(.input, in: s).blockRect(row: o.row, col: o.col, rowCount: g.span, colCount: g.span)
    }

    /// The yellow box lies exactly around the k×k cells of the current window: for several
    /// positions, strides, paddings, kernel sizes, zooms, themes and window sizes.
    func testYellowBoxSurroundsTheWindow() {
        let cases: [(ConvSettings, String, [Int])] = [
            (ConvSettings(), "edge_v", [0, 37, 100, 483]),
            (ConvSettings(stride: 2), "sobel_x", [0, 5, 60, 120]),
            (ConvSettings(padding: .same), "blur", [0, 23, 300, 575]),
            (ConvSettings(stride: 3, padding: .same), "sharpen", [0, 9, 40, 63]),
        ]
        for (settings, filter, positions) in cases {
            for position in positions {
                for theme in Theme.allCases {
                    let s = makeState(filter: filter, settings: settings, position: position) { $0.view.theme = theme }
                    let frame = renderFrame(s)
                    let layout = FrameLayout(state: s)
                    assertFramed(frame, windowRect(s), width: FrameRenderer.markWidth(layout), Palette.of(theme).box,
                                 "box at \(position), stride \(settings.stride), \(settings.padding), \(theme)")
                }
            }
        }
    }

    func testYellowBoxWhenZoomedAndPanned() {
        for (zoom, panX, panY) in [(2.0, 0.0, 0.0), (2.5, 40.0, -30.0), (6.0, 150.0, 120.0)] {
            for position in [0, 100, 230] {
                let s = makeState(position: position) { $0.panels[PanelKind.input.rawValue] = PanelView(zoom: zoom, panX: panX, panY: panY) }
                let layout = FrameLayout(state: s)
                let box = windowRect(s), w = FrameRenderer.markWidth(layout)
                let area = layout.panel(.input).image
                // Only a box wholly in view can be checked on all four sides.
                guard area.insetBy(dx: w + 1, dy: w + 1).contains(box) else { continue }
                assertFramed(renderFrame(s), box, width: w, Palette.dark.box, "box at \(position), zoom \(zoom)")
            }
        }
    }

    /// A 5×5 kernel gives a 5×5 box.
    func testBoxFollowsTheKernelSize() {
        var s = makeState(position: 50)
        s.update(.setKernel(try! Kernel.parse("0,0,0,0,0;0,0,0,0,0;0,0,1,0,0;0,0,0,0,0;0,0,0,0,0")))
        let box = windowRect(s)
        let m = FrameLayout(state: s).mapping(.input, in: s)
        XCTAssertEqual(box.width, m.blockRect(row: 0, col: 0, rowCount: 5, colCount: 5).width, accuracy: 1)
        assertFramed(renderFrame(s), box, width: FrameRenderer.markWidth(FrameLayout(state: s)), Palette.dark.box, "5×5 box")
    }

    /// The lit cell on the conv panel is the one the scan has just computed.
    func testLitCellIsTheScanPosition() {
        for (settings, position) in [(ConvSettings(), 0), (ConvSettings(), 101), (ConvSettings(), 483),
                                     (ConvSettings(stride: 2), 77), (ConvSettings(padding: .same), 300)] {
            for theme in Theme.allCases {
                let s = makeState(settings: settings, position: position) { $0.view.theme = theme }
                let layout = FrameLayout(state: s)
                let cell = layout.mapping(.conv, in: s).cellRect(row: s.scan.row, col: s.scan.col)
                assertFramed(renderFrame(s), cell, width: FrameRenderer.markWidth(layout), Palette.of(theme).lit,
                             "lit cell at \(position), \(theme)")
            }
        }
    }

    /// When a cell completes its 2×2 block, the pool cell it feeds is lit too.
    func testPoolCellLitWhenItsBlockCompletes() {
        var s = makeState()
        let pr = 3, pc = 4
        s.update(.seek(s.scan.completionPosition(poolRow: pr, poolCol: pc)))
        let layout = FrameLayout(state: s)
        let cell = layout.mapping(.pool, in: s).cellRect(row: pr, col: pc)
        let frame = renderFrame(s)
        assertFramed(frame, cell, width: FrameRenderer.markWidth(layout), Palette.dark.lit, "completed pool cell")
        // One step earlier the block is not complete: the pool cell is only outlined quietly.
        s.update(.step(-1))
        let before = renderFrame(s)
        assertNotColor(before, cell.midX, cell.minY - 1, Palette.dark.lit, "pool cell before its block completes")
    }

    /// While the scan is slow the box glides toward the next window; paused, it sits still.
    func testBoxGlidesBetweenPositions() {
        var s = makeState(position: 40) { $0.update(.setSpeed(2)); $0.update(.setPlaying(true)) }
        let here = windowRect(s)
        s.update(.tick(seconds: 0.4))  // 2/s × 0.4 s: 80 % of the way
        XCTAssertEqual(s.scan.position, 40)
        let scene = FrameScene(state: s, width: 1920, height: 1080)
        let box = scene.boxRect
        XCTAssertGreaterThan(box.minX, here.minX, "moving right")
        var next = s
        next.update(.step(1))
        XCTAssertLessThan(box.minX, windowRect(next).minX, "not there yet")
        assertFramed(renderFrame(s), box, width: FrameRenderer.markWidth(scene.layout), Palette.dark.box, "gliding box")

        // Early in a step the box rests on the window just computed.
        var early = makeState(position: 40) { $0.update(.setSpeed(2)); $0.update(.setPlaying(true)) }
        early.update(.tick(seconds: 0.1))
        XCTAssertEqual(FrameScene(state: early, width: 1920, height: 1080).boxRect, here)
        // Fast scans do not glide.
        var fast = makeState(position: 40) { $0.update(.setSpeed(8)); $0.update(.setPlaying(true)) }
        fast.update(.tick(seconds: 0.1))
        XCTAssertEqual(FrameScene(state: fast, width: 1920, height: 1080).boxRect, windowRect(fast))
        // Nor does a box with glide off.
        s.view.glide = false
        XCTAssertEqual(FrameScene(state: s, width: 1920, height: 1080).boxRect, here)
    }

    /// With `same` padding the window at the first position hangs over the top-left corner; the
    /// padding cells under it are drawn as zeros, and the ones outside the window are not drawn.
    func testPaddingUnderTheBoxIsZeros() {
        let s = makeState(settings: ConvSettings(padding: .same), position: 0) { $0.view.showNumbers = false }
        let m = FrameLayout(state: s).mapping(.input, in: s)
        let frame = renderFrame(s)
        let zero = Colormap.gray.colors[0]
        for (r, c) in [(-1, -1), (-1, 0), (-1, 1), (0, -1), (1, -1)] {
            let cell = m.cellRect(row: r, col: c)
            assertColor(frame, cell.midX, cell.midY, zero, "padding cell (\(r), \(c)) under the box")
        }
        let away = m.cellRect(row: -1, col: 10)
        assertColor(frame, away.midX, away.midY, Palette.dark.background, "padding away from the box")
    }

    /// The cell under the pointer is outlined.
    func testHoverOutline() {
        let s = makeState(position: 10) { $0.hover = HoverTarget(panel: .pool, row: 8, col: 2) }
        let cell = FrameLayout(state: s).mapping(.pool, in: s).cellRect(row: 8, col: 2)
        let plain = renderFrame(makeState(position: 10))
        let hovered = renderFrame(s)
        XCTAssertNotEqual(hovered.rgb(cell.midX, cell.minY - 1), plain.rgb(cell.midX, cell.minY - 1))
    }
}
