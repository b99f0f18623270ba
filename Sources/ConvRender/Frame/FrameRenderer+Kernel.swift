import CCairo
import ConvModel

/// The kernel grid as an editor: the selected weight ringed, the number being typed in place of
/// its value, and the caption that says whether the kernel is applied as it is or turned 180°.
extension FrameRenderer {
    /// The weight being typed: where the kernel grid shows it, and the text so far.
    static func typedWeight(_ state: AppState) -> (shown: GridCell, text: String)? {
        guard let shown = state.shownSelectedWeight, !state.kernelEditor.typed.isEmpty else { return nil }
        return (shown, state.kernelEditor.typed)
    }

    /// The caption under the kernel grid, longest first: the first that fits is drawn.
    static func kernelCaptions(_ state: AppState) -> [String] {
        state.settings.flip
            ? ["true convolution: kernel turned 180°", "true convolution: turned 180°", "turned 180°"]
            : ["cross-correlation (as in deep learning)", "cross-correlation (as in ML)", "cross-correlation"]
    }

    /// The space between cells of the kernel, patch and products grids.
    static func smallGridGap(_ cell: Double, _ layout: FrameLayout) -> Double {
        cell >= 12 ? max(1, layout.unit.rounded(.down)) : 0
    }

    /// Width of the ring around the selected weight.
    static func ringWidth(_ layout: FrameLayout, cell: Double) -> Double {
        max(1, min((2.5 * layout.unit).rounded(), (cell / 6).rounded(.down)))
    }

    /// The square the selected weight is drawn in, in window pixels (gap excluded), or nil when no
    /// weight is selected or the grid is not drawn.
    static func selectedWeightRect(_ state: AppState, _ layout: FrameLayout) -> Rect? {
        guard let shown = state.shownSelectedWeight else { return nil }
        let grid = KernelGrid(in: layout.detail.kernel, size: state.kernel.size)
        guard grid.isDrawn, shown.row >= 0, shown.col >= 0, shown.row < grid.size, shown.col < grid.size else { return nil }
        let gap = smallGridGap(grid.cell, layout)
        let r = grid.rect(of: shown)
        return Rect(x: r.x, y: r.y, width: r.width - gap, height: r.height - gap)
    }

    func drawKernelEditing(_ scene: FrameScene, _ canvas: Canvas) {
        guard let cell = FrameRenderer.selectedWeightRect(scene.state, scene.layout) else { return }
        let p = scene.palette, f = scene.layout.fonts
        let invalid = scene.state.kernelEditor.typedIsInvalid
        if let typed = FrameRenderer.typedWeight(scene.state) {
            // The text and a caret after it, as large as the cell's numbers; a long number gets
            // smaller, down to the smallest readable size, and then loses its first digits (the
            // ones just typed stay), so it never covers the neighbouring weights.
            var size = min(cell.height * 0.42, f.body * 1.2)
            let smallest = min(size, f.minCell)
            canvas.font(size, bold: true)
            var text = typed.text
            var caret = max(1, (size * 0.09).rounded())
            let room = cell.width * 0.86
            func need() -> Double { canvas.width(text) + 2 * caret }
            while need() > room, size > smallest {
                size = max(smallest, size * min(0.92, room / need()))
                canvas.font(size, bold: true)
                caret = max(1, (size * 0.09).rounded())
            }
            while need() > room, text.count > 1 {
                text = "…" + text.dropFirst(text.hasPrefix("…") ? 2 : 1)
            }
            canvas.fill(cell, p.card)
            let w = canvas.width(text)
            let x = (cell.midX - (w + 2 * caret) / 2).rounded()
            let baseline = canvas.baseline(centredOn: cell.midY)
            let m = canvas.metrics()
            if invalid {
                // Marked as selected, in the error colour: the next key typed replaces it.
                let mark = Rect(x: x - caret, y: (baseline - m.ascent).rounded(), width: w + 2 * caret,
                                height: (m.ascent + m.descent).rounded())
                canvas.fill(mark.intersection(cell), p.warning, 0.25)
                canvas.text(text, x: x, y: baseline, p.warning)
            } else {
                canvas.text(text, x: x, y: baseline, p.text)
                canvas.fill(Rect(x: (x + w + caret).rounded(), y: (baseline - m.ascent * 0.85).rounded(),
                                 width: caret, height: (m.ascent * 0.85 + m.descent * 0.6).rounded()), p.box)
            }
        }
        let w = FrameRenderer.ringWidth(scene.layout, cell: cell.width)
        canvas.frameOutside(cell.insetBy(dx: -w, dy: -w), width: 1, p.boxEdge, 0.6)
        canvas.frameOutside(cell, width: w, invalid ? p.warning : p.box)
    }

    /// Under the three grids: cross-correlation, or true convolution with the kernel turned.
    func drawKernelCaption(_ scene: FrameScene, _ canvas: Canvas) {
        let d = scene.layout.detail, p = scene.palette, f = scene.layout.fonts
        guard d.caption.height >= f.small else { return }
        canvas.font(f.small)
        let text = FrameRenderer.firstFitting(FrameRenderer.kernelCaptions(scene.state), d.caption.width, canvas)
        let midX = (d.kernel.minX + d.products.maxX) / 2
        let half = min(midX - d.caption.minX, d.caption.maxX - midX)
        let x = canvas.width(text) / 2 <= half ? midX : d.caption.midX
        canvas.text(text, x: x, y: canvas.baseline(centredOn: d.caption.midY), align: .center,
                    scene.state.settings.flip ? p.text : p.textDim)
    }
}
