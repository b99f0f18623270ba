import ConvModel
@testable import ConvRender
import XCTest

/// At every UI scale and down to the smallest frame `render` and the window accept, no two texts
/// overlap and every text lies inside the frame; the panels' pictures start on one line; marks
/// stay inside their panel however the panel is zoomed and panned.
final class TextLayoutTests: XCTestCase {
    /// Frames that a person may see: the window's minimum, common screens, and each at --scale 2, 3.
    static let cases: [(width: Int, height: Int, scale: Double)] = [
        (480, 320, 1), (640, 400, 1), (1280, 800, 1), (1920, 1080, 1),
        (480, 320, 2), (960, 640, 2), (1280, 800, 2), (1920, 1080, 2),
        (480, 320, 3), (1280, 800, 3), (1440, 960, 3), (1920, 1080, 3), (3840, 2160, 3),
    ]

    private func texts(_ state: AppState) -> [(text: String, rect: Rect)] {
        let renderer = FrameRenderer()
        let recorder = TextRecorder()
        renderer.textRecorder = recorder
        _ = try! renderer.render(state, width: state.windowWidth, height: state.windowHeight)
        return recorder.boxes
    }

    private func assertNoOverlap(_ state: AppState, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let boxes = texts(state)
        XCTAssertGreaterThan(boxes.count, 10, "texts were recorded", file: file, line: line)
        let frame = Rect(x: 0, y: 0, width: Double(state.windowWidth), height: Double(state.windowHeight))
        for (i, a) in boxes.enumerated() {
            XCTAssertTrue(frame.insetBy(dx: -1, dy: -1).contains(a.rect), "\(what): '\(a.text)' at \(a.rect) leaves the frame",
                          file: file, line: line)
            for b in boxes[(i + 1)...] {
                // Ink boxes keep at least a pixel or two apart, so that two words never read as one.
                let inter = a.rect.insetBy(dx: -1, dy: -1).intersection(b.rect.insetBy(dx: -1, dy: -1))
                XCTAssertTrue(inter.isEmpty, "\(what): '\(a.text)' \(a.rect) overlaps '\(b.text)' \(b.rect)",
                              file: file, line: line)
            }
        }
    }

    func testNoTextOverlapsAtAnyScaleOrMinimumSize() {
        for c in Self.cases {
            for (filter, settings) in [("edge_v", ConvSettings()), ("gaussian", ConvSettings(padding: .same, bias: -0.25))] {
                for relu in [true, false] {
                    let s = makeState(filter: filter, settings: settings, width: c.width, height: c.height, position: 101) {
                        $0.view.scale = c.scale
                        $0.view.showRelu = relu
                    }
                    assertNoOverlap(s, "\(c.width)×\(c.height) at scale \(c.scale), \(filter), relu \(relu)")
                }
            }
        }
    }

    func testPanelPicturesStartOnOneLine() {
        for c in Self.cases {
            for input in ["face", "stripes"] {
                let s = makeState(input: input, width: c.width, height: c.height) { $0.view.scale = c.scale }
                let scene = FrameScene(state: s, width: c.width, height: c.height)
                let tops = PanelKind.allCases.map { kind -> Double in
                    let m = scene.mapping(kind)
                    return m.blockRect(row: -m.margin, col: -m.margin, rowCount: m.rows + 2 * m.margin,
                                       colCount: m.columns + 2 * m.margin).minY
                }
                XCTAssertEqual(tops.max()! - tops.min()!, 0, accuracy: 1, "\(c) \(input): \(tops)")
            }
        }
    }

    /// Zoomed and panned every way, the yellow box and the lit cell never show beside their panel:
    /// no pixel of the box's colour in the gap around the input's picture.
    func testMarksStayInsideZoomedPanels() {
        // Positions whose box the picture's edge cuts, at several zooms and pans.
        var cases: [AppState] = []
        for (zoom, panX, panY) in [(8.0, 0.0, 0.0), (3, 200, -150), (20, -900, 700)] {
            var found = 0
            for position in stride(from: 0, to: 484, by: 1) where found < 4 {
                let s = makeState(width: 640, height: 400, position: position) {
                    $0.panels[0] = PanelView(zoom: zoom, panX: panX, panY: panY)
                }
                let scene = FrameScene(state: s, width: 640, height: 400)
                let image = scene.layout.panel(PanelKind.input).image, box = scene.boxRect
                let cut = !box.intersection(image).isEmpty && !image.contains(box)
                if cut {
                    cases.append(s)
                    found += 1
                }
            }
        }
        XCTAssertGreaterThan(cases.count, 6, "boxes on the picture's edge were found")
        for s in cases {
            let zoom = s.panels[0].zoom
            let surface = renderFrame(s)
            let scene = FrameScene(state: s, width: 640, height: 400)
            let image = scene.layout.panel(PanelKind.input).image
            let box = scene.palette.box.rgb
            let band = Int(scene.layout.gap)
            var outside = 0
            for y in Int(image.minY) - band ..< Int(image.maxY) + band {
                for x in Int(image.minX) - band ..< Int(image.maxX) + band where !image.contains(x: Double(x) + 0.5, y: Double(y) + 0.5) {
                    if surface.rgb(Double(x), Double(y)) == box { outside += 1 }
                }
            }
            XCTAssertEqual(outside, 0, "zoom \(zoom), view \(s.panels[0]): box pixels beside the panel")
        }
    }

    /// The deepest zoom makes the cells of a large image big enough for their numbers.
    func testDeepZoomReachesNumberSize() {
        let big = NamedImage(name: "big", grid: Grid(width: 2048, height: 2048, values: [Float](repeating: 0.5, count: 2048 * 2048)))
        var s = try! AppState(image: big, kernel: Kernel.preset(named: "edge_v")!, settings: ConvSettings(),
                              windowWidth: 1920, windowHeight: 1080)
        s.view.scale = 2
        s.panels[0] = PanelView(zoom: 1e9)
        let scene = FrameScene(state: s, width: 1920, height: 1080)
        let m = scene.mapping(.input)
        XCTAssertGreaterThanOrEqual(m.cellSize * 0.45, scene.layout.fonts.minCell, "cell \(m.cellSize) px")
        let context = DrawingContext(try! ImageSurface(width: 1, height: 1))
        withExtendedLifetime(context) {
            XCTAssertNotNil(FrameRenderer().numberGlyphs(m, scene, Canvas(cr: context.pointer)))
        }
    }
}
