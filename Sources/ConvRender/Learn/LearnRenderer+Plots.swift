import CCairo
import ConvModel

/// The two plots over images seen: the running training loss, and the running training accuracy
/// with the test accuracy's measurements as dots.
extension LearnRenderer {
    func drawLossPlot(_ scene: LearnScene, _ canvas: Canvas) {
        let h = scene.snapshot.history
        let highest = h.training.map(\.loss).filter(\.isFinite).max() ?? 2.5
        let top = PlotAxis.niceCeiling(max(highest, 0.5))
        let axes = PlotAxes(layout: scene.layout.lossPlot, xMax: xMax(scene), yMax: top)
        drawFrame(scene, canvas, axes, titles: [[("training loss, running mean over images seen", nil)], [("training loss", nil)]],
                  yText: { DecimalText.fixed($0, decimals: 2) })
        let points = h.training.map { (Double($0.imagesSeen), $0.loss) }
        drawLine(canvas, axes, points, color: scene.palette.positive)
    }

    func drawAccuracyPlot(_ scene: LearnScene, _ canvas: Canvas) {
        let h = scene.snapshot.history, p = scene.palette, testColor = scene.testColor
        let axes = PlotAxes(layout: scene.layout.accuracyPlot, xMax: xMax(scene), yMax: 1)
        let test = "test, \(LearnText.grouped(scene.snapshot.testImages)) held-out images"
        drawFrame(scene, canvas, axes, titles: [[("accuracy:", nil), ("training (running)", p.positive), (test, testColor)],
                                                [("accuracy:", nil), ("training", p.positive), ("test", testColor)],
                                                [("training", p.positive), ("test", testColor)]],
                  yText: { DecimalText.fixed($0 * 100, decimals: 0) + " %" })
        drawLine(canvas, axes, h.training.map { (Double($0.imagesSeen), $0.accuracy) }, color: p.positive)
        let tests = h.test.map { (Double($0.imagesSeen), $0.accuracy) }
        drawLine(canvas, axes, tests, color: testColor, dots: true)
    }

    /// The x axis ends at the images seen so far, or at 10 batches' worth at the very start.
    private func xMax(_ scene: LearnScene) -> Double { Double(max(scene.snapshot.imagesSeen, 320)) }

    /// The area, its grid lines and tick labels, and the title: the first of `titles` that fits,
    /// a list of words, each with the colour of the line it names (a short swatch before it) or plain.
    private func drawFrame(_ scene: LearnScene, _ canvas: Canvas, _ axes: PlotAxes,
                           titles: [[(String, RGB?)]], yText: (Double) -> String) {
        let p = scene.palette, f = scene.fonts, l = axes.layout
        guard l.area.width > f.small * 4, l.area.height > f.small * 2 else { return }
        canvas.fill(l.area, p.panel)
        canvas.frameOutside(l.area, width: 1, p.panelBorder)

        canvas.font(f.small)
        let lineHeight = f.small * 1.6
        for v in PlotAxis.ticks(max: axes.yMax, room: l.area.height, spacing: lineHeight * 1.5) {
            let y = axes.y(v).rounded() + 0.5
            if v > 0 && v < axes.yMax { canvas.line(l.area.minX, y, l.area.maxX, y, width: 1, p.panelBorder) }
            canvas.text(yText(v), x: l.area.minX - f.small * 0.5, y: canvas.baseline(centredOn: y), align: .right, p.textDim)
        }
        let labelWidth = canvas.width("000.0k")
        let baseline = canvas.baseline(centredOn: l.xLabels.midY)
        for v in PlotAxis.ticks(max: axes.xMax, room: l.area.width, spacing: labelWidth * 1.6) where v > 0 {
            let x = axes.x(v), text = LearnText.compact(v), w = canvas.width(text)
            guard x + w / 2 <= l.frame.maxX else { continue }
            canvas.line(x.rounded() + 0.5, l.area.maxY, x.rounded() + 0.5, l.area.maxY + f.small * 0.3, width: 1, p.textFaint)
            canvas.text(text, x: x, y: baseline, align: .center, p.textDim)
        }

        canvas.font(f.body)
        let titleY = canvas.baseline(centredOn: l.title.midY)
        let swatch = f.body * 1.2, pad = f.body * 0.4, space = f.body * 0.9
        func width(_ title: [(String, RGB?)]) -> Double {
            title.map { (words, color) in (color == nil ? 0 : swatch + pad) + canvas.width(words) }.reduce(0, +)
                + Double(title.count - 1) * space
        }
        guard let title = titles.first(where: { width($0) <= l.title.width }) else { return }
        var x = l.title.minX
        for (words, color) in title {
            if let color {
                canvas.fill(Rect(x: x, y: (l.title.midY - 1.5).rounded(), width: swatch, height: 3), color)
                x += swatch + pad
            }
            x += canvas.text(words, x: x, y: titleY, color == nil ? p.text : p.textDim) + space
        }
    }

    /// A polyline through the points, clipped to the area; with `dots`, a dot on each.
    private func drawLine(_ canvas: Canvas, _ axes: PlotAxes, _ points: [(Double, Double)], color: RGB, dots: Bool = false) {
        let area = axes.layout.area
        guard !points.isEmpty, area.width > 0, area.height > 0 else { return }
        let cr = canvas.cr
        canvas.save()
        canvas.clip(area)
        canvas.color(color)
        lineMask.stroke(cr, area: area, points: points.map { (axes.x($0.0), axes.y($0.1)) },
                        lineWidth: max(1.5, axes.layout.title.height / 12))
        if dots {
            let radius = max(2.5, axes.layout.title.height / 7)
            for (x, y) in points where y.isFinite {
                cairo_new_sub_path(cr)
                cairo_arc(cr, axes.x(x), axes.y(y), radius, 0, 2 * .pi)
            }
            cairo_fill(cr)
        }
        canvas.restore()
    }
}

/// Data to pixels for one plot.
struct PlotAxes {
    let layout: PlotLayout
    let xMax: Double
    let yMax: Double

    func x(_ v: Double) -> Double { layout.area.minX + v / xMax * layout.area.width }
    func y(_ v: Double) -> Double { layout.area.maxY - v / yMax * layout.area.height }
}

/// Tick values on a 1–2–5 scale.
enum PlotAxis {
    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `v`.
    static func niceCeiling(_ v: Double) -> Double {
        var p = 1.0
        while p * 10 <= v { p *= 10 }
        while p > v { p /= 10 }
        for m in [1, 2, 2.5, 5, 10] where m * p >= v { return m * p }
        return 10 * p
    }

    /// 0 and multiples of a 1–2–5 step up to `max`, at least `spacing` pixels apart over `room`.
    static func ticks(max: Double, room: Double, spacing: Double) -> [Double] {
        guard max > 0, room > 0 else { return [0] }
        let most = Swift.max(1, Int(room / spacing))
        var step = niceCeiling(max / Double(most))
        while max / step > Double(most) { step = niceCeiling(step * 1.01) }
        var out: [Double] = []
        var v = 0.0
        while v <= max * (1 + 1e-9) {
            out.append(v)
            v += step
        }
        return out
    }
}
