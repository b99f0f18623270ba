import CCairo
import ConvModel

/// Small drawing helpers over one `cairo_t`: filled and outlined rectangles, and text placed by
/// its alignment rather than its baseline.
struct Canvas {
    let cr: OpaquePointer
    /// Set by the layout tests: every string drawn is noted with its ink box.
    var recorder: TextRecorder? = nil
    /// Widths, metrics and glyphs found before, kept by the renderer across frames (nil: ask Cairo
    /// every time).
    var memo: TextMemo? = nil

    enum Align { case left, center, right }

    func color(_ c: RGB, _ alpha: Double = 1) {
        if alpha >= 1 { cairo_set_source_rgb(cr, c.r, c.g, c.b) } else { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha) }
    }

    /// Whether nothing inside `r` can show through the current clip (a damaged frame's marks
    /// outside the rectangle being drawn): then drawing there is skipped before its path is built.
    func isClippedOut(_ r: Rect) -> Bool {
        var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
        cairo_clip_extents(cr, &x0, &y0, &x1, &y1)
        return r.maxX <= x0 || r.minX >= x1 || r.maxY <= y0 || r.minY >= y1
    }

    func fill(_ r: Rect, _ c: RGB, _ alpha: Double = 1) {
        guard !r.isEmpty else { return }
        color(c, alpha)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_fill(cr)
    }

    /// A frame of `width` pixels lying just outside `r` (so the cells inside stay uncovered).
    /// Drawn as four boxes that do not overlap, which Cairo fills without building a mask.
    func frameOutside(_ r: Rect, width w: Double, _ c: RGB, _ alpha: Double = 1) {
        guard w > 0, !isClippedOut(r.insetBy(dx: -w, dy: -w)) else { return }
        color(c, alpha)
        let sides = [Rect(x: r.x - w, y: r.y - w, width: r.width + 2 * w, height: w),
                     Rect(x: r.x - w, y: r.maxY, width: r.width + 2 * w, height: w),
                     Rect(x: r.x - w, y: r.y, width: w, height: r.height), Rect(x: r.maxX, y: r.y, width: w, height: r.height)]
        // On whole pixels the four bands do not overlap, so each may be blended on its own.
        if r.width >= 0, r.height >= 0, sides.allSatisfy(\.isWholePixels), let direct = DirectPixels(cr) {
            for s in sides { _ = direct.blend(s, c, alpha: alpha) }
            return
        }
        for s in sides { cairo_rectangle(cr, s.x, s.y, s.width, s.height) }
        cairo_fill(cr)
    }

    /// A frame of `width` pixels lying just inside `r`.
    func frameInside(_ r: Rect, width w: Double, _ c: RGB, _ alpha: Double = 1) {
        frameOutside(r.insetBy(dx: w, dy: w), width: w, c, alpha)
    }

    func roundedRect(_ r: Rect, radius: Double) {
        let rad = max(0, min(radius, r.width / 2, r.height / 2))
        cairo_new_sub_path(cr)
        cairo_arc(cr, r.maxX - rad, r.minY + rad, rad, -.pi / 2, 0)
        cairo_arc(cr, r.maxX - rad, r.maxY - rad, rad, 0, .pi / 2)
        cairo_arc(cr, r.minX + rad, r.maxY - rad, rad, .pi / 2, .pi)
        cairo_arc(cr, r.minX + rad, r.minY + rad, rad, .pi, 1.5 * .pi)
        cairo_close_path(cr)
    }

    func fillRounded(_ r: Rect, radius: Double, _ c: RGB, _ alpha: Double = 1) {
        guard !r.isEmpty else { return }
        color(c, alpha)
        roundedRect(r, radius: radius)
        cairo_fill(cr)
    }

    func strokeRounded(_ r: Rect, radius: Double, width: Double, _ c: RGB, _ alpha: Double = 1) {
        guard !r.isEmpty else { return }
        color(c, alpha)
        roundedRect(r.insetBy(dx: width / 2, dy: width / 2), radius: radius)
        cairo_set_line_width(cr, width)
        cairo_stroke(cr)
    }

    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width: Double, _ c: RGB, _ alpha: Double = 1) {
        color(c, alpha)
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
        cairo_set_line_width(cr, width)
        cairo_stroke(cr)
    }

    func save() { cairo_save(cr) }
    func restore() { cairo_restore(cr) }

    func clip(_ r: Rect) {
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
    }

    // MARK: text

    static let family = "DejaVu Sans"
    /// For code, where columns of characters line up.
    static let monoFamily = "DejaVu Sans Mono"

    func font(_ size: Double, bold: Bool = false) {
        setFont(bold ? Canvas.boldFace : Canvas.regularFace, size)
    }

    func monoFont(_ size: Double) {
        setFont(Canvas.monoFace, size)
    }

    /// Sets a face and size, unless they are set already: setting them again makes Cairo look its
    /// scaled font up again on the next text.
    private func setFont(_ face: OpaquePointer?, _ size: Double) {
        let size = max(1, size)
        var m = cairo_matrix_t()
        cairo_get_font_matrix(cr, &m)
        if cairo_get_font_face(cr) == face, m.xx == size, m.yy == size, m.xy == 0, m.yx == 0 { return }
        cairo_set_font_face(cr, face)
        cairo_set_font_size(cr, size)
    }

    // The faces `cairo_select_font_face` would make, made once: it builds a new face on every call,
    // and a frame sets a font hundreds of times. Cairo's font faces are reference counted and
    // safe to share between threads; these live as long as the program.
    static let regularFace = cairo_toy_font_face_create(family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    static let boldFace = cairo_toy_font_face_create(family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
    static let monoFace = cairo_toy_font_face_create(monoFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)

    /// Advance width of `s` in the current font.
    func width(_ s: String) -> Double {
        if let memo { return memo.width(s, cr) }
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, s, &e)
        return e.x_advance
    }

    /// The extents of `s` in the current font (ink box from the origin, advance).
    func extents(_ s: String) -> cairo_text_extents_t {
        memo?.extents(s, cr) ?? TextMemo.extents(s, cr)
    }

    /// `s` in the current font as a run of one piece per word (`TextRun`).
    func wordRun(_ s: String) -> TextRun {
        memo?.wordRun(s, cr) ?? TextRun(s, extents: { TextMemo.extents($0, cr) })
    }

    /// Ascent and descent of the current font.
    func metrics() -> (ascent: Double, descent: Double) {
        memo?.metrics(cr) ?? TextMemo.metrics(cr)
    }

    /// Baseline that centres a line of the current font on `midY`.
    func baseline(centredOn midY: Double) -> Double {
        let m = metrics()
        return (midY + (m.ascent - m.descent) / 2).rounded()
    }

    /// Draws `s` with its baseline at `y`, aligned on `x`; returns the width drawn.
    @discardableResult
    func text(_ s: String, x: Double, y: Double, align: Align = .left, _ c: RGB, _ alpha: Double = 1) -> Double {
        let w = width(s)
        let x0: Double
        switch align {
        case .left: x0 = x
        case .center: x0 = x - w / 2
        case .right: x0 = x - w
        }
        show(s, x: x0.rounded(), y: y, c, alpha)
        return w
    }

    /// Draws `s` with its left end at `x` and its baseline at `y`, as it is: no measuring. With a
    /// memo, from glyphs found before, moved into place (`x` and `y` are whole pixels and hinted
    /// advances whole too, so they land where `cairo_show_text` puts them).
    func show(_ s: String, x: Double, y: Double, _ c: RGB, _ alpha: Double = 1) {
        color(c, alpha)
        if let memo, var glyphs = memo.glyphs(s, cr) {
            for i in glyphs.indices {
                glyphs[i].x += x
                glyphs[i].y += y
            }
            glyphs.withUnsafeBufferPointer { cairo_show_glyphs(cr, $0.baseAddress, Int32($0.count)) }
        } else {
            cairo_move_to(cr, x, y)
            cairo_show_text(cr, s)
        }
        record(s, x: x, y: y)
    }

    private func record(_ s: String, x: Double, y: Double) {
        guard let recorder else { return }
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, s, &e)
        recorder.record(s, Rect(x: x + e.x_bearing, y: y + e.y_bearing, width: e.width, height: e.height))
    }

    /// Draws `s` vertically centred in `r`, aligned within it.
    @discardableResult
    func text(_ s: String, in r: Rect, align: Align = .left, _ c: RGB, _ alpha: Double = 1) -> Double {
        let x: Double
        switch align {
        case .left: x = r.minX
        case .center: x = r.midX
        case .right: x = r.maxX
        }
        return text(s, x: x, y: baseline(centredOn: r.midY), align: align, c, alpha)
    }

    /// `s` cut with an ellipsis so it fits `maxWidth` in the current font.
    func fitted(_ s: String, maxWidth: Double) -> String {
        if width(s) <= maxWidth { return s }
        var chars = Array(s)
        while !chars.isEmpty {
            chars.removeLast()
            let t = String(chars).trimmingTrailingSpaces + "…"
            if width(t) <= maxWidth { return t }
        }
        return ""
    }

    /// Words of `s` broken into lines no wider than `maxWidth` in the current font.
    func wrapped(_ s: String, maxWidth: Double) -> [String] {
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if line.isEmpty || width(candidate) <= maxWidth {
                    line = candidate
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines.map { fitted($0, maxWidth: maxWidth) }
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
