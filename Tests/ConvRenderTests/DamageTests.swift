import CCairo
import ConvModel
import ConvNet
@testable import ConvRender
import XCTest

/// Frames drawn by damage — only the rectangles `FrameRenderer.damage` reports, over the frame
/// before — must be the frames drawn whole, pixel for pixel, whatever the person does.
final class DamageTests: XCTestCase {
    /// Property: over long random runs of actions (steps, seeks, ticks while playing and gliding,
    /// hovering, toggles, paint strokes, tour ticks, zoom), at several sizes and in both themes,
    /// the damage-drawn frame equals the full frame after every action. A different seed per run.
    func testDamageDrawnFramesEqualFullFrames() throws {
        let runs: [(Int, Int, Theme, UInt64)] = [(1280, 800, .dark, 1), (1280, 800, .light, 2), (1920, 1080, .dark, 3),
                                                 (1920, 1080, .light, 4), (480, 320, .dark, 5), (700, 900, .light, 6)]
        for (w, h, theme, seed) in runs {
            try checkRandomRun(width: w, height: h, theme: theme, seed: seed, actions: 140)
        }
    }

    /// The same property with the scan's other shapes: `same` padding (cells drawn under the box
    /// past the edge), stride 2, dilation (taps marked inside the box), average pooling, a bias,
    /// ReLU off and numbers in the cells.
    func testDamageDrawnFramesEqualFullFramesWithOtherSettings() throws {
        let settings = [ConvSettings(padding: .same), ConvSettings(stride: 2, pool: .avg),
                        ConvSettings(bias: -0.5, dilation: 2, flip: true), ConvSettings(stride: 3, padding: .same, dilation: 2)]
        for (i, s) in settings.enumerated() {
            try checkRandomRun(width: [1280, 1920, 800, 1024][i], height: [800, 1080, 600, 768][i], theme: i % 2 == 0 ? .dark : .light,
                               seed: 100 + UInt64(i), actions: 120, settings: s, input: ["circle", "letter", "face", "checker"][i]) {
                if i % 2 == 1 { $0.update(.toggleNumbers) }
                if i == 2 { $0.update(.toggleRelu) }
            }
        }
    }

    /// Every step of a whole scan, one after another, as a playing window draws them: each
    /// position's number, row and column (9 → 10, 99 → 100), every pool block completing, every
    /// row wrapping, the sum's and the pool's words and the small grids' cells changing, in both
    /// themes. Each damage-drawn frame equals the full frame.
    func testEveryStepOfAWholeScanIsDrawnExactly() throws {
        for (theme, filter, w, h) in [(Theme.dark, "sharpen", 1024, 640), (.light, "gaussian", 1280, 800)] {
            var state = makeState(input: "cross", filter: filter, width: w, height: h, position: 0) {
                $0.update(.setTheme(theme))
                $0.update(.setPlaying(true))
            }
            let renderer = FrameRenderer(), reference = FrameRenderer()
            let shown = try ImageSurface(width: w, height: h, opaque: true)
            let context = DrawingContext(shown)
            renderer.draw(state, into: context.pointer, width: w, height: h)
            while !state.scan.isAtEnd {
                let before = state
                state.update(.step(1))
                guard case let .rects(rects) = renderer.damage(from: before, to: state, width: w, height: h) else {
                    return XCTFail("step to \(state.scan.position) is a full frame")
                }
                renderer.draw(state, into: context.pointer, width: w, height: h, only: rects)
                let full = try reference.render(state, width: w, height: h)
                if let diff = firstDifference(shown, full) {
                    return XCTFail("\(theme) \(filter), step to \(state.scan.position): pixel \(diff) differs (damage \(rects))")
                }
            }
        }
    }

