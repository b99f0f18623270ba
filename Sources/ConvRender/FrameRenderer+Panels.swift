import CCairo
import ConvModel

/// The three panels: title, the map as one nearest-neighbour scaled image, grid lines, numbers,
/// and the marks of the scan (the yellow box, the lit cell, the 2×2 block and its pool cell).
extension FrameRenderer {
    /// Panel titles as the frame shows them.
    static func title(_ kind: PanelKind, _ state: AppState) -> String {
        switch kind {
        case .input: return "INPUT"
        case .conv: return state.view.showRelu ? "CONV + ReLU" : "CONV (signed, no ReLU)"
        case .pool: return state.settings.pool == .max ? "MAX-POOL 2×2" : "AVG-POOL 2×2"
        }
    }

    func drawPanel(_ kind: PanelKind, _ scene: FrameScene, _ canvas: Canvas) {
        let panel = scene.layout.panel(kind)
        let m = scene.mapping(kind)
        drawTitle(kind, panel, m, scene, canvas)
        guard m.cellSize > 0, !panel.image.isEmpty, m.columns > 0, m.rows > 0 else { return }

        canvas.save()
        canvas.clip(panel.image)
        canvas.fill(m.gridRect.intersection(panel.image), scene.palette.panel)
        let grid: Grid, scale: ColorScale
        switch kind {
        case .input: (grid, scale) = (scene.state.maps.input, scene.inputScale)
        case .conv: (grid, scale) = (scene.middle, scene.middleScale)
        case .pool: (grid, scale) = (scene.state.maps.pool, scene.poolScale)
        }
        let shown = scene.revealed(kind)
        if let surface = maps.surface(for: grid, scale: scale) {
            drawImage(surface, m, shown, canvas)
        }
        if kind == .input { drawPaddingUnderWindow(scene, canvas) }
        drawGridLines(m, scene, canvas)
        drawNumbers(kind, grid, scale, m, shown, scene, canvas)
        canvas.restore()

        // Marks may reach a little past the image area (a box on the border cells).
        canvas.save()
        let g = scene.layout.gap / 2
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

    private func drawTitle(_ kind: PanelKind, _ panel: PanelLayout, _ m: PanelMapping, _ scene: FrameScene, _ canvas: Canvas) {
        guard !panel.title.isEmpty else { return }
        let p = scene.palette, f = scene.layout.fonts
        // Line the title up with the left edge of the fitted grid (and its padding).
        let fitted = PanelMapping(area: m.area, columns: m.columns, rows: m.rows, margin: m.margin)
        let left = fitted.cellSize > 0
            ? max(panel.title.minX, fitted.edgeX(-m.margin)) : panel.title.minX
        let baseline = (panel.title.maxY - panel.title.height * 0.32).rounded()
        canvas.font(f.title, bold: true)
        let name = FrameRenderer.title(kind, scene.state)
        let w = canvas.text(name, x: left, y: baseline, p.text)
        canvas.font(f.title)
        canvas.text("\(m.columns)×\(m.rows)", x: left + w + f.title * 0.6, y: baseline, p.textDim)
        if m.view.zoom > 1.001 {
            canvas.font(f.small)
            let right = fitted.cellSize > 0 ? min(panel.title.maxX, fitted.edgeX(m.columns + m.margin)) : panel.title.maxX
            let z = m.view.zoom
            canvas.text("zoom \(z < 10 ? CellNumberText.string(Float(z), decimals: 1) : String(Int(z.rounded())))×",
                        x: right, y: baseline, align: .right, p.textDim)
        }
    }

    /// The map surface scaled by nearest neighbour, filled only over the revealed cells.
    private func drawImage(_ surface: ImageSurface, _ m: PanelMapping, _ shown: (fullRows: Int, partialColumns: Int),
                           _ canvas: Canvas) {
        let cr = canvas.cr
        guard let pattern = cairo_pattern_create_for_surface(surface.pointer) else { return }
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        // Pattern space is cell space: (window − origin) / cell size.
        var matrix = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, 1 / m.cellSize, 1 / m.cellSize)
        cairo_matrix_translate(&matrix, -m.originX, -m.originY)
        cairo_pattern_set_matrix(pattern, &matrix)
        cairo_set_source(cr, pattern)
        var any = false
        if shown.fullRows > 0 {
            let r = m.blockRect(row: 0, col: 0, rowCount: shown.fullRows, colCount: m.columns)
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            any = true
        }
        if shown.partialColumns > 0, shown.fullRows < m.rows {
            let r = m.blockRect(row: shown.fullRows, col: 0, rowCount: 1, colCount: shown.partialColumns)
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            any = true
        }
        if any { cairo_fill(cr) } else { cairo_new_path(cr) }
    }

