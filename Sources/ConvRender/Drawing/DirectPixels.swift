import CCairo
import ConvModel
import Foundation

/// Whole-pixel fills and copies written straight into the image a context draws on, when the
/// result is exactly Cairo's: an opaque (RGB24) image surface, no transform, the default
/// operator and a clip of one whole-pixel rectangle. Then a solid fill is the colour's pixel
/// word and a copy from an opaque layer is the layer's words, as Cairo's own fill and blit
/// would write them.
///
/// Why: a scan step fills and copies a dozen small rectangles, and each `cairo_fill` costs
/// about ten thousand instructions before it touches a pixel (callgrind, 4K window: a third
/// of a step's drawing). Anything else — a fractional edge, a rotated or scaled context, a
/// rounded clip, another operator — returns nil or false, and the caller draws with Cairo as
/// before.
///
///     if let direct = DirectPixels(cr), direct.fill(box, palette.background) { return }
///     canvas.fill(box, palette.background)
struct DirectPixels {
    private let target: OpaquePointer
    private let rows: UnsafeMutableRawPointer
    private let stride: Int
    /// Where drawing may go: the clip, within the surface, in whole pixels.
    let clip: Rect

    init?(_ cr: OpaquePointer) {
        guard cairo_get_operator(cr) == CAIRO_OPERATOR_OVER, let target = cairo_get_group_target(cr),
              cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_IMAGE,
              cairo_image_surface_get_format(target) == CAIRO_FORMAT_RGB24
        else { return nil }
        var m = cairo_matrix_t()
        cairo_get_matrix(cr, &m)
        var ox = 0.0, oy = 0.0, sx = 0.0, sy = 0.0
        cairo_surface_get_device_offset(target, &ox, &oy)
        cairo_surface_get_device_scale(target, &sx, &sy)
        guard m.xx == 1, m.yy == 1, m.xy == 0, m.yx == 0, m.x0 == 0, m.y0 == 0, ox == 0, oy == 0, sx == 1, sy == 1
        else { return nil }
        // The clip as rectangles: Cairo gives them only when they are whole pixels.
        guard let list = cairo_copy_clip_rectangle_list(cr) else { return nil }
        defer { cairo_rectangle_list_destroy(list) }
        guard list.pointee.status == CAIRO_STATUS_SUCCESS, list.pointee.num_rectangles == 1,
              let r = list.pointee.rectangles?.pointee
        else { return nil }
        let surface = Rect(x: 0, y: 0, width: Double(cairo_image_surface_get_width(target)),
                           height: Double(cairo_image_surface_get_height(target)))
        clip = Rect(x: r.x, y: r.y, width: r.width, height: r.height).intersection(surface)
        guard clip.isWholePixels else { return nil }
        cairo_surface_flush(target)
        guard let data = cairo_image_surface_get_data(target) else { return nil }
        self.target = target
        rows = UnsafeMutableRawPointer(data)
        stride = Int(cairo_image_surface_get_stride(target))
    }

    /// Fills `r` (inside the clip) with the opaque colour `c`; false, having drawn nothing, when
    /// `r` does not lie on whole pixels.
    func fill(_ r: Rect, _ c: RGB) -> Bool {
        guard r.isWholePixels else { return false }
        let box = r.intersection(clip)
        guard !box.isEmpty else { return true }
        let word = DirectPixels.word(for: c)
        let x = Int(box.x), y = Int(box.y), w = Int(box.width), h = Int(box.height)
        // One row word by word, the others copied from it (memcpy is several times faster).
        let first = rows + y * stride + x * 4
        first.assumingMemoryBound(to: UInt32.self).update(repeating: word, count: w)
        for row in 1..<h { (first + row * stride).copyMemory(from: first, byteCount: w * 4) }
        cairo_surface_mark_dirty_rectangle(target, Int32(x), Int32(y), Int32(w), Int32(h))
        return true
    }

    /// Covers `r` (inside the clip) with `c` at `alpha` over what is there, as Cairo's OVER
    /// does it: each byte becomes the premultiplied colour's byte plus the old byte times one
    /// less the colour's alpha, divided by 255 and rounded as pixman rounds. False, having drawn
    /// nothing, when `r` does not lie on whole pixels.
    func blend(_ r: Rect, _ c: RGB, alpha: Double) -> Bool {
        guard alpha < 1 else { return fill(r, c) }
        guard r.isWholePixels else { return false }
        let box = r.intersection(clip)
        guard !box.isEmpty else { return true }
        let s = DirectPixels.premultiplied(c, alpha: alpha)
        let keep = 255 - (s >> 24)
        let x = Int(box.x), y = Int(box.y), w = Int(box.width), h = Int(box.height)
        for row in y..<(y + h) {
            let p = (rows + row * stride).assumingMemoryBound(to: UInt32.self).advanced(by: x)
            for i in 0..<w { p[i] = DirectPixels.over(s, p[i], keep: keep) }
        }
        cairo_surface_mark_dirty_rectangle(target, Int32(x), Int32(y), Int32(w), Int32(h))
        return true
    }

