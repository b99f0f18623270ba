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

    /// A message on a card at the foot of the frame, over the architecture strip, where it covers
    /// none of the maps (the scan starts at their first row). News (a file saved) has a quiet
    /// card with an `i` badge in the link colour; a problem a warning-coloured card with a `!`.
    func drawMessage(_ message: String, _ scene: FrameScene, _ canvas: Canvas) {
        let l = scene.layout, p = scene.palette, f = l.fonts, u = l.unit
        let isError = scene.state.messageStyle == .error
        let accent = isError ? p.warning : p.link
        let size = f.body * 1.1
        canvas.font(size)
        let pad = 12 * u
        let badge = (size * 1.25).rounded()
        let maxWidth = min(l.width - 2 * l.margin, max(360 * u, l.panelBand.width * 0.6)) - 3 * pad - badge
        let lines = Array(canvas.wrapped(message, maxWidth: maxWidth).prefix(4))
        let textWidth = lines.map { canvas.width($0) }.max() ?? 0
        let lineHeight = size * 1.45
        let width = (textWidth + 3 * pad + badge).rounded()
        let height = (Double(lines.count) * lineHeight + 2 * pad * 0.75).rounded()
        let bottom = l.strip.frame.isEmpty ? l.height - l.margin : l.strip.frame.maxY
        let box = Rect(x: (l.width / 2 - width / 2).rounded(), y: max(l.panelBand.minY, bottom - height).rounded(),
                       width: width, height: height)
        canvas.fillRounded(box, radius: 6 * u, p.card, 0.97)
        canvas.strokeRounded(box, radius: 6 * u, width: isError ? max(1.5, 2 * u) : max(1, u), isError ? accent : p.cardBorder)
        let cr = canvas.cr
        let badgeMid = box.minY + pad * 0.75 + lineHeight / 2
        canvas.color(accent)
        cairo_arc(cr, box.minX + pad + badge / 2, badgeMid, badge / 2, 0, 2 * .pi)
        cairo_fill(cr)
        canvas.font(size * 0.85, bold: true)
        canvas.text(isError ? "!" : "i", x: box.minX + pad + badge / 2, y: canvas.baseline(centredOn: badgeMid), align: .center,
                    p.card)
        canvas.font(size)
        for (i, line) in lines.enumerated() {
            let mid = box.minY + pad * 0.75 + (Double(i) + 0.5) * lineHeight
            canvas.text(line, x: box.minX + 2 * pad + badge, y: canvas.baseline(centredOn: mid), p.text)
        }
    }

    /// The tour's caption, on a card in its own band between the status line and the panels.
    func drawCaption(_ caption: Caption, _ scene: FrameScene, _ canvas: Canvas) {
        guard let c = scene.layout.caption else { return }
        let p = scene.palette, u = scene.layout.unit
        let radius = min(8 * u, c.frame.height / 2)
        canvas.fillRounded(c.frame, radius: radius, p.card)
        canvas.strokeRounded(c.frame, radius: radius, width: 1, p.cardBorder)
        let inset = min(8 * u, c.frame.height / 4)
        canvas.fill(Rect(x: c.frame.minX, y: c.frame.minY + inset, width: max(2, (3 * u).rounded()),
                         height: c.frame.height - 2 * inset), p.box)
        canvas.save()
        defer { canvas.restore() }
        canvas.clip(c.frame)
        if !caption.title.isEmpty, !c.title.isEmpty {
            canvas.font(c.titleSize, bold: true)
            canvas.text(canvas.fitted(caption.title, maxWidth: c.title.width), in: c.title, p.text)
        }
        let lines = FrameRenderer.captionLines(caption.text, c, smallest: 12 * scene.layout.scale, canvas)
        // Fewer lines than the band holds sit in its middle.
        let top = c.text.minY + ((c.text.height - Double(lines.count) * c.lineHeight) / 2).rounded(.down)
        for (i, line) in lines.enumerated() {
            let mid = top + (Double(i) + 0.5) * c.lineHeight
            canvas.text(line, x: c.text.minX, y: canvas.baseline(centredOn: mid), p.textDim)
        }
    }

    /// The caption's text wrapped to the band, in the current font on return: at the band's size
    /// when it fits in the band's lines, else a little smaller (down to five sixths, never below
    /// `smallest`), else cut with an ellipsis on the last line.
    static func captionLines(_ text: String, _ c: CaptionLayout, smallest: Double, _ canvas: Canvas) -> [String] {
        guard c.lines > 0 else { return [] }
        var size = c.textSize
        let smallest = min(c.textSize, max(c.textSize * 5 / 6, smallest))
        while true {
            canvas.font(size)
            let lines = canvas.wrapped(text, maxWidth: c.text.width)
            if lines.count <= c.lines { return lines }
            if size - 0.5 < smallest {
                let rest = lines[(c.lines - 1)...].joined(separator: " ")
                return Array(lines.prefix(c.lines - 1)) + [canvas.fitted(rest, maxWidth: c.text.width)]
            }
            size -= 0.5
        }
    }
}
