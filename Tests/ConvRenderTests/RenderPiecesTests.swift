import ConvModel
@testable import ConvRender
import XCTest

/// The small pure pieces the renderer is built from.
final class RenderPiecesTests: XCTestCase {
    /// A cell gets its most precise form that fits; a nonzero value never reads 0, and a number
    /// too wide in every form comes back as the narrowest one, to be drawn smaller (never dropped).
    func testCellNumberFitting() throws {
        let surface = try ImageSurface(width: 10, height: 10, opaque: true)
        let context = DrawingContext(surface)
        let g = NumberGlyphs(cr: context.pointer, size: 12)
        var buffer: [UInt8] = []
        func text(_ v: Float, _ width: Double) -> (String, Bool) {
            let r = CellNumberText.fitting(v, maxWidth: width, glyphs: g, into: &buffer)
            return (DecimalText.string(r.text), r.fits)
        }
        XCTAssertEqual(text(0.25, 100).0, "0.25")
        XCTAssertEqual(text(-0.0004, 100).0, "−0.0004")
        XCTAssertEqual(text(0, 1).0, "0")
        let wide = text(-123_456, g.width(Array("-1e5".utf8)[...]) + 0.5)
        XCTAssertEqual(wide.0, "−1e5")
        XCTAssertTrue(wide.1)
        let tight = text(-0.3, 1)
        XCTAssertFalse(tight.1, "too narrow for any form")
        XCTAssertNotEqual(tight.0, "0")
        XCTAssertNotEqual(tight.0, "")
        XCTAssertEqual(text(.nan, 100).0, "")
    }

    func testColormaps() {
        for map in [Colormap.viridis, .magma, .gray, .divergingDark, .divergingLight] {
            XCTAssertEqual(map.colors.count, 256, map.name)
            XCTAssertEqual(map.pixels.count, 256, map.name)
        }
        XCTAssertEqual(hex(Colormap.viridis.colors[0].rgb), "#440154")
        XCTAssertEqual(hex(Colormap.viridis.colors[255].rgb), "#FDE725")
        // Viridis gets lighter all the way up.
        let l = Colormap.viridis.colors.map(\.luminance)
        XCTAssertTrue(zip(l, l.dropFirst()).allSatisfy { $0 <= $1 + 1e-9 })
        // Diverging maps are centred: zero sits in the middle of a symmetric range.
        let scale = ColorScale(colormap: .divergingDark, lo: -3, hi: 3)
        XCTAssertEqual(scale.index(0), 128)
        XCTAssertEqual(scale.index(-3), 0)
        XCTAssertEqual(scale.index(3), 255)
        XCTAssertEqual(ColorScale(colormap: .viridis, lo: 0, hi: 0).index(0), 0, "an empty range does not divide by zero")
        XCTAssertEqual(Colormap.viridis.index(of: .nan, lo: 0, hi: 1), 0)
    }

    /// Subtracting holes leaves boxes that do not overlap, miss every hole, and with the holes cover the frame.
    func testRectSubtraction() {
        var seed: UInt64 = 1
        func next(_ n: Int) -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int(seed >> 33) % n)
        }
        for _ in 0..<200 {
            let frame = Rect(x: 0, y: 0, width: 60, height: 40)
            let holes = (0..<Int(next(4))).map { _ in Rect(x: next(70) - 5, y: next(50) - 5, width: next(30), height: next(30)) }
            let boxes = frame.subtracting(holes)
            for y in 0..<40 {
                for x in 0..<60 {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    let inBoxes = boxes.filter { $0.contains(x: px, y: py) }.count
                    let inHole = holes.contains { $0.contains(x: px, y: py) }
                    XCTAssertEqual(inBoxes, inHole ? 0 : 1, "pixel (\(x), \(y)) with holes \(holes)")
                }
            }
        }
    }

    func testStatusText() {
        let s = makeState(position: 36)
        let (left, right) = FrameRenderer.statusText(s)
        XCTAssertEqual(left.first, "face 24×24")
        XCTAssertTrue(left.contains("vertical edges 3×3"))
        XCTAssertEqual(right, ["position 37/484", "8/s  ·  scan 1 min", "paused", "h for help"],
                       "positions count from 1 on screen; a whole scan takes 484 / 8 s")
        var playing = s
        playing.update(.togglePlay)
        playing.update(.speedDown)
        playing.update(.speedDown)
        playing.update(.speedDown)
        playing.update(.speedDown)
        XCTAssertEqual(FrameRenderer.statusText(playing).right[1...2], ["0.5/s  ·  scan 16 min", "playing"])
    }

    func testWrittenOutSum() {
        var s = makeState()
        s.update(.setSettings(ConvSettings(bias: -0.5)))
        s.update(.seek(100))
        let cell = s.currentCell
        let written = SumText(products: cell.products, bias: cell.bias, value: cell.value)
        let lines = FrameRenderer.sumLines(cell, written, withTerms: true)
        XCTAssertEqual(lines.terms.count, 3)
        XCTAssertEqual(lines.terms[0][0], "(−1)×\(DecimalText.group(cell.patch)[0])")
        XCTAssertTrue(lines.total.contains("− 0.5"), lines.total)
        XCTAssertTrue(lines.total.hasSuffix(written.value))
        XCTAssertTrue(lines.total.hasPrefix(written.relation))
        XCTAssertTrue(lines.relu.hasSuffix("= \(DecimalText.fixed(Double(cell.relu), decimals: written.decimals))"))
    }

    /// The seed case: a sum the products only approximate is written with ≈, not =.
    func testApproximateSumSaysSo() {
        let w = Float(1) / 9
        let patch: [Float] = [0.3, 0.3, 0.3, 0, 0, 0, 0, 0, 0]
        let input = Grid(width: 3, height: 3, values: patch)
        let kernel = Kernel(name: "blur", label: "box blur", size: 3, weights: Array(repeating: w, count: 9))
        let cell = Convolution.cell(input, kernel, ConvSettings(), row: 0, col: 0)
        let lines = FrameRenderer.sumLines(cell, SumText(products: cell.products, bias: 0, value: cell.value), withTerms: true)
        XCTAssertEqual(lines.total, "≈ 0.1")
        XCTAssertEqual(lines.terms[0][0], "0.11×0.3")
    }

    func testPanelTitles() {
        var s = makeState()
        XCTAssertEqual(PanelKind.allCases.map { FrameRenderer.title($0, s) }, ["INPUT", "CONV + ReLU", "MAX-POOL 2×2"])
        s.view.showRelu = false
        s.update(.setSettings(ConvSettings(pool: .avg)))
        XCTAssertEqual(FrameRenderer.title(.conv, s), "CONV (signed, no ReLU)")
        XCTAssertEqual(FrameRenderer.title(.pool, s), "AVG-POOL 2×2")
    }

    /// The map cache gives back the same surface for the same grid and a new one when it changes.
    func testMapCache() {
        let cache = MapImageCache(capacity: 2)
        let scale = ColorScale(colormap: .viridis, lo: 0, hi: 1)
        let g = Grid(width: 3, height: 2, values: [0, 0.2, 0.4, 0.6, 0.8, 1])
        let a = cache.surface(for: g, scale: scale)
        XCTAssertTrue(a === cache.surface(for: g, scale: scale))
        var changed = g
        changed[1, 1] = 0.1
        XCTAssertFalse(a === cache.surface(for: changed, scale: scale))
        XCTAssertEqual(a?.pixel(x: 2, y: 1), 0xFF00_0000 | Colormap.viridis.colors[255].rgb)
        XCTAssertNil(cache.surface(for: Grid(width: 0, height: 0), scale: scale))
    }
}
