import CCairo
import ConvModel
import ConvNet
@testable import ConvRender
import Foundation
import XCTest

/// The learn view at 640×400, 1920×1080 and 3840×2160 in both themes: every pixel of the frame
/// drawn and none outside it, no two texts overlapping, every text inside the frame; the filters'
/// colours and numbers are their weights'.
final class LearnRendererTests: XCTestCase {
    static let sizes = [(640, 400), (1920, 1080), (3840, 2160)]

    /// A session trained a little on a made-up set, so the plots have lines and dots.
    static let trained: LearnSnapshot = {
        var rng = SeededGenerator(seed: 11)
        let count = 96
        let labels = (0..<count).map { _ in UInt8(rng.below(10)) }
        let pixels = (0..<count * 784).map { _ in UInt8(rng.below(256)) }
        let set = ImageSet(rows: 28, columns: 28, pixels: pixels, labels: labels)
        let session = LearnSession(training: set, test: set.prefix(40), usesSample: true, seed: 3)
        session.keepsGradients = true
        for _ in 0..<(LearnSession.testEvery + 40) { session.step() }
        return session.snapshot(imagesPerSecond: 21_345.6)
    }()

    static func views() -> [LearnView] {
        var out: [LearnView] = []
        for theme in Theme.allCases {
            for gradients in [false, true] {
                for sample in [false, true] {
                    var s = trained
                    s.usesSample = sample
                    s.paused = gradients
                    var v = LearnView(snapshot: s, theme: theme, showGradients: gradients)
                    if sample { v.message = "saved the weights to /home/someone/a/rather/long/path/weights-12.json" }
                    out.append(v)
                }
            }
        }
        return out
    }

    func testDrawsItsWholeFrameAndNothingOutside() {
        let border = 16
        for (w, h) in Self.sizes {
            for view in Self.views() where !view.showGradients || w == 640 {
                let (_, outside, unpainted) = drawnOnSentinel(width: w, height: h, border: border) {
                    LearnRenderer().draw(view, into: $0, width: w, height: h)
                }
                XCTAssertEqual(outside, 0, "\(w)×\(h) \(view.theme): pixels outside the frame")
                XCTAssertEqual(unpainted, 0, "\(w)×\(h) \(view.theme): pixels left unpainted")
            }
        }
    }

    private func texts(_ view: LearnView, _ w: Int, _ h: Int) -> [(text: String, rect: Rect)] {
        let renderer = LearnRenderer(), recorder = TextRecorder()
        renderer.textRecorder = recorder
        _ = try! renderer.render(view, width: w, height: h)
        return recorder.boxes
    }

    func testTextsStayInsideAndApart() {
        for (w, h) in Self.sizes {
            for view in Self.views() {
                let what = "\(w)×\(h) \(view.theme) gradients \(view.showGradients) sample \(view.snapshot.usesSample)"
                let boxes = texts(view, w, h)
                XCTAssertGreaterThan(boxes.count, 20, what)
                let frame = Rect(x: 0, y: 0, width: Double(w), height: Double(h)).insetBy(dx: -1, dy: -1)
                for (i, a) in boxes.enumerated() {
                    XCTAssertTrue(frame.contains(a.rect), "\(what): '\(a.text)' at \(a.rect) leaves the frame")
                    for b in boxes[(i + 1)...] {
                        let inter = a.rect.insetBy(dx: -1, dy: -1).intersection(b.rect.insetBy(dx: -1, dy: -1))
                        XCTAssertTrue(inter.isEmpty, "\(what): '\(a.text)' \(a.rect) overlaps '\(b.text)' \(b.rect)")
                    }
                }
                let all = boxes.map(\.text).joined(separator: " | ")
                XCTAssertTrue(all.contains("Watch it learn"), what)
                XCTAssertEqual(all.contains("sample"), view.snapshot.usesSample, "\(what): the sample is named exactly when used")
                XCTAssertTrue(all.contains("%"), "\(what): the accuracy axis is labelled")
            }
        }
    }

