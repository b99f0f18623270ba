import CCairo

/// One font's glyphs by character, as Cairo maps and measures them, and strings put together from
/// them the way Cairo's toy text API does (`cairo_scaled_font_text_to_glyphs`,
/// `cairo_scaled_font_glyph_extents`): one glyph per Unicode scalar, each at the sum of the
/// advances before it; the ink is the union of the boxes of the glyphs that have any; the advance
/// runs from the first glyph's origin to past the last. Same operations in the same order, so the
/// same numbers — but a new string costs a few table lookups instead of a trip through Cairo.
///
///     let e = table.extents("(−1)×0.3", cr)     // cr's font is this table's
final class GlyphTable {
    struct Glyph {
        let index: UInt
        let xAdvance: Double
        let yAdvance: Double
        let xBearing: Double
        let yBearing: Double
        let width: Double
        let height: Double
        /// Cairo leaves glyphs without ink (a space) out of a string's ink box.
        var hasInk: Bool { width != 0 && height != 0 }
    }

    private var ascii = [Glyph?](repeating: nil, count: 128)
    private var others: [UInt32: Glyph] = [:]

    /// Calls `body` with a lookup of each character's glyph (nil when Cairo cannot make it).
    ///
    /// The lookup reads the table through a local buffer: reading a class's stored array once per
    /// character would check exclusive access each time, which costs more than the lookup.
    private func withGlyphs<T>(_ cr: OpaquePointer, _ body: ((Unicode.Scalar) -> Glyph?) -> T) -> T {
        // Taken out while in use, so the buffer is not shared and writing a new glyph copies nothing.
        var known: [Glyph?] = []
        swap(&known, &ascii)
        defer { swap(&known, &ascii) }
        return known.withUnsafeMutableBufferPointer { table in
            body { u in
                if u.value < 128, let g = table[Int(u.value)] { return g }
                if u.value >= 128, let g = self.others[u.value] { return g }
                guard let g = GlyphTable.measure(u, cr) else { return nil }
                if u.value < 128 { table[Int(u.value)] = g } else { self.others[u.value] = g }
                return g
            }
        }
    }

    /// Asks Cairo for one character's glyph and its metrics: a single glyph at the origin has
    /// extents equal to its metrics.
    private static func measure(_ u: Unicode.Scalar, _ cr: OpaquePointer) -> Glyph? {
        let font = cairo_get_scaled_font(cr)
        var list: UnsafeMutablePointer<cairo_glyph_t>?
        var count: Int32 = 0
        let status = cairo_scaled_font_text_to_glyphs(font, 0, 0, String(Character(u)), -1, &list, &count, nil, nil, nil)
        defer { cairo_glyph_free(list) }
        guard status == CAIRO_STATUS_SUCCESS, count == 1, let list else { return nil }
        var e = cairo_text_extents_t()
        cairo_scaled_font_glyph_extents(font, list, 1, &e)
        guard cairo_scaled_font_status(font) == CAIRO_STATUS_SUCCESS else { return nil }
        return Glyph(index: UInt(list[0].index), xAdvance: e.x_advance, yAdvance: e.y_advance,
                     xBearing: e.x_bearing, yBearing: e.y_bearing, width: e.width, height: e.height)
    }

    /// The glyphs of `s` placed from (0, 0), or nil when one of its characters has none.
    func glyphs(_ s: String, _ cr: OpaquePointer) -> [cairo_glyph_t]? {
        withGlyphs(cr) { glyph in
            var out: [cairo_glyph_t] = []
            out.reserveCapacity(s.utf8.count)
            var x = 0.0, y = 0.0
            for u in s.unicodeScalars {
                guard let g = glyph(u) else { return nil }
                out.append(cairo_glyph_t(index: UInt(g.index), x: x, y: y))
                x += g.xAdvance
                y += g.yAdvance
            }
            return out
        }
    }

    /// The advance of `s`: what `cairo_text_extents` gives as `x_advance`.
    func advance(_ s: String, _ cr: OpaquePointer) -> Double {
        let advance: Double? = withGlyphs(cr) { glyph in
            var x = 0.0
            for u in s.unicodeScalars {
                guard let g = glyph(u) else { return nil }
                x += g.xAdvance
            }
            return x
        }
        return advance ?? TextMemo.measure(s, cr)
    }

    /// What `cairo_text_extents` gives for `s` with no current point.
    func extents(_ s: String, _ cr: OpaquePointer) -> cairo_text_extents_t {
        let made: cairo_text_extents_t? = withGlyphs(cr) { glyph in
            var x = 0.0, y = 0.0
            var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0, inked = false
            for u in s.unicodeScalars {
                guard let g = glyph(u) else { return nil }
                if g.hasInk {
                    let left = g.xBearing + x, top = g.yBearing + y
                    let right = left + g.width, bottom = top + g.height
                    if inked {
                        minX = min(minX, left); minY = min(minY, top)
                        maxX = max(maxX, right); maxY = max(maxY, bottom)
                    } else {
                        (minX, minY, maxX, maxY, inked) = (left, top, right, bottom, true)
                    }
                }
                x += g.xAdvance
                y += g.yAdvance
            }
            var e = cairo_text_extents_t()
            if inked {
                e.x_bearing = minX
                e.y_bearing = minY
                e.width = maxX - minX
                e.height = maxY - minY
            }
            e.x_advance = x
            e.y_advance = y
            return e
        }
        return made ?? TextMemo.extents(s, cr)
    }
}
