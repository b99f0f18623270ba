import ConvModel

/// The parts of a scene that follow the moving state (scan, clock, pointer): where they are drawn,
/// so that a change of those parts damages only there.
extension FrameScene {
    /// Boxes around every mark that depends on the scan position, the glide or the pointer: the
    /// yellow box and the window it stands on (with `same` padding the cells under it are drawn),
    /// the lit cell, the 2×2 block and its pool cell, the linked outlines, the hovered cell or the
    /// brush. Each box holds its outline's outer edge, cut to where the panel's marks may go.
    func workOutMotionMarks() -> [Rect] {
        var out: [Rect] = []
        let strong = FrameRenderer.markWidth(layout) + 1, link = FrameRenderer.linkWidth(layout) + 1
        func add(_ kind: PanelKind, _ r: Rect, _ pad: Double) {
            let m = mapping(kind), image = layout.panel(kind).image
            guard m.cellSize > 0, !image.isEmpty else { return }
            let clip = FrameRenderer.marksClip(image, m, gap: layout.gap)
            out.append(r.insetBy(dx: -pad, dy: -pad).intersection(clip))
        }
        if scan.count > 0 {
            add(.input, boxRect, strong)
            add(.input, windowRect(position: scan.position), strong)
        }
        if let t = poolTarget {
            add(.conv, mapping(.conv).blockRect(row: 2 * t.row, col: 2 * t.col, rowCount: 2, colCount: 2), strong)
            add(.pool, mapping(.pool).cellRect(row: t.row, col: t.col), strong)
        }
        if let c = litCell { add(.conv, mapping(.conv).cellRect(row: c.row, col: c.col), strong) }
        if let links {
            for kind in PanelKind.allCases {
                guard let o = links.region(kind)?.outline else { continue }
                add(kind, mapping(kind).blockRect(row: o.row, col: o.col, rowCount: o.height, colCount: o.width), link)
            }
        }
        if let h = state.hover {
            let m = mapping(h.panel)
            if h.panel == .input, state.painter.isOn {
                let b = InputPainter.brushBlock(row: h.row, col: h.col, brush: state.brushSide)
                add(.input, m.blockRect(row: b.row, col: b.col, rowCount: b.height, colCount: b.width), 2 * link)
            } else {
                add(h.panel, m.cellRect(row: h.row, col: h.col), 2 * strong)
            }
        }
        return out.filter { !$0.isEmpty }
    }

    /// How many cells of a panel are drawn filled, counted in raster order (the revealed cells
    /// always are a prefix: whole rows, then a run of the next one).
    func revealedCount(_ kind: PanelKind) -> Int {
        let m = mapping(kind), shown = revealed(kind)
        let full = min(shown.fullRows, m.rows)
        let run = full < m.rows ? min(shown.partialColumns, m.columns) : 0
        return full * m.columns + run
    }

    /// The cells of panel `kind` revealed in one scene and not in the other, as one box: a run of
    /// one row, or the whole rows it spans. Nil when the same cells are revealed.
    static func revealChange(_ kind: PanelKind, _ a: FrameScene, _ b: FrameScene) -> Rect? {
        let m = b.mapping(kind), cols = m.columns
        let n0 = a.revealedCount(kind), n1 = b.revealedCount(kind)
        guard n0 != n1, cols > 0, m.cellSize > 0 else { return nil }
        let first = min(n0, n1), last = max(n0, n1) - 1
        let r0 = first / cols, r1 = last / cols
        let box = r0 == r1
            ? m.blockRect(row: r0, col: first % cols, rowCount: 1, colCount: last % cols - first % cols + 1)
            : m.blockRect(row: r0, col: 0, rowCount: r1 - r0 + 1, colCount: cols)
        return box.intersection(FrameRenderer.visibleGrid(kind, b))
    }
}

