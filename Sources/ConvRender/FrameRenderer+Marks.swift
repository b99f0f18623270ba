import CCairo
import ConvModel

/// The marks of the scan on the panels: the yellow box on the input, the lit cell and the quieter
/// 2×2 block on the conv panel, the pool cell that block feeds, and the cell under the pointer.
extension FrameRenderer {
    func drawMarks(_ kind: PanelKind, _ scene: FrameScene, _ canvas: Canvas) {
        let panel = scene.layout.panel(kind), m = scene.mapping(kind)
        guard m.cellSize > 0, !panel.image.isEmpty else { return }
        // Marks may reach a little past the image area (a box on the border cells).
        canvas.save()
        let g = (scene.layout.gap / 2).rounded(.down)
        canvas.clip(panel.image.insetBy(dx: -g, dy: -g))
        switch kind {
        case .input: drawBox(scene, canvas)
        case .conv: drawConvMarks(scene, canvas)
        case .pool: drawPoolMark(scene, canvas)
        }
        if let hover = scene.state.hover, hover.panel == kind {
            canvas.frameOutside(m.cellRect(row: hover.row, col: hover.col), width: max(1, scene.layout.unit.rounded()),
                                scene.palette.text, 0.75)
        }
        canvas.restore()
    }

    /// Line width of the strong marks (box, lit cell) in pixels.
    static func markWidth(_ layout: FrameLayout) -> Double { max(2, (2.5 * layout.unit).rounded()) }

    /// The yellow box around the kernel's window, with a thin dark edge so it reads on white.
    private func drawBox(_ scene: FrameScene, _ canvas: Canvas) {
        guard scene.scan.count > 0 else { return }
        let p = scene.palette, w = FrameRenderer.markWidth(scene.layout)
        let box = scene.boxRect
        canvas.frameOutside(box.insetBy(dx: -w, dy: -w), width: 1, p.boxEdge, 0.55)
        canvas.frameOutside(box, width: w, p.box)
        let g = scene.geometry
        guard g.dilation > 1, !scene.isGliding else { return }
        // With dilation only some cells of the span are taps: dot them.
        let m = scene.mapping(.input)
        let dot = max(3, m.cellSize * 0.22)
        canvas.color(p.box)
        for i in 0..<g.kernelSize {
            for j in 0..<g.kernelSize {
                let t = g.tap(row: scene.scan.row, col: scene.scan.col, i: i, j: j)
                let r = m.cellRect(row: t.row, col: t.col)
                cairo_rectangle(canvas.cr, (r.midX - dot / 2).rounded(), (r.midY - dot / 2).rounded(), dot, dot)
            }
        }
        cairo_fill(canvas.cr)
    }

    /// On the conv panel: the current 2×2 block outlined quietly, and the cell just computed lit.
    private func drawConvMarks(_ scene: FrameScene, _ canvas: Canvas) {
        let m = scene.mapping(.conv), p = scene.palette
        let w = FrameRenderer.markWidth(scene.layout)
        if let t = scene.poolTarget {
            let block = m.blockRect(row: 2 * t.row, col: 2 * t.col, rowCount: 2, colCount: 2)
            canvas.frameOutside(block, width: max(1, (w * 0.5).rounded()), p.lit, 0.5)
        }
        if let c = scene.litCell {
            let r = m.cellRect(row: c.row, col: c.col)
            canvas.frameOutside(r.insetBy(dx: -w, dy: -w), width: 1, p.litEdge, 0.6)
            canvas.frameOutside(r, width: w, p.lit)
        }
    }

    /// On the pool panel: the cell the current block feeds; lit once the block is complete.
    private func drawPoolMark(_ scene: FrameScene, _ canvas: Canvas) {
        guard let t = scene.poolTarget else { return }
        let m = scene.mapping(.pool), p = scene.palette
        let w = FrameRenderer.markWidth(scene.layout)
        let r = m.cellRect(row: t.row, col: t.col)
        if t.complete {
            canvas.frameOutside(r.insetBy(dx: -w, dy: -w), width: 1, p.litEdge, 0.6)
            canvas.frameOutside(r, width: w, p.lit)
        } else {
            canvas.frameOutside(r, width: max(1, (w * 0.5).rounded()), p.lit, 0.5)
        }
    }
}