    /// A scan step while playing damages a small part of the frame, not the whole of it: the
    /// box, cells, the bands that write the position out — less than a third of a 1080p frame.
    func testAScanStepDamagesLittle() {
        let renderer = FrameRenderer()
        let before = makeState(position: 40) { $0.update(.setPlaying(true)) }
        var after = before
        after.update(.step(1))
        guard case let .rects(rects) = renderer.damage(from: before, to: after, width: 1920, height: 1080) else {
            return XCTFail("a scan step is a full frame")
        }
        let area = rects.reduce(0) { $0 + $1.width * $1.height }
        XCTAssertGreaterThan(area, 0)
        XCTAssertLessThan(area, 1920 * 1080 / 3, "\(rects)")
        // The new lit cell is inside the damage.
        let m = FrameLayout(state: after).mapping(.conv, in: after)
        let lit = m.cellRect(row: after.scan.row, col: after.scan.col)
        XCTAssertTrue(rects.contains { $0.contains(lit) }, "lit cell \(lit) not in \(rects)")
    }

    /// Rectangles come out whole pixels, inside the frame, never overlapping.
    func testNormalizedRectanglesAreWholeDisjointAndInside() {
        let bounds = Rect(x: 0, y: 0, width: 100, height: 100)
        let damage = FrameDamage.normalized([Rect(x: 10.5, y: 10.2, width: 5, height: 5), Rect(x: 14, y: 14, width: 10, height: 10),
                                             Rect(x: 90, y: 90, width: 30, height: 30), Rect(x: 50, y: 50, width: 0, height: 9)],
                                            in: bounds)
        XCTAssertEqual(damage, .rects([Rect(x: 10, y: 10, width: 14, height: 14), Rect(x: 90, y: 90, width: 10, height: 10)]))
        XCTAssertEqual(FrameDamage.normalized([Rect(x: 0, y: 0, width: 90, height: 90)], in: bounds), .full)
    }

    /// A theme, a filter or a zoom change is a full frame; the same state is no damage at all.
    func testBroadChangesAreFullFrames() {
        let renderer = FrameRenderer()
        let s = makeState(position: 10)
        XCTAssertEqual(renderer.damage(from: s, to: s, width: 1920, height: 1080), .rects([]))
        for action in [Action.setTheme(.light), .nextFilter, .nextInput, .toggleHelp, .toggleGrid] {
            var t = s
            t.update(action)
            XCTAssertEqual(renderer.damage(from: s, to: t, width: 1920, height: 1080), .full, "\(action)")
        }
    }

    /// Network mode draws other pictures from the same scan and pointer: it is always whole.
    func testNetworkModeIsAlwaysAFullFrame() {
        var rng = SeededGenerator(seed: 5)
        let source = NetworkSource(name: "test", weights: NetworkWeights.heNormal(.standard, using: &rng),
                                   classes: ClassNames.fashion,
                                   testImages: ImageSet(rows: 28, columns: 28, pixels: [UInt8](repeating: 90, count: 784), labels: [0]),
                                   testSource: "one image")
        let s = makeState(position: 10) {
            $0.update(.setNetworkSource(source))
            $0.update(.toggleNetwork)
        }
        XCTAssertNotNil(s.network)
        let renderer = FrameRenderer()
        for action in [Action.step(1), .togglePlay, .pointer(.moved(x: 300, y: 300))] {
            var t = s
            t.update(action)
            XCTAssertEqual(renderer.damage(from: s, to: t, width: 1920, height: 1080), .full, "\(action)")
        }
    }

    // MARK: the random run

    private func checkRandomRun(width w: Int, height h: Int, theme: Theme, seed: UInt64, actions: Int,
                                settings: ConvSettings = ConvSettings(), input: String = "face",
                                file: StaticString = #filePath, line: UInt = #line,
                                _ configure: (inout AppState) -> Void = { _ in }) throws {
        var rng = SplitMix(seed: seed)
        var state = makeState(input: input, settings: settings, width: w, height: h, position: 30) {
            $0.update(.setTheme(theme))
            configure(&$0)
        }
        let renderer = FrameRenderer(), reference = FrameRenderer()
        let shown = try ImageSurface(width: w, height: h, opaque: true)
        let context = DrawingContext(shown)
        renderer.draw(state, into: context.pointer, width: w, height: h)
        var partial = 0
        for i in 0..<actions {
            let before = state
            let action = randomAction(&rng, state)
            state.update(action)
            switch renderer.damage(from: before, to: state, width: w, height: h) {
            case .full:
                renderer.draw(state, into: context.pointer, width: w, height: h)
            case let .rects(rects):
                partial += 1
                renderer.draw(state, into: context.pointer, width: w, height: h, only: rects)
            }
            let full = try reference.render(state, width: w, height: h)
            if let diff = firstDifference(shown, full) {
                try? shown.writePNG(to: "/tmp/damage-fail-damaged.png")
                try? full.writePNG(to: "/tmp/damage-fail-full.png")
                return XCTFail("\(w)x\(h) \(theme) seed \(seed), action \(i) \(action): pixel \(diff) differs "
                               + "(damage \(renderer.damage(from: before, to: state, width: w, height: h)))",
                               file: file, line: line)
            }
        }
        // The property means something only if most frames took the damage path.
        XCTAssertGreaterThan(partial, actions / 3, "\(w)x\(h) \(theme): only \(partial) partial frames", file: file, line: line)
    }

