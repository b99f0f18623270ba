import CCairo
import ConvModel

/// Drawing pieces network mode shares between the strip's thumbnails and the stage views.
enum NetPaint {
    /// The colours of a stage: grey for the input, the diverging map for signed sums (conv before
    /// ReLU, logits), viridis from 0 for the rest; one scale for all channels of a stage, so its
    /// maps can be compared.
    static func scale(_ stage: Int, _ pass: NetworkPass, _ palette: Palette) -> ColorScale {
        let m = pass.magnitude(stage)
        if stage == NetStages.input { return ColorScale(colormap: .gray, lo: 0, hi: 1) }
        if NetStages.isSigned(stage) { return ColorScale(colormap: palette.diverging, lo: -m, hi: m) }
        return ColorScale(colormap: .viridis, lo: 0, hi: m)
    }

    /// The diverging colours from −max |v| to max |v| (±1 when all are 0): weights, whose sign matters.
    static func symmetricScale(_ values: [Float], _ palette: Palette) -> ColorScale {
        let m = values.reduce(Float(0)) { max($0, abs($1)) }
        let hi: Float = m > 0 && m.isFinite ? m : 1
        return ColorScale(colormap: palette.diverging, lo: -hi, hi: hi)
    }

    /// A grid drawn into `r` by nearest neighbour, one square per cell.
    static func grid(_ grid: Grid, _ scale: ColorScale, in r: Rect, _ canvas: Canvas) {
        guard !r.isEmpty, !grid.isEmpty, let surface = MapImageCache.make(grid, scale) else { return }
        let cr = canvas.cr
        guard let pattern = cairo_pattern_create_for_surface(surface.pointer) else { return }
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        var matrix = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, Double(grid.width) / r.width, Double(grid.height) / r.height)
        cairo_matrix_translate(&matrix, -r.x, -r.y)
        cairo_pattern_set_matrix(pattern, &matrix)
        cairo_set_source(cr, pattern)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_fill(cr)
    }

    /// Every channel of a map stage as small multiples in `r`.
    static func maps(_ stage: Int, _ pass: NetworkPass, in r: Rect, _ palette: Palette, _ canvas: Canvas) {
        let n = max(1, pass.channels(stage)), side = pass.side(stage)
        let gap = max(1, (r.width / 60).rounded(.down))
        let (tiles, _) = StageViewLayout.smallMultiples(n, side: side, in: r, labelHeight: 0, gap: gap)
        let scale = NetPaint.scale(stage, pass, palette)
        for (c, tile) in tiles.enumerated() { grid(pass.map(stage, channel: c), scale, in: tile, canvas) }
    }

    /// A vector stage as bars in `r`: the flattened values up from a base line, the logits up and
    /// down from zero, the probabilities up from 0 to 1 with the predicted class lit.
    static func bars(_ stage: Int, _ pass: NetworkPass, in r: Rect, _ palette: Palette, _ canvas: Canvas) {
        let values = pass.values(stage)
        guard !values.isEmpty, !r.isEmpty else { return }
        let m = stage == NetStages.softmax ? 1 : pass.magnitude(stage)
        let signed = NetStages.isSigned(stage)
        let w = r.width / Double(values.count)
        let zero = signed ? r.midY : r.maxY
        canvas.line(r.minX, zero, r.maxX, zero, width: 1, palette.textFaint)
        for (i, v) in values.enumerated() {
            let h = Double(v / m) * (signed ? r.height / 2 : r.height)
            let x0 = r.x + Double(i) * w, x1 = r.x + Double(i + 1) * w - (w >= 4 ? max(1, w * 0.2) : 0)
            let color = stage == NetStages.softmax && i == pass.predicted ? palette.box
                : (v < 0 ? palette.negative : palette.positive)
            canvas.fill(Rect(x: x0, y: min(zero, zero - h), width: max(0.5, x1 - x0), height: abs(h)), color)
        }
    }
}
