import CCairo

/// The timeline's knob as coverage masks, one per place of its centre within a pixel: Cairo
/// traces and scan-converts a filled circle every time it is drawn (about 50,000 instructions for
/// the knob at 1080p, a twentieth of a scan step), while a mask drawn once is copied in a few
/// thousand.
///
/// The centre is put on a sixteenth of a pixel (`place`), so a handful of masks serve every position;
/// full frames and damaged rectangles both draw through here, so they agree pixel for pixel.
///
///     let at = KnobMask.place(x: knobX, y: midY)
///     if let mask = knobMasks.mask(radius: r, at) { cairo_mask_surface(cr, mask.surface, mask.x, mask.y) }
final class KnobMask {
    /// Steps per pixel the centre is put on.
    static let steps = 16.0

    private struct Key: Hashable {
        let radius: Double
        let fractionX: Int, fractionY: Int
    }

    /// `cairo_surface_t *` of format A8, owned here.
    private var masks: [Key: OpaquePointer] = [:]

    deinit { for s in masks.values { cairo_surface_destroy(s) } }

    /// The centre the knob is drawn at: `x`, `y` on the nearest sixteenth of a pixel.
    static func place(x: Double, y: Double) -> (x: Double, y: Double) {
        ((x * steps).rounded() / steps, (y * steps).rounded() / steps)
    }

    /// The mask of a circle of `radius` centred at `centre` (as from `place`), and where its top-left
    /// goes; nil when Cairo cannot make one (draw the circle instead).
    func mask(radius: Double, _ centre: (x: Double, y: Double)) -> (surface: OpaquePointer, x: Double, y: Double)? {
        guard radius > 0, radius < 256, centre.x.isFinite, centre.y.isFinite else { return nil }
        let ix = centre.x.rounded(.down), iy = centre.y.rounded(.down)
        let key = Key(radius: radius, fractionX: Int(((centre.x - ix) * KnobMask.steps).rounded()),
                      fractionY: Int(((centre.y - iy) * KnobMask.steps).rounded()))
        // A pixel of room around the circle's ink.
        let margin = radius.rounded(.up) + 2
        if let s = masks[key] { return (s, ix - margin, iy - margin) }
        let side = Int32(2 * margin + 1)
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_A8, side, side) else { return nil }
        guard cairo_surface_status(s) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(s) else {
            cairo_surface_destroy(s)
            return nil
        }
        cairo_arc(cr, margin + Double(key.fractionX) / KnobMask.steps, margin + Double(key.fractionY) / KnobMask.steps,
                  radius, 0, 2 * .pi)
        cairo_fill(cr)
        cairo_destroy(cr)
        cairo_surface_flush(s)
        // Zooming walks through many radii; a window that runs for days must not keep them all.
        if masks.count >= 64 {
            for old in masks.values { cairo_surface_destroy(old) }
            masks.removeAll()
        }
        masks[key] = s
        return (s, ix - margin, iy - margin)
    }
}
