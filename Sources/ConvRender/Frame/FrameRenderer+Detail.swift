import CCairo
import ConvModel

/// The detail band: kernel × patch = products under the input, the sum written out under the conv
/// panel, and the pool's arithmetic with the colour legend under the pool panel.
extension FrameRenderer {
    func drawDetail(_ scene: FrameScene, _ canvas: Canvas) {
        let d = scene.layout.detail
        guard !d.frame.isEmpty, scene.scan.count > 0 else { return }
        // The column under the input (grids and their labels) and the sum beside it.
        let gridsColumn = Rect(x: d.frame.minX, y: d.frame.minY,
                               width: (d.sum.isEmpty ? d.frame.maxX : d.sum.minX) - d.frame.minX, height: d.frame.height)
        if wants(gridsColumn) || wants(d.sum) {
            let cell = scene.state.currentCell
            let written = writtenSum(cell, scene, canvas)
            if wants(gridsColumn) { drawArithmeticGrids(cell, written, scene, canvas) }
            if wants(d.sum) { sumBand(scene)?.draw(canvas, where: wants) }
        }
        let bars = FrameRenderer.legendBars(scene)
        if wants(FrameRenderer.poolArithmeticArea(scene)) { drawPoolArithmetic(scene, canvas) }
        if let bars, wants(bars) { drawLegend(bars, scene, canvas) }
    }

    /// A weight or product coloured by its sign, stronger the larger it is.
    static func signColor(_ v: Float, maxAbs: Float, _ p: Palette) -> RGB {
        guard maxAbs > 0, v != 0, v.isFinite else { return p.neutral }
        let t = Double(min(1, abs(v) / maxAbs))
        return p.neutral.mixed(with: v > 0 ? p.positive : p.negative, 0.3 + 0.7 * t)
    }

    /// The first text that fits `width` in the current font, else the last one cut to fit.
    static func firstFitting(_ texts: [String], _ width: Double, _ canvas: Canvas) -> String {
        texts.first { canvas.width($0) <= width } ?? canvas.fitted(texts.last ?? "", maxWidth: width)
    }

    /// The products and the sum in one number of decimals, as many as the products grid's cells
    /// can hold, so that the products as drawn add up to the sum as written (`SumText`).
    func writtenSum(_ cell: CellArithmetic, _ scene: FrameScene, _ canvas: Canvas) -> SumText {
        // A damaged frame may draw the products and the sum in separate rectangles, and works out
        // the frame before's too: work each out once.
        writtenSums.value(WrittenSumKey(cell: cell, detail: scene.layout.detail, fonts: scene.layout.fonts)) {
            workOutWrittenSum(cell, scene, canvas)
        }
    }

    struct WrittenSumKey: Equatable {
        let cell: CellArithmetic
        let detail: DetailLayout
        let fonts: FontSizes
    }

    private func workOutWrittenSum(_ cell: CellArithmetic, _ scene: FrameScene, _ canvas: Canvas) -> SumText {
        let products = cell.products
        var text = SumText(products: products, bias: cell.bias, value: cell.value)
        let grid = KernelGrid(in: scene.layout.detail.products, size: cell.size)
        let f = scene.layout.fonts
        guard grid.isDrawn, min(grid.cell * 0.42, f.body * 1.2) >= f.minCell else { return text }
        // The decimals are bounded by what fits at the smallest size the grid may shrink to.
        let g = glyphs(canvas.cr, size: min(grid.cell * 0.42, f.body * 1.2, f.minCell * 0.85))
        let room = (grid.cell - FrameRenderer.smallGridGap(grid.cell, scene.layout)) * 0.88
        var buffer: [UInt8] = []
        func fits(_ t: SumText) -> Bool {
            products.allSatisfy { g.width(DecimalText.write(Double($0), .fixed(t.decimals), into: &buffer)) <= room }
        }
        var cap = text.decimals
        while !fits(text) {
            guard cap > 0 else { return text.approximated() }
            cap -= 1
            text = SumText(products: products, bias: cell.bias, value: cell.value, maxDecimals: cap)
            if text.decimals > cap { return text.approximated() }
        }
        return text
    }

    // MARK: kernel × patch = products

