import CCairo
import ConvModel

/// A stage view: every map (or value) of one stage of the network, in place of the panels. The
/// value under the pointer is outlined, its receptive field is outlined on the input, and the
/// info line says what it is.
extension FrameRenderer {
    func drawStageView(_ stage: Int, _ mode: NetworkMode, _ scene: FrameScene, _ canvas: Canvas) {
        let v = scene.layout.stageView(stage, pass: mode.pass)
        let p = scene.palette, f = scene.layout.fonts, pass = mode.pass
        canvas.save()
        defer { canvas.restore() }
        canvas.clip(v.frame)

        // Title: the stage, its shape, what it holds.
        let shape = ArchitectureStrip.stages(for: pass)[stage].shapeText
        canvas.font(f.title, bold: true)
        let name = NetStages.names[stage].uppercased()
        let y = canvas.baseline(centredOn: v.title.midY)
        let nameWidth = canvas.text(name, x: v.title.minX, y: y, p.text)
        canvas.font(f.title)
        let rest = "  \(shape)  ·  \(FrameRenderer.stageDescription(stage, pass))"
        canvas.text(canvas.fitted(rest, maxWidth: v.title.width - nameWidth), x: v.title.minX + nameWidth, y: y, p.textDim)

        // The input, with the receptive field of the value under the pointer.
        canvas.font(f.small)
        let label = mode.trueLabel.map { "input · true class: \(mode.source.classes[$0])" } ?? "input"
        canvas.text(canvas.fitted(label, maxWidth: v.inputLabel.width), in: v.inputLabel, p.textDim)
        NetPaint.grid(pass.map(NetStages.input, channel: 0), NetPaint.scale(NetStages.input, pass, p),
                      in: v.input, canvas)
        canvas.frameOutside(v.input, width: 1, p.panelBorder)
        if let h = mode.stageHover, h.stage == stage, !v.input.isEmpty {
            let field = h.receptiveField, cell = v.input.width / Double(pass.side(NetStages.input))
            let r = Rect(x: v.input.x + Double(field.col) * cell, y: v.input.y + Double(field.row) * cell,
                         width: Double(field.size) * cell, height: Double(field.size) * cell)
            canvas.frameOutside(r.intersection(v.input), width: max(2, 2 * scene.layout.unit), p.box)
        }

        if NetStages.isMap(stage) {
            drawStageMaps(stage, v, mode, scene, canvas)
        } else if stage == NetStages.flatten {
            drawFlattened(v, mode, scene, canvas)
        } else {
            drawClassRows(stage, v, mode, scene, canvas)
        }
        drawStageInfo(stage, v, mode, scene, canvas)
    }

    private func drawStageMaps(_ stage: Int, _ v: StageViewLayout, _ mode: NetworkMode, _ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, f = scene.layout.fonts, pass = mode.pass
        let scale = NetPaint.scale(stage, pass, p)
        canvas.font(f.small)
        for (c, r) in v.maps.enumerated() {
            NetPaint.grid(pass.map(stage, channel: c), scale, in: r, canvas)
            let isKernel = v.kernels.count > 0 && c == mode.kernelFilter
            let label = canvas.width("filter \(c + 1)") <= v.mapLabels[c].width ? "filter \(c + 1)" : "\(c + 1)"
            canvas.text(canvas.fitted(label, maxWidth: v.mapLabels[c].width), in: v.mapLabels[c],
                        isKernel ? p.text : p.textDim)
        }
        if let h = mode.stageHover, h.stage == stage, v.maps.indices.contains(h.channel), v.mapSide > 0 {
            let r = v.maps[h.channel], cell = r.width / Double(v.mapSide)
            canvas.frameOutside(Rect(x: r.x + Double(h.col) * cell, y: r.y + Double(h.row) * cell, width: cell, height: cell),
                                width: max(2, 2 * scene.layout.unit), p.box)
        }
        guard !v.kernels.isEmpty else { return }
        let k = mode.kernelFilter, f1 = v.kernels.count
        canvas.text(canvas.fitted("filter \(k + 1): its 3×3×\(f1) weights", maxWidth: v.kernelTitle.width),
                    in: v.kernelTitle, p.text)
        let w = mode.source.weights.conv2Weight.values
        let block = Array(w[k * f1 * 9 ..< (k + 1) * f1 * 9])
        let kscale = NetPaint.symmetricScale(block, p)
        for (ci, r) in v.kernels.enumerated() where r.width >= 3 {
            drawWeightGrid(Array(block[ci * 9 ..< ci * 9 + 9]), side: 3, in: r, scale: kscale, scene, canvas)
        }
    }

