import CCairo
import ConvModel

/// The architecture strip: the whole small CNN, each stage with its tensor shape, the stages in
/// the panels bracketed, the one being computed lit.
extension FrameRenderer {
    /// The strip changes only when the lit stage, the shapes or the frame do, so it is drawn into
    /// a layer once and copied, background included, on the frames in between.
    func drawStrip(_ scene: FrameScene, _ canvas: Canvas) {
        let s = scene.layout.strip
        guard !s.frame.isEmpty, s.boxes.count == ArchitectureStrip.stageCount else { return }
        let stages = ArchitectureStrip.stages(for: scene.geometry, pool: scene.state.settings.pool)
        let lit = ArchitectureStrip.litStages(scan: scene.scan, showRelu: scene.state.view.showRelu)
        let key = StripLayer.Key(stages: stages, lit: lit, layout: scene.layout, theme: scene.state.view.theme)
        let draw = { (cr: OpaquePointer) in
            let c = Canvas(cr: cr, recorder: canvas.recorder)
            c.fill(s.frame, scene.palette.background)
            self.drawStripContent(stages, Set(lit), scene, c)
        }
        guard let layer = stripLayer.layer(key, covering: s.frame, draw: draw) else {
            draw(canvas.cr)
            return
        }
        cairo_set_source_surface(canvas.cr, layer.pointer, s.frame.x, s.frame.y)
        cairo_rectangle(canvas.cr, s.frame.x, s.frame.y, s.frame.width, s.frame.height)
        cairo_fill(canvas.cr)
    }

    private func drawStripContent(_ stages: [ArchitectureStage], _ lit: Set<Int>, _ scene: FrameScene, _ canvas: Canvas) {
        let s = scene.layout.strip, p = scene.palette, f = scene.layout.fonts, u = scene.layout.unit
        let cr = canvas.cr
        let nameSize = f.body, shapeSize = f.small
        let (boxes, pad) = stripBoxes(stages, lit, s, nameSize: nameSize, shapeSize: shapeSize, canvas)

        // The bracket over the stages the panels show.
        let shown = stages.indices.filter { stages[$0].isShownInPanels }
        if let first = shown.first, let last = shown.last {
            let x0 = boxes[first].minX + 0.5, x1 = boxes[last].maxX - 0.5
            let y = (s.bracket.midY).rounded() + 0.5, foot = s.bracket.maxY - 3 * u
            canvas.color(p.textFaint)
            cairo_set_line_width(cr, 1)
            cairo_move_to(cr, x0, foot)
            cairo_line_to(cr, x0, y)
            cairo_line_to(cr, x1, y)
            cairo_line_to(cr, x1, foot)
            cairo_stroke(cr)
            canvas.font(f.small)
            let label = canvas.fitted("shown in the panels above", maxWidth: x1 - x0 - f.small * 2)
            let w = canvas.width(label) + f.small
            canvas.fill(Rect(x: (x0 + x1) / 2 - w / 2, y: s.bracket.minY, width: w, height: s.bracket.height), p.background)
            canvas.text(label, x: (x0 + x1) / 2, y: canvas.baseline(centredOn: s.bracket.midY), align: .center, p.textDim)
        }

        let radius = 5 * u
        for (i, stage) in stages.enumerated() {
            let box = boxes[i]
            guard box.width > 4, box.height > 4 else { continue }
            let isLit = lit.contains(i)
            canvas.fillRounded(box, radius: radius, isLit ? p.stageLit : p.stage)
            canvas.strokeRounded(box, radius: radius, width: 1, stage.isShownInPanels ? p.textFaint : p.panelBorder)
            let inner = box.width - pad
            let lineGap = (box.height - nameSize - shapeSize) / 3
            canvas.font(nameSize, bold: isLit || stage.isShownInPanels)
            let name = canvas.width(stage.name) <= inner ? stage.name : canvas.fitted(stage.shortName, maxWidth: inner)
            let nameMid = box.minY + lineGap + nameSize / 2
            canvas.text(name, x: box.midX, y: canvas.baseline(centredOn: nameMid), align: .center,
                        isLit ? p.stageLitText : p.text)
            canvas.font(shapeSize)
            let shapeMid = box.maxY - lineGap - shapeSize / 2
            canvas.text(canvas.fitted(stage.shapeText, maxWidth: inner), x: box.midX, y: canvas.baseline(centredOn: shapeMid),
                        align: .center, isLit ? p.stageLitText : p.textDim)
            if i + 1 < stages.count { drawArrow(from: box, to: boxes[i + 1], scene, canvas) }
        }
    }

    /// Equal boxes when every stage's name and shape fit one; otherwise wider boxes where the text
    /// needs them, with less padding and short names when even that is too tight.
    func stripBoxes(_ stages: [ArchitectureStage], _ lit: Set<Int>, _ s: StripLayout, nameSize: Double,
                            shapeSize: Double, _ canvas: Canvas) -> (boxes: [Rect], pad: Double) {
        func needs(short: Bool) -> [Double] {
            stages.enumerated().map { i, stage in
                canvas.font(nameSize, bold: lit.contains(i) || stage.isShownInPanels)
                let name = canvas.width(short ? stage.shortName : stage.name)
                canvas.font(shapeSize)
                return max(name, canvas.width(stage.shapeText))
            }
        }
        let full = needs(short: false), roomy = 1.2 * shapeSize, tight = 0.5 * shapeSize
        if let equal = s.boxes.first?.width, full.allSatisfy({ $0 + roomy <= equal }) { return (s.boxes, roomy) }
        let room = s.frame.width - Double(stages.count - 1) * s.arrowWidth
        for (widths, pad) in [(full, roomy), (full, tight), (needs(short: true), tight)]
            where widths.reduce(0, +) + pad * Double(widths.count) <= room {
            return (s.boxes(minimumWidths: widths.map { $0 + pad }), pad)
        }
        return (s.boxes(minimumWidths: needs(short: true).map { $0 + tight }), tight)
    }

    private func drawArrow(from a: Rect, to b: Rect, _ scene: FrameScene, _ canvas: Canvas) {
        let gap = b.minX - a.maxX
        guard gap >= 6 else { return }
        let cr = canvas.cr, y = a.midY.rounded() + 0.5
        let x0 = a.maxX + gap * 0.2, x1 = b.minX - gap * 0.2
        let head = min(gap * 0.3, 5 * scene.layout.unit)
        canvas.color(scene.palette.textFaint)
        cairo_set_line_width(cr, max(1, scene.layout.unit.rounded(.down)))
        cairo_move_to(cr, x0, y)
        cairo_line_to(cr, x1, y)
        cairo_stroke(cr)
        cairo_move_to(cr, x1 + 0.5, y)
        cairo_line_to(cr, x1 - head, y - head * 0.8)
        cairo_line_to(cr, x1 - head, y + head * 0.8)
        cairo_close_path(cr)
        cairo_fill(cr)
    }
}
