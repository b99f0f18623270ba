/// Where the k × k cells of the kernel grid (and the patch and products grids beside it) lie in
/// their square of the detail band: whole-pixel cells, centred. The renderer draws with the same
/// numbers, so a click lands on the weight it shows.
///
///     let grid = KernelGrid(in: FrameLayout(state: state).detail.kernel, size: state.kernel.size)
///     grid.cell(atX: x, y: y)    // the shown cell under the pointer, or nil
public struct KernelGrid: Equatable, Sendable {
    public let size: Int
    /// Side of one cell in window pixels; 0 when the grid is too small to draw.
    public let cell: Double
    public let x0: Double
    public let y0: Double

    public init(in rect: Rect, size k: Int) {
        size = max(1, k)
        let c = (rect.width / Double(size)).rounded(.down)
        cell = c >= 2 ? c : 0
        let side = cell * Double(size)
        x0 = (rect.midX - side / 2).rounded()
        y0 = (rect.midY - side / 2).rounded()
    }

    public var isDrawn: Bool { cell > 0 }

    /// The square of shown cell (row, col).
    public func rect(of shown: GridCell) -> Rect {
        Rect(x: x0 + Double(shown.col) * cell, y: y0 + Double(shown.row) * cell, width: cell, height: cell)
    }

    /// The shown cell under a window point, or nil off the grid.
    public func cell(atX x: Double, y: Double) -> GridCell? {
        guard isDrawn else { return nil }
        let c = ((x - x0) / cell).rounded(.down), r = ((y - y0) / cell).rounded(.down)
        guard r >= 0, c >= 0, r < Double(size), c < Double(size) else { return nil }
        return GridCell(row: Int(r), col: Int(c))
    }
}

extension AppState {
    /// The kernel grid shows the kernel as applied: turned by 180° when `settings.flip` is on.
    /// This maps a shown cell to the stored weight (row, col of `kernel`) and back; with flip off
    /// they are the same, with flip on it is its own inverse.
    public func storedWeight(shownAt shown: GridCell) -> GridCell {
        guard settings.flip else { return shown }
        let n = kernel.size
        return GridCell(row: n - 1 - shown.row, col: n - 1 - shown.col)
    }

    /// Where the selected weight is shown in the kernel grid (for the renderer's highlight).
    public var shownSelectedWeight: GridCell? {
        kernelEditor.selected.map(storedWeight(shownAt:))
    }

    /// The stored kernel weight under a window point, or nil when the point is not on the kernel
    /// grid: what a click selects and what the wheel changes.
    public func kernelWeight(atX x: Double, y: Double) -> GridCell? {
        KernelGrid(in: FrameLayout(state: self).detail.kernel, size: kernel.size)
            .cell(atX: x, y: y).map(storedWeight(shownAt:))
    }
}