    private func firstDifference(_ a: ImageSurface, _ b: ImageSurface) -> (x: Int, y: Int)? {
        cairo_surface_flush(a.pointer)
        cairo_surface_flush(b.pointer)
        let pa = cairo_image_surface_get_data(a.pointer)!, pb = cairo_image_surface_get_data(b.pointer)!
        for y in 0..<a.height {
            let ra = UnsafeRawPointer(pa + y * a.stride).assumingMemoryBound(to: UInt32.self)
            let rb = UnsafeRawPointer(pb + y * b.stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<a.width where ra[x] & 0xFF_FFFF != rb[x] & 0xFF_FFFF { return (x, y) }
        }
        return nil
    }

    /// Mostly what a playing window sees (ticks, steps, the pointer), now and then something broad.
    private func randomAction(_ rng: inout SplitMix, _ s: AppState) -> Action {
        let layout = FrameLayout(state: s)
        func pointInPanel() -> (Double, Double) {
            let kind = PanelKind.allCases[rng.below(3)]
            let r = layout.mapping(kind, in: s).gridRect.intersection(layout.panel(kind).image)
            guard !r.isEmpty else { return (1, 1) }
            return (r.minX + rng.unit() * r.width, r.minY + rng.unit() * r.height)
        }
        switch rng.below(100) {
        case 0..<22: return .tick(seconds: [0.016, 0.05, 0.13, 0.5][rng.below(4)])
        case 22..<34: return .step(rng.below(5) == 0 ? -1 : 1)
        case 34..<38: return .step(rng.below(60) + 2)
        case 38..<41: return .stepRow([1, -1][rng.below(2)])
        case 41..<44: return .seek(rng.below(max(1, s.scan.count)))
        case 44..<46: return [Action.seekFirst, .seekLast][rng.below(2)]
        case 46..<50: return [Action.togglePlay, .speedUp, .speedDown][rng.below(3)]
        case 50..<64:
            let (x, y) = pointInPanel()
            return .pointer(.moved(x: x, y: y))
        case 64..<67: return .pointer(.left)
        case 67..<71:
            let (x, y) = pointInPanel()
            return .pointer([PointerEvent.pressed(x: x, y: y, button: .primary), .released(x: x, y: y, button: .primary)][rng.below(2)])
        case 71..<73: return .togglePaintMode
        case 73..<75: return [Action.toggleRelu, .toggleNumbers, .toggleGrid, .toggleProgressive][rng.below(4)]
        case 75..<77: return .startTour(.builtin, loop: true)
        case 77..<78: return .stopTour
        case 78..<80: return [Action.nextScene, .nextFilter, .nextInput][rng.below(3)]
        case 80..<82:
            let (x, y) = pointInPanel()
            return .pointer(.scrolled(x: x, y: y, steps: [1, -1][rng.below(2)]))
        case 82..<84: return .resetView
        default:
            // Tour ticks: while a tour runs they drive it; otherwise they play the scan.
            return .tick(seconds: [0.016, 0.25, 1.0][rng.below(3)])
        }
    }
}

/// A small seeded generator (SplitMix64), so every run of the test sees the same actions.
struct SplitMix {
    private var x: UInt64
    init(seed: UInt64) { x = seed }
    mutating func next() -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
