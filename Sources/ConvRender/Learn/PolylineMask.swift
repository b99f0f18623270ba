import CCairo
import ConvModel

/// A plot's line drawn through a coverage mask of its own instead of `cairo_stroke`: stroking a
/// noisy line of a thousand points cost the learn view 3–4 ms a plot at 1080p (Cairo's scan
/// converter works through every edge of the stroke's outline on every row it crosses), while this
/// costs a few hundred pixels a segment.
///
/// The line is the set of points within half the line width of the polyline: round joins, and
/// flat (butt) ends as Cairo's default cap. A pixel's coverage is how far its centre lies inside
/// that outline, plus half a pixel, clamped to 0…1: a one-pixel ramp across each edge, the usual
/// antialiasing of a distance field. The mask is kept between frames and reused by each line.
final class PolylineMask {
    /// `cairo_surface_t *` of format A8, `width`×`height`; nil until the first line.
    private var surface: OpaquePointer?
    private var width = 0
    private var height = 0

    deinit { if let surface { cairo_surface_destroy(surface) } }

    /// Fills the line through `points` (user coordinates; pairs with a non-finite coordinate are
    /// skipped and their neighbours joined) `lineWidth` wide with the current source, inside `area`
    /// only (widened to whole pixels).
    func stroke(_ cr: OpaquePointer, area: Rect, points: [(x: Double, y: Double)], lineWidth: Double) {
        let ox = area.minX.rounded(.down), oy = area.minY.rounded(.down)
        let w = Int((area.maxX - ox).rounded(.up)), h = Int((area.maxY - oy).rounded(.up))
        let line = points.filter { $0.x.isFinite && $0.y.isFinite }.map { (x: $0.x - ox, y: $0.y - oy) }
        guard w > 0, h > 0, line.count >= 2, let mask = prepared(width: w, height: h),
              let data = cairo_image_surface_get_data(mask) else { return }
        let stride = Int(cairo_image_surface_get_stride(mask))
        PolylineMask.rasterise(line, halfWidth: lineWidth / 2, into: data, stride: stride, width: w, height: h)
        cairo_surface_mark_dirty(mask)
        cairo_mask_surface(cr, mask, ox, oy)
    }

    /// The mask surface, `w`×`h` and cleared: the one from before when the size is the same.
    private func prepared(width w: Int, height h: Int) -> OpaquePointer? {
        if surface == nil || w != width || h != height {
            if let surface { cairo_surface_destroy(surface) }
            surface = nil
            guard let s = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(w), Int32(h)),
                  cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else { return nil }
            (surface, width, height) = (s, w, h)
        }
        guard let surface else { return nil }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        data.update(repeating: 0, count: Int(cairo_image_surface_get_stride(surface)) * h)
        return surface
    }

    /// Writes into `data` (A8 rows of `stride` bytes) the coverage of the thick line through
    /// `line` (pixel coordinates of the mask, at least two points), keeping each pixel's largest.
    static func rasterise(_ line: [(x: Double, y: Double)], halfWidth r: Double, into data: UnsafeMutablePointer<UInt8>,
                          stride: Int, width w: Int, height h: Int) {
        let reach = r + 1
        // Centres nearer than `inner` are covered whole; from `outer` on, not at all.
        let inner = max(0, r - 0.5), outer = r + 0.5
        let inner2 = inner * inner, outer2 = outer * outer
        let last = line.count - 2
        for s in 0...last {
            let a = line[s], b = line[s + 1]
            let dx = b.x - a.x, dy = b.y - a.y
            let length2 = dx * dx + dy * dy
            let length = length2.squareRoot(), inverse = length2 > 0 ? 1 / length2 : 0
            let x0 = max(0, Int((min(a.x, b.x) - reach).rounded(.down))), x1 = min(w - 1, Int((max(a.x, b.x) + reach).rounded(.up)))
            let y0 = max(0, Int((min(a.y, b.y) - reach).rounded(.down))), y1 = min(h - 1, Int((max(a.y, b.y) + reach).rounded(.up)))
            guard x0 <= x1, y0 <= y1 else { continue }
            let flatStart = s == 0, flatEnd = s == last
            for py in y0...y1 {
                let row = data + py * stride
                let uy = Double(py) + 0.5 - a.y
                // Only the columns within `reach` of the part of the segment within `reach` of
                // this row can be touched: a steep segment's row is a few pixels, not its box.
                var from = x0, to = x1
                if dy != 0 {
                    let t0 = min(1, max(0, (uy - reach) / dy)), t1 = min(1, max(0, (uy + reach) / dy))
                    let xa = a.x + t0 * dx, xb = a.x + t1 * dx
                    from = max(x0, Int((min(xa, xb) - reach).rounded(.down)))
                    to = min(x1, Int((max(xa, xb) + reach).rounded(.up)))
                    guard from <= to else { continue }
                }
                for px in from...to {
                    let ux = Double(px) + 0.5 - a.x
                    // How far along the segment the pixel's centre lies (0 at a, 1 at b).
                    let t = (ux * dx + uy * dy) * inverse
                    var coverage: Double
                    if (t < 0 && flatStart) || (t > 1 && flatEnd) {
                        // Past a flat end: the distance to the segment's line, faded over half a
                        // pixel beyond the end.
                        guard length > 0 else { continue }
                        let distance = abs(ux * dy - uy * dx) / length
                        let beyond = t < 0 ? -t * length : (t - 1) * length
                        coverage = min(1, max(0, r + 0.5 - distance)) * min(1, max(0, 0.5 - beyond))
                    } else {
                        let c = min(1, max(0, t))
                        let ex = ux - c * dx, ey = uy - c * dy
                        let d2 = ex * ex + ey * ey
                        if d2 >= outer2 { continue }
                        coverage = d2 <= inner2 ? 1 : min(1, r + 0.5 - d2.squareRoot())
                    }
                    guard coverage > 0 else { continue }
                    let value = UInt8(coverage * 255 + 0.5)
                    if value > row[px] { row[px] = value }
                }
            }
        }
    }
}
