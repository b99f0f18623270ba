import CCairo
import ConvModel

/// Drawing the code overlay: the snippets in DejaVu Sans Mono, comments quieter than the code.
extension FrameRenderer {
    /// The code overlay as it is drawn for this state's window and maps.
    public func codeOverlay(for state: AppState) -> CodeOverlay {
        let layout = FrameLayout(state: state)
        guard let scratch = try? ImageSurface(width: 1, height: 1) else {
            return CodeOverlay.layout(layout, snippets: state.codeSnippets, codeWidth: 0, measuredAt: layout.fonts.body)
        }
        let context = DrawingContext(scratch)
        return codeOverlay(layout, state.codeSnippets, Canvas(cr: context.pointer))
    }

    /// The layout for these snippets, measured with `canvas` (kept until the window or the code changes).
    func codeOverlay(_ layout: FrameLayout, _ snippets: [CodeSnippet], _ canvas: Canvas) -> CodeOverlay {
        if let c = codeOverlayCache, c.layout == layout, c.snippets == snippets { return c.overlay }
        // Hinted glyphs do not scale exactly with the size, so the widest line is measured again at
        // the size the layout settles on until it stays there.
        var size = layout.fonts.body * 1.1
        var overlay: CodeOverlay?
        canvas.save()
        for _ in 0..<4 {
            canvas.monoFont(size)
            let widest = snippets.flatMap(\.lines).map { canvas.width($0) }.max() ?? 0
            let next = CodeOverlay.layout(layout, snippets: snippets, codeWidth: widest, measuredAt: size)
            overlay = next
            if next.fontSize == size { break }
            size = next.fontSize
        }
        canvas.restore()
        codeOverlayCache = (layout, snippets, overlay!)
        codeCard = nil
        return overlay!
    }

    /// The dimmed frame and the card. The card does not change while the overlay is up (only the
    /// frame under the scrim does), so it is drawn once into a layer and copied.
    func drawCode(_ scene: FrameScene, _ canvas: Canvas) {
        let code = codeOverlay(scene.layout, scene.state.codeSnippets, canvas)
        // The scrim goes around the card and under its rounded corners only: the card covers the rest.
        let c = code.card, r = min(c.width / 2, c.height / 2, (10 * scene.layout.unit).rounded(.up))
        let corners = [Rect(x: c.minX, y: c.minY, width: r, height: r), Rect(x: c.maxX - r, y: c.minY, width: r, height: r),
                       Rect(x: c.minX, y: c.maxY - r, width: r, height: r), Rect(x: c.maxX - r, y: c.maxY - r, width: r, height: r)]
        canvas.color(scene.palette.scrim, scene.palette.scrimAlpha)
        for b in scene.layout.bounds.subtracting([c]) + corners { cairo_rectangle(canvas.cr, b.x, b.y, b.width, b.height) }
        cairo_fill(canvas.cr)
        let theme = scene.state.view.theme
        if codeCard?.theme != theme {
            codeCard = nil
            let w = Int(code.card.width), h = Int(code.card.height)
            if w > 0, h > 0, w * h <= PanelLayers.maxPixels, let surface = try? ImageSurface(width: w, height: h) {
                let context = DrawingContext(surface)
                cairo_translate(context.pointer, -code.card.x, -code.card.y)
                drawCodeCard(code, scene, Canvas(cr: context.pointer))
                cairo_surface_flush(surface.pointer)
                codeCard = (theme, surface)
            }
        }
        guard let card = codeCard else {
            // Without a layer the card is drawn in place, over a scrim under all of it.
            canvas.fill(code.card, scene.palette.scrim, scene.palette.scrimAlpha)
            return drawCodeCard(code, scene, canvas)
        }
        cairo_set_source_surface(canvas.cr, card.surface.pointer, code.card.x, code.card.y)
        cairo_rectangle(canvas.cr, code.card.x, code.card.y, code.card.width, code.card.height)
        cairo_fill(canvas.cr)
    }

    private func drawCodeCard(_ code: CodeOverlay, _ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, u = scene.layout.unit
        let radius = 10 * u
        canvas.fillRounded(code.card, radius: radius, p.card)
        canvas.strokeRounded(code.card, radius: radius, width: 1, p.cardBorder)
        let s = code.fontSize
        canvas.font(s * 1.3, bold: true)
        let title = scene.state.network == nil ? CodeOverlay.title : CodeOverlay.networkTitle
        canvas.text(canvas.fitted(title, maxWidth: code.titleRect.width), in: code.titleRect, p.text)
        canvas.font(s * 1.1, bold: true)
        for h in code.headers {
            canvas.text(h.text, in: h.rect, p.text)
            canvas.fill(Rect(x: h.rect.minX, y: (h.rect.maxY - h.rect.height * 0.2).rounded(), width: h.rect.width,
                             height: max(1, u.rounded(.down))), p.cardBorder)
        }
        canvas.monoFont(s)
        for line in code.lines {
            let y = canvas.baseline(centredOn: line.rect.midY)
            // Generated code has no '#' inside strings, so a line's comment starts at its first '#'.
            if let hash = line.text.firstIndex(of: "#") {
                let codePart = String(line.text[..<hash])
                let w = codePart.isEmpty ? 0 : canvas.text(codePart, x: line.rect.minX, y: y, p.text)
                canvas.text(String(line.text[hash...]), x: line.rect.minX + w, y: y, p.textDim)
            } else {
                canvas.text(line.text, x: line.rect.minX, y: y, p.text)
            }
        }
        canvas.font(s * 0.95)
        canvas.text(CodeOverlay.footer, in: code.footerRect, p.textFaint)
    }
}
