import CCairo
import Foundation

/// Advance widths of strings already measured, by font and text: Cairo's `cairo_text_extents`
/// turns the text into glyphs on every call, and a frame's layout measures the same few hundred
/// strings again and again (the status line's variants, the sum's terms).
///
/// The font is read from the context itself (its toy face's family and weight, and its size), so
/// a width is never taken for the wrong font, whoever set it. The widths are Cairo's own.
final class TextWidths {
    private struct Key: Hashable {
        let text: String
        let size: Double
        let bold: Bool
        let mono: Bool
    }

    private var table: [Key: Double] = [:]
    /// A window that runs for days meets unboundedly many strings: start afresh past this many.
    private let capacity = 8192

    func width(_ s: String, _ cr: OpaquePointer) -> Double {
        var m = cairo_matrix_t()
        cairo_get_font_matrix(cr, &m)
        let face = cairo_get_font_face(cr)
        guard cairo_font_face_get_type(face) == CAIRO_FONT_TYPE_TOY, m.xy == 0, m.yx == 0, m.xx == m.yy,
              let family = cairo_toy_font_face_get_family(face) else { return TextWidths.measure(s, cr) }
        let key = Key(text: s, size: m.xx, bold: cairo_toy_font_face_get_weight(face) == CAIRO_FONT_WEIGHT_BOLD,
                      mono: strcmp(family, Canvas.monoFamily) == 0)
        if strcmp(family, Canvas.family) != 0 && !key.mono { return TextWidths.measure(s, cr) }
        if let w = table[key] { return w }
        let w = TextWidths.measure(s, cr)
        if table.count >= capacity { table.removeAll(keepingCapacity: true) }
        table[key] = w
        return w
    }

    static func measure(_ s: String, _ cr: OpaquePointer) -> Double {
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, s, &e)
        return e.x_advance
    }
}