    private func drawArithmeticGrids(_ cell: CellArithmetic, _ written: SumText, _ scene: FrameScene, _ canvas: Canvas) {
        let d = scene.layout.detail, p = scene.palette, f = scene.layout.fonts
        let k = cell.size
        guard d.kernel.width >= Double(k) * 3 else { return }
        let maxWeight = cell.weights.map(abs).max() ?? 0
        let maxProduct = max(maxWeight, cell.products.map(abs).max() ?? 0)
        let padded = Set(paddedTaps(scene))

        // The font first: the baseline depends on it (not on whatever was drawn before).
        canvas.font(f.small)
        let labelY = canvas.baseline(centredOn: d.frame.y + d.labelHeight * 0.45)
        let labels = ["kernel", padded.isEmpty ? "patch" : "patch (0 past the edge)", "products"]
        for (area, label) in zip(FrameRenderer.gridLabelAreas(scene.layout), labels) where wants(area) {
            canvas.font(f.small)
            canvas.text(canvas.fitted(label, maxWidth: area.width), x: area.midX, y: labelY, align: .center, p.textDim)
        }
        if wants(d.kernel) {
            let typing = FrameRenderer.typedWeight(scene.state)
            smallGrid(cell.weights, k, d.kernel, decimals: DecimalText.decimals(toShow: cell.weights), scene, canvas,
                      skipNumberAt: typing?.shown) {
                FrameRenderer.signColor($0, maxAbs: maxWeight, p)
            }
            drawKernelEditing(scene, canvas)
        }
        if wants(d.caption) { drawKernelCaption(scene, canvas) }
        if wants(d.patch) {
            smallGrid(cell.patch, k, d.patch, decimals: DecimalText.decimals(toShow: cell.patch), scene, canvas) {
                scene.inputScale.color($0)
            }
        }
        if wants(d.products) {
            smallGrid(cell.products, k, d.products, decimals: written.decimals, scene, canvas) {
                FrameRenderer.signColor($0, maxAbs: maxProduct, p)
            }
        }
        // The signs stay put; a damaged frame draws them only near their slots.
        canvas.font(f.title * 1.15)
        if wants(d.times.insetBy(dx: -f.title, dy: -f.title)) { canvas.text("×", in: d.times, align: .center, p.textDim) }
        if wants(d.equals.insetBy(dx: -f.title, dy: -f.title)) { canvas.text("=", in: d.equals, align: .center, p.textDim) }
    }

    /// Where the labels over the kernel, patch and products go: centred over each grid, each may
    /// use the sign column beside it; the last one stops short of the written-out sum.
    static func gridLabelAreas(_ layout: FrameLayout) -> [Rect] {
        let d = layout.detail, f = layout.fonts
        let sumStart = d.sum.isEmpty ? d.frame.maxX : d.sum.minX
        let productsRoom = d.products.width + 2 * max(0, sumStart - d.products.maxX - f.small * 0.6)
        return [(d.kernel, d.kernel.width + d.times.width), (d.patch, d.patch.width + d.times.width),
                (d.products, productsRoom)].map { rect, room in
            Rect(x: rect.midX - room / 2, y: d.frame.y, width: room, height: d.labelHeight)
        }
    }

    /// Indices (row-major within the kernel) of taps that fall on the zero padding.
    func paddedTaps(_ scene: FrameScene) -> [Int] {
        let g = scene.geometry, scan = scene.scan
        var out: [Int] = []
        for i in 0..<g.kernelSize {
            for j in 0..<g.kernelSize {
                let t = g.tap(row: scan.row, col: scan.col, i: i, j: j)
                if t.row < 0 || t.col < 0 || t.row >= g.inputHeight || t.col >= g.inputWidth { out.append(i * g.kernelSize + j) }
            }
        }
        return out
    }

    /// A k×k grid of coloured cells with their values, centred in `rect`.
    /// The cells lie where `KernelGrid` says, so a click on the kernel finds the weight drawn there.
    /// Numbers are written at the group's `decimals`, one shortened only when it does not fit.
    private func smallGrid(_ values: [Float], _ k: Int, _ rect: Rect, decimals: Int, _ scene: FrameScene, _ canvas: Canvas,
                           skipNumberAt skipped: GridCell? = nil, color: (Float) -> RGB) {
        let grid = KernelGrid(in: rect, size: k)
        guard grid.isDrawn else { return }
        let cell = grid.cell, x0 = grid.x0, y0 = grid.y0
        let gap = FrameRenderer.smallGridGap(cell, scene.layout)
        let cr = canvas.cr
        // A damaged frame draws only the cells its rectangle touches.
        func wanted(_ i: Int, _ j: Int) -> Bool { wants(grid.rect(of: GridCell(row: i, col: j))) }
        for i in 0..<k {
            for j in 0..<k where wanted(i, j) {
                canvas.color(color(values[i * k + j]))
                cairo_rectangle(cr, x0 + Double(j) * cell, y0 + Double(i) * cell, cell - gap, cell - gap)
                cairo_fill(cr)
            }
        }
        let room = (cell - gap) * 0.88
        guard let g = FrameRenderer.smallGridGlyphs(values, decimals: decimals, cell: cell, room: room, scene, canvas, self)
        else { return }
        var dark: [cairo_glyph_t] = [], light: [cairo_glyph_t] = [], shrunk: [ShrunkNumber] = []
        var buffer: [UInt8] = []
        for i in 0..<k {
            for j in 0..<k where skipped != GridCell(row: i, col: j) && wanted(i, j) {
                let v = values[i * k + j]
                let midX = x0 + Double(j) * cell + (cell - gap) / 2, midY = y0 + Double(i) * cell + (cell - gap) / 2
                if color(v).luminance > 0.45 {
                    placeNumber(v, decimals: decimals, maxWidth: room, midX: midX, midY: midY, g, &buffer,
                                dark: true, into: &dark, &shrunk)
                } else {
                    placeNumber(v, decimals: decimals, maxWidth: room, midX: midX, midY: midY, g, &buffer,
                                dark: false, into: &light, &shrunk)
                }
            }
        }
        FrameRenderer.showNumberRuns(dark: dark, light: light, canvas)
        showShrunk(shrunk, canvas)
    }

