import CCairo
import ConvModel
import ConvNet
@testable import ConvRender
import XCTest

/// The built-in tour's learn scene drawn, at 640×400, 1920×1080 and 3840×2160 in both themes: the
/// caption card at the top, the learn view whole below it (the same pixels as the learn view
/// drawn alone at that size, without its key legend), every pixel of the frame painted and none
/// outside it.
final class TourLearningRenderTests: XCTestCase {
    static let sizes = [(640, 400), (1920, 1080), (3840, 2160)]

    private static let images: LearnImages = {
        var rng = SeededGenerator(seed: 5)
        let count = 64
        let labels = (0..<count).map { _ in UInt8(rng.below(10)) }
        let pixels = (0..<count * 784).map { _ in UInt8(rng.below(256)) }
        let set = ImageSet(rows: 28, columns: 28, pixels: pixels, labels: labels)
        return LearnImages(training: set, test: set.prefix(16), usesSample: true)
    }()

    private static let source: NetworkSource = {
        var rng = SeededGenerator(seed: 3)
        let set = ImageSet(rows: 28, columns: 28, pixels: [UInt8](repeating: 90, count: 784), labels: [4])
        return NetworkSource(name: "test-8-16", weights: NetworkWeights.heNormal(.standard, using: &rng),
                             classes: ClassNames.fashion, testImages: set, testSource: "one image")
    }()

    /// The tour 2.1 s into its learn scene: 40 batches trained.
    private func state(_ w: Int, _ h: Int, _ theme: Theme) throws -> AppState {
        var s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!,
                             windowWidth: w, windowHeight: h)
        s.update(.setTheme(theme))
        s.update(.setNetworkSource(Self.source))
        s.update(.setLearnImages(Self.images))
        let tour = Tour.builtin
        let i = try XCTUnwrap(tour.scenes.firstIndex { $0.network?.learning != nil })
        s.update(.startTour(tour, loop: true))
        s.update(.tick(seconds: tour.startTime(ofScene: i) + 2.1))
        XCTAssertEqual(s.tourLearning?.steps, 40)
        return s
    }

    func testTheLearnViewLiesWholeUnderTheCaption() throws {
        let border = 12
        for (w, h) in Self.sizes {
            for theme in Theme.allCases {
                let s = try state(w, h, theme)
                let name = "\(w)×\(h) \(theme)"
                let (surface, outside, unpainted) = drawnOnSentinel(width: w, height: h, border: border) {
                    FrameRenderer().draw(s, into: $0, width: w, height: h)
                }
                XCTAssertEqual(outside, 0, "\(name): pixels outside the frame")
                XCTAssertEqual(unpainted, 0, "\(name): pixels left unpainted")

                // The learn view alone, at the size of the area under the caption, without keys.
                let layout = FrameLayout(state: s)
                let caption = try XCTUnwrap(layout.caption)
                let top = Int((caption.frame.height + layout.status.minY + layout.gap).rounded())
                var view = try XCTUnwrap(s.tourLearning).view
                view.theme = theme
                view.showsKeys = false
                let alone = try LearnRenderer().render(view, width: w, height: h - top)
                var differ = 0
                for y in stride(from: 0, to: h - top, by: 2) {
                    for x in stride(from: 0, to: w, by: 2)
                    where alone.pixel(x: x, y: y) & 0xFF_FFFF != surface.pixel(x: x + border, y: y + top + border) & 0xFF_FFFF {
                        differ += 1
                    }
                }
                XCTAssertEqual(differ, 0, "\(name): the learn view under the caption is the learn view drawn alone")
                XCTAssertGreaterThan(caption.frame.height + layout.status.minY, layout.status.maxY,
                                     "\(name): the card starts in the status line's place and reaches below it")
                // The card is drawn at the top, where the status line would be.
                let card = Palette.of(theme).card.rgb
                let y = Int(layout.status.minY + caption.frame.height / 2) + border
                XCTAssertEqual(surface.pixel(x: Int(caption.frame.maxX) - 20 + border, y: y) & 0xFF_FFFF, card, name)
            }
        }
    }

    /// The network scenes' captions are drawn whole, never cut, from 640×400 to 4K: a stage view
    /// and the learn view share the detail band's room with the caption. The one exception is
    /// network mode's panels at 640×400, whose caption band has a single line (cut with "…").
    func testNetworkCaptionsAreDrawnWhole() throws {
        let scratch = try ImageSurface(width: 1, height: 1)
        let canvas = Canvas(cr: DrawingContext(scratch).pointer)
        let tour = Tour.builtin
        for (w, h) in [(640, 400), (800, 600), (1280, 800), (1920, 1080), (3840, 2160)] {
            for (i, scene) in tour.scenes.enumerated() where scene.network != nil {
                var s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!,
                                     windowWidth: w, windowHeight: h)
                s.update(.setNetworkSource(Self.source))
                s.update(.setLearnImages(Self.images))
                s.update(.startTour(tour, loop: true))
                s.update(.tick(seconds: tour.startTime(ofScene: i) + 0.5))
                let c = try XCTUnwrap(FrameLayout(state: s).caption)
                let drawn = FrameRenderer.captionLines(scene.caption.text, c, smallest: 12 * s.view.scale, canvas)
                let name = "\(w)×\(h) “\(scene.caption.title)”"
                let panels = scene.network?.stage == nil && scene.network?.learning == nil
                if w == 640, panels {
                    XCTAssertEqual(c.lines, 1, name)
                } else {
                    XCTAssertFalse(drawn.last?.hasSuffix("…") ?? true, "cut: \(name)")
                }
            }
        }
    }

    /// The key legend is the window's learn view's, not the tour's: the frame without it differs
    /// from one with it only in the legend's rectangle.
    func testNoKeyLegendInTheTour() throws {
        let s = try state(1280, 800, .dark)
        var view = try XCTUnwrap(s.tourLearning).view
        view.showsKeys = false
        let without = try LearnRenderer().render(view, width: 1280, height: 600)
        view.showsKeys = true
        let with = try LearnRenderer().render(view, width: 1280, height: 600)
        let keys = view.layout(width: 1280, height: 600).keys
        var inKeys = 0, elsewhere = 0
        for y in 0..<600 {
            for x in 0..<1280 where without.pixel(x: x, y: y) != with.pixel(x: x, y: y) {
                if keys.insetBy(dx: -1, dy: -1).contains(Rect(x: Double(x), y: Double(y), width: 1, height: 1)) { inKeys += 1 } else { elsewhere += 1 }
            }
        }
        XCTAssertGreaterThan(inKeys, 100)
        XCTAssertEqual(elsewhere, 0)
    }
}
