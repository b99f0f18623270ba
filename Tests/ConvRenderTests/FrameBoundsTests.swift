import CCairo
import ConvModel
@testable import ConvRender
import XCTest

/// A frame of any size draws all of its own rectangle and nothing outside it.
final class FrameBoundsTests: XCTestCase {
    static let sentinel: UInt32 = 0xFF00FF
    static let border = 24

    /// Draws the frame into a larger surface filled with a sentinel colour, offset by `border`,
    /// then counts sentinel pixels inside the frame and other pixels outside it.
    private func check(_ state: AppState, width: Int, height: Int, renderer: FrameRenderer = FrameRenderer(),
                       file: StaticString = #filePath, line: UInt = #line) {
        let b = Self.border
        let surface = try! ImageSurface(width: width + 2 * b, height: height + 2 * b, opaque: true)
        let context = DrawingContext(surface)
        let cr = context.pointer
        cairo_set_source_rgb(cr, 1, 0, 1)
        cairo_paint(cr)
        cairo_translate(cr, Double(b), Double(b))
        renderer.draw(state, into: cr, width: width, height: height)
        var outside = 0, unpainted = 0
        _ = surface.withRows { y, row -> Bool? in
            let inRows = y >= b && y < b + height
            for x in 0..<row.count {
                let isSentinel = row[x] & 0xFF_FFFF == Self.sentinel
                if inRows && x >= b && x < b + width {
                    if isSentinel { unpainted += 1 }
                } else if !isSentinel {
                    outside += 1
                }
            }
            return nil
        }
        XCTAssertEqual(outside, 0, "pixels drawn outside a \(width)×\(height) frame", file: file, line: line)
        XCTAssertEqual(unpainted, 0, "pixels left unpainted inside a \(width)×\(height) frame", file: file, line: line)
    }

    func testEverySizeDrawsItsWholeFrameAndNothingElse() {
        for (w, h) in [(1, 1), (64, 48), (640, 400), (1920, 1080)] {
            for theme in Theme.allCases {
                check(makeState(width: w, height: h, position: 100) { $0.view.theme = theme }, width: w, height: h)
            }
        }
    }

    func testEightK() {
        check(makeState(width: 7680, height: 4320, position: 100), width: 7680, height: 4320)
    }

    /// Overlays, zoom past the area, padding, ReLU off and a 512×512 input stay inside too.
    func testEverythingAtOnceStaysInside() {
        let big = NamedImage(name: "noise", grid: Grid(width: 512, height: 512, values: (0..<512 * 512).map { Float(($0 * 7919) % 256) / 255 }))
        var s = try! AppState(image: big, kernel: Kernel.preset(named: "sobel_y")!, settings: ConvSettings(padding: .same),
                              windowWidth: 1280, windowHeight: 800)
        s.update(.seek(70_000))
        s.view.showHelp = true
        s.view.showRelu = false
        s.message = "a long message that goes on and on so that it has to be wrapped over more than one line of the box"
        s.caption = Caption(title: "Stride", text: "The kernel jumps two cells at a time, so the map is half as wide.")
        s.panels[0] = PanelView(zoom: 40, panX: 3000, panY: -3000)
        s.panels[1] = PanelView(zoom: 3, panX: -100, panY: 50)
        for (w, h) in [(1280, 800), (300, 200), (64, 48)] {
            s.update(.resize(width: w, height: h))
            check(s, width: w, height: h)
        }
    }

    /// The exploration marks and overlays stay inside too: the code overlay, a hover on each panel
    /// with its linked fields, paint mode with its brush, a weight being typed, dilation and flip.
    func testExplorationStaysInside() {
        let renderer = FrameRenderer()
        for (w, h) in [(1920, 1080), (640, 400), (300, 200), (64, 48), (1, 1)] {
            for (panel, row, col) in [(PanelKind.input, 0, 23), (.conv, 19, 0), (.pool, 9, 9)] {
                var s = makeState(filter: "emboss", settings: ConvSettings(padding: .same, dilation: 2, flip: true),
                                  width: w, height: h, position: 200)
                s.update(.togglePaintMode)
                s.update(.changeBrush(2))
                s.update(.selectWeight(row: 0, col: 2))
                for c in "-12.75" { s.update(.typeWeightCharacter(c)) }
                s.hover = HoverTarget(panel: panel, row: row, col: col)
                s.panels[1] = PanelView(zoom: 5, panX: 400, panY: -300)
                check(s, width: w, height: h, renderer: renderer)
                s.view.showCode = true
                check(s, width: w, height: h, renderer: renderer)
            }
        }
    }

    /// The same renderer draws one frame after another into one surface (as the window does):
    /// each frame paints every pixel again, whatever the frame before left there.
    func testReusedSurfaceIsRepaintedWhole() {
        let renderer = FrameRenderer()
        var s = makeState(width: 800, height: 500)
        for step in [0, 1, 50, 51, 300] {
            s.update(.seek(step))
            check(s, width: 800, height: 500, renderer: renderer)
        }
    }

    func testPNG() throws {
        let path = NSTemporaryDirectory() + "convviewer-render-test-\(getpid()).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FrameRenderer.writePNG(makeState(width: 320, height: 200), width: 320, height: 200, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertThrowsError(try FrameRenderer.writePNG(makeState(), width: 32, height: 20, to: "/nonexistent-dir/x.png")) {
            XCTAssertTrue("\($0)".contains("/nonexistent-dir/x.png"), "the error names the path: \($0)")
        }
        XCTAssertThrowsError(try FrameRenderer().render(makeState(), width: 0, height: 10))
        XCTAssertThrowsError(try ImageSurface(width: 100_000, height: 100_000))
    }
}