    /// `s + d × keep / 255` byte by byte, with pixman's exact division by 255 (two bytes at a
    /// time in the high and low halves of a word).
    @inline(__always)
    static func over(_ s: UInt32, _ d: UInt32, keep: UInt32) -> UInt32 {
        func times(_ v: UInt32) -> UInt32 {
            let t = (v & 0x00FF_00FF) &* keep &+ 0x0080_0080
            return ((t &+ ((t >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
        }
        return s &+ (times(d) | (times(d >> 8) << 8))
    }

    /// Copies `r` (inside the clip) from `layer`, whose top-left lies at `origin`, as
    /// `cairo_set_source_surface` and a fill would; false, having drawn nothing, when `r` or
    /// `origin` is not on whole pixels or the layer is not opaque.
    func copy(_ r: Rect, from layer: ImageSurface, at origin: (x: Double, y: Double)) -> Bool {
        guard r.isWholePixels, origin.x == origin.x.rounded(), origin.y == origin.y.rounded(),
              cairo_image_surface_get_format(layer.pointer) == CAIRO_FORMAT_RGB24
        else { return false }
        // Outside the layer the source is clear and leaves the frame as it is.
        let extent = Rect(x: origin.x, y: origin.y, width: Double(layer.width), height: Double(layer.height))
        let box = r.intersection(clip).intersection(extent)
        guard !box.isEmpty else { return true }
        cairo_surface_flush(layer.pointer)
        guard let source = cairo_image_surface_get_data(layer.pointer) else { return false }
        let sourceStride = layer.stride
        let x = Int(box.x), y = Int(box.y), w = Int(box.width), h = Int(box.height)
        let lx = x - Int(origin.x), ly = y - Int(origin.y)
        for row in 0..<h {
            let from = UnsafeRawPointer(source) + (ly + row) * sourceStride + lx * 4
            (rows + (y + row) * stride + x * 4).copyMemory(from: from, byteCount: w * 4)
        }
        cairo_surface_mark_dirty_rectangle(target, Int32(x), Int32(y), Int32(w), Int32(h))
        return true
    }

    // MARK: colour words

    private nonisolated(unsafe) static var words: [ColorKey: UInt32] = [:]
    private static let lock = NSLock()

    private struct ColorKey: Hashable {
        let r: UInt64, g: UInt64, b: UInt64, alpha: UInt64
        /// An opaque fill's word, or a premultiplied colour's.
        let opaque: Bool
        init(_ c: RGB, alpha: Double, opaque: Bool) {
            (r, g, b, self.alpha, self.opaque) = (c.r.bitPattern, c.g.bitPattern, c.b.bitPattern, alpha.bitPattern, opaque)
        }
    }

    /// The premultiplied word Cairo composites for `c` at `alpha`, found by letting it set one
    /// pixel of a surface with alpha.
    static func premultiplied(_ c: RGB, alpha: Double) -> UInt32 {
        cached(ColorKey(c, alpha: alpha, opaque: false)) {
            let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)!
            let cr = cairo_create(s)!
            cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
            cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha)
            cairo_paint(cr)
            return (s, cr)
        }
    }

    /// The word Cairo writes for an opaque fill of `c` on an RGB24 surface, found by letting it
    /// fill one pixel the first time a colour is asked for.
    static func word(for c: RGB) -> UInt32 {
        cached(ColorKey(c, alpha: 1, opaque: true)) {
            let s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1)!
            let cr = cairo_create(s)!
            cairo_set_source_rgb(cr, c.r, c.g, c.b)
            cairo_paint(cr)
            return (s, cr)
        }
    }

    /// The word of the one pixel `draw` paints, remembered by `key`.
    private static func cached(_ key: ColorKey, draw: () -> (surface: OpaquePointer, cr: OpaquePointer)) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let w = words[key] { return w }
        let (s, cr) = draw()
        cairo_destroy(cr)
        cairo_surface_flush(s)
        let w = cairo_image_surface_get_data(s).map { UnsafeRawPointer($0).load(as: UInt32.self) } ?? 0
        cairo_surface_destroy(s)
        // Palettes are small; colours animated through many values must not grow this for days.
        if words.count >= 4096 { words.removeAll() }
        words[key] = w
        return w
    }
}

extension Rect {
    /// Whether every edge lies on a whole pixel.
    var isWholePixels: Bool {
        x == x.rounded() && y == y.rounded() && width == width.rounded() && height == height.rounded()
    }
}
