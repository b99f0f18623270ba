import CCairo
import ConvModel
@testable import ConvRender
import XCTest

/// Fills and copies written straight into the pixels must be the very words Cairo writes.
final class DirectPixelsTests: XCTestCase {
    /// Every 32-bit word of two surfaces of the same size, top byte included.
    func words(_ s: ImageSurface) -> [UInt32] {
        cairo_surface_flush(s.pointer)
        var out: [UInt32] = []
        let data = cairo_image_surface_get_data(s.pointer)!
        for y in 0..<s.height {
            let row = UnsafeRawPointer(data + y * s.stride).assumingMemoryBound(to: UInt32.self)
            out.append(contentsOf: UnsafeBufferPointer(start: row, count: s.width))
        }
        return out
    }

    /// A surface with a gradient and a diagonal drawn by Cairo, so every copied word differs.
    private func patterned(_ w: Int, _ h: Int) throws -> ImageSurface {
        let s = try ImageSurface(width: w, height: h, opaque: true)
        let c = DrawingContext(s)
        let g = cairo_pattern_create_linear(0, 0, Double(w), Double(h))!
        cairo_pattern_add_color_stop_rgb(g, 0, 0.1, 0.7, 0.3)
        cairo_pattern_add_color_stop_rgb(g, 1, 0.9, 0.2, 0.6)
        cairo_set_source(c.pointer, g)
        cairo_paint(c.pointer)
        cairo_pattern_destroy(g)
        cairo_set_source_rgb(c.pointer, 1, 1, 1)
        cairo_move_to(c.pointer, 0, 0)
        cairo_line_to(c.pointer, Double(w), Double(h))
        cairo_stroke(c.pointer)
        return s
    }

    /// Colours from both palettes and some awkward ones: each fill, clipped, writes what
    /// `cairo_fill` writes, to the last bit.
    func testFillsWriteCairosWords() throws {
        let colours = [Palette.dark.background, Palette.light.background, Palette.dark.panel, Palette.light.panel,
                       RGB(0, 0, 0), RGB(1, 1, 1), RGB(0.5, 0.5, 0.5), RGB(0.123456, 0.987654, 0.333333), RGB(1.5, -0.2, 0.999)]
        let rects = [Rect(x: 3, y: 4, width: 20, height: 9), Rect(x: -5, y: 30, width: 100, height: 2),
                     Rect(x: 40, y: 0, width: 1, height: 50), Rect(x: 10, y: 10, width: 0, height: 5)]
        for c in colours {
            let direct = try patterned(64, 48), cairo = try patterned(64, 48)
            let dc = DrawingContext(direct), cc = DrawingContext(cairo)
            for cr in [dc.pointer, cc.pointer] {
                cairo_rectangle(cr, 2, 1, 50, 40)
                cairo_clip(cr)
            }
            let pixels = try XCTUnwrap(DirectPixels(dc.pointer))
            XCTAssertEqual(pixels.clip, Rect(x: 2, y: 1, width: 50, height: 40))
            for r in rects {
                XCTAssertTrue(pixels.fill(r, c))
                cairo_set_source_rgb(cc.pointer, c.r, c.g, c.b)
                cairo_rectangle(cc.pointer, r.x, r.y, r.width, r.height)
                cairo_fill(cc.pointer)
            }
            XCTAssertEqual(words(direct), words(cairo), "\(c)")
        }
    }

    /// Copies from an opaque layer placed at whole-pixel origins, partly outside the clip and
    /// partly past the layer's edge, write what Cairo's blit writes.
    func testCopiesWriteCairosWords() throws {
        let layer = try patterned(30, 20)
        for (ox, oy) in [(0.0, 0.0), (7, 5), (-4, 12), (50, 40)] {
            let direct = try ImageSurface(width: 64, height: 48, opaque: true)
            let cairo = try ImageSurface(width: 64, height: 48, opaque: true)
            let dc = DrawingContext(direct), cc = DrawingContext(cairo)
            for cr in [dc.pointer, cc.pointer] {
                cairo_set_source_rgb(cr, 0.2, 0.3, 0.4)
                cairo_paint(cr)
                cairo_rectangle(cr, 0, 3, 60, 40)
                cairo_clip(cr)
            }
            let pixels = try XCTUnwrap(DirectPixels(dc.pointer))
            for r in [Rect(x: 0, y: 0, width: 64, height: 48), Rect(x: 10, y: 8, width: 5, height: 30)] {
                XCTAssertTrue(pixels.copy(r, from: layer, at: (ox, oy)))
                cairo_set_source_surface(cc.pointer, layer.pointer, ox, oy)
                cairo_rectangle(cc.pointer, r.x, r.y, r.width, r.height)
                cairo_fill(cc.pointer)
            }
            XCTAssertEqual(words(direct), words(cairo), "layer at \(ox), \(oy)")
        }
    }

