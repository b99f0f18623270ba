import ConvModel

/// Where each part of a frame draws: everything a part puts on screen lies inside its rectangle,
/// so a damaged frame can skip the parts it does not touch.
struct FrameSections {
    let status: Rect
    let panels: [Rect]
    let timeline: Rect
    let detail: Rect
    /// The parts of the detail band that follow the scan position: the patch and products with
    /// their labels, the written-out sum, the pool's arithmetic (not the kernel or the legend).
    let detailMoving: [Rect]
    let strip: Rect
    let caption: Rect

    init(_ scene: FrameScene) {
        let l = scene.layout
        status = l.status
        // A panel's marks reach up to half a gap past its image (`FrameRenderer.marksClip`).
        panels = PanelKind.allCases.map { kind in
            let p = l.panel(kind), m = scene.mapping(kind)
            guard m.cellSize > 0, !p.image.isEmpty else { return p.frame }
            return p.frame.union(FrameRenderer.marksClip(p.image, m, gap: l.gap))
        }
        // The timeline's knob is a little taller than the track.
        let knob = (l.timeline.height * 1.1).rounded(.up) + 1
        timeline = l.timeline.isEmpty ? .zero : l.timeline.insetBy(dx: -knob, dy: -knob)
        let d = l.detail
        detail = d.frame
        // The patch, products and sum in one box, so the sum is worked out once per frame; the
        // pool's arithmetic ends on a whole pixel above the legend, which does not move.
        let end = d.sum.isEmpty ? d.frame.maxX : d.sum.maxX
        let sums = Rect(x: d.times.minX, y: d.frame.minY, width: end - d.times.minX, height: d.frame.height)
        let pool = FrameRenderer.poolArithmeticArea(scene)
        detailMoving = [sums, Rect(x: pool.x, y: pool.y, width: pool.width, height: (pool.maxY).rounded(.down) - pool.y)]
        strip = l.strip.frame
        caption = l.caption?.frame ?? .zero
    }

    func panel(_ kind: PanelKind) -> Rect { panels[kind.rawValue] }
}
