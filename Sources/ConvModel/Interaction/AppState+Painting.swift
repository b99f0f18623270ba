extension AppState {
    /// The painting actions. Strokes only paint in paint mode; each one recomputes the maps once,
    /// and only when it changed a pixel.
    mutating func paintInput(_ action: Action) {
        switch action {
        case .togglePaintMode:
            painter.isOn.toggle()
        case let .changeBrush(delta):
            painter.changeBrush(by: delta)
        case let .paint(row, col, value):
            stroke(from: GridCell(row: row, col: col), to: GridCell(row: row, col: col), value: value)
        case let .paintStroke(fromRow, fromCol, toRow, toCol, value):
            stroke(from: GridCell(row: fromRow, col: fromCol), to: GridCell(row: toRow, col: toCol), value: value)
        case .clearCanvas:
            guard painter.isOn else {
                message = "press e to paint first; then c clears the input to black"
                return
            }
            let g = image.grid
            rebuild(image: NamedImage(name: InputPainter.paintedName, grid: Grid(width: g.width, height: g.height)))
        default:
            break
        }
    }

    /// The brush's side in cells on the current input (`InputPainter.side`).
    public var brushSide: Int { InputPainter.side(brush: painter.brush, width: image.grid.width, height: image.grid.height) }

    /// Stamps the brush on every cell of the line from `a` to `b`, with `value` clamped to [0, 1].
    private mutating func stroke(from a: GridCell, to b: GridCell, value: Float) {
        guard painter.isOn, !value.isNaN else { return }
        let v = min(max(value, 0), 1)
        var g = image.grid
        var changed = false
        let side = brushSide
        for cell in InputPainter.strokeCells(from: a, to: b, width: g.width, height: g.height, margin: side) {
            let block = InputPainter.brushBlock(row: cell.row, col: cell.col, brush: side)
            if g.fill(block, with: v) { changed = true }
        }
        guard changed else { return }
        rebuild(image: NamedImage(name: InputPainter.paintedName, grid: g))
    }
}