    /// The glyphs for a small grid's numbers: as large as the cell allows, and smaller — down to
    /// 85% of the smallest cell text — when the group's widest number would not fit otherwise.
    /// Nil when even the first size is too small to read.
    static func smallGridGlyphs(_ values: [Float], decimals: Int, cell: Double, room: Double, _ scene: FrameScene,
                                _ canvas: Canvas, _ renderer: FrameRenderer) -> NumberGlyphs? {
        let f = scene.layout.fonts
        let size = min(cell * 0.42, f.body * 1.2)
        guard size >= f.minCell else { return nil }
        var g = renderer.glyphs(canvas.cr, size: size)
        let widest = CellNumberText.widest(values, decimals: decimals, glyphs: g)
        guard widest > room else { return g }
        // Advances are hinted to whole pixels, so the proportional guess is checked and, where
        // rounding made it a pixel too wide, stepped down a quarter pixel at a time.
        let smallest = f.minCell * 0.85
        var next = max(smallest, (size * room / widest * 4).rounded(.down) / 4)
        repeat {
            g = renderer.glyphs(canvas.cr, size: next)
            next -= 0.25
        } while next >= smallest && CellNumberText.widest(values, decimals: decimals, glyphs: g) > room
        return g
    }

    // MARK: the sum written out

    /// The lines of the written-out sum: one per kernel row of `weight×value` terms (weights and
    /// values at their grids' decimals), then the total with the bias — `=` when the products as
    /// written add up to it, `≈` when no precision makes them (`SumText`) — then ReLU.
    /// Row lines are left out when `withTerms` is false.
    static func sumLines(_ cell: CellArithmetic, _ written: SumText, withTerms: Bool)
        -> (terms: [[String]], total: String, relu: String) {
        let k = cell.size
        var terms: [[String]] = []
        if withTerms {
            let dw = DecimalText.decimals(toShow: cell.weights), dv = DecimalText.decimals(toShow: cell.patch)
            // Each term written as bytes and made a String once: `(−1)×0.3`, a negative weight in brackets.
            var term: [UInt8] = [], number: [UInt8] = []
            for i in 0..<k {
                terms.append((0..<k).map { j in
                    let w = cell.weights[i * k + j], v = cell.patch[i * k + j]
                    term.removeAll(keepingCapacity: true)
                    if w < 0 { term.append(UInt8(ascii: "(")) }
                    term += DecimalText.write(Double(w), .fixed(dw), into: &number)
                    if w < 0 { term.append(UInt8(ascii: ")")) }
                    term += "×".utf8
                    term += DecimalText.write(Double(v), .fixed(dv), into: &number)
                    return DecimalText.string(term[...])
                })
            }
        }
        let r = written.relation
        let total: String
        if let bias = written.bias {
            let b = bias.hasPrefix(DecimalText.minus) ? " − \(bias.dropFirst())" : " + \(bias)"
            total = "\(r) \(written.productSum)\(b) \(r) \(written.value)"
        } else {
            total = "\(r) \(written.value)"
        }
        let relu = DecimalText.fixed(Double(cell.relu), decimals: written.decimals)
        return (terms, total, "ReLU: max(0, \(written.value)) = \(relu)")
    }

    // MARK: the pool and the legend

    private func drawPoolArithmetic(_ scene: FrameScene, _ canvas: Canvas) {
        poolBand(scene)?.draw(canvas, where: wants)
    }

