import ConvModel
import ConvNet
@testable import ConvRender
import XCTest

/// Network mode drawn: the panels with the live strip and every stage view, at 640×400,
/// 1920×1080 and 3840×2160 in both themes. Every text lies inside the status line, the stage
/// view or the strip, no two overlap, the gaps between them stay background, and the class bars
/// carry their names and values.
final class NetworkRenderTests: XCTestCase {
    static let sizes = [(640, 400), (1920, 1080), (3840, 2160)]

    static let source: NetworkSource = {
        var rng = SeededGenerator(seed: 3)
        let weights = NetworkWeights.heNormal(.standard, using: &rng)
        let pixels = (0..<784).map { k in UInt8((k % 28 > 8 && k % 28 < 20 && k / 28 > 4) ? 200 : 0) }
        return NetworkSource(name: "test-8-16", weights: weights, classes: ClassNames.fashion,
                             testImages: ImageSet(rows: 28, columns: 28, pixels: pixels, labels: [1]), testSource: "one image")
    }()

    private func state(_ w: Int, _ h: Int, _ theme: Theme, stage: Int?) -> AppState {
        var s = try! AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!, playing: false,
                              windowWidth: w, windowHeight: h)
        s.update(.setTheme(theme))
        s.update(.setNetworkSource(Self.source))
        s.update(.toggleNetwork)
        s.update(.seekLast)
        s.update(.openStage(stage))
        return s
    }

    private func draw(_ s: AppState) -> (ImageSurface, [(text: String, rect: Rect)]) {
        let renderer = FrameRenderer(), recorder = TextRecorder()
        renderer.textRecorder = recorder
        let image = try! renderer.render(s, width: s.windowWidth, height: s.windowHeight)
        return (image, recorder.boxes)
    }

    func testStageViewsStayInTheirRectangles() {
        for (w, h) in Self.sizes {
            for theme in Theme.allCases {
                for stage in 1..<NetStages.names.count {
                    let s = state(w, h, theme, stage: stage)
                    let layout = FrameLayout(state: s)
                    let (image, texts) = draw(s)
                    let name = "\(NetStages.names[stage]) \(w)×\(h) \(theme)"
                    let regions = [layout.status, layout.stageArea, layout.strip.frame].map { $0.insetBy(dx: -1, dy: -1) }
                    XCTAssertGreaterThan(texts.count, 12, name)
                    for (i, t) in texts.enumerated() {
                        XCTAssertTrue(regions.contains { $0.contains(t.rect) }, "\(name): '\(t.text)' at \(t.rect) is outside")
                        for u in texts[(i + 1)...] {
                            XCTAssertTrue(t.rect.intersection(u.rect).isEmpty, "\(name): '\(t.text)' overlaps '\(u.text)'")
                        }
                    }
                    // Between the stage view and the strip, and beside the stage view, only background.
                    let bg = Palette.of(theme).background.rgb
                    let gapRows = Int(layout.stageArea.maxY.rounded(.up)) ..< Int(layout.strip.frame.minY)
                    var stray = 0
                    for y in gapRows { for x in stride(from: 0, to: w, by: 3) where image.rgb(Double(x), Double(y)) != bg { stray += 1 } }
                    for y in stride(from: Int(layout.stageArea.minY), to: Int(layout.stageArea.maxY), by: 3) {
                        for x in 0..<Int(layout.stageArea.minX) where image.rgb(Double(x), Double(y)) != bg { stray += 1 }
                    }
                    XCTAssertEqual(stray, 0, "\(name): pixels drawn outside the stage view")
                }
            }
        }
    }

    func testPanelsAndLiveStripStayInside() {
        for (w, h) in Self.sizes {
            for theme in Theme.allCases {
                let s = state(w, h, theme, stage: nil)
                let (_, texts) = draw(s)
                let frame = FrameLayout(state: s).bounds.insetBy(dx: -1, dy: -1)
                for t in texts { XCTAssertTrue(frame.contains(t.rect), "\(w)×\(h) \(theme): '\(t.text)' leaves the frame") }
                XCTAssertTrue(texts.contains { $0.text == "softmax" || $0.text == "softm…" }, "\(w)×\(h): the strip names the stages")
                XCTAssertTrue(texts.contains { $0.text == "11×11×16" || $0.text == "11²×16" }, "\(w)×\(h): conv2's shape")
                XCTAssertTrue(texts.contains { $0.text == "400" }, "\(w)×\(h): and gives their real shapes")
            }
        }
    }

    /// Every class row of the softmax and the dense view has its name and its value in it; the
    /// true class is marked.
    func testClassBarsAreLabelled() {
        for stage in [NetStages.dense, NetStages.softmax] {
            for (w, h) in Self.sizes {
                let s = state(w, h, .dark, stage: stage)
                let v = FrameLayout(state: s).stageView(stage, pass: s.network!.pass)
                let (_, texts) = draw(s)
                for (j, row) in v.rows.enumerated() {
                    let inRow = texts.filter { row.insetBy(dx: -1, dy: -1).contains($0.rect) }
                    let name = ClassNames.fashion[j]
                    XCTAssertTrue(inRow.contains { $0.text == name || name.hasPrefix($0.text.replacingOccurrences(of: "…", with: "")) },
                                  "\(NetStages.names[stage]) \(w)×\(h): row \(j) names \(name)")
                    let values = inRow.filter { $0.text.first?.isNumber == true || $0.text.hasPrefix("−") || $0.text.hasPrefix("<") }
                    XCTAssertEqual(values.count, 1, "\(NetStages.names[stage]) \(w)×\(h): row \(j) has its value")
                    if stage == NetStages.softmax { XCTAssertTrue(values.first?.text.contains("%") == true) }
                    XCTAssertEqual(values.first?.text.contains("← true") == true, j == 1, "the true class (1) is marked")
                }
            }
        }
    }

    /// Hovering a pool2 cell outlines its 10×10 field on the input of the stage view, in the box colour.
    func testTheReceptiveFieldIsOutlinedOnTheInput() {
        var s = state(1920, 1080, .dark, stage: NetStages.pool2)
        let v = FrameLayout(state: s).stageView(NetStages.pool2, pass: s.network!.pass)
        let r = v.maps[2], cell = r.width / 5
        s.update(.pointer(.moved(x: r.x + cell * 1.5, y: r.y + cell * 3.5)))
        XCTAssertEqual(s.network?.stageHover, StageCell(stage: NetStages.pool2, channel: 2, row: 3, col: 1))
        let (image, texts) = draw(s)
        let px = v.input.width / 28
        let field = Rect(x: v.input.x + 4 * px, y: v.input.y + 12 * px, width: 10 * px, height: 10 * px)
        let box = Palette.dark.box.rgb
        XCTAssertEqual(image.rgb(field.minX - 1, field.midY), box, "left edge of the field")
        XCTAssertEqual(image.rgb(field.maxX, field.midY), box, "right edge of the field")
        XCTAssertEqual(image.rgb(field.midX, field.minY - 1), box, "top edge")
        XCTAssertEqual(image.rgb(field.midX, field.maxY), box, "bottom edge")
        XCTAssertTrue(texts.contains { $0.text.contains("rows 12–21, columns 4–13 (10×10)") }, "the info line says so")
    }
}
