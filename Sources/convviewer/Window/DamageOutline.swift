import CCairo
import ConvModel
import ConvRender
import Glibc

/// With `CONVVIEWER_DAMAGE=1`, each frame outlines on screen what it drew again: a magenta frame
/// inside every damaged rectangle, a red one around the window for a full frame. Off, the session
/// keeps none and nothing is drawn.
///
/// The outlines are drawn into the back buffer, so the next frame draws those rectangles again as
/// well (`widened`), and an outline lasts exactly one frame.
final class DamageOutline {
    private var outlined: [Rect] = []

    static func fromEnvironment() -> DamageOutline? {
        guard let v = getenv("CONVVIEWER_DAMAGE"), String(cString: v) == "1" else { return nil }
        return DamageOutline()
    }

    /// `damage` plus the rectangles the last outlines were drawn in.
    func widened(_ damage: FrameDamage, width: Int, height: Int) -> FrameDamage {
        guard case let .rects(rects) = damage, !outlined.isEmpty else { return damage }
        return FrameDamage.normalized(rects + outlined, in: Rect(x: 0, y: 0, width: Double(width), height: Double(height)))
    }

    /// Outlines `drawn` (the frame's own damage, before widening) inside each of its rectangles.
    func draw(_ drawn: FrameDamage, into cr: OpaquePointer, width: Int, height: Int) {
        let line = 2.0
        switch drawn {
        case .full:
            cairo_set_source_rgb(cr, 0.95, 0.1, 0.1)
            outlined = [Rect(x: 0, y: 0, width: Double(width), height: Double(height))]
        case let .rects(rects):
            cairo_set_source_rgb(cr, 1, 0, 1)
            outlined = rects
        }
        for r in outlined where r.width > 2 * line && r.height > 2 * line {
            cairo_rectangle(cr, r.x + line / 2, r.y + line / 2, r.width - line, r.height - line)
        }
        cairo_set_line_width(cr, line)
        cairo_stroke(cr)
        if case .full = drawn {
            // The whole frame is repaired only by another full frame: keep just its border.
            let w = Double(width), h = Double(height), l = line
            outlined = [Rect(x: 0, y: 0, width: w, height: l), Rect(x: 0, y: h - l, width: w, height: l),
                        Rect(x: 0, y: 0, width: l, height: h), Rect(x: w - l, y: 0, width: l, height: h)]
        }
    }
}
