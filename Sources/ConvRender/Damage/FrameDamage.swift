import ConvModel

/// What of a frame must be drawn again after a change of state: nothing, some rectangles, or all.
///
///     let damage = renderer.damage(from: shown, to: state, width: w, height: h)
///     if case let .rects(rects) = damage { renderer.draw(state, into: cr, width: w, height: h, only: rects) }
///
/// Rectangles are whole pixels, inside the frame and not overlapping one another, so a window can
/// copy each to the screen once.
public enum FrameDamage: Equatable, Sendable {
    /// Everything: a change the renderer does not reason about (size, theme, zoom, input, filter,
    /// an overlay…), or no frame drawn before.
    case full
    /// Only these rectangles differ from the frame drawn before (none: the frame is the same).
    case rects([Rect])

    /// Above this share of the frame, drawing it whole costs about what the pieces would.
    static let fullShare = 0.6

    /// Each rectangle is a pass over the frame's parts, which costs about as much as filling this
    /// many pixels: two near rectangles are drawn as one when their union adds no more.
    static let passCost = 4000.0

    /// `rects` rounded out to whole pixels, cut to `bounds`, and merged wherever two overlap or lie
    /// so close that one box costs less than two, or `.full` when they cover most of the frame anyway.
    public static func normalized(_ rects: [Rect], in bounds: Rect) -> FrameDamage {
        var out: [Rect] = []
        out.reserveCapacity(rects.count)
        func area(_ r: Rect) -> Double { r.width * r.height }
        /// Whether `a` and `b` are better drawn as one box: they overlap, or their union costs no
        /// more than the two passes.
        func joins(_ a: Rect, _ b: Rect) -> Bool {
            !a.intersection(b).isEmpty || area(a.union(b)) <= area(a) + area(b) + passCost
        }
        for r in rects {
            let x0 = r.minX.rounded(.down), y0 = r.minY.rounded(.down)
            var merged = Rect(x: x0, y: y0, width: r.maxX.rounded(.up) - x0, height: r.maxY.rounded(.up) - y0)
                .intersection(bounds)
            guard !merged.isEmpty else { continue }
            // Merging may make a box that now overlaps (or nears) one already passed: start again
            // until none does.
            var i = 0
            while i < out.count {
                if joins(out[i], merged) {
                    merged = merged.union(out.remove(at: i))
                    i = 0
                } else {
                    i += 1
                }
            }
            out.append(merged)
        }
        let area = out.reduce(0) { $0 + $1.width * $1.height }
        return area > fullShare * bounds.width * bounds.height ? .full : .rects(out)
    }
}

extension Rect {
    /// The smallest rectangle holding both.
    public func union(_ other: Rect) -> Rect {
        let x0 = min(minX, other.minX), y0 = min(minY, other.minY)
        return Rect(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }

    /// The smallest rectangle holding all of `rects` (empty for none).
    public static func bounding(_ rects: [Rect]) -> Rect {
        guard let first = rects.first else { return .zero }
        return rects.dropFirst().reduce(first) { $0.union($1) }
    }
}
