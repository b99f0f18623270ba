import ConvModel

extension FrameRenderer {
    /// A filter's weights as a grid of cells in the diverging colours of `scale`, each with its
    /// number when the cell holds one (the most precise form that fits, as in the panels).
    func drawWeightGrid(_ weights: [Float], side: Int, in r: Rect, scale: ColorScale,
                        _ scene: FrameScene, _ canvas: Canvas) {
        guard r.width >= Double(side) else { return }
        let p = scene.palette, f = scene.layout.fonts
        NetPaint.grid(Grid(width: side, height: side, values: weights), scale, in: r, canvas)
        canvas.frameOutside(r, width: 1, p.panelBorder)
        let cell = r.width / Double(side)
        guard cell >= f.minCell * 2 else { return }
        let decimals = DecimalText.decimals(toShow: weights)
        let size = min(f.small, cell * 0.4)
        let g = glyphs(canvas.cr, size: size)
        var buffer: [UInt8] = []
        for (i, v) in weights.enumerated() {
            let (bytes, fits) = CellNumberText.fitting(v, decimals: decimals, maxWidth: cell * 0.9, glyphs: g, into: &buffer)
            canvas.font(fits ? size : size * cell * 0.9 / max(1, g.width(bytes)))
            let c = Rect(x: r.x + Double(i % side) * cell, y: r.y + Double(i / side) * cell, width: cell, height: cell)
            canvas.text(DecimalText.string(bytes), x: c.midX, y: canvas.baseline(centredOn: c.midY), align: .center,
                        scale.wantsDarkText(v) ? RGB(hex: 0x111111) : RGB(hex: 0xF4F4F4))
        }
    }
}