    /// Each conv1 cell has its weight's colour on the layer's symmetric scale: the largest weight
    /// in magnitude sits at an end of the map, and a cell reads its own value.
    func testConv1CellsShowTheirWeights() {
        var view = LearnView(snapshot: Self.trained)
        view.snapshot.usesSample = false
        let surface = try! LearnRenderer().render(view, width: 1920, height: 1080)
        let layout = view.layout(width: 1920, height: 1080)
        let values = view.snapshot.weights.conv1Weight.values
        let bound = values.map(abs).max()!
        let map = Palette.dark.diverging
        for (f, tile) in layout.conv1Tiles.enumerated() {
            let cell = tile.width / 3
            for i in 0..<9 {
                // Away from the centre, where the number is drawn.
                let x = tile.minX + Double(i % 3) * cell + 2, y = tile.minY + Double(i / 3) * cell + 2
                let expected = map.colors[map.index(of: values[f * 9 + i], lo: -bound, hi: bound)].rgb
                let got = surface.rgb(x, y)
                // Cairo rounds a source colour to 8 bits its own way: within one step per channel.
                let close = [16, 8, 0].allSatisfy { abs(Int((got >> $0) & 0xFF) - Int((expected >> $0) & 0xFF)) <= 1 }
                XCTAssertTrue(close, "conv1 filter \(f) tap \(i): \(hex(got)), expected \(hex(expected))")
            }
        }
        let extreme = values.firstIndex { abs($0) == bound }!
        let index = map.index(of: values[extreme], lo: -bound, hi: bound)
        XCTAssertTrue(index == 0 || index == 255)
    }

    /// At 1080p conv1's cells are large enough for their numbers: each of the 72 weights written
    /// with the layer's shared decimals (DecimalText's rule).
    func testConv1NumbersAtTenEighty() {
        let view = LearnView(snapshot: Self.trained)
        let boxes = texts(view, 1920, 1080)
        let layout = view.layout(width: 1920, height: 1080)
        let expected = DecimalText.group(view.snapshot.weights.conv1Weight.values)
        for (f, tile) in layout.conv1Tiles.enumerated() {
            let inside = boxes.filter { tile.contains($0.rect) }.map(\.text)
            XCTAssertEqual(Set(inside), Set(expected[(f * 9)..<(f * 9 + 9)]), "filter \(f)")
            XCTAssertEqual(inside.count, 9, "filter \(f)")
        }
    }

    /// At the He-normal start the layer needs three decimals, too wide at 1080p: numbers are
    /// shortened as DecimalText allows rather than dropped, and each still reads as its value.
    func testNumbersTooWideAreShortenedNotDropped() {
        var rng = SeededGenerator(seed: 0)
        var snapshot = Self.trained
        snapshot.weights = NetworkWeights.heNormal(.standard, using: &rng)
        snapshot.usesSample = false
        let view = LearnView(snapshot: snapshot)
        let values = snapshot.weights.conv1Weight.values
        XCTAssertGreaterThan(DecimalText.decimals(toShow: values), 2, "the start needs three decimals")
        let boxes = texts(view, 1920, 1080)
        let layout = view.layout(width: 1920, height: 1080)
        for (f, tile) in layout.conv1Tiles.enumerated() {
            let inside = boxes.filter { tile.contains($0.rect) }
            XCTAssertEqual(inside.count, 9, "filter \(f): every weight has its number")
            for i in 0..<9 {
                let cell = Rect(x: tile.minX + Double(i % 3) * tile.width / 3, y: tile.minY + Double(i / 3) * tile.height / 3,
                                width: tile.width / 3, height: tile.height / 3)
                guard let text = inside.first(where: { cell.contains($0.rect) })?.text else {
                    XCTFail("filter \(f) tap \(i): no number in its cell"); continue
                }
                let v = values[f * 9 + i]
                let parsed = Double(text.replacingOccurrences(of: DecimalText.minus, with: "-"))!
                let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
                XCTAssertEqual(parsed, Double(v), accuracy: 0.5 * pow(10, -Double(decimals)) + 1e-9, "filter \(f) tap \(i): '\(text)' for \(v)")
                XCTAssertEqual(parsed == 0, v == 0, "'\(text)' reads as zero only for zero")
            }
        }
    }

