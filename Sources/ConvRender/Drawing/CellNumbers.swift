import CCairo
import ConvModel

/// Numbers inside cells, drawn as glyph runs: hundreds of cells cost two `cairo_show_glyphs`
/// calls (one per text colour) instead of one `cairo_show_text` each.
///
/// The glyphs and advances of `0…9 . -` are looked up once per font size.
final class NumberGlyphs {
    let size: Double
    /// Glyph index and advance per character code in `NumberGlyphs.characters`.
    private var glyph = [UInt](repeating: 0, count: 128)
    private var advance = [Double](repeating: 0, count: 128)
    /// Height of a digit above the baseline, for centring.
    let digitHeight: Double

    static let characters = Array("0123456789.-".utf8)

    /// Sets `size` on `cr` (in `Canvas.family`) and reads the glyphs from its scaled font.
    init(cr: OpaquePointer, size: Double) {
        self.size = size
        Canvas(cr: cr).font(size)
        let font = cairo_get_scaled_font(cr)
        var height = size * 0.73
        for ch in NumberGlyphs.characters {
            var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
            var count: Int32 = 0
            let text = String(UnicodeScalar(ch))
            let status = cairo_scaled_font_text_to_glyphs(font, 0, 0, text, -1, &glyphs, &count, nil, nil, nil)
            if status == CAIRO_STATUS_SUCCESS, let glyphs, count > 0 {
                var e = cairo_text_extents_t()
                cairo_scaled_font_glyph_extents(font, glyphs, 1, &e)
                glyph[Int(ch)] = glyphs[0].index
                advance[Int(ch)] = e.x_advance
                if ch == UInt8(ascii: "0") { height = -e.y_bearing }
            }
            cairo_glyph_free(glyphs)
        }
        digitHeight = height
    }

    func width(_ chars: ArraySlice<UInt8>) -> Double { chars.reduce(0) { $0 + advance[Int($1)] } }

    /// Appends the glyphs of `chars` centred on (midX, midY).
    func append(_ chars: ArraySlice<UInt8>, midX: Double, midY: Double, to run: inout [cairo_glyph_t]) {
        var x = (midX - width(chars) / 2).rounded()
        let y = (midY + digitHeight / 2).rounded()
        for ch in chars {
            run.append(cairo_glyph_t(index: glyph[Int(ch)], x: x, y: y))
            x += advance[Int(ch)]
        }
    }
}

/// Short decimal text for a cell value: at most `decimals` places, trailing zeros dropped
/// (`1`, `0.3`, `-2.75`), written into a reusable byte buffer.
enum CellNumberText {
    /// Writes `v` into `out` (cleared first) and returns it as a slice.
    static func format(_ v: Float, decimals: Int, into out: inout [UInt8]) -> ArraySlice<UInt8> {
        out.removeAll(keepingCapacity: true)
        guard v.isFinite else { return out[...] }
        let scale = decimals == 2 ? 100.0 : decimals == 1 ? 10.0 : 1.0
        let scaled = (Double(abs(v)) * scale).rounded()
        guard scaled < 1e15 else { return out[...] }
        var n = UInt64(scaled)
        if v < 0 && n > 0 { out.append(UInt8(ascii: "-")) }
        var places = decimals
        while places > 0 && n % 10 == 0 && n > 0 { n /= 10; places -= 1 }
        if n == 0 { places = 0 }
        // Digits go in last first, then the run is reversed; no allocation beyond `out`.
        let start = out.count
        var m = n, written = 0
        repeat {
            if places > 0 && written == places { out.append(UInt8(ascii: ".")) }
            out.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
            written += 1
        } while m > 0 || written <= places
        out[start...].reverse()
        return out[...]
    }

    /// The most precise form of `v` (2, 1 or 0 places) that fits `maxWidth`; empty when none does.
    static func fitting(_ v: Float, maxWidth: Double, glyphs: NumberGlyphs, into out: inout [UInt8]) -> ArraySlice<UInt8> {
        for d in [2, 1, 0] {
            let s = format(v, decimals: d, into: &out)
            if glyphs.width(s) <= maxWidth { return s }
        }
        out.removeAll(keepingCapacity: true)
        return out[...]
    }

    static func string(_ v: Float, decimals: Int = 2) -> String {
        var buffer: [UInt8] = []
        return String(decoding: format(v, decimals: decimals, into: &buffer), as: UTF8.self)
    }
}
