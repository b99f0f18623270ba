import CCairo
import ConvModel

/// What is drawn over the frame: the tour's caption, a message, the help overlay.
extension FrameRenderer {
    /// The help overlay as it is drawn for this state's window.
    public func helpOverlay(for state: AppState) -> HelpOverlay {
        let layout = FrameLayout(state: state)
        guard let scratch = try? ImageSurface(width: 1, height: 1) else {
            return HelpOverlay.layout(layout, keysWidth: 0, descriptionWidth: 0, measuredAt: layout.fonts.body)
        }
        let context = DrawingContext(scratch)
        return helpOverlay(layout, Canvas(cr: context.pointer))
    }

    func helpOverlay(_ layout: FrameLayout, _ canvas: Canvas) -> HelpOverlay {
        // Hinted text does not scale exactly with its size, so the widths are measured again at
        // the size the layout settles on until it stays there.
        var size = layout.fonts.body * 1.08
        var help: HelpOverlay?
        for _ in 0..<4 {
            canvas.font(size, bold: true)
            let keys = HelpOverlay.lines.map { canvas.width($0.keys) }.max() ?? 0
            canvas.font(size)
            let descriptions = HelpOverlay.lines.map { canvas.width($0.description) }.max() ?? 0
            let next = HelpOverlay.layout(layout, keysWidth: keys, descriptionWidth: descriptions, measuredAt: size)
            help = next
            if next.fontSize == size { break }
            size = next.fontSize
        }
        return help!
    }

    func drawHelp(_ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, u = scene.layout.unit
        canvas.fill(scene.layout.bounds, p.scrim, p.scrimAlpha)
        let help = helpOverlay(scene.layout, canvas)
        let radius = 10 * u
        canvas.fillRounded(help.card, radius: radius, p.card)
        canvas.strokeRounded(help.card, radius: radius, width: 1, p.cardBorder)
        canvas.font(help.fontSize * 1.3, bold: true)
        canvas.text(HelpOverlay.title, in: help.titleRect.insetBy(dx: 0, dy: help.titleRect.height * 0.1), p.text)
        for row in help.rows {
            canvas.font(help.fontSize, bold: true)
            canvas.text(canvas.fitted(row.keys, maxWidth: row.keysRect.width), in: row.keysRect, align: .right, p.text)
            canvas.font(help.fontSize)
            canvas.text(canvas.fitted(row.description, maxWidth: row.descriptionRect.width), in: row.descriptionRect, p.textDim)
        }
        canvas.font(help.fontSize * 0.95)
        canvas.text(HelpOverlay.footer, in: help.footerRect, p.textFaint)
    }

    /// A message (a file that did not load, a kernel that did not fit) on a card at the top of the panels.
    func drawMessage(_ message: String, _ scene: FrameScene, _ canvas: Canvas) {
        let l = scene.layout, p = scene.palette, f = l.fonts, u = l.unit
        let size = f.body * 1.1
        canvas.font(size)
        let pad = 12 * u
        let maxWidth = min(l.panelBand.width, max(360 * u, l.panelBand.width * 0.6)) - 2 * pad
        let lines = Array(canvas.wrapped(message, maxWidth: maxWidth).prefix(4))
        let textWidth = lines.map { canvas.width($0) }.max() ?? 0
        let lineHeight = size * 1.45
        let box = Rect(x: (l.width / 2 - textWidth / 2 - pad).rounded(), y: (l.panelBand.minY + l.gap).rounded(),
                       width: (textWidth + 2 * pad).rounded(), height: (Double(lines.count) * lineHeight + 2 * pad * 0.75).rounded())
        canvas.fillRounded(box, radius: 6 * u, p.card, 0.97)
        canvas.strokeRounded(box, radius: 6 * u, width: max(1.5, 2 * u), p.warning)
        for (i, line) in lines.enumerated() {
            let mid = box.minY + pad * 0.75 + (Double(i) + 0.5) * lineHeight
            canvas.text(line, x: box.minX + pad, y: canvas.baseline(centredOn: mid), p.text)
        }
    }

    /// The tour's caption: a title and a few lines, on a card over the bottom of the panels.
    func drawCaption(_ caption: Caption, _ scene: FrameScene, _ canvas: Canvas) {
        let l = scene.layout, p = scene.palette, f = l.fonts, u = l.unit
        let pad = 14 * u
        let width = min(l.panelBand.width, 760 * u)
        let textSize = f.body * 1.15, titleSize = f.title * 1.1
        canvas.font(textSize)
        let lines = Array(canvas.wrapped(caption.text, maxWidth: width - 2 * pad).prefix(5))
        let titleHeight = caption.title.isEmpty ? 0 : titleSize * 1.6
        let lineHeight = textSize * 1.45
        let height = titleHeight + Double(lines.count) * lineHeight + 2 * pad
        let box = Rect(x: (l.width / 2 - width / 2).rounded(), y: (l.panelBand.maxY - l.gap - height).rounded(),
                       width: width.rounded(), height: height.rounded())
        canvas.fillRounded(box, radius: 8 * u, p.card, 0.95)
        canvas.strokeRounded(box, radius: 8 * u, width: 1, p.cardBorder)
        canvas.fill(Rect(x: box.minX, y: box.minY + 8 * u, width: max(2, 3 * u), height: box.height - 16 * u), p.box)
        var y = box.minY + pad
        if !caption.title.isEmpty {
            canvas.font(titleSize, bold: true)
            canvas.text(canvas.fitted(caption.title, maxWidth: width - 2 * pad), x: box.minX + pad,
                        y: canvas.baseline(centredOn: y + titleHeight / 2), p.text)
            y += titleHeight
        }
        canvas.font(textSize)
        for line in lines {
            canvas.text(line, x: box.minX + pad, y: canvas.baseline(centredOn: y + lineHeight / 2), p.textDim)
            y += lineHeight
        }
    }
}
