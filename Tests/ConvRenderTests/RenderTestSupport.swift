import CCairo
import ConvModel
@testable import ConvRender
import XCTest

/// A state as the window would hold it, paused so the box does not glide.
func makeState(input: String = "face", filter: String = "edge_v", settings: ConvSettings = ConvSettings(),
               width: Int = 1920, height: Int = 1080, position: Int = 0,
               _ configure: (inout AppState) -> Void = { _ in }) -> AppState {
    var s = try! AppState(image: BuiltinImages.named(input)!, kernel: Kernel.preset(named: filter)!, settings: settings,
                          playing: false, windowWidth: width, windowHeight: height)
    s.update(.seek(position))
    configure(&s)
    return s
}

/// The frame for `state` at its window size, drawn by a fresh renderer.
func renderFrame(_ state: AppState) -> ImageSurface {
    try! FrameRenderer().render(state, width: state.windowWidth, height: state.windowHeight)
}

extension ImageSurface {
    /// The colour at window point (x, y), taken from the pixel that contains it, as 0xRRGGBB.
    func rgb(_ x: Double, _ y: Double) -> UInt32 {
        pixel(x: Int(x.rounded(.down)), y: Int(y.rounded(.down))) & 0xFF_FFFF
    }
}

extension RGB {
    var rgb: UInt32 { pixel & 0xFF_FFFF }
}

func hex(_ v: UInt32) -> String { String(format: "#%06X", v) }

/// Asserts that the pixel at (x, y) has exactly `color`.
func assertColor(_ surface: ImageSurface, _ x: Double, _ y: Double, _ color: RGB, _ what: String,
                 file: StaticString = #filePath, line: UInt = #line) {
    let got = surface.rgb(x, y)
    XCTAssertEqual(hex(got), hex(color.rgb), "\(what) at (\(Int(x)), \(Int(y)))", file: file, line: line)
}

/// Asserts that the pixel at (x, y) does not have `color`.
func assertNotColor(_ surface: ImageSurface, _ x: Double, _ y: Double, _ color: RGB, _ what: String,
                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNotEqual(hex(surface.rgb(x, y)), hex(color.rgb), "\(what) at (\(Int(x)), \(Int(y)))", file: file, line: line)
}

/// Checks that `rect` is framed by a band of `color` `width` pixels wide just outside it, and that
/// the pixels just inside are something else: the outline lies exactly around the rectangle.
func assertFramed(_ surface: ImageSurface, _ rect: Rect, width: Double, _ color: RGB, _ what: String,
                  file: StaticString = #filePath, line: UInt = #line) {
    let xs = [rect.minX + 1, rect.midX.rounded(.down), rect.maxX - 2]
    let ys = [rect.minY + 1, rect.midY.rounded(.down), rect.maxY - 2]
    for x in xs {
        assertColor(surface, x, rect.minY - 1, color, "\(what): top band", file: file, line: line)
        assertColor(surface, x, rect.minY - width, color, "\(what): top band, outer edge", file: file, line: line)
        assertNotColor(surface, x, rect.minY, color, "\(what): first row inside", file: file, line: line)
        assertColor(surface, x, rect.maxY, color, "\(what): bottom band", file: file, line: line)
        assertColor(surface, x, rect.maxY + width - 1, color, "\(what): bottom band, outer edge", file: file, line: line)
        assertNotColor(surface, x, rect.maxY - 1, color, "\(what): last row inside", file: file, line: line)
    }
    for y in ys {
        assertColor(surface, rect.minX - 1, y, color, "\(what): left band", file: file, line: line)
        assertNotColor(surface, rect.minX, y, color, "\(what): first column inside", file: file, line: line)
        assertColor(surface, rect.maxX, y, color, "\(what): right band", file: file, line: line)
        assertNotColor(surface, rect.maxX - 1, y, color, "\(what): last column inside", file: file, line: line)
    }
}

/// Draws `draw` at the origin of a `width`×`height` frame inside a surface `border` pixels larger
/// each way, filled with magenta first; returns the surface, the pixels drawn outside the frame
/// and the magenta ones left inside it.
func drawnOnSentinel(width: Int, height: Int, border: Int,
                     _ draw: (OpaquePointer) -> Void) -> (surface: ImageSurface, outside: Int, unpainted: Int) {
    let surface = try! ImageSurface(width: width + 2 * border, height: height + 2 * border, opaque: true)
    let context = DrawingContext(surface)
    cairo_set_source_rgb(context.pointer, 1, 0, 1)
    cairo_paint(context.pointer)
    cairo_translate(context.pointer, Double(border), Double(border))
    draw(context.pointer)
    var outside = 0, unpainted = 0
    _ = surface.withRows { y, row -> Bool? in
        for x in 0..<row.count {
            let sentinel = row[x] & 0xFF_FFFF == 0xFF00FF
            let inside = y >= border && y < border + height && x >= border && x < border + width
            if inside, sentinel { unpainted += 1 }
            if !inside, !sentinel { outside += 1 }
        }
        return nil
    }
    return (surface, outside, unpainted)
}
