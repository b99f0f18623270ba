import ConvModel

/// What network mode adds to the status line and the kernel band.
extension FrameRenderer {
    /// The right half of the status line in a stage view, in place of the scan's position, speed
    /// and play state (the scan is not on screen): the stage and its shape, then the value under
    /// the pointer, or what to point at.
    static func stageStatus(_ mode: NetworkMode, stage: Int) -> [String] {
        let shape = ArchitectureStrip.stages(for: mode.pass)[stage].shapeText
        let here: String
        if let h = mode.stageHover, h.stage == stage {
            here = stageValueText(h, mode, long: false)
        } else {
            here = NetStages.isMap(stage) ? "point at a cell" : (stage == NetStages.flatten ? "point at a bar" : "point at a class")
        }
        return ["\(NetStages.names[stage]) \(shape)", here]
    }

    /// The left half of the status line in network mode: the input and its true class, what the
    /// network makes of it, the filter in the panels (not in a stage view, which shows all of them).
    static func networkStatus(_ mode: NetworkMode, painting: Bool) -> [String] {
        let classes = mode.source.classes, pass = mode.pass
        let of = "of \(mode.source.testImages.count)" + (mode.source.isShippedSample ? " shipped" : "")
        let input = mode.testIndex.map { "test image \($0) \(of)" } ?? "painted input 28×28"
        var parts = [input]
        if let t = mode.trueLabel { parts.append("true: \(classes[t])") }
        let best = pass.predicted
        parts.append("predicted: \(classes[best]) \(percent(pass.probabilities[best]))")
        if mode.openStage == nil { parts.append("filter \(mode.filter + 1) of \(mode.source.shape.filters1)") }
        parts.append(mode.source.name)
        if painting { parts.append("painting: left button white, right black") }
        return parts
    }

    /// The exact value of the learned weight under the pointer, on a small card beside it.
    func drawWeightHover(_ mode: NetworkMode, _ scene: FrameScene, _ canvas: Canvas) {
        guard let w = mode.weightHover, scene.state.kernel.size == 3,
              scene.state.kernel.weights.indices.contains(w.row * 3 + w.col) else { return }
        let k = scene.layout.detail.kernel, p = scene.palette, f = scene.layout.fonts
        let value = scene.state.kernel[w.row, w.col]
        let text = "weight [\(w.row)][\(w.col)] = \(FrameRenderer.exact(value))"
        canvas.font(f.small)
        let width = canvas.width(text) + f.small * 1.2, height = (f.small * 1.8).rounded()
        let cell = k.width / 3
        var x = k.x + Double(w.col + 1) * cell + 4
        x = min(x, scene.layout.bounds.maxX - width - 2)
        let y = max(scene.layout.bounds.minY, k.y + Double(w.row) * cell - height - 2)
        let card = Rect(x: x.rounded(), y: y.rounded(), width: width.rounded(), height: height)
        canvas.fillRounded(card, radius: height / 4, p.card)
        canvas.strokeRounded(card, radius: height / 4, width: 1, p.cardBorder)
        canvas.text(text, x: card.midX, y: canvas.baseline(centredOn: card.midY), align: .center, p.text)
    }

    /// A weight with the digits that give back the same Float, minus as U+2212.
    static func exact(_ v: Float) -> String {
        String("\(v)".map { $0 == "-" ? Character(DecimalText.minus) : $0 })
    }
}
