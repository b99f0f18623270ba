import CCairo
import ConvModel
import Foundation

/// What Cairo said about fonts and strings before — each character's glyph and metrics, font
/// metrics, laid-out runs — by font: `cairo_text_extents` and `cairo_show_text` turn the text into
/// glyphs on every call, and a frame's layout measures and draws the same few hundred strings again
/// and again (the status line's variants, the sum's terms), and every scan step some new ones.
///
/// A string's extents and glyphs are put together from its characters' here, exactly as Cairo
/// does for the toy text API (one glyph per Unicode scalar, each placed at the sum of the advances
/// before it, the ink the union of the visible glyphs' boxes), so they are Cairo's own figures, to
/// the last bit, without asking Cairo for each new string.
///
/// The font is read from the context itself (its face — one of `Canvas`'s — and its size), so
/// nothing is ever taken for the wrong font, whoever set it.
final class TextMemo {
    private struct Font: Hashable {
        let size: Double
        let bold: Bool
        let mono: Bool
    }

    /// A string and a font, compared and hashed by the string's UTF-8 bytes: Swift's own String
    /// hashing normalises Unicode first, which for `×` and `−` costs more than the rest of a lookup.
    private struct Key: Hashable {
        let text: String
        let font: Font

        static func == (a: Key, b: Key) -> Bool {
            guard a.font == b.font else { return false }
            var x = a.text, y = b.text
            return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(font)
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(text.utf8.count)
        }
    }

    private var tables: [Font: GlyphTable] = [:]
    /// The table last used, and its font: most lookups are for the font used just before.
    private var lastTable: (font: Font, table: GlyphTable)?
    private var fontMetrics: [Font: (ascent: Double, descent: Double)] = [:]
    private var wordRuns: [Key: TextRun] = [:]
    /// A window that runs for days meets unboundedly many strings: start afresh past this many.
    private let capacity = 8192
    /// Zooming walks through many sizes: start afresh past this many fonts.
    private let fontCapacity = 64

    /// The font set on `cr`, when it is one of `Canvas`'s faces (which live as long as the
    /// program, so the same pointer is always the same face) at an unrotated size.
    private func font(_ cr: OpaquePointer) -> Font? {
        let face = cairo_get_font_face(cr)
        let bold = face == Canvas.boldFace, mono = face == Canvas.monoFace
        guard bold || mono || face == Canvas.regularFace else { return nil }
        var m = cairo_matrix_t()
        cairo_get_font_matrix(cr, &m)
        guard m.xy == 0, m.yx == 0, m.xx == m.yy else { return nil }
        return Font(size: m.xx, bold: bold, mono: mono)
    }

    /// The glyph table of the font set on `cr` (nil when it is not one of ours).
    private func table(_ cr: OpaquePointer) -> GlyphTable? {
        font(cr).map(table)
    }

    private func table(_ font: Font) -> GlyphTable {
        if let last = lastTable, last.font == font { return last.table }
        let table: GlyphTable
        if let known = tables[font] {
            table = known
        } else {
            if tables.count >= fontCapacity { tables.removeAll() }
            table = GlyphTable()
            tables[font] = table
        }
        lastTable = (font, table)
        return table
    }

    /// `table[key]`, or `make()` noted there (the table started afresh when full).
    private func remembered<K: Hashable, V>(_ table: inout [K: V], _ key: K, _ make: () -> V) -> V {
        if let v = table[key] { return v }
        let v = make()
        if table.count >= capacity { table.removeAll(keepingCapacity: true) }
        table[key] = v
        return v
    }

    func width(_ s: String, _ cr: OpaquePointer) -> Double {
        guard let table = table(cr) else { return TextMemo.measure(s, cr) }
        return table.advance(s, cr)
    }

    /// `s` in the current font as one piece per word, placed from its origin (`TextRun`),
    /// remembered.
    func wordRun(_ s: String, _ cr: OpaquePointer) -> TextRun {
        guard let font = font(cr) else { return TextRun(s, extents: { TextMemo.extents($0, cr) }) }
        let table = table(font)
        return remembered(&wordRuns, Key(text: s, font: font)) { TextRun(s, extents: { table.extents($0, cr) }) }
    }

    /// The extents of `s` in the current font: where its ink lies from its origin, and its advance.
    func extents(_ s: String, _ cr: OpaquePointer) -> cairo_text_extents_t {
        guard let table = table(cr) else { return TextMemo.extents(s, cr) }
        return table.extents(s, cr)
    }

    static func extents(_ s: String, _ cr: OpaquePointer) -> cairo_text_extents_t {
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, s, &e)
        return e
    }

    /// The current font's ascent and descent.
    func metrics(_ cr: OpaquePointer) -> (ascent: Double, descent: Double) {
        guard let font = font(cr) else { return TextMemo.metrics(cr) }
        return remembered(&fontMetrics, font) { TextMemo.metrics(cr) }
    }

    /// The glyphs of `s` in the current font placed from (0, 0); nil when Cairo cannot make them.
    func glyphs(_ s: String, _ cr: OpaquePointer) -> [cairo_glyph_t]? {
        guard let table = table(cr) else { return TextMemo.glyphs(s, cr) }
        return table.glyphs(s, cr)
    }

    static func measure(_ s: String, _ cr: OpaquePointer) -> Double {
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, s, &e)
        return e.x_advance
    }

    static func metrics(_ cr: OpaquePointer) -> (ascent: Double, descent: Double) {
        var e = cairo_font_extents_t()
        cairo_font_extents(cr, &e)
        return (e.ascent, e.descent)
    }

    static func glyphs(_ s: String, _ cr: OpaquePointer) -> [cairo_glyph_t]? {
        var list: UnsafeMutablePointer<cairo_glyph_t>?
        var count: Int32 = 0
        let status = cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(cr), 0, 0, s, -1, &list, &count, nil, nil, nil)
        defer { cairo_glyph_free(list) }
        guard status == CAIRO_STATUS_SUCCESS, let list else { return nil }
        return Array(UnsafeBufferPointer(start: list, count: Int(count)))
    }
}

/// A string laid out from its origin (left end of the baseline): its advance, and its words, each
/// with its offset and ink box from that origin (a string without spaces is one word).
struct TextRun {
    struct Word {
        let text: String
        let dx: Double
        /// The ink box from the origin, a pixel wider all round for the antialiased edge.
        let ink: Rect
    }

    let width: Double
    let words: [Word]

    /// Hinted advances are whole pixels, so a word starts where it does in the whole line.
    init(_ s: String, extents: (String) -> cairo_text_extents_t) {
        func word(_ t: String, _ dx: Double) -> (Word, Double) {
            let e = extents(t)
            return (Word(text: t, dx: dx, ink: Rect(x: dx + e.x_bearing - 1, y: e.y_bearing - 1, width: e.width + 2,
                                                      height: e.height + 2)), e.x_advance)
        }
        guard s.utf8.contains(0x20) else {
            let (w, advance) = word(s, 0)
            width = advance
            words = s.isEmpty ? [] : [w]
            return
        }
        let space = extents(" ").x_advance
        var dx = 0.0, out: [Word] = []
        // Split at the spaces' bytes: splitting the String itself would find its characters'
        // boundaries first, which costs more than measuring.
        let bytes = s.utf8
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: 0x20) ?? bytes.endIndex
            if end > start {
                let (w, advance) = word(String(decoding: bytes[start..<end], as: UTF8.self), dx)
                out.append(w)
                dx += advance
            }
            guard end < bytes.endIndex else { break }
            dx += space
            start = bytes.index(after: end)
        }
        width = extents(s).x_advance
        words = out
    }
}
