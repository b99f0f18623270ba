import ConvModel

extension FrameDamage {
    /// Boxes to copy to the screen that cover `rects` (whole pixels, not overlapping): the
    /// rectangles themselves, or at most `maxPieces` boxes made by joining, one pair at a time,
    /// the two whose box adds the fewest pixels, or one box around them all when that copies
    /// little more than the rectangles.
    ///
    /// Joined boxes may overlap other pieces; copying a pixel twice shows the same pixel. Joining
    /// pairs, rather than sending one box around everything once there are too many, matters at
    /// 4K: a step that changes seventeen small rectangles spread over the frame would otherwise
    /// make the server copy three quarters of the screen.
    public static func presentPieces(_ rects: [Rect], maxPieces: Int) -> [Rect] {
        guard !rects.isEmpty else { return [] }
        func area(_ r: Rect) -> Double { r.width * r.height }
        let box = Rect.bounding(rects)
        if area(box) <= 1.25 * rects.reduce(0, { $0 + area($1) }) || maxPieces <= 1 { return [box] }
        var pieces = rects
        while pieces.count > maxPieces {
            var best = (i: 0, j: 1, added: Double.infinity)
            for i in pieces.indices {
                for j in (i + 1)..<pieces.count {
                    let added = area(pieces[i].union(pieces[j])) - area(pieces[i]) - area(pieces[j])
                    if added < best.added { best = (i, j, added) }
                }
            }
            let joined = pieces[best.i].union(pieces[best.j])
            pieces.remove(at: best.j)
            pieces[best.i] = joined
        }
        return pieces
    }
}