    /// Wherever Cairo would do more than write words — a transform, a clip off the pixel grid,
    /// another operator, a surface with alpha, a fractional rectangle, a layer with alpha — it
    /// is left to Cairo.
    func testAnythingButWholePixelsIsLeftToCairo() throws {
        let opaque = try ImageSurface(width: 40, height: 40, opaque: true)
        func context(_ setUp: (OpaquePointer) -> Void) -> DrawingContext {
            let c = DrawingContext(opaque)
            setUp(c.pointer)
            return c
        }
        let refused: [(String, DrawingContext)] = [
            ("translated", context { cairo_translate($0, 1, 0) }),
            ("scaled", context { cairo_scale($0, 2, 2) }),
            ("fractional clip", context { cairo_rectangle($0, 0.5, 0, 10, 10); cairo_clip($0) }),
            ("two-box clip", context { cairo_rectangle($0, 0, 0, 5, 5); cairo_rectangle($0, 10, 10, 5, 5); cairo_clip($0) }),
            ("round clip", context { cairo_arc($0, 20, 20, 10, 0, 6.3); cairo_clip($0) }),
            ("operator", context { cairo_set_operator($0, CAIRO_OPERATOR_ADD) }),
            ("alpha surface", DrawingContext(try ImageSurface(width: 40, height: 40))),
        ]
        for (what, c) in refused { XCTAssertNil(DirectPixels(c.pointer), what) }

        let plain = DrawingContext(opaque)
        let pixels = try XCTUnwrap(DirectPixels(plain.pointer))
        XCTAssertEqual(pixels.clip, Rect(x: 0, y: 0, width: 40, height: 40))
        XCTAssertFalse(pixels.fill(Rect(x: 0.5, y: 0, width: 3, height: 3), RGB(1, 0, 0)))
        XCTAssertFalse(pixels.copy(Rect(x: 0, y: 0, width: 3, height: 3), from: try patterned(4, 4), at: (0.25, 0)))
        XCTAssertFalse(pixels.copy(Rect(x: 0, y: 0, width: 3, height: 3), from: try ImageSurface(width: 4, height: 4), at: (0, 0)))
    }

    /// Whole frames: drawn with direct pixels, and drawn one pixel in on a translated context
    /// (where every fill and copy goes through Cairo), are the same frame — at sizes whose
    /// layouts fall on and off whole pixels, both themes, mid-scan, playing, with numbers.
    func testFramesWithDirectPixelsEqualFramesDrawnByCairo() throws {
        for (w, h, theme, numbers) in [(1920, 1080, Theme.dark, false), (1366, 768, .light, true), (700, 900, .dark, true),
                                       (1280, 800, .light, false)] {
            let state = makeState(width: w, height: h, position: 57) {
                $0.update(.setTheme(theme))
                $0.update(.setPlaying(true))
                if numbers { $0.update(.toggleNumbers) }
            }
            let direct = try FrameRenderer().render(state, width: w, height: h)
            let shifted = try ImageSurface(width: w + 2, height: h + 2, opaque: true)
            let c = DrawingContext(shifted)
            cairo_translate(c.pointer, 1, 1)
            XCTAssertNil(DirectPixels(c.pointer))
            FrameRenderer().draw(state, into: c.pointer, width: w, height: h)
            let a = words(direct), b = words(shifted)
            var differing = 0
            for y in 0..<h {
                for x in 0..<w where a[y * w + x] & 0xFF_FFFF != b[(y + 1) * (w + 2) + x + 1] & 0xFF_FFFF { differing += 1 }
            }
            XCTAssertEqual(differing, 0, "\(w)×\(h) \(theme)")
        }
    }
}

extension DirectPixelsTests {
    /// Translucent colours over every kind of pixel — the x byte of an RGB24 word included —
    /// come out as Cairo's OVER makes them, to the last bit.
    func testBlendsWriteCairosWords() throws {
        var rng = SplitMix(seed: 11)
        for _ in 0..<60 {
            let c = RGB(rng.unit(), rng.unit(), rng.unit())
            let alpha = [0.5, 0.55, 0.6, 0.75, 0.01, 0.999, rng.unit()][rng.below(7)]
            let direct = try ImageSurface(width: 64, height: 32, opaque: true)
            let cairo = try ImageSurface(width: 64, height: 32, opaque: true)
            // The same random words in both, top bytes too.
            var words: [UInt32] = []
            for _ in 0..<(64 * 32) { words.append(UInt32(truncatingIfNeeded: rng.next())) }
            for s in [direct, cairo] {
                cairo_surface_flush(s.pointer)
                let data = cairo_image_surface_get_data(s.pointer)!
                for y in 0..<32 {
                    let row = UnsafeMutableRawPointer(data + y * s.stride).assumingMemoryBound(to: UInt32.self)
                    for x in 0..<64 { row[x] = words[y * 64 + x] }
                }
                cairo_surface_mark_dirty(s.pointer)
            }
            let dc = DrawingContext(direct), cc = DrawingContext(cairo)
            let pixels = try XCTUnwrap(DirectPixels(dc.pointer))
            let r = Rect(x: Double(rng.below(30)), y: Double(rng.below(16)), width: Double(1 + rng.below(40)), height: Double(1 + rng.below(20)))
            XCTAssertTrue(pixels.blend(r, c, alpha: alpha))
            cairo_set_source_rgba(cc.pointer, c.r, c.g, c.b, alpha)
            cairo_rectangle(cc.pointer, r.x, r.y, r.width, r.height)
            cairo_fill(cc.pointer)
            XCTAssertEqual(self.words(direct), self.words(cairo), "\(c) at \(alpha) over \(r)")
        }
    }

    /// The hand-worked byte: white at half (premultiplied 0x80) over 0x40 keeps 0x40 × 127 / 255
    /// = 31.8 → 32, so 0x80 + 0x20 = 0xA0; over 0xFF it is 0x80 + 127 = 0xFF.
    func testOverByHand() {
        XCTAssertEqual(DirectPixels.over(0x8080_8080, 0x4040_40FF, keep: 127), 0xA0A0_A0FF)
    }
}
