import CCairo
import ConvModel

/// The marks of the scan on the panels: the yellow box on the input, the lit cell and the quieter
/// 2×2 block on the conv panel, the pool cell that block feeds; the cell under the pointer and
/// what it is linked to, under them; the brush in paint mode.
extension FrameRenderer {
    func drawMarks(_ kind: PanelKind, _ scene: FrameScene, _ canvas: Canvas) {
        let panel = scene.layout.panel(kind), m = scene.mapping(kind)
        guard m.cellSize > 0, !panel.image.isEmpty else { return }
        canvas.save()
        canvas.clip(FrameRenderer.marksClip(panel.image, m, gap: scene.layout.gap))
        if let links = scene.links { drawLinks(kind, links, scene, canvas) }
        switch kind {
        case .input: drawBox(scene, canvas)
        case .conv: drawConvMarks(scene, canvas)
        case .pool: drawPoolMark(scene, canvas)
        }
        if let hover = scene.state.hover, hover.panel == kind {
            if kind == .input, scene.state.painter.isOn {
                drawBrush(hover, scene, canvas)
            } else {
                let w = max(1, scene.layout.unit.rounded()), cell = m.cellRect(row: hover.row, col: hover.col)
                canvas.frameOutside(cell.insetBy(dx: -w, dy: -w), width: 1, FrameRenderer.contrastEdge(scene.palette), 0.6)
                canvas.frameOutside(cell, width: w, scene.palette.text, 0.75)
            }
        }
        canvas.restore()
    }

    /// Where a panel's marks may be drawn. A box on the border cells may reach half a gap past
    /// the picture where the picture ends inside the area; where the picture is cut by the area
    /// (zoomed or panned), marks are cut at the same line, so nothing shows beside the panel.
    static func marksClip(_ image: Rect, _ m: PanelMapping, gap: Double) -> Rect {
        let g = (gap / 2).rounded(.down)
        let grid = m.blockRect(row: -m.margin, col: -m.margin, rowCount: m.rows + 2 * m.margin,
                               colCount: m.columns + 2 * m.margin)
        let left = grid.minX < image.minX ? image.minX : image.minX - g
        let top = grid.minY < image.minY ? image.minY : image.minY - g
        let right = grid.maxX > image.maxX ? image.maxX : image.maxX + g
        let bottom = grid.maxY > image.maxY ? image.maxY : image.maxY + g
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
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
        guard !scene.isGliding else { return }
        markCells(FrameRenderer.dilatedTaps(scene), scene.mapping(.input), scene, canvas, p.box)
    }

    /// The taps of the current window when dilation spreads them out (the cells of the box that are
    /// read); none when every cell of the box is a tap.
    static func dilatedTaps(_ scene: FrameScene) -> [GridCell] {
        let g = scene.geometry
        guard g.dilation > 1, g.kernelSize > 1, scene.scan.count > 0 else { return [] }
        return ReceptiveField.window(ofConv: GridCell(row: scene.scan.row, col: scene.scan.col), in: g).taps
    }

    /// In paint mode, the block the brush covers at the pointer, clipped to the image: what a click
    /// would paint.
    private func drawBrush(_ hover: HoverTarget, _ scene: FrameScene, _ canvas: Canvas) {
        let m = scene.mapping(.input), p = scene.palette
        let block = InputPainter.brushBlock(row: hover.row, col: hover.col, brush: scene.state.brushSide)
        guard let b = block.clipped(toWidth: m.columns, height: m.rows) else { return }
        let w = FrameRenderer.linkWidth(scene.layout)
        let rect = m.blockRect(row: b.row, col: b.col, rowCount: b.height, colCount: b.width)
        // Two bands, text colour inside and its opposite outside: one of them reads on any pixel.
        canvas.frameOutside(rect.insetBy(dx: -w, dy: -w), width: w, FrameRenderer.contrastEdge(p))
        canvas.frameOutside(rect, width: w, p.text)
    }

    /// An edge for outlines in the text colour, so that they read on black and white pixels alike.
    static func contrastEdge(_ p: Palette) -> RGB {
        p.text.luminance > 0.5 ? RGB(hex: 0x000000) : RGB(hex: 0xFFFFFF)
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
