import ConvModel

/// Where each part of a frame draws: everything a part puts on screen lies inside its rectangle,
/// so a damaged frame can skip the parts it does not touch.
struct FrameSections {
    let status: Rect
    let panels: [Rect]
    let timeline: Rect
    let detail: Rect
    /// The patch and products grids with their labels: the parts of the detail band that follow
    /// the scan position and are not laid out as pieces (the sum and the pool's arithmetic are,
    /// `TextBand`).
    let detailGrids: [Rect]
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
        let labels = FrameRenderer.gridLabelAreas(l)
        detailGrids = [labels[1].union(d.patch), labels[2].union(d.products)]
        strip = l.strip.frame
        caption = l.caption?.frame ?? .zero
    }

    func panel(_ kind: PanelKind) -> Rect { panels[kind.rawValue] }

    /// The part of the timeline that changes when the scan goes from position `a` to `b`: the
    /// end of the filled track, the knob, and the pool ticks passed between them.
    func timelineChange(from a: Int, to b: Int, _ layout: FrameLayout, count: Int) -> Rect {
        guard !timeline.isEmpty, count > 0 else { return .zero }
        let track = layout.timeline, knob = track.height * 1.1
        // The knob is kept whole inside the track, so near an end it sits off its position.
        let xs = [a, b].flatMap { p in
            [layout.timelineX(afterPosition: p, count: count),
             min(max(layout.timelineX(ofPosition: p, count: count), track.minX + knob), track.maxX - knob)]
        }
        let pad = knob.rounded(.up) + 2
        let x0 = xs.min()! - pad, x1 = xs.max()! + pad + max(1, layout.unit.rounded(.down))
        return Rect(x: x0, y: timeline.minY, width: x1 - x0, height: timeline.height).intersection(timeline)
    }
}
