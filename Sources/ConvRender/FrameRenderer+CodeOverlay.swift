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
        return overlay!
    }

    func drawCode(_ scene: FrameScene, _ canvas: Canvas) {
        let p = scene.palette, u = scene.layout.unit
        let code = codeOverlay(scene.layout, scene.state.codeSnippets, canvas)
        canvas.fill(scene.layout.bounds, p.scrim, p.scrimAlpha)
        let radius = 10 * u
        canvas.fillRounded(code.card, radius: radius, p.card)
        canvas.strokeRounded(code.card, radius: radius, width: 1, p.cardBorder)
        let s = code.fontSize
        canvas.font(s * 1.3, bold: true)
        canvas.text(canvas.fitted(CodeOverlay.title, maxWidth: code.titleRect.width), in: code.titleRect, p.text)
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