    private func drawFlattened(_ v: StageViewLayout, _ mode: NetworkMode, _ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, f = scene.layout.fonts, pass = mode.pass
        NetPaint.bars(NetStages.flatten, pass, in: v.bars, p, canvas)
        // Every 25 values are one pool2 map, 5×5, row by row.
        let groups = max(1, v.count / 25), w = v.bars.width / Double(groups)
        canvas.font(f.small)
        for g in 0..<groups {
            let x = v.bars.x + Double(g) * w
            if g > 0 { canvas.line(x, v.bars.minY, x, v.bars.maxY, width: 1, p.panelBorder) }
            let label = Rect(x: x, y: v.bars.maxY + 2, width: w, height: f.small * 1.5)
            let text = canvas.width("map \(g + 1)") <= w ? "map \(g + 1)" : "\(g + 1)"
            canvas.text(canvas.fitted(text, maxWidth: w), x: label.midX, y: canvas.baseline(centredOn: label.midY), align: .center, p.textDim)
        }
        canvas.text(canvas.fitted("400 values: pool2's 16 maps of 5×5, one after another, each row by row (PyTorch's order)",
                                  maxWidth: v.bars.width),
                    x: v.bars.minX, y: v.bars.minY - f.small * 0.5, p.textDim)
        if let h = mode.stageHover, h.stage == NetStages.flatten {
            let bw = v.bars.width / Double(v.count)
            canvas.frameOutside(Rect(x: v.bars.x + Double(h.row) * bw, y: v.bars.y, width: max(1, bw), height: v.bars.height),
                                width: max(1, scene.layout.unit), p.box)
        }
    }

    /// The ten classes, one row each: name, bar, value. Logits grow either way from a zero line;
    /// probabilities from the left, the predicted class lit and the true one marked.
    private func drawClassRows(_ stage: Int, _ v: StageViewLayout, _ mode: NetworkMode, _ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, f = scene.layout.fonts, pass = mode.pass
        let values = pass.values(stage)
        let isSoftmax = stage == NetStages.softmax
        let texts = isSoftmax ? values.map { FrameRenderer.percent($0) } : DecimalText.group(values)
        canvas.font(f.body)
        canvas.font(f.body, bold: true)
        let valueWidth = (texts.map { canvas.width($0) }.max() ?? 0) + canvas.width("  ← true") + f.body
        let m = isSoftmax ? Float(1) : pass.magnitude(stage)
        for (j, row) in v.rows.enumerated() where j < values.count {
            let isTrue = mode.trueLabel == j, isBest = pass.predicted == j
            let name = mode.source.classes[j]
            canvas.font(f.body, bold: isBest)
            let labelRect = Rect(x: row.x, y: row.y, width: v.labelWidth, height: row.height)
            canvas.text(canvas.fitted(name, maxWidth: labelRect.width - f.body), in: labelRect, isBest ? p.text : p.textDim)
            let track = Rect(x: row.x + v.labelWidth, y: row.y + row.height * 0.2,
                             width: max(0, row.width - v.labelWidth - valueWidth), height: row.height * 0.6)
            canvas.fill(track, p.track)
            let color = isSoftmax ? (isBest ? p.box : p.positive) : (values[j] < 0 ? p.negative : p.positive)
            if isSoftmax {
                canvas.fill(Rect(x: track.x, y: track.y, width: track.width * Double(max(0, min(1, values[j]))), height: track.height), color)
            } else {
                let half = track.width / 2, len = half * Double(values[j] / m)
                canvas.fill(Rect(x: track.midX + min(0, len), y: track.y, width: abs(len), height: track.height), color)
                canvas.line(track.midX, row.minY, track.midX, row.maxY, width: 1, p.textFaint)
            }
            if mode.stageHover?.row == j { canvas.frameOutside(track, width: max(1, scene.layout.unit), p.text) }
            canvas.font(f.body, bold: isBest)
            var tail = texts[j]
            if isTrue { tail += "  ← true" }
            canvas.text(tail, x: track.maxX + f.body * 0.6, y: canvas.baseline(centredOn: row.midY), isTrue ? p.box : p.text)
        }
    }

