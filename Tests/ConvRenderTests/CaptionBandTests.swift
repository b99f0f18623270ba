import ConvModel
@testable import ConvRender
import XCTest

/// The tour's caption is drawn in its own band between the status line and the panels, never
/// over the maps, and its text fits the band it was given.
final class CaptionBandTests: XCTestCase {
    static let short = Caption(title: "Blur", text: "Every weight is one ninth.")

    private func captioned(_ caption: Caption, width: Int = 1920, height: Int = 1080, theme: Theme = .dark) -> AppState {
        makeState(width: width, height: height, position: 200) {
            $0.view.theme = theme
            $0.update(.setCaption(caption))
        }
    }

    /// A canvas to measure text with.
    private func measuring(_ body: (Canvas) -> Void) {
        let scratch = try! ImageSurface(width: 1, height: 1)
        let context = DrawingContext(scratch)
        body(Canvas(cr: context.pointer))
    }

    /// The card, its accent and its text are where the layout puts the band; above it is background.
    func testCaptionIsDrawnInItsBand() {
        for theme in Theme.allCases {
            for (w, h) in [(1920, 1080), (1280, 800), (640, 400)] {
                let s = captioned(Self.short, width: w, height: h, theme: theme)
                let c = FrameLayout(state: s).caption!
                let p = Palette.of(theme), frame = renderFrame(s)
                let name = "\(theme) \(w)×\(h)"
                assertColor(frame, c.frame.minX + 1, c.frame.midY, p.box, "\(name): accent")
                assertColor(frame, c.frame.maxX - 6, c.text.midY, p.card, "\(name): card right of the text")
                assertColor(frame, c.frame.midX, c.frame.minY - 2, p.background, "\(name): above the card")
                assertColor(frame, c.frame.midX, c.frame.maxY + 2, p.background, "\(name): below the card")
                for (rect, what) in [(c.title, "title"), (c.text, "text")] {
                    var ink = 0
                    for y in Int(rect.minY)..<Int(rect.maxY) {
                        for x in Int(rect.minX)..<Int(rect.minX + 120) where frame.rgb(Double(x), Double(y)) != p.card.rgb { ink += 1 }
                    }
                    XCTAssertGreaterThan(ink, 20, "\(name): no \(what) drawn")
                }
            }
        }
    }

    /// Two captions with the same band draw the same panels, timeline, detail band, strip and
    /// status line, pixel for pixel: nothing of the caption lands outside its band.
    func testNothingOfTheCaptionOutsideItsBand() {
        let other = Caption(title: "Sharpen", text: "Five times the centre, minus the four around it.")
        for theme in Theme.allCases {
            let a = captioned(Self.short, theme: theme), b = captioned(other, theme: theme)
            let layout = FrameLayout(state: a)
            XCTAssertEqual(layout, FrameLayout(state: b), "the test needs the same band for both")
            let fa = renderFrame(a), fb = renderFrame(b)
            var rects = layout.panels.map(\.frame) + [layout.timeline, layout.detail.frame, layout.strip.frame, layout.status]
            // The gaps between the band and its neighbours too.
            let c = layout.caption!.frame
            rects.append(Rect(x: 0, y: c.maxY, width: layout.width, height: layout.panelBand.minY - c.maxY))
            rects.append(Rect(x: 0, y: layout.status.maxY, width: layout.width, height: c.minY - layout.status.maxY))
            for r in rects {
                var differ = 0
                for y in Int(r.minY)..<Int(r.maxY) {
                    for x in Int(r.minX)..<Int(r.maxX) where fa.rgb(Double(x), Double(y)) != fb.rgb(Double(x), Double(y)) { differ += 1 }
                }
                XCTAssertEqual(differ, 0, "\(theme): caption pixels in \(r)")
            }
            var differ = 0
            for y in Int(c.minY)..<Int(c.maxY) {
                for x in Int(c.minX)..<Int(c.maxX) where fa.rgb(Double(x), Double(y)) != fb.rgb(Double(x), Double(y)) { differ += 1 }
            }
            XCTAssertGreaterThan(differ, 100, "\(theme): the two captions look alike")
        }
    }

