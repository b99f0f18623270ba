import ConvModel

/// The written-out sum under the conv panel, laid out as pieces (`TextBand`): a heading, one line
/// of `weight×value` terms per kernel row, the total, and ReLU with a swatch of the cell's colour.
/// A step redraws only the terms, the total and the lines whose text changes.
extension FrameRenderer {
    struct SumKey: Equatable {
        let cell: CellArithmetic
        let detail: DetailLayout
        let fonts: FontSizes
        let scale: Double
        let theme: Theme
        let showRelu: Bool
        let valueColor: RGB
    }

    /// The sum's pieces for the current cell of a scene (nil when the band has no room for it).
    func sumBand(_ scene: FrameScene) -> TextBand? {
        extras(scene).value(\.sum) { scene.scan.count > 0 ? sumBand(scene.state.currentCell, scene) : nil }
    }

    private func sumBand(_ cell: CellArithmetic, _ scene: FrameScene) -> TextBand? {
        let d = scene.layout.detail
        guard !d.sum.isEmpty, let canvas = measuringCanvas else { return nil }
        let showRelu = scene.state.view.showRelu
        let key = SumKey(cell: cell, detail: d, fonts: scene.layout.fonts, scale: scene.layout.scale,
                         theme: scene.state.view.theme, showRelu: showRelu,
                         valueColor: scene.middleScale.color(showRelu ? cell.relu : cell.value))
        return sumBands.value(key) {
            FrameRenderer.layOutSum(key, writtenSum(cell, scene, canvas), scene.palette, canvas)
        }
    }

    private static func layOutSum(_ key: SumKey, _ written: SumText, _ p: Palette, _ canvas: Canvas) -> TextBand {
        let d = key.detail, f = key.fonts, cell = key.cell
        let area = d.sum
        var band = TextBand()
        canvas.font(f.small)
        let headY = canvas.baseline(centredOn: d.frame.y + d.labelHeight * 0.45)
        band.text(FrameRenderer.firstFitting(["weighted sum at row \(cell.row + 1), column \(cell.col + 1)",
                                              "sum at row \(cell.row + 1), col \(cell.col + 1)"], area.width, canvas),
                  x: area.minX, baseline: headY, size: f.small, p.textDim, byWord: true, measuredOn: canvas)

        let body = Rect(x: area.minX, y: d.frame.y + d.labelHeight, width: area.width,
                        height: area.height - d.labelHeight)
        let k = cell.size
        // Terms are shown when every kernel row fits on a line at a readable size; a large kernel
        // gets a smaller size so that its rows fit the height.
        let readable = 12 * key.scale
        var size = max(readable, min(f.body * 1.1, body.height / (Double(k + 2) * 1.2)))
        let full = FrameRenderer.sumLines(cell, written, withTerms: true)
        canvas.font(size)
        var plusWidth = canvas.width(" + ")
        var columnWidths = (0..<k).map { j in full.terms.map { canvas.width($0[j]) }.max() ?? 0 }
        var rowWidth = columnWidths.reduce(0, +) + Double(k) * plusWidth
        if rowWidth > body.width {
            size = max(readable, size * body.width / rowWidth)
            canvas.font(size)
            plusWidth = canvas.width(" + ")
            columnWidths = (0..<k).map { j in full.terms.map { canvas.width($0[j]) }.max() ?? 0 }
            rowWidth = columnWidths.reduce(0, +) + Double(k) * plusWidth
        }
        // Lines are spaced 1.5 × the font size when there is room, and no tighter than 1.2 ×.
        let withTerms = rowWidth <= body.width && Double(k + 2) * size * 1.2 <= body.height + 1e-9 && size >= readable
        let lineCount = withTerms ? k + 2 : 3
        let step = min(size * 1.5, body.height / Double(lineCount))
        var y = body.minY + step / 2
        func baseline(_ size: Double, bold: Bool = false) -> Double {
            canvas.font(size, bold: bold)
            return canvas.baseline(centredOn: y)
        }

        if withTerms {
            for i in 0..<k {
                var x = body.minX
                let b = baseline(size)
                for j in 0..<k {
                    if i > 0 || j > 0 {
                        band.text("+", x: x + plusWidth / 2, baseline: b, size: size, p.textFaint, align: .center, measuredOn: canvas)
                    }
                    x += plusWidth
                    let weight = cell.weights[i * k + j]
                    band.text(full.terms[i][j], x: x, baseline: b, size: size, weight == 0 ? p.textFaint : p.text,
                              measuredOn: canvas)
                    x += columnWidths[j]
                }
                y += step
            }
        } else {
            let b = baseline(f.body)
            band.text(canvas.fitted("Σ of \(k * k) weight × value products", maxWidth: body.width),
                      x: body.minX, baseline: b, size: f.body, p.textDim, measuredOn: canvas)
            y += step
        }
        let lineSize = withTerms ? size : f.body * 1.1
        let totalY = baseline(lineSize, bold: true)
        band.text(canvas.fitted(full.total, maxWidth: body.width), x: body.minX + (withTerms ? plusWidth * 0.1 : 0),
                  baseline: totalY, size: lineSize, bold: true, p.text, byWord: true, measuredOn: canvas)
        y += step

        // ReLU, with a swatch of the colour the cell gets.
        let swatch = min(step * 0.7, lineSize * 1.2)
        let sy = (y - swatch / 2).rounded()
        band.swatch(Rect(x: body.minX, y: sy, width: swatch, height: swatch), fill: key.valueColor, border: p.panelBorder,
                    borderWidth: 1)
        let reluY = baseline(lineSize)
        let reluText = key.showRelu ? full.relu : full.relu + "  (shown signed)"
        band.text(canvas.fitted(reluText, maxWidth: body.width - swatch * 1.5), x: body.minX + swatch * 1.5,
                  baseline: reluY, size: lineSize, cell.relu > 0 ? p.text : p.textDim, byWord: true, measuredOn: canvas)
        return band
    }
}
