import CCairo
import ConvModel

/// The strip in network mode: each stage of the network loaded, with its real shape and a
/// thumbnail of its values for the current input; the stage whose view is open is lit.
extension FrameRenderer {
    func drawNetworkStrip(_ mode: NetworkMode, _ scene: FrameScene, _ canvas: Canvas) {
        let s = scene.layout.strip
        guard !s.frame.isEmpty, s.boxes.count == NetStages.names.count else { return }
        let stages = ArchitectureStrip.stages(for: mode.pass)
        let lit = mode.openStage.map { [$0] }
            ?? ArchitectureStrip.litStages(scan: scene.scan, showRelu: scene.state.view.showRelu)
        var key = StripLayer.Key(stages: stages, lit: lit, layout: scene.layout, theme: scene.state.view.theme)
        key.network = [mode.pass.revision, mode.openStage ?? -1, mode.filter]
        drawStripLayer(key, scene, canvas) { self.drawNetworkStripContent(stages, Set(lit), mode, scene, $0) }
    }

    private func drawNetworkStripContent(_ stages: [ArchitectureStage], _ lit: Set<Int>, _ mode: NetworkMode,
                                         _ scene: FrameScene, _ canvas: Canvas) {
        let s = scene.layout.strip, p = scene.palette, f = scene.layout.fonts, u = scene.layout.unit
        let boxes = s.boxes
        let label = mode.openStage == nil ? "filter \(mode.filter + 1) in the panels above" : "input: back to the panels"
        drawBracket(over: boxes[NetStages.shownInPanels.lowerBound].minX, to: boxes[NetStages.shownInPanels.upperBound].maxX,
                    label: label, scene, canvas)
        let pad = (6 * u).rounded()
        for (i, stage) in stages.enumerated() {
            let box = boxes[i]
            guard box.width > 4, box.height > 4 else { continue }
            let isLit = lit.contains(i)
            drawStageBox(box, lit: isLit, shownInPanels: stage.isShownInPanels, scene, canvas)
            let inner = box.width - pad
            let lineHeight = (f.small * 1.5).rounded()
            canvas.font(f.small, bold: isLit)
            let name = canvas.width(stage.name) <= inner ? stage.name : canvas.fitted(stage.shortName, maxWidth: inner)
            canvas.text(name, x: box.midX, y: canvas.baseline(centredOn: box.minY + pad / 2 + lineHeight / 2), align: .center,
                        isLit ? p.stageLitText : p.text)
            canvas.font(f.small)
            // 26×26×8 becomes 26²×8 where the box is narrow.
            let shape = canvas.width(stage.shapeText) <= inner || stage.shape.count != 3 ? stage.shapeText
                : "\(stage.shape[0])²" + (stage.shape[2] > 1 ? "×\(stage.shape[2])" : "")
            canvas.text(canvas.fitted(shape, maxWidth: inner), x: box.midX,
                        y: canvas.baseline(centredOn: box.maxY - pad / 2 - lineHeight / 2), align: .center,
                        isLit ? p.stageLitText : p.textDim)
            let thumb = Rect(x: box.minX + pad / 2, y: box.minY + pad / 2 + lineHeight,
                             width: box.width - pad, height: box.height - pad - 2 * lineHeight).insetBy(dx: 0, dy: 2 * u)
            if !thumb.isEmpty {
                canvas.save()
                // A lit box is the colour of the predicted bar: its thumbnail gets a dark ground.
                if isLit { canvas.fill(thumb, p.background) }
                canvas.clip(thumb)
                if NetStages.isMap(i) {
                    NetPaint.maps(i, mode.pass, in: thumb, p, canvas)
                } else {
                    NetPaint.bars(i, mode.pass, in: thumb, p, canvas)
                }
                canvas.restore()
            }
            if i + 1 < stages.count { drawArrow(from: box, to: boxes[i + 1], scene, canvas) }
        }
    }
}