    /// Without a caption the frame is the one drawn before: no band, the panels where they were.
    func testNoCaptionNoBand() {
        let plain = makeState(position: 200)
        var gone = captioned(Self.short)
        gone.update(.setCaption(nil))
        let renderer = FrameRenderer()
        _ = try! renderer.render(captioned(Self.short), width: 1920, height: 1080)
        // Drawn by a renderer that has just drawn the captioned frame: no stale layer shows.
        let a = try! renderer.render(gone, width: 1920, height: 1080), b = renderFrame(plain)
        var differ = 0
        _ = a.withRows { y, row -> Bool? in
            for x in 0..<row.count where row[x] & 0xFF_FFFF != b.rgb(Double(x), Double(y)) { differ += 1 }
            return nil
        }
        XCTAssertEqual(differ, 0)
    }

    /// Every caption of the built-in tour fits its band at the band's own text size, in every
    /// window from 800×600 up (at 640×400 it may be drawn smaller, but never over 12 px less than
    /// the band and never cut); the layout's estimate is at most one line generous.
    func testTourCaptionsFitTheirBand() {
        measuring { canvas in
            for (w, h) in [(640, 400), (800, 600), (1280, 800), (1366, 768), (1920, 1080), (3840, 2160), (1080, 1920)] {
                var s = makeState(width: w, height: h)
                s.update(.startTour(.builtin, loop: false))
                for scene in Tour.builtin.scenes {
                    s.update(.setCaption(scene.caption))
                    let c = FrameLayout(state: s).caption!
                    let name = "\(w)×\(h) “\(scene.caption.title)”"
                    canvas.font(c.titleSize, bold: true)
                    XCTAssertLessThanOrEqual(canvas.width(scene.caption.title), c.title.width, name)
                    canvas.font(c.textSize)
                    let real = canvas.wrapped(scene.caption.text, maxWidth: c.text.width).count
                    let estimate = CaptionLayout.estimatedLines(scene.caption.text, width: c.text.width, size: c.textSize)
                    XCTAssertLessThanOrEqual(estimate - real, 1, "estimate too generous: \(name)")
                    XCTAssertGreaterThanOrEqual(estimate, real, "estimate too mean: \(name)")
                    let drawn = FrameRenderer.captionLines(scene.caption.text, c, smallest: 12, canvas)
                    XCTAssertLessThanOrEqual(drawn.count, c.lines, name)
                    XCTAssertFalse(drawn.last?.hasSuffix("…") ?? true, "cut: \(name)")
                    if w >= 800 { XCTAssertEqual(drawn.count, real, "drawn smaller: \(name)") }
                }
            }
        }
    }

    /// Under the band a panel can be much wider than its grid: its title moves left to stay inside.
    func testPanelTitlesStayInShortPanels() {
        for theme in Theme.allCases {
            let s = captioned(Self.short, width: 640, height: 400, theme: theme)
            let layout = FrameLayout(state: s), frame = renderFrame(s), p = Palette.of(theme)
            let title = layout.panel(.pool).title
            for y in Int(title.minY)..<Int(title.maxY) {
                for x in Int(title.maxX)..<Int(layout.width) {
                    assertColor(frame, Double(x), Double(y), p.background, "\(theme): right of the pool title")
                }
            }
        }
    }

    /// Text too long for the band is drawn smaller, then cut, but never beyond the band's lines.
    func testOverlongCaptionStaysInItsLines() {
        let long = Caption(title: "A title", text: String(repeating: "many words that go on ", count: 60))
        let s = captioned(long, width: 1280, height: 800)
        let c = FrameLayout(state: s).caption!
        measuring { canvas in
            let lines = FrameRenderer.captionLines(long.text, c, smallest: 12, canvas)
            XCTAssertEqual(lines.count, c.lines)
            XCTAssertTrue(lines.last!.hasSuffix("…"))
            for line in lines { XCTAssertLessThanOrEqual(canvas.width(line), c.text.width) }
        }
        let frame = renderFrame(s), p = Palette.dark
        assertColor(frame, c.frame.midX, c.frame.maxY + 2, p.background, "below the card")
    }
}
