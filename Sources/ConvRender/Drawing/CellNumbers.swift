import CCairo
import ConvModel

/// Numbers inside cells, drawn as glyph runs: hundreds of cells cost two `cairo_show_glyphs`
/// calls (one per text colour) instead of one `cairo_show_text` each.
///
/// The glyphs and advances of `0…9 . − e` are looked up once per font size.
final class NumberGlyphs {
    let size: Double
    /// Glyph index and advance per character code in `NumberGlyphs.characters`.
    private var glyph = [UInt](repeating: 0, count: 128)
    private var advance = [Double](repeating: 0, count: 128)
    /// Height of a digit above the baseline, for centring.
    let digitHeight: Double

    static let characters = Array("0123456789.-e".utf8)

    /// Sets `size` on `cr` (in `Canvas.family`) and reads the glyphs from its scaled font.
    init(cr: OpaquePointer, size: Double) {
        self.size = size
        Canvas(cr: cr).font(size)
        let font = cairo_get_scaled_font(cr)
        var height = size * 0.73
        for ch in NumberGlyphs.characters {
            var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
            var count: Int32 = 0
            // `DecimalText` writes ASCII `-`; people read U+2212, the minus of the rest of the picture.
            let text = ch == UInt8(ascii: "-") ? DecimalText.minus : String(UnicodeScalar(ch))
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

/// A cell's number in the most precise form of `DecimalText` that fits the cell, written into a
/// reusable byte buffer (ASCII, `-` drawn as U+2212 by `NumberGlyphs`).
enum CellNumberText {
    /// The forms of `v` from `decimals` places (default: two, or as many as it takes to read as
    /// nonzero) down to one significant digit; the first that fits `maxWidth`, else the shortest
    /// with `fits` false, so that the caller draws it smaller rather than leaving it out.
    static func fitting(_ v: Float, decimals: Int? = nil, maxWidth: Double, glyphs: NumberGlyphs,
                        into out: inout [UInt8]) -> (text: ArraySlice<UInt8>, fits: Bool) {
        let d = decimals ?? DecimalText.decimals(toShow: CollectionOfOne(v))
        let forms = DecimalText.forms(for: Double(v), decimals: d)
        var narrowest: (form: DecimalText.Form, width: Double)?
        for form in forms {
            let s = DecimalText.write(Double(v), form, into: &out)
            let w = glyphs.width(s)
            if w <= maxWidth { return (s, true) }
            if w < narrowest?.width ?? .infinity { narrowest = (form, w) }
        }
        guard let narrowest else {
            out.removeAll(keepingCapacity: true)
            return (out[...], true)
        }
        return (DecimalText.write(Double(v), narrowest.form, into: &out), false)
    }

    /// The widest of `values` written at `decimals` places.
    static func widest(_ values: [Float], decimals: Int, glyphs: NumberGlyphs) -> Double {
        var buffer: [UInt8] = []
        return values.reduce(0) { max($0, glyphs.width(DecimalText.write(Double($1), .fixed(decimals), into: &buffer))) }
    }
}

/// A number that needs a smaller size than its neighbours to fit its cell.
struct ShrunkNumber {
    let text: [UInt8]
    let midX: Double
    let midY: Double
    /// The size at which it fits.
    let size: Double
    let dark: Bool
}
