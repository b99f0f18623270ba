import CCairo
import ConvModel

/// The learn view: the filters as they are now, the curves so far, the facts of the run and its
/// controls, in place of the panels.
extension FrameRenderer {
    func drawLearnView(_ learn: LearnView, _ mode: NetworkMode, _ scene: FrameScene, _ canvas: Canvas) {
        let shape = mode.source.shape
        let v = scene.layout.learnView(filters1: shape.filters1, filters2: shape.filters2)
        let p = scene.palette, f = scene.layout.fonts
        canvas.save()
        defer { canvas.restore() }
        canvas.clip(v.frame)

        canvas.font(f.title, bold: true)
        let y = canvas.baseline(centredOn: v.title.midY)
        let head = canvas.text("LEARNING", x: v.title.minX, y: y, p.text)
        canvas.font(f.title)
        let state = learn.isRunning ? "training" : "paused"
        let from = learn.progress.map { " from \($0.startedFrom)" } ?? ", loading the images…"
        canvas.text(canvas.fitted("  \(state)\(from)", maxWidth: v.title.width - head), x: v.title.minX + head, y: y, p.textDim)

        guard let progress = learn.progress else {
            drawLearnControls(learn, v, scene, canvas)
            return
        }
        let w = progress.weights
        canvas.font(f.small)
        canvas.text(canvas.fitted("conv1: the \(shape.filters1) first-layer filters, 3×3", maxWidth: v.conv1Title.width),
                    in: v.conv1Title, p.textDim)
        for (c, r) in v.conv1.enumerated() {
            let weights = Array(w.conv1Weight.values[c * 9 ..< c * 9 + 9])
            drawWeightGrid(weights, side: 3, in: r, scene, canvas)
        }
        canvas.font(f.small)
        canvas.text(canvas.fitted("conv2: \(shape.filters2) filters, each 3×3 on all \(shape.filters1) pool1 maps",
                                  maxWidth: v.conv2Title.width), in: v.conv2Title, p.textDim)
        let per = shape.filters1 * 9
        for (k, r) in v.conv2.enumerated() {
            let block = Array(w.conv2Weight.values[k * per ..< (k + 1) * per])
            let grid = FrameRenderer.sliceMosaic(block, slices: shape.filters1, across: v.slicesAcross, down: v.slicesDown)
            NetPaint.grid(grid, NetPaint.symmetricScale(block, p), in: r, canvas)
            canvas.frameOutside(r, width: 1, p.panelBorder)
        }
        drawLearnPlot(progress, v.plot, scene, canvas)
        drawLearnFacts(learn, progress, v.facts, scene, canvas)
        drawLearnControls(learn, v, scene, canvas)
    }

    /// A filter's weights as a grid of cells in the diverging colours, each with its number when
    /// the cell holds one (the most precise form that fits, as in the panels).
    /// `scale` defaults to one running from −max |w| to max |w| of these weights.
    func drawWeightGrid(_ weights: [Float], side: Int, in r: Rect, scale given: ColorScale? = nil,
                        _ scene: FrameScene, _ canvas: Canvas) {
        guard r.width >= Double(side) else { return }
        let p = scene.palette, f = scene.layout.fonts
        let scale = given ?? NetPaint.symmetricScale(weights, p)
        NetPaint.grid(Grid(width: side, height: side, values: weights), scale, in: r, canvas)
        canvas.frameOutside(r, width: 1, p.panelBorder)
        let cell = r.width / Double(side)
        guard cell >= f.minCell * 2 else { return }
        let decimals = DecimalText.decimals(toShow: weights)
        let size = min(f.small, cell * 0.4)
        let g = glyphs(canvas.cr, size: size)
        var buffer: [UInt8] = []
        for (i, v) in weights.enumerated() {
            let (bytes, fits) = CellNumberText.fitting(v, decimals: decimals, maxWidth: cell * 0.9, glyphs: g, into: &buffer)
            canvas.font(fits ? size : size * cell * 0.9 / max(1, g.width(bytes)))
            let c = Rect(x: r.x + Double(i % side) * cell, y: r.y + Double(i / side) * cell, width: cell, height: cell)
            canvas.text(DecimalText.string(bytes), x: c.midX, y: canvas.baseline(centredOn: c.midY), align: .center,
                        scale.wantsDarkText(v) ? RGB(hex: 0x111111) : RGB(hex: 0xF4F4F4))
        }
    }

    /// A conv2 filter's slices (one 3×3 per input map) laid side by side, `across` to a row.
    static func sliceMosaic(_ block: [Float], slices: Int, across: Int, down: Int) -> Grid {
        var g = Grid(width: 3 * across, height: 3 * down)
        for s in 0..<slices {
            for i in 0..<9 {
                g.values[((s / across) * 3 + i / 3) * g.width + (s % across) * 3 + i % 3] = block[s * 9 + i]
            }
        }
        return g
    }

