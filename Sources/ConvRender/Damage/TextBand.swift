import CCairo
import ConvModel

/// A band of the frame whose contents change with the scan (the status line, the written-out sum,
/// the pool's arithmetic), laid out once as placed pieces: each text with its font, colour, place
/// and a box that holds its ink.
///
/// Laying out is where the time goes (every string measured); a band is laid out once per state
/// (`RecentValues`) and then both drawn and compared with the band of the frame before: only the
/// pieces that differ are damage, and a damaged frame draws only the pieces its rectangle touches.
///
///     let changed = newBand.changes(from: oldBand)     // boxes to redraw
///     newBand.draw(canvas, where: renderer.wants)        // pieces inside the clip
struct TextBand {
    enum Piece: Equatable {
        /// `text` with its left end at `x` (whole pixels) and its baseline at `baseline`.
        case text(String, x: Double, baseline: Double, size: Double, bold: Bool, color: RGB, alpha: Double)
        /// A filled box with a frame of `borderWidth` just inside it.
        case swatch(Rect, fill: RGB, border: RGB, borderWidth: Double)
        /// The play triangle or the pause bars, `size` high, starting at `x` and centred on `midY`.
        case playIcon(x: Double, midY: Double, size: Double, playing: Bool, color: RGB)
    }

    private(set) var pieces: [Piece] = []
    /// Where each piece puts ink (parallel to `pieces`).
    private(set) var boxes: [Rect] = []
    /// Each text piece's glyphs as Cairo placed them when measuring (empty for other pieces), so
    /// drawing does not turn the text into glyphs again.
    private var glyphs: [[cairo_glyph_t]] = []

    /// Everything the band draws.
    var bounds: Rect { Rect.bounding(boxes) }

    /// Adds `text` at its left end `x` (rounded to a pixel, as `Canvas.text` does) in the font set
    /// on `canvas`, measured there; returns its width.
    @discardableResult
    mutating func text(_ s: String, x: Double, baseline: Double, size: Double, bold: Bool = false, _ color: RGB,
                       alpha: Double = 1, align: Canvas.Align = .left, measuredOn canvas: Canvas) -> Double {
        canvas.font(size, bold: bold)
        let w = canvas.width(s)
        guard !s.isEmpty else { return w }
        let x0: Double
        switch align {
        case .left: x0 = x.rounded()
        case .center: x0 = (x - w / 2).rounded()
        case .right: x0 = (x - w).rounded()
        }
        let m = canvas.metrics()
        // Font-wide ascent and descent hold every glyph's height; a glyph may reach past its
        // advance by a fraction of the size (italic-like overhangs, the minus sign's ink).
        let pad = (size * 0.2).rounded(.up) + 1
        pieces.append(.text(s, x: x0, baseline: baseline, size: size, bold: bold, color: color, alpha: alpha))
        glyphs.append(TextBand.glyphs(s, x: x0, baseline: baseline, canvas.cr))
        boxes.append(Rect(x: x0 - pad, y: baseline - m.ascent - pad, width: w + 2 * pad, height: m.ascent + m.descent + 2 * pad))
        return w
    }

    mutating func swatch(_ r: Rect, fill: RGB, border: RGB, borderWidth: Double) {
        pieces.append(.swatch(r, fill: fill, border: border, borderWidth: borderWidth))
        glyphs.append([])
        boxes.append(r)
    }

    mutating func playIcon(x: Double, midY: Double, size: Double, playing: Bool, _ color: RGB) {
        pieces.append(.playIcon(x: x, midY: midY, size: size, playing: playing, color: color))
        glyphs.append([])
        boxes.append(Rect(x: x - 1, y: midY - size / 2 - 1, width: size + 2, height: size + 2))
    }

    /// Draws the pieces whose boxes `wanted` accepts (all of them for a whole frame).
    func draw(_ canvas: Canvas, where wanted: (Rect) -> Bool) {
        let cr = canvas.cr
        for (i, (piece, box)) in zip(pieces, boxes).enumerated() where wanted(box) {
            switch piece {
            case let .text(s, x, baseline, size, bold, color, alpha):
                canvas.font(size, bold: bold)
                if glyphs[i].isEmpty {
                    canvas.show(s, x: x, y: baseline, color, alpha)
                } else {
                    canvas.show(glyphs[i], text: s, x: x, y: baseline, color, alpha)
                }
            case let .swatch(r, fill, border, borderWidth):
                canvas.fill(r, fill)
                canvas.frameInside(r, width: borderWidth, border)
            case let .playIcon(x, midY, size, playing, color):
                canvas.color(color)
                if playing {
                    cairo_move_to(cr, x, midY - size / 2)
                    cairo_line_to(cr, x + size * 0.85, midY)
                    cairo_line_to(cr, x, midY + size / 2)
                    cairo_close_path(cr)
                } else {
                    let bar = size * 0.3
                    cairo_rectangle(cr, x, midY - size / 2, bar, size)
                    cairo_rectangle(cr, x + size * 0.55, midY - size / 2, bar, size)
                }
                cairo_fill(cr)
            }
        }
    }

    /// `s` as glyphs in the font set on `cr`, starting at (`x`, `baseline`); empty when Cairo cannot.
    private static func glyphs(_ s: String, x: Double, baseline: Double, _ cr: OpaquePointer) -> [cairo_glyph_t] {
        var list: UnsafeMutablePointer<cairo_glyph_t>?
        var count: Int32 = 0
        let status = cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(cr), x, baseline, s, -1, &list, &count,
                                                      nil, nil, nil)
        defer { cairo_glyph_free(list) }
        guard status == CAIRO_STATUS_SUCCESS, let list else { return [] }
        return Array(UnsafeBufferPointer(start: list, count: Int(count)))
    }

    /// The boxes of the pieces that are in one band and not the other: where the two differ.
    func changes(from old: TextBand) -> [Rect] {
        var out: [Rect] = []
        for (i, (piece, box)) in zip(pieces, boxes).enumerated() where !old.holds(piece, box, near: i) { out.append(box) }
        for (i, (piece, box)) in zip(old.pieces, old.boxes).enumerated() where !holds(piece, box, near: i) { out.append(box) }
        return out
    }

    /// Whether the band has `piece` at `box`: looked for first at `index` (a band laid out again
    /// mostly keeps its pieces in order), then anywhere.
    private func holds(_ piece: Piece, _ box: Rect, near index: Int) -> Bool {
        if index < pieces.count, boxes[index] == box, pieces[index] == piece { return true }
        return zip(pieces, boxes).contains { $1 == box && $0 == piece }
    }
}

/// The last few values worked out, by what they were worked out from: a damaged frame lays out
/// the bands of the frame before and of the new one, and draws the new one right after.
final class RecentValues<Key: Equatable, Value> {
    private var entries: [(key: Key, value: Value)] = []
    private let capacity = 4

    func value(_ key: Key, make: () -> Value) -> Value {
        if let i = entries.firstIndex(where: { $0.key == key }) { return entries[i].value }
        let value = make()
        if entries.count >= capacity { entries.removeFirst() }
        entries.append((key, value))
        return value
    }
}