    /// One or two colour bars at the bottom of the pool column: the middle panel's scale, and
    /// with ReLU off also the pool's (which is after ReLU, so never negative).
    private func drawLegend(_ r: Rect, _ scene: FrameScene, _ canvas: Canvas) {
        let f = scene.layout.fonts, area = scene.layout.detail.legend
        let top = r.minY, barHeight = max(8, (10 * scene.layout.unit).rounded()), labelHeight = f.small * 1.5
        var bars: [(String, ColorScale)] = []
        if scene.state.view.showRelu {
            bars.append(("colour scale: ReLU output (conv and pool)", scene.middleScale))
        } else {
            bars.append(("conv, signed", scene.middleScale))
            bars.append(("ReLU and pool", scene.poolScale))
        }
        let gap = f.small * 1.5
        let width = (area.width - gap * Double(bars.count - 1)) / Double(bars.count)
        for (i, (label, scale)) in bars.enumerated() {
            let x = area.minX + Double(i) * (width + gap)
            drawBar(label, scale, Rect(x: x, y: top, width: width, height: labelHeight * 2 + barHeight),
                    barHeight: barHeight, scene, canvas)
        }
    }

    /// Where the legend's bars, labels and ticks go, at the foot of the legend column; nil when the
    /// column is too short to hold them under the pool's arithmetic.
    static func legendBars(_ scene: FrameScene) -> Rect? {
        let d = scene.layout.detail, f = scene.layout.fonts
        let area = d.legend
        let barHeight = max(8, (10 * scene.layout.unit).rounded())
        let labelHeight = f.small * 1.5
        let top = area.maxY - labelHeight * 2 - barHeight
        guard top > d.frame.y + d.labelHeight + f.body * 1.6 else { return nil }
        return Rect(x: area.minX, y: top, width: area.width, height: area.maxY - top)
    }

    /// The top of the legend column, above its bars: the pool's arithmetic, a heading and one line
    /// (`drawPoolArithmetic`) with room for its descenders.
    static func poolArithmeticArea(_ scene: FrameScene) -> Rect {
        let d = scene.layout.detail, area = d.legend
        let text = area.minY + d.labelHeight + 2.2 * scene.layout.fonts.body
        let bottom = min(legendBars(scene)?.minY ?? area.maxY, text, area.maxY)
        return Rect(x: area.minX, y: area.minY, width: area.width, height: max(0, bottom - area.minY))
    }

    private func drawBar(_ label: String, _ scale: ColorScale, _ r: Rect, barHeight: Double, _ scene: FrameScene,
                         _ canvas: Canvas) {
        let p = scene.palette, f = scene.layout.fonts
        let labelHeight = (r.height - barHeight) / 2
        canvas.font(f.small)
        canvas.text(canvas.fitted(label, maxWidth: r.width), x: r.minX, y: canvas.baseline(centredOn: r.minY + labelHeight / 2),
                    p.textDim)
        let bar = Rect(x: r.minX.rounded(), y: (r.minY + labelHeight).rounded(), width: r.width.rounded(), height: barHeight)
        let ramp = Grid(width: 256, height: 1, values: (0..<256).map(Float.init))
        if let surface = maps.surface(for: ramp, scale: ColorScale(colormap: scale.colormap, lo: 0, hi: 255)) {
            let cr = canvas.cr
            guard let pattern = cairo_pattern_create_for_surface(surface.pointer) else { return }
            defer { cairo_pattern_destroy(pattern) }
            cairo_pattern_set_filter(pattern, CAIRO_FILTER_BILINEAR)
            cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
            var m = cairo_matrix_t()
            cairo_matrix_init_scale(&m, 256 / bar.width, 1 / bar.height)
            cairo_matrix_translate(&m, -bar.x, -bar.y)
            cairo_pattern_set_matrix(pattern, &m)
            cairo_set_source(cr, pattern)
            canvas.roundedRect(bar, radius: min(3 * scene.layout.unit, bar.height / 2))
            cairo_fill(cr)
        }
        let y = canvas.baseline(centredOn: bar.maxY + labelHeight / 2 + 2)
        // Ticks are distinct numbers; a map with one value (lo = hi) gets one tick.
        let ticks = DecimalText.distinct([scale.lo, (scale.lo + scale.hi) / 2, scale.hi])
        canvas.text(ticks[0], x: bar.minX, y: y, p.textDim)
        guard scale.hi > scale.lo else { return }
        canvas.text(ticks[1], x: bar.midX, y: y, align: .center, p.textFaint)
        canvas.text(ticks[2], x: bar.maxX, y: y, align: .right, p.textDim)
    }
}