    /// A value that fits its cell in no form, even at the smallest size, leaves only its own cell
    /// without a number (it used to take the whole layer's numbers with it, at 1280×800 on the
    /// sample): here conv1 holds ±1, ±0.5 and 0, and one value of −1.2345 × 10⁻¹⁷.
    func testAValueThatFitsNowhereLeavesOnlyItsCellEmpty() {
        let (w, h) = (1280, 800)
        var snapshot = Self.trained
        snapshot.usesSample = false
        let plain: [Float] = [-1, -0.5, 0, 0.5, 1]
        var values = (0..<72).map { plain[$0 % 5] }
        let tiny = 4
        values[tiny] = -1.2345e-17
        snapshot.weights.conv1Weight = Tensor(shape: snapshot.weights.conv1Weight.shape, values: values)
        let view = LearnView(snapshot: snapshot)
        let layout = view.layout(width: w, height: h)
        let cell = layout.conv1Tiles[0].width / 3
        XCTAssertGreaterThanOrEqual(min(cell * 0.34, layout.fonts.maxCell), layout.fonts.minCell, "conv1's cells take numbers at \(w)×\(h)")

        // The set-up holds: at the smallest size every form of the tiny value is too wide for its cell.
        let surface = try! ImageSurface(width: 1, height: 1, opaque: true)
        let context = DrawingContext(surface)
        defer { withExtendedLifetime(context) {} }
        let canvas = Canvas(cr: context.pointer)
        canvas.font(layout.fonts.minCell)
        var buffer: [UInt8] = []
        let v = Double(values[tiny])
        for form in DecimalText.forms(for: v, decimals: DecimalText.decimals(toShow: values)) {
            let text = DecimalText.string(DecimalText.write(v, form, into: &buffer))
            XCTAssertGreaterThan(canvas.width(text), cell * 0.88, "'\(text)' would fit")
        }

        let boxes = texts(view, w, h)
        for (f, tile) in layout.conv1Tiles.enumerated() {
            for i in 0..<9 {
                let r = Rect(x: tile.minX + Double(i % 3) * cell, y: tile.minY + Double(i / 3) * cell, width: cell, height: cell)
                let inside = boxes.filter { r.contains($0.rect) }.map(\.text)
                let index = f * 9 + i
                if index == tiny {
                    XCTAssertEqual(inside, [], "the tiny value's cell has no number")
                    continue
                }
                XCTAssertEqual(inside.count, 1, "filter \(f) tap \(i): one number")
                guard let text = inside.first else { continue }
                let parsed = Double(text.replacingOccurrences(of: DecimalText.minus, with: "-"))
                XCTAssertEqual(parsed, Double(values[index]), "filter \(f) tap \(i): '\(text)' reads as \(values[index])")
            }
        }
    }

    /// The test-accuracy line reads clearly on the plot in both themes: WCAG contrast of at least
    /// 4.5 against the plot's background (the light theme's was 4.1 with the linked-cells blue).
    func testTestAccuracyColourStandsOutInBothThemes() {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        func luminance(_ c: RGB) -> Double { 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b) }
        for theme in Theme.allCases {
            let view = LearnView(snapshot: Self.trained, theme: theme)
            let palette = Palette.of(theme)
            let scene = LearnScene(view: view, layout: view.layout(width: 1920, height: 1080), palette: palette)
            let (a, b) = (luminance(scene.testColor), luminance(palette.panel))
            let contrast = (max(a, b) + 0.05) / (min(a, b) + 0.05)
            XCTAssertGreaterThanOrEqual(contrast, 4.5, "\(theme)")
            XCTAssertNotEqual(scene.testColor, palette.positive, "\(theme): apart from the training line")
        }
    }

    func testGradientsReplaceTheWeightsWhenAsked() {
        var view = LearnView(snapshot: Self.trained, showGradients: true)
        let all = texts(view, 1920, 1080).map(\.text).joined(separator: " ")
        XCTAssertTrue(all.contains("gradients of the last batch"))
        view.snapshot.gradients = nil
        XCTAssertTrue(texts(view, 1920, 1080).map(\.text).joined(separator: " ").contains("no gradient yet"))
    }
}
