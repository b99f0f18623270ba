import CCairo
import ConvModel

/// The filters: conv1's 3×3 tiles in a row and conv2's 16 filters of 8 tiles, coloured on a
/// diverging scale symmetric about zero (one scale per layer, so filters of a layer compare),
/// with their numbers when the cells are large enough.
extension LearnRenderer {
    func drawFilters(_ scene: LearnScene, _ canvas: Canvas) {
        let s = scene.snapshot, l = scene.layout
        let gradients = scene.view.showGradients ? s.gradients : nil
        let source = gradients ?? s.weights
        let what = gradients != nil ? "gradients of the last batch" : (scene.view.showGradients ? "weights (no gradient yet)" : "weights")
        let f1 = s.weights.conv1Bias.count, f2 = s.weights.conv2Bias.count
        let conv1 = source.conv1Weight.values, conv2 = source.conv2Weight.values
        drawLayer(scene, canvas, titles: ["conv1 · \(f1) filters of 3×3 · \(what)", "conv1 · \(what)", "conv1"], titleRect: l.conv1Title,
                  values: conv1, tiles: l.conv1Tiles.enumerated().map { ($1, $0 * 9) })
        var tiles: [(Rect, Int)] = []
        for (k, filter) in l.conv2Tiles.enumerated() {
            for (c, r) in filter.enumerated() { tiles.append((r, (k * f1 + c) * 9)) }
        }
        drawLayer(scene, canvas, titles: ["conv2 · \(f2) filters of 3×3×\(f1), one tile per conv1 map · \(what)",
                                          "conv2 · \(f2) filters of 3×3×\(f1) · \(what)", "conv2 · \(what)", "conv2"],
                  titleRect: l.conv2Title, values: conv2, tiles: tiles)
    }

    /// One layer: its title (the longest of `titles` that fits) with the colour scale, then every tile (`tiles` pairs a tile's
    /// rectangle with the index of its first value).
    private func drawLayer(_ scene: LearnScene, _ canvas: Canvas, titles: [String], titleRect: Rect,
                           values: [Float], tiles: [(Rect, Int)]) {
        let p = scene.palette, f = scene.fonts
        let bound = values.reduce(Float(0)) { max($0, abs($1)) }
        let scale = bound > 0 && bound.isFinite ? bound : 1
        let scaleWidth = drawScale(scene, canvas, bound: scale, right: titleRect.maxX, midY: titleRect.midY)
        canvas.font(f.title, bold: true)
        let room = titleRect.width - scaleWidth - f.title
        if let title = canvas.firstFitting(titles, maxWidth: room) { canvas.text(title, in: titleRect, p.text) }

        let map = p.diverging, cr = canvas.cr
        let cell = ((tiles.first?.0.width ?? 0) / 3).rounded(.down)
        // One path per colour rather than one fill per cell: a 1080p frame has 1,224 tiles.
        canvas.color(p.panelBorder)
        for (r, _) in tiles {
            cairo_rectangle(cr, r.x - 1, r.y - 1, r.width + 2, r.height + 2)
        }
        cairo_fill(cr)
        var cells = [[Int]](repeating: [], count: map.colors.count)
        for (t, (_, start)) in tiles.enumerated() {
            for i in 0..<9 { cells[map.index(of: values[start + i], lo: -scale, hi: scale)].append(t * 9 + i) }
        }
        for (index, members) in cells.enumerated() where !members.isEmpty {
            canvas.color(map.colors[index])
            for m in members {
                let r = tiles[m / 9].0, i = m % 9
                cairo_rectangle(cr, r.minX + Double(i % 3) * cell, r.minY + Double(i / 3) * cell, cell, cell)
            }
            cairo_fill(cr)
        }
        drawNumbers(scene, canvas, values: values, tiles: tiles, cell: cell, scale: scale)
    }

