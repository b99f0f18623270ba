import ConvModel
@testable import ConvRender
import XCTest

/// Progressive reveal: cells computed so far are drawn in their colour, the rest are empty.
final class RevealTests: XCTestCase {
    /// A pixel inside a cell that no mark, number or grid line covers: numbers and grid are off,
    /// and marks lie outside the cells they frame, so only the neighbours' edges are touched.
    private func centre(_ r: Rect) -> (Double, Double) { (r.midX.rounded(.down), r.midY.rounded(.down)) }

    func testConvAndPoolRevealCellByCell() {
        for (settings, position) in [(ConvSettings(), 0), (ConvSettings(), 101), (ConvSettings(), 262),
                                     (ConvSettings(stride: 2), 60), (ConvSettings(padding: .same), 333)] {
            for theme in Theme.allCases {
                let s = makeState(settings: settings, position: position) {
                    $0.view.showNumbers = false
                    $0.view.showGrid = false
                    $0.view.theme = theme
                }
                let frame = renderFrame(s)
                let scene = FrameScene(state: s, width: s.windowWidth, height: s.windowHeight)
                let empty = scene.palette.panel
                let conv = scene.mapping(.conv)
                for r in 0..<conv.rows {
                    for c in 0..<conv.columns {
                        let (x, y) = centre(conv.cellRect(row: r, col: c))
                        if s.scan.isRevealed(row: r, col: c) {
                            assertColor(frame, x, y, scene.middleScale.color(s.maps.relu[r, c]),
                                        "revealed conv cell (\(r), \(c)) at \(position)")
                        } else {
                            assertColor(frame, x, y, empty, "conv cell (\(r), \(c)) not yet computed at \(position)")
                        }
                    }
                }
                let pool = scene.mapping(.pool)
                for r in 0..<pool.rows {
                    for c in 0..<pool.columns {
                        let (x, y) = centre(pool.cellRect(row: r, col: c))
                        if s.scan.isPoolRevealed(row: r, col: c) {
                            assertColor(frame, x, y, scene.poolScale.color(s.maps.pool[r, c]), "revealed pool cell (\(r), \(c))")
                        } else {
                            assertColor(frame, x, y, empty, "pool cell (\(r), \(c)) not yet complete at \(position)")
                        }
                    }
                }
            }
        }
    }

    /// With reveal off every cell has its colour, at any position.
    func testFullMap() {
        let s = makeState(position: 3) { $0.view.progressive = false; $0.view.showNumbers = false }
        let frame = renderFrame(s)
        let scene = FrameScene(state: s, width: s.windowWidth, height: s.windowHeight)
        for kind in [PanelKind.conv, .pool] {
            let m = scene.mapping(kind)
            let grid = kind == .conv ? s.maps.relu : s.maps.pool
            for (r, c) in [(m.rows - 1, m.columns - 1), (m.rows / 2, 1), (m.rows - 2, m.columns / 2)] {
                let (x, y) = centre(m.cellRect(row: r, col: c))
                assertColor(frame, x, y, (kind == .conv ? scene.middleScale : scene.poolScale).color(grid[r, c]), "\(kind) (\(r), \(c))")
            }
        }
    }

    /// The input is always whole, in gray: 0 black, 1 white.
    func testInputInGray() {
        let s = makeState(position: 0) { $0.view.showNumbers = false }
        let frame = renderFrame(s)
        let m = FrameLayout(state: s).mapping(.input, in: s)
        for r in stride(from: 0, to: 24, by: 5) {
            for c in stride(from: 0, to: 24, by: 3) {
                let (x, y) = centre(m.cellRect(row: r, col: c))
                let v = s.maps.input[r, c]
                let px = frame.rgb(x, y)
                let gray = UInt32((v * 255).rounded())
                XCTAssertEqual(hex(px), hex(gray << 16 | gray << 8 | gray), "input (\(r), \(c)) = \(v)")
            }
        }
    }

    /// With ReLU off the middle panel shows the signed sums in a diverging map centred on zero.
    func testSignedMapIsDivergingAroundZero() {
        let s = makeState(position: 0) { $0.view.showRelu = false; $0.view.progressive = false; $0.view.showNumbers = false }
        let scene = FrameScene(state: s, width: s.windowWidth, height: s.windowHeight)
        XCTAssertEqual(scene.middleScale.lo, -scene.middleScale.hi)
        XCTAssertEqual(scene.middleScale.colormap.name, Palette.dark.diverging.name)
        let frame = renderFrame(s)
        let m = scene.mapping(.conv)
        var sawNegative = false
        for r in 0..<m.rows {
            for c in 0..<m.columns where s.maps.conv[r, c] < 0 {
                sawNegative = true
                let (x, y) = centre(m.cellRect(row: r, col: c))
                assertColor(frame, x, y, scene.middleScale.color(s.maps.conv[r, c]), "negative sum (\(r), \(c))")
            }
        }
        XCTAssertTrue(sawNegative, "vertical edges on the face give negative sums on the right edges")
    }

    /// Numbers appear in cells that are big enough, and not in cells that are not computed.
    func testNumbersOnlyInRevealedCells() {
        let s = makeState(width: 3840, height: 2160, position: 30)
        let frame = renderFrame(s)
        let m = FrameLayout(state: s).mapping(.conv, in: s)
        func inkCount(_ r: Int, _ c: Int) -> Int {
            let rect = m.cellRect(row: r, col: c).insetBy(dx: 3, dy: 3)
            var colours = Set<UInt32>()
            for y in stride(from: rect.minY, to: rect.maxY, by: 1) {
                for x in stride(from: rect.minX, to: rect.maxX, by: 1) { colours.insert(frame.rgb(x, y)) }
            }
            return colours.count
        }
        XCTAssertGreaterThan(inkCount(0, 5), 2, "a computed cell holds its number")
        XCTAssertLessThanOrEqual(inkCount(5, 5), 2, "a cell not yet computed is empty")
    }
}
