import ConvModel

/// The pool's arithmetic at the top of the legend column, laid out as pieces (`TextBand`): a
/// heading naming the pool cell, and `max(a, b, c, d) = m` with `·` for cells not yet computed.
extension FrameRenderer {
    struct PoolKey: Equatable {
        /// The heading's forms, longest first (one text when the cell is in a dropped row or column).
        let heads: [String]
        let line: String?
        let complete: Bool
        let detail: DetailLayout
        let fonts: FontSizes
        let theme: Theme
    }

    func poolBand(_ scene: FrameScene) -> TextBand? {
        extras(scene).value(\.pool) { layOutPoolBand(scene) }
    }

    private func layOutPoolBand(_ scene: FrameScene) -> TextBand? {
        let d = scene.layout.detail, f = scene.layout.fonts
        guard scene.scan.count > 0, let canvas = measuringCanvas else { return nil }
        let (heads, line, complete) = FrameRenderer.poolText(scene)
        let key = PoolKey(heads: heads, line: line, complete: complete, detail: d, fonts: f, theme: scene.state.view.theme)
        return poolBands.value(key) { FrameRenderer.layOutPool(key, scene.palette, canvas) }
    }

    /// The heading's forms and the arithmetic line of the pool cell the current block feeds (no
    /// line when the conv cell is in the odd row or column the pool drops).
    private static func poolText(_ scene: FrameScene) -> (heads: [String], line: String?, complete: Bool) {
        let mode = scene.state.settings.pool
        guard let t = scene.poolTarget else {
            return (["this conv cell is in the odd row or column the pool drops"], nil, false)
        }
        let name = mode == .max ? "max" : "average"
        let heads = ["\(name) of the 2×2 block → pool row \(t.row + 1), column \(t.col + 1)",
                     "\(name) of 2×2 → row \(t.row + 1), col \(t.col + 1)"]
        let relu = scene.state.maps.relu
        var known: [Float?] = []
        for (r, c) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
            let rr = 2 * t.row + r, cc = 2 * t.col + c
            known.append(scene.isRevealed(row: rr, col: cc) ? relu[rr, cc] : nil)
        }
        let values = known.compactMap { $0 }
        let complete = values.count == 4
        let pooled = scene.state.maps.pool[t.row, t.col]
        let places = DecimalText.decimals(toShow: complete ? values + [pooled] : values)
        let parts = known.map { $0.map { DecimalText.fixed(Double($0), decimals: places) } ?? "·" }
        let result = complete ? DecimalText.fixed(Double(pooled), decimals: places) : "…"
        return (heads, "\(mode == .max ? "max" : "avg")(\(parts.joined(separator: ", "))) = \(result)", complete)
    }

    private static func layOutPool(_ key: PoolKey, _ p: Palette, _ canvas: Canvas) -> TextBand {
        let d = key.detail, f = key.fonts, area = d.legend
        var band = TextBand()
        canvas.font(f.small)
        let headY = canvas.baseline(centredOn: d.frame.y + d.labelHeight * 0.45)
        let head = key.heads.count == 1 ? canvas.fitted(key.heads[0], maxWidth: area.width)
            : FrameRenderer.firstFitting(key.heads, area.width, canvas)
        band.text(head, x: area.minX, baseline: headY, size: f.small, p.textDim, byWord: true, measuredOn: canvas)
        guard let line = key.line else { return band }
        let lineY = d.frame.y + d.labelHeight + f.body * 0.9
        canvas.font(f.body * 1.1, bold: key.complete)
        band.text(canvas.fitted(line, maxWidth: area.width), x: area.minX, baseline: canvas.baseline(centredOn: lineY),
                  size: f.body * 1.1, bold: key.complete, key.complete ? p.text : p.textDim, byWord: true, measuredOn: canvas)
        return band
    }
}