    /// The values in their cells, at one number of decimals for the layer (DecimalText's rule),
    /// at the largest readable size where the layer's texts fit as they are, else at the largest where
    /// they fit with each one too wide shortened as the rule allows (fewer decimals while it reads true, then
    /// scientific form). When some value fits in no form even at the smallest size, the others
    /// still have their numbers (at the largest size where as many fit as at the smallest) and only
    /// its cell goes without.
    private func drawNumbers(_ scene: LearnScene, _ canvas: Canvas, values: [Float], tiles: [(Rect, Int)],
                             cell: Double, scale: Float) {
        let f = scene.fonts
        let room = cell * 0.88, largest = min(cell * 0.34, f.maxCell)
        guard largest >= f.minCell else { return }
        let group = DecimalText.group(values), decimals = DecimalText.decimals(toShow: values)
        var buffer: [UInt8] = []
        /// The texts in the current font: as they are, or (`shortening`) each one too wide in the
        /// first shorter form that fits; nil for one that does not fit. Nil when more than
        /// `misses` do not.
        func fitted(shortening: Bool, misses: Int) -> [String?]? {
            var out: [String?] = [], missed = 0
            out.reserveCapacity(group.count)
            for (i, text) in group.enumerated() {
                var fit: String? = canvas.width(text) <= room ? text : nil
                if fit == nil, shortening {
                    let v = Double(values[i])
                    fit = DecimalText.forms(for: v, decimals: decimals).lazy
                        .map({ DecimalText.string(DecimalText.write(v, $0, into: &buffer)) })
                        .first(where: { canvas.width($0) <= room })
                }
                if fit == nil {
                    missed += 1
                    if missed > misses { return nil }
                }
                out.append(fit)
            }
            return out
        }
        let sizes = Array(stride(from: largest, through: f.minCell, by: -0.5))
        func largestFitting(shortening: Bool, misses: Int) -> [String?]? {
            for size in sizes {
                canvas.font(size)
                if let texts = fitted(shortening: shortening, misses: misses) { return texts }
            }
            return nil
        }
        var chosen = largestFitting(shortening: false, misses: 0) ?? largestFitting(shortening: true, misses: 0)
        if chosen == nil, let smallest = sizes.last {
            canvas.font(smallest)
            let misses = fitted(shortening: true, misses: group.count)?.count(where: { $0 == nil }) ?? group.count
            if misses < group.count { chosen = largestFitting(shortening: true, misses: misses) }
        }
        guard let texts = chosen else { return }
        let map = scene.palette.diverging
        for (r, start) in tiles {
            for i in 0..<9 {
                guard let text = texts[start + i] else { continue }
                let index = map.index(of: values[start + i], lo: -scale, hi: scale)
                let ink = map.wantsDarkText[index] ? RGB(hex: 0x111318) : RGB(hex: 0xF5F6F8)
                let c = Rect(x: r.minX + Double(i % 3) * cell, y: r.minY + Double(i / 3) * cell, width: cell, height: cell)
                canvas.text(text, in: c, align: .center, ink)
            }
        }
    }

    /// "−0.61 ▮▮▮ 0.61" right-aligned at `right`: the colour scale of a layer. Returns its width.
    private func drawScale(_ scene: LearnScene, _ canvas: Canvas, bound: Float, right: Double, midY: Double) -> Double {
        let p = scene.palette, f = scene.fonts
        canvas.font(f.small)
        let ends = DecimalText.distinct([-bound, bound])
        let lowWidth = canvas.width(ends[0]), highWidth = canvas.width(ends[1])
        let barWidth = (f.small * 6).rounded(), barHeight = (f.small * 0.8).rounded(), pad = f.small * 0.4
        let total = lowWidth + pad + barWidth + pad + highWidth
        let y = canvas.baseline(centredOn: midY)
        canvas.text(ends[1], x: right, y: y, align: .right, p.textDim)
        let barX = (right - highWidth - pad - barWidth).rounded()
        let steps = 32
        for i in 0..<steps {
            let v = -bound + 2 * bound * (Float(i) + 0.5) / Float(steps)
            let x0 = barX + (barWidth * Double(i) / Double(steps)).rounded(), x1 = barX + (barWidth * Double(i + 1) / Double(steps)).rounded()
            canvas.fill(Rect(x: x0, y: (midY - barHeight / 2).rounded(), width: x1 - x0, height: barHeight),
                        p.diverging.color(of: v, lo: -bound, hi: bound))
        }
        canvas.text(ends[0], x: barX - pad, y: y, align: .right, p.textDim)
        return total
    }
}
