import CCairo
import ConvModel

/// The three panels: title, then the cells — the map as one nearest-neighbour scaled image, grid
/// lines and numbers — with the cells not yet computed left empty.
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
        if wants(panel.title) { drawTitle(kind, panel, m, scene, canvas) }
        guard m.cellSize > 0, !panel.image.isEmpty, m.columns > 0, m.rows > 0 else { return }

        canvas.save()
        canvas.clip(panel.image)
        let visible = FrameRenderer.visibleGrid(kind, scene)
        let (grid, scale) = FrameRenderer.map(kind, scene)
        let regions = FrameRenderer.regions(m, scene.revealed(kind))
        if !regions.filled.isEmpty {
            let key = layerKey(kind, empty: false, grid, scale, m, scene)
            let draw = { (cr: OpaquePointer) in self.drawCells(grid, scale, m, scene, Canvas(cr: cr)) }
            copy(layers.layer(key, covering: visible, draw: draw), visible, regions.filled, scene, canvas, orDraw: draw)
        }
        if !regions.empty.isEmpty {
            let key = layerKey(kind, empty: true, nil, scale, m, scene)
            let draw = { (cr: OpaquePointer) in self.drawEmptyCells(visible, m, scene, Canvas(cr: cr)) }
            copy(layers.layer(key, covering: visible, draw: draw), visible, regions.empty, scene, canvas, orDraw: draw)
        }
        if kind == .input { drawPaddingUnderWindow(scene, canvas) }
        canvas.restore()
        drawMarks(kind, scene, canvas)
    }

    /// The grid a panel shows and its colours.
    static func map(_ kind: PanelKind, _ scene: FrameScene) -> (Grid, ColorScale) {
        switch kind {
        case .input: return (scene.state.maps.input, scene.inputScale)
        case .conv: return (scene.middle, scene.middleScale)
        case .pool: return (scene.state.maps.pool, scene.poolScale)
        }
    }

    /// The part of a panel's grid inside its image area, in whole pixels: what its cells cover.
    static func visibleGrid(_ kind: PanelKind, _ scene: FrameScene) -> Rect {
        let m = scene.mapping(kind)
        guard m.cellSize > 0, m.columns > 0, m.rows > 0 else { return .zero }
        return m.gridRect.intersection(scene.layout.panel(kind).image)
    }

    /// The revealed cells (whole rows, then a run of the next row) and the rest, as pixel boxes.
    static func regions(_ m: PanelMapping, _ shown: (fullRows: Int, partialColumns: Int)) -> (filled: [Rect], empty: [Rect]) {
        var filled: [Rect] = [], empty: [Rect] = []
        let full = min(shown.fullRows, m.rows)
        if full > 0 { filled.append(m.blockRect(row: 0, col: 0, rowCount: full, colCount: m.columns)) }
        var after = full
        if full < m.rows, shown.partialColumns > 0 {
            let run = min(shown.partialColumns, m.columns)
            filled.append(m.blockRect(row: full, col: 0, rowCount: 1, colCount: run))
            if run < m.columns { empty.append(m.blockRect(row: full, col: run, rowCount: 1, colCount: m.columns - run)) }
            after += 1
        }
        if after < m.rows { empty.append(m.blockRect(row: after, col: 0, rowCount: m.rows - after, colCount: m.columns)) }
        return (filled, empty)
    }

    private func layerKey(_ kind: PanelKind, empty: Bool, _ grid: Grid?, _ scale: ColorScale, _ m: PanelMapping,
                          _ scene: FrameScene) -> PanelLayers.Key {
        let v = scene.state.view
        return PanelLayers.Key(kind: kind, empty: empty, grid: grid, colormap: empty ? "" : scale.colormap.name,
                               lo: empty ? 0 : scale.lo, hi: empty ? 0 : scale.hi, mapping: m,
                               unit: scene.layout.unit, fonts: scene.layout.fonts, theme: v.theme,
                               showGrid: v.showGrid, showNumbers: empty ? false : v.showNumbers)
    }

    /// Copies `rects` from a layer covering `visible`; without a layer, draws them directly.
    private func copy(_ layer: ImageSurface?, _ visible: Rect, _ rects: [Rect], _ scene: FrameScene, _ canvas: Canvas,
                      orDraw draw: (OpaquePointer) -> Void) {
        let cr = canvas.cr
        let boxes = rects.map { $0.intersection(visible) }.filter { !$0.isEmpty }
        guard !boxes.isEmpty else { return }
        if let layer, boxes.allSatisfy(\.isWholePixels), let direct = DirectPixels(cr),
           boxes.allSatisfy({ direct.copy($0, from: layer, at: (visible.x, visible.y)) }) {
            return
        }
        for b in boxes { cairo_rectangle(cr, b.x, b.y, b.width, b.height) }
        guard let layer else {
            // No layer (too large, or no memory): draw in place, over the panel colour, since the
            // background was not painted here.
            canvas.save()
            cairo_clip(cr)
            canvas.color(scene.palette.panel)
            cairo_paint(cr)
            draw(cr)
            canvas.restore()
            return
        }
        cairo_set_source_surface(cr, layer.pointer, visible.x, visible.y)
        cairo_fill(cr)
    }

    /// Every cell of a map: the nearest-neighbour scaled image, grid lines and numbers.
    private func drawCells(_ grid: Grid, _ scale: ColorScale, _ m: PanelMapping, _ scene: FrameScene, _ canvas: Canvas) {
        if let surface = maps.surface(for: grid, scale: scale) {
            drawImage(surface, m, (m.rows, 0), canvas)
        }
        drawGridLines(m, scene, canvas)
        drawNumbers(grid, scale, m, scene, canvas)
    }

    /// The grid with no values yet: the panel colour and the grid lines.
    private func drawEmptyCells(_ visible: Rect, _ m: PanelMapping, _ scene: FrameScene, _ canvas: Canvas) {
        canvas.fill(visible, scene.palette.panel)
        drawGridLines(m, scene, canvas)
    }

    private func drawTitle(_ kind: PanelKind, _ panel: PanelLayout, _ m: PanelMapping, _ scene: FrameScene, _ canvas: Canvas) {
        guard !panel.title.isEmpty else { return }
        let p = scene.palette, f = scene.layout.fonts
        // Line the title up with the left edge of the fitted grid (and its padding).
        let fitted = PanelMapping(area: m.area, columns: m.columns, rows: m.rows, margin: m.margin)
        var name = FrameRenderer.title(kind, scene.state), shape = "\(m.columns)×\(m.rows)"
        canvas.font(f.title, bold: true)
        var nameWidth = canvas.width(name)
        canvas.font(f.title)
        // A title wider than its panel drops the shape, then is cut: it never runs into the next panel.
        if nameWidth + f.title * 0.6 + canvas.width(shape) > panel.title.width {
            shape = ""
            canvas.font(f.title, bold: true)
            name = canvas.fitted(name, maxWidth: panel.title.width)
            nameWidth = canvas.width(name)
            canvas.font(f.title)
        }
        let titleWidth = nameWidth + (shape.isEmpty ? 0 : f.title * 0.6 + canvas.width(shape))
        // A grid narrower than its title (a short panel, under the tour's caption) moves the title
        // left as far as it must to stay in the panel.
        let aligned = fitted.cellSize > 0 ? fitted.edgeX(-m.margin) : panel.title.minX
        let left = max(panel.title.minX, min(aligned, (panel.title.maxX - titleWidth).rounded(.down)))
        let baseline = (panel.title.maxY - panel.title.height * 0.32).rounded()
        canvas.font(f.title, bold: true)
        let w = canvas.text(name, x: left, y: baseline, p.text)
        canvas.font(f.title)
        let shapeX = left + w + f.title * 0.6
        let shapeEnd = shape.isEmpty ? left + w : shapeX + canvas.text(shape, x: shapeX, y: baseline, p.textDim)
        var right = fitted.cellSize > 0 ? min(panel.title.maxX, fitted.edgeX(m.columns + m.margin)) : panel.title.maxX
        if m.view.zoom > 1.001 {
            canvas.font(f.small)
            let z = m.view.zoom
            let zoom = "zoom \(z < 10 ? DecimalText.fixed(z, decimals: 1) : String(Int(z.rounded())))×"
            let zw = canvas.width(zoom)
            // Right-aligned to the grid, or to the panel when the grid is narrower than the title.
            if right - zw < shapeEnd + f.small { right = panel.title.maxX }
            if right - zw >= shapeEnd + f.small {
                canvas.text(zoom, x: right, y: baseline, align: .right, p.textDim)
                right -= zw + f.small
            }
        }
        if kind == .input, scene.state.painter.isOn {
            drawPaintChip(scene, canvas, from: shapeEnd + f.small, to: right, midY: panel.title.maxY - panel.title.height * 0.32
                          - f.title * 0.35)
        }
    }

    /// The texts of the paint-mode chip, longest first. (Which button paints what is on the status line.)
    static func paintChipTexts(_ painter: InputPainter) -> [String] {
        let b = "brush \(painter.brush)"
        return ["PAINT · \(b) · [ ] size · c clears", "PAINT · \(b) · c clears", "PAINT · \(b)", "PAINT"]
    }

    /// A chip in the input's title while paint mode is on, right-aligned in `from…to`.
    private func drawPaintChip(_ scene: FrameScene, _ canvas: Canvas, from x0: Double, to x1: Double, midY: Double) {
        let p = scene.palette, f = scene.layout.fonts
        canvas.font(f.small, bold: true)
        let pad = (f.small * 0.6).rounded()
        let texts = FrameRenderer.paintChipTexts(scene.state.painter)
        guard let text = texts.first(where: { canvas.width($0) + 2 * pad <= x1 - x0 }) else { return }
        let w = (canvas.width(text) + 2 * pad).rounded(), h = (f.small * 1.5).rounded()
        let chip = Rect(x: (x1 - w).rounded(), y: (midY - h / 2).rounded(), width: w, height: h)
        canvas.fillRounded(chip, radius: h / 2, p.text)
        canvas.text(text, in: chip.insetBy(dx: pad, dy: 0), p.background)
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

        let cells = paddingCellsUnderWindow(scene)
        canvas.color(scene.inputScale.color(0))
        for (r, c) in cells {
            let rect = m.cellRect(row: r, col: c)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        }
        cairo_fill(cr)
        guard let g = numberGlyphs(m, scene, canvas) else { return }
        var run: [cairo_glyph_t] = [], shrunk: [ShrunkNumber] = []
        var buffer: [UInt8] = []
        let dark = scene.inputScale.wantsDarkText(0)
        for (r, c) in cells { placeNumber(0, r, c, m, g, &buffer, dark: dark, into: &run, &shrunk) }
        FrameRenderer.showNumberRuns(dark: dark ? run : [], light: dark ? [] : run, canvas)
        showShrunk(shrunk, canvas)
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
        // Verticals and horizontals go in separate fills: boxes that overlap in one path would
        // make Cairo rasterise the whole grid through a mask.
        canvas.color(scene.palette.gridLine, scene.palette.gridAlpha)
        for c in max(1, cols.lowerBound) ..< cols.upperBound {
            cairo_rectangle(cr, m.edgeX(c), top, lw, bottom - top)
        }
        cairo_fill(cr)
        for r in max(1, rows.lowerBound) ..< rows.upperBound {
            cairo_rectangle(cr, left, m.edgeY(r), right - left, lw)
        }
        cairo_fill(cr)
    }

    /// Cell values as text, when the cells are big enough and the numbers are on.
    private func drawNumbers(_ grid: Grid, _ scale: ColorScale, _ m: PanelMapping, _ scene: FrameScene, _ canvas: Canvas) {
        guard let g = numberGlyphs(m, scene, canvas) else { return }
        var dark: [cairo_glyph_t] = [], light: [cairo_glyph_t] = [], shrunk: [ShrunkNumber] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(24)
        for r in m.visibleRows {
            for c in m.visibleColumns {
                let v = grid[r, c]
                if scale.wantsDarkText(v) {
                    placeNumber(v, r, c, m, g, &buffer, dark: true, into: &dark, &shrunk)
                } else {
                    placeNumber(v, r, c, m, g, &buffer, dark: false, into: &light, &shrunk)
                }
            }
        }
        FrameRenderer.showNumberRuns(dark: dark, light: light, canvas)
        showShrunk(shrunk, canvas)
    }

    /// Glyphs at the size numbers take in this panel's cells; nil when numbers are off or would be too small.
    func numberGlyphs(_ m: PanelMapping, _ scene: FrameScene, _ canvas: Canvas) -> NumberGlyphs? {
        let f = scene.layout.fonts
        let size = min(m.cellSize * 0.45, f.maxCell)
        guard scene.state.view.showNumbers, size >= f.minCell else { return nil }
        return glyphs(canvas.cr, size: size)
    }

    /// Appends the text of `v` centred in cell (r, c), in the most precise form that fits; a
    /// number too wide even in its shortest form goes to `shrunk`, to be drawn smaller.
    func placeNumber(_ v: Float, _ r: Int, _ c: Int, _ m: PanelMapping, _ g: NumberGlyphs, _ buffer: inout [UInt8],
                     dark: Bool, into run: inout [cairo_glyph_t], _ shrunk: inout [ShrunkNumber]) {
        let midX = (m.edgeX(c) + m.edgeX(c + 1)) / 2, midY = (m.edgeY(r) + m.edgeY(r + 1)) / 2
        placeNumber(v, decimals: nil, maxWidth: m.cellSize * 0.86, midX: midX, midY: midY, g, &buffer, dark: dark,
                    into: &run, &shrunk)
    }

    func placeNumber(_ v: Float, decimals: Int?, maxWidth: Double, midX: Double, midY: Double, _ g: NumberGlyphs,
                     _ buffer: inout [UInt8], dark: Bool, into run: inout [cairo_glyph_t], _ shrunk: inout [ShrunkNumber]) {
        let (s, fits) = CellNumberText.fitting(v, decimals: decimals, maxWidth: maxWidth, glyphs: g, into: &buffer)
        guard !s.isEmpty else { return }
        if fits {
            g.append(s, midX: midX, midY: midY, to: &run)
        } else {
            // Sizes in twentieths of the cell's size, so that the glyph cache sees few of them.
            let ratio = (maxWidth / g.width(s) * 20).rounded(.down) / 20
            shrunk.append(ShrunkNumber(text: Array(s), midX: midX, midY: midY, size: g.size * max(0.05, ratio), dark: dark))
        }
    }

    /// Numbers that needed a smaller size, drawn after the runs (they are few).
    func showShrunk(_ numbers: [ShrunkNumber], _ canvas: Canvas) {
        for n in numbers {
            let g = glyphs(canvas.cr, size: n.size)
            var run: [cairo_glyph_t] = []
            g.append(n.text[...], midX: n.midX, midY: n.midY, to: &run)
            FrameRenderer.showNumberRuns(dark: n.dark ? run : [], light: n.dark ? [] : run, canvas)
        }
    }

    /// Opaque colours: Cairo composites glyphs of a solid opaque source without a mask.
    static func showNumberRuns(dark: [cairo_glyph_t], light: [cairo_glyph_t], _ canvas: Canvas) {
        if !dark.isEmpty {
            canvas.color(RGB(hex: 0x17181B))
            cairo_show_glyphs(canvas.cr, dark, Int32(dark.count))
        }
        if !light.isEmpty {
            canvas.color(RGB(hex: 0xF4F5F7))
            cairo_show_glyphs(canvas.cr, light, Int32(light.count))
        }
    }
}
