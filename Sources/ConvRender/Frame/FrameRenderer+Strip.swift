import CCairo
import ConvModel

/// The architecture strip: the whole small CNN, each stage with its tensor shape, the stages in
/// the panels bracketed, the one being computed lit.
extension FrameRenderer {
    /// The strip changes only when the lit stage, the shapes or the frame do, so it is drawn into
    /// a layer once and copied, background included, on the frames in between.
    func drawStrip(_ scene: FrameScene, _ canvas: Canvas) {
        if let mode = scene.state.network { return drawNetworkStrip(mode, scene, canvas) }
        let s = scene.layout.strip
        guard !s.frame.isEmpty, s.boxes.count == ArchitectureStrip.stageCount else { return }
        let stages = ArchitectureStrip.stages(for: scene.geometry, pool: scene.state.settings.pool)
        let lit = ArchitectureStrip.litStages(scan: scene.scan, showRelu: scene.state.view.showRelu)
        let key = StripLayer.Key(stages: stages, lit: lit, layout: scene.layout, theme: scene.state.view.theme)
        drawStripLayer(key, scene, canvas) { self.drawStripContent(stages, Set(lit), scene, $0) }
    }

    /// The strip's layer for `key`, drawn by `content` over the background when it is new, copied in.
    func drawStripLayer(_ key: StripLayer.Key, _ scene: FrameScene, _ canvas: Canvas, content: @escaping (Canvas) -> Void) {
        let s = scene.layout.strip
        let draw = { (cr: OpaquePointer) in
            let c = Canvas(cr: cr, recorder: canvas.recorder)
            c.fill(s.frame, scene.palette.background)
            content(c)
        }
        guard let layer = stripLayer.layer(key, covering: s.frame, draw: draw) else {
            draw(canvas.cr)
            return
        }
        if let direct = DirectPixels(canvas.cr), direct.copy(s.frame, from: layer, at: (s.frame.x, s.frame.y)) { return }
        cairo_set_source_surface(canvas.cr, layer.pointer, s.frame.x, s.frame.y)
        cairo_rectangle(canvas.cr, s.frame.x, s.frame.y, s.frame.width, s.frame.height)
        cairo_fill(canvas.cr)
    }

    private func drawStripContent(_ stages: [ArchitectureStage], _ lit: Set<Int>, _ scene: FrameScene, _ canvas: Canvas) {
        let s = scene.layout.strip, p = scene.palette, f = scene.layout.fonts
        let nameSize = f.body, shapeSize = f.small
        let (boxes, pad) = stripBoxes(stages, lit, s, nameSize: nameSize, shapeSize: shapeSize, canvas)

        // The bracket over the stages the panels show.
        let shown = stages.indices.filter { stages[$0].isShownInPanels }
        if let first = shown.first, let last = shown.last {
            drawBracket(over: boxes[first].minX, to: boxes[last].maxX, label: "shown in the panels above", scene, canvas)
        }

        for (i, stage) in stages.enumerated() {
            let box = boxes[i]
            guard box.width > 4, box.height > 4 else { continue }
            let isLit = lit.contains(i)
            drawStageBox(box, lit: isLit, shownInPanels: stage.isShownInPanels, scene, canvas)
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
        let key = StripBoxesKey(stages: stages, lit: lit, strip: s, nameSize: nameSize, shapeSize: shapeSize)
        return stripBoxMemo.value(key) { measureStripBoxes(stages, lit, s, nameSize: nameSize, shapeSize: shapeSize, canvas) }
    }

    struct StripBoxesKey: Equatable {
        let stages: [ArchitectureStage]
        let lit: Set<Int>
        let strip: StripLayout
        let nameSize: Double
        let shapeSize: Double
    }

    private func measureStripBoxes(_ stages: [ArchitectureStage], _ lit: Set<Int>, _ s: StripLayout, nameSize: Double,
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

    /// A stage's rounded box: filled in the lit colour while it is being computed (or open), edged
    /// more strongly when the panels show it.
    func drawStageBox(_ box: Rect, lit: Bool, shownInPanels: Bool, _ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, radius = 5 * scene.layout.unit
        canvas.fillRounded(box, radius: radius, lit ? p.stageLit : p.stage)
        canvas.strokeRounded(box, radius: radius, width: 1, shownInPanels ? p.textFaint : p.panelBorder)
    }

    /// A bracket over the boxes from `left` to `right`, with a label in a gap of its line.
    func drawBracket(over left: Double, to right: Double, label text: String, _ scene: FrameScene, _ canvas: Canvas) {
        let s = scene.layout.strip, p = scene.palette, f = scene.layout.fonts, u = scene.layout.unit, cr = canvas.cr
        let x0 = left + 0.5, x1 = right - 0.5
        let y = (s.bracket.midY).rounded() + 0.5, foot = s.bracket.maxY - 3 * u
        canvas.color(p.textFaint)
        cairo_set_line_width(cr, 1)
        cairo_move_to(cr, x0, foot)
        cairo_line_to(cr, x0, y)
        cairo_line_to(cr, x1, y)
        cairo_line_to(cr, x1, foot)
        cairo_stroke(cr)
        canvas.font(f.small)
        let label = canvas.fitted(text, maxWidth: x1 - x0 - f.small * 2)
        let w = canvas.width(label) + f.small
        canvas.fill(Rect(x: (x0 + x1) / 2 - w / 2, y: s.bracket.minY, width: w, height: s.bracket.height), p.background)
        canvas.text(label, x: (x0 + x1) / 2, y: canvas.baseline(centredOn: s.bracket.midY), align: .center, p.textDim)
    }

    func drawArrow(from a: Rect, to b: Rect, _ scene: FrameScene, _ canvas: Canvas) {
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