    private func drawStageInfo(_ stage: Int, _ v: StageViewLayout, _ mode: NetworkMode, _ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, f = scene.layout.fonts
        canvas.font(f.body)
        let text = FrameRenderer.stageInfo(stage, mode)
        canvas.text(canvas.fitted(text, maxWidth: v.info.width), x: v.info.minX, y: canvas.baseline(centredOn: v.info.midY),
                    mode.stageHover == nil ? p.textDim : p.text)
    }

    /// What a stage holds, in a few words.
    static func stageDescription(_ stage: Int, _ pass: NetworkPass) -> String {
        let c = pass.channels(stage)
        switch stage {
        case NetStages.conv1: return "the \(c) learned 3×3 filters slid over the input, before ReLU"
        case NetStages.relu1: return "conv1 with its negative sums set to 0"
        case NetStages.pool1: return "the strongest value of each 2×2 block of relu1"
        case NetStages.conv2: return "\(c) filters, each 3×3 over all \(pass.channels(NetStages.pool1)) maps of pool1, before ReLU"
        case NetStages.relu2: return "conv2 with its negative sums set to 0"
        case NetStages.pool2: return "the strongest of each 2×2 block of relu2 (the last row and column dropped)"
        case NetStages.flatten: return "pool2's values in one line, for the dense layer"
        case NetStages.dense: return "one score per class: a weighted sum of all \(pass.side(NetStages.flatten)) values plus a bias"
        default: return "the scores made into probabilities that add up to 1"
        }
    }

    /// The info line: the value under the pointer and the input pixels it depends on.
    static func stageInfo(_ stage: Int, _ mode: NetworkMode) -> String {
        guard let h = mode.stageHover, h.stage == stage else {
            let hint = NetStages.isMap(stage) ? "a cell" : (stage == NetStages.flatten ? "a bar" : "a class")
            return "point at \(hint) to see its value and the input pixels it depends on  ·  Esc or the input stage: back to the panels"
        }
        let field = h.receptiveField
        let depends = field.size >= 28 ? "depends on every input pixel"
            : "depends on input rows \(field.row)–\(field.row + field.size - 1), columns \(field.col)–\(field.col + field.size - 1) (\(field.size)×\(field.size))"
        return "\(stageValueText(h, mode, long: true))  ·  \(depends)"
    }

    /// The value under the pointer in a stage view and where it is: `conv2 filter 3, row 4,
    /// column 5 = 0.53`, `Coat: probability 97.3 %`; `long` adds the stage's name to a map's
    /// value and where a flattened value comes from.
    static func stageValueText(_ h: StageCell, _ mode: NetworkMode, long: Bool) -> String {
        let stage = h.stage
        let value = mode.pass.value(stage: stage, channel: h.channel, row: h.row, col: h.col)
        switch stage {
        case NetStages.flatten:
            let c = h.row / 25, yx = h.row % 25
            let from = long ? " = pool2 map \(c + 1), row \(yx / 5), column \(yx % 5)" : ""
            return "value \(h.row)\(from) = \(DecimalText.single(value))"
        case NetStages.dense, NetStages.softmax:
            let name = mode.source.classes[h.row]
            let shown = stage == NetStages.softmax ? percent(value) : DecimalText.single(value)
            return "\(name): \(stage == NetStages.softmax ? "probability" : "score") \(shown)"
        default:
            let name = long ? "\(NetStages.names[stage]) " : ""
            return "\(name)filter \(h.channel + 1), row \(h.row), column \(h.col) = \(DecimalText.single(value))"
        }
    }

    static func percent(_ p: Float) -> String {
        let v = Double(p) * 100
        if v > 0 && v < 0.1 { return "<0.1 %" }
        return DecimalText.fixed(v, decimals: 1) + " %"
    }
}