    /// Accuracy (0 to 100 %) of the training batches and of the held-out images, and the training
    /// loss on its own scale, against the images seen.
    private func drawLearnPlot(_ progress: LearnProgress, _ r: Rect, _ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, f = scene.layout.fonts
        guard r.width > 20, r.height > 20 else { return }
        canvas.font(f.small)
        canvas.text("accuracy and loss, by images seen", x: r.minX, y: r.minY - f.small * 0.45, p.textDim)
        canvas.fill(r, p.panel)
        canvas.frameInside(r, width: 1, p.panelBorder)
        for level in [0.25, 0.5, 0.75] {
            let y = (r.maxY - level * r.height).rounded() + 0.5
            canvas.line(r.minX, y, r.maxX, y, width: 1, p.gridLine, p.gridAlpha)
        }
        let maxImages = Double(max(1, max(progress.training.last?.imagesSeen ?? 0, progress.test.last?.imagesSeen ?? 0)))
        let maxLoss = max(0.1, progress.training.compactMap(\.loss).max() ?? 1)
        func x(_ images: Int) -> Double { r.minX + Double(images) / maxImages * r.width }
        func curve(_ points: [(Int, Double)], _ color: RGB, dots: Bool) {
            guard !points.isEmpty else { return }
            canvas.color(color)
            cairo_set_line_width(canvas.cr, max(1.5, 2 * scene.layout.unit))
            for (i, pt) in points.enumerated() {
                let px = x(pt.0), py = r.maxY - min(1, max(0, pt.1)) * r.height
                if i == 0 { cairo_move_to(canvas.cr, px, py) } else { cairo_line_to(canvas.cr, px, py) }
            }
            cairo_stroke(canvas.cr)
            if dots {
                for pt in points {
                    canvas.fill(Rect(x: x(pt.0) - 2, y: r.maxY - pt.1 * r.height - 2, width: 4, height: 4), color)
                }
            }
        }
        canvas.save()
        canvas.clip(r)
        curve(progress.training.compactMap { pt in pt.loss.map { (pt.imagesSeen, $0 / maxLoss) } }, p.negative, dots: false)
        curve(progress.training.map { ($0.imagesSeen, $0.accuracy) }, p.positive, dots: false)
        curve(progress.test.map { ($0.imagesSeen, $0.accuracy) }, p.box, dots: true)
        canvas.restore()
        // The legend, in the curves' colours, inside the plot's top-left corner.
        // Long labels where they fit, short ones where not.
        let top = "loss (top: \(DecimalText.fixed(maxLoss, decimals: 2)))"
        let long = [("test accuracy", p.box), ("training accuracy", p.positive), (top, p.negative)]
        let short = [("test", p.box), ("training", p.positive), ("loss", p.negative)]
        let room = r.width - f.small * 1.2
        let entries = long.map { canvas.width($0.0) + f.small }.reduce(0, +) <= room ? long : short
        var lx = r.minX + f.small * 0.6
        for (label, color) in entries where lx + canvas.width(label) <= r.maxX - f.small * 0.6 {
            lx += canvas.text(label, x: lx, y: r.minY + f.small * 1.4, color) + f.small
        }
    }

    private func drawLearnFacts(_ learn: LearnView, _ progress: LearnProgress, _ r: Rect, _ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, f = scene.layout.fonts
        let test = progress.testAccuracy.map { DecimalText.fixed($0 * 100, decimals: 1) + " %" } ?? "—"
        let lastTraining = progress.training.last.map { DecimalText.fixed($0.accuracy * 100, decimals: 1) + " %" } ?? "—"
        let rate = progress.imagesPerSecond > 0 ? "\(Int(progress.imagesPerSecond.rounded())) images/s" : "—"
        let epochImages = progress.trainingImages > 0 ? progress.imagesSeen % progress.trainingImages : 0
        var lines = [
            "test accuracy \(test) on \(progress.heldOutImages) held-out images",
            progress.onSample ? "training on the 100 shipped images (no data set installed)" : "",
            "training accuracy \(lastTraining) (running)",
            "images seen \(progress.imagesSeen) · batch \(progress.steps)",
            "epoch \(progress.epoch + 1), \(epochImages) of \(progress.trainingImages) images",
            "\(rate) · \(learn.speedText)",
            "learning rate \(DecimalText.single(learn.learningRate)) · batch 32 · momentum 0.9",
        ]
        lines.removeAll { $0.isEmpty }
        canvas.font(f.body)
        let lineHeight = (f.body * 1.5).rounded()
        for (i, line) in lines.enumerated() {
            let y = r.minY + Double(i) * lineHeight + lineHeight * 0.75
            guard y + lineHeight * 0.25 <= r.maxY else { break }
            canvas.text(canvas.fitted(line, maxWidth: r.width), x: r.minX, y: y, i == 0 ? p.text : p.textDim)
        }
    }

    private func drawLearnControls(_ learn: LearnView, _ v: LearnViewLayout, _ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, f = scene.layout.fonts
        canvas.font(f.body)
        let text = "Space \(learn.isRunning ? "pause" : "resume")  ·  → one batch  ·  + / − speed  ·  ↑ / ↓ learning rate"
            + "  ·  Home fresh start  ·  End from the network's weights  ·  s save weights  ·  L or Esc: back, with the network as trained"
        canvas.text(canvas.fitted(text, maxWidth: v.controls.width), x: v.controls.minX,
                    y: canvas.baseline(centredOn: v.controls.midY), p.textDim)
    }
}