    /// With `same` padding the window can hang over the border: the cells it covers there are
    /// zeros, drawn as such. A dashed line marks how far the padding goes.
    private func drawPaddingUnderWindow(_ scene: FrameScene, _ canvas: Canvas) {
        let g = scene.geometry, m = scene.mapping(.input)
        guard g.pad > 0, scene.scan.count > 0 else { return }
        let cr = canvas.cr
        let padded = m.blockRect(row: -g.pad, col: -g.pad, rowCount: m.rows + 2 * g.pad, colCount: m.columns + 2 * g.pad)
        canvas.color(scene.palette.textFaint, 0.7)
        let dash = [max(2, 3 * scene.layout.unit)]
        cairo_set_dash(cr, dash, 1, 0)
        cairo_set_line_width(cr, 1)
        cairo_rectangle(cr, padded.x + 0.5, padded.y + 0.5, padded.width - 1, padded.height - 1)
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)

        let zero = scene.inputScale.color(0)
        canvas.color(zero)
        for (r, c) in paddingCellsUnderWindow(scene) {
            let rect = m.cellRect(row: r, col: c)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        }
        cairo_fill(cr)
    }

    /// Input cells outside the image that the current window covers.
    func paddingCellsUnderWindow(_ scene: FrameScene) -> [(Int, Int)] {
        let g = scene.geometry, m = scene.mapping(.input)
        guard g.pad > 0, scene.scan.count > 0 else { return [] }
        let o = g.windowOrigin(row: scene.scan.row, col: scene.scan.col)
        var cells: [(Int, Int)] = []
        for r in o.row ..< o.row + g.span {
            for c in o.col ..< o.col + g.span where r < 0 || c < 0 || r >= m.rows || c >= m.columns {
                cells.append((r, c))
            }
        }
        return cells
    }

    private func drawGridLines(_ m: PanelMapping, _ scene: FrameScene, _ canvas: Canvas) {
        guard scene.state.view.showGrid, m.cellSize >= 8 else { return }
        let rows = m.visibleRows, cols = m.visibleColumns
        guard !rows.isEmpty, !cols.isEmpty else { return }
        let cr = canvas.cr
        let lw = max(1, scene.layout.unit.rounded(.down))
        let top = m.edgeY(rows.lowerBound), bottom = m.edgeY(rows.upperBound)
        let left = m.edgeX(cols.lowerBound), right = m.edgeX(cols.upperBound)
        for c in max(1, cols.lowerBound) ..< cols.upperBound {
            cairo_rectangle(cr, m.edgeX(c), top, lw, bottom - top)
        }
        for r in max(1, rows.lowerBound) ..< rows.upperBound {
            cairo_rectangle(cr, left, m.edgeY(r), right - left, lw)
        }
        canvas.color(scene.palette.gridLine, scene.palette.gridAlpha)
        cairo_fill(cr)
    }

    /// Cell values as text, when the cells are big enough and the numbers are on.
    private func drawNumbers(_ kind: PanelKind, _ grid: Grid, _ scale: ColorScale, _ m: PanelMapping,
                             _ shown: (fullRows: Int, partialColumns: Int), _ scene: FrameScene, _ canvas: Canvas) {
        let f = scene.layout.fonts
        let size = min(m.cellSize * 0.45, f.maxCell)
        guard scene.state.view.showNumbers, size >= f.minCell else { return }
        let g = glyphs(canvas.cr, size: size)
        let maxWidth = m.cellSize * 0.86
        var dark: [cairo_glyph_t] = [], light: [cairo_glyph_t] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(24)
        func put(_ v: Float, _ r: Int, _ c: Int, darkText: Bool) {
            let s = CellNumberText.fitting(v, maxWidth: maxWidth, glyphs: g, into: &buffer)
            guard !s.isEmpty else { return }
            let midX = (m.edgeX(c) + m.edgeX(c + 1)) / 2, midY = (m.edgeY(r) + m.edgeY(r + 1)) / 2
            if darkText { g.append(s, midX: midX, midY: midY, to: &dark) } else { g.append(s, midX: midX, midY: midY, to: &light) }
        }
        for r in m.visibleRows {
            let end = r < shown.fullRows ? m.columns : r == shown.fullRows ? shown.partialColumns : 0
            for c in m.visibleColumns where c < end {
                let v = grid[r, c]
                put(v, r, c, darkText: scale.wantsDarkText(v))
            }
        }
        if kind == .input {
            for (r, c) in paddingCellsUnderWindow(scene) { put(0, r, c, darkText: scale.wantsDarkText(0)) }
        }
        let cr = canvas.cr
        if !dark.isEmpty {
            canvas.color(RGB(hex: 0x101114), 0.88)
            cairo_show_glyphs(cr, dark, Int32(dark.count))
        }
        if !light.isEmpty {
            canvas.color(RGB(hex: 0xFFFFFF), 0.92)
            cairo_show_glyphs(cr, light, Int32(light.count))
        }
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