extension FrameRenderer {
    /// What must be drawn again to turn the frame of `old` into the frame of `new`, both at
    /// `width`×`height`.
    ///
    /// Only changes of the moving state are reasoned about (`AppState.differsOnlyInMotion`), and
    /// only while the layout and the panels' mappings stay the same, no overlay covers the frame
    /// and network mode is off: then the damage is the old and new marks, the cells revealed or
    /// hidden, and the bands that write out the moving state when what they write changes (status
    /// line, timeline, detail band, the strip's lit stage, the caption). Everything else is `.full`.
    public func damage(from old: AppState, to new: AppState, width: Int, height: Int) -> FrameDamage {
        if old.isSame(as: new) { return .rects([]) }
        guard !old.view.showHelp, !old.view.showCode, !new.view.showHelp, !new.view.showCode,
              old.network == nil, new.network == nil, new.differsOnlyInMotion(from: old) else { return .full }
        let a = scene(old, width: width, height: height), b = scene(new, width: width, height: height)
        guard a.layout == b.layout, a.mappings == b.mappings else { return .full }
        let sections = FrameSections(b)
        var rects = a.motionMarks + b.motionMarks
        for kind in [PanelKind.conv, .pool] {
            if let r = FrameScene.revealChange(kind, a, b) { rects.append(r) }
        }
        // The status line: the pieces that differ (a step changes the position's number alone).
        if let lineA = statusBand(a), let lineB = statusBand(b) { rects += lineB.changes(from: lineA) }
        if old.scan != new.scan {
            rects += [sections.timelineChange(from: old.scan.position, to: new.scan.position, b.layout, count: new.scan.count)]

            rects += arithmeticGridChanges(a, b, sections)
            rects += stripChange(a, b, sections)
        }
        // The written-out sum and the pool's arithmetic: the pieces whose text, colour or place changed.
        for (bandA, bandB) in [(sumBand(a), sumBand(b)), (poolBand(a), poolBand(b))] {
            switch (bandA, bandB) {
            case let (x?, y?): rects += y.changes(from: x)
            case (nil, nil): break
            case let (x, y): rects += [x?.bounds, y?.bounds].compactMap { $0 }
            }
        }
        if old.caption != new.caption { rects.append(sections.caption) }
        return FrameDamage.normalized(rects, in: b.layout.bounds)
    }

    /// The boxes of the architecture strip whose lit state differs between two scenes, or the
    /// whole strip when the boxes themselves move (their widths follow the bold names of the lit
    /// stages when the names do not all fit equal boxes).
    private func stripChange(_ a: FrameScene, _ b: FrameScene, _ sections: FrameSections) -> [Rect] {
        let litA = Set(ArchitectureStrip.litStages(scan: a.scan, showRelu: a.state.view.showRelu))
        let litB = Set(ArchitectureStrip.litStages(scan: b.scan, showRelu: b.state.view.showRelu))
        guard litA != litB else { return [] }
        let s = b.layout.strip, f = b.layout.fonts
        guard s.boxes.count == ArchitectureStrip.stageCount, let canvas = measuringCanvas else { return [sections.strip] }
        let stages = ArchitectureStrip.stages(for: b.geometry, pool: b.state.settings.pool)
        let boxesA = stripBoxes(stages, litA, s, nameSize: f.body, shapeSize: f.small, canvas).boxes
        let boxesB = stripBoxes(stages, litB, s, nameSize: f.body, shapeSize: f.small, canvas).boxes
        guard boxesA == boxesB else { return [sections.strip] }
        // A box's outline is stroked on its edge: half a pixel outside it.
        return litA.symmetricDifference(litB).map { boxesB[$0].insetBy(dx: -2, dy: -2) }
    }

    /// Draws only the parts of the frame for `state` inside `rects` (as from `damage(from:to:…)`),
    /// leaving the rest of the context as it was: drawn over the frame before, the result is the
    /// frame of `state`, pixel for pixel.
    public func draw(_ state: AppState, into cr: OpaquePointer, width: Int, height: Int, only rects: [Rect]) {
        guard !rects.isEmpty else { return }
        drawFrame(state, into: cr, width: width, height: height, only: rects)
    }
}
