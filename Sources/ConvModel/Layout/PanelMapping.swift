/// Grid cells ↔ window pixels for one panel: the grid fitted in the panel's image area, centred
/// across and at its top (so the three panels' pictures start on one line), then zoomed and
/// panned by the panel's `PanelView`. Cells are square.
///
///     let m = PanelMapping(area: layout.panel(.conv).image, columns: 22, rows: 22, view: state.panels[1])
///     m.cellRect(row: 3, col: 4)           // the pixels cell (3, 4) covers
///     m.cell(atX: 700.5, y: 300.5)         // the cell under a point, if any
///
/// `margin` reserves room for that many extra cells on every side at zoom 1 (the zero padding of
/// `same` on the input panel), so a window hanging over the border stays in view.
///
/// Cell edges are snapped to whole pixels the way Cairo's nearest-neighbour filter samples: pixel
/// `i` shows the cell under its centre `i + 0.5`. So `cellRect` is exactly what is drawn, and
/// `cell(atX: i + 0.5, y: j + 0.5)` is the cell that pixel (i, j) shows.
public struct PanelMapping: Equatable, Sendable {
    public let area: Rect
    public let columns: Int
    public let rows: Int
    public let margin: Int
    /// The view as applied: zoom clamped to its limits, pan clamped so the grid stays in sight.
    public let view: PanelView
    /// Side of one cell at zoom 1.
    public let fitCellSize: Double
    /// Side of one cell in window pixels.
    public let cellSize: Double
    /// Window position of the top-left corner of cell (0, 0).
    public let originX: Double
    public let originY: Double

    public init(area: Rect, columns: Int, rows: Int, margin: Int = 0, view: PanelView = PanelView()) {
        self.area = area
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.margin = max(0, margin)
        let fit = PanelMapping.fitCellSize(area: area, columns: self.columns, rows: self.rows, margin: self.margin)
        let v = PanelMapping.clamped(view, fit: fit, columns: self.columns, rows: self.rows)
        self.view = v
        fitCellSize = fit
        cellSize = fit * v.zoom
        let o = PanelMapping.origin(area: area, columns: self.columns, rows: self.rows, margin: self.margin, fit: fit,
                                    cellSize: cellSize, view: v)
        originX = o.x.rounded()
        originY = o.y.rounded()
    }

    /// The largest cell that shows the grid (and its margin) whole; whole pixels once cells are
    /// 4 px or more, so that at zoom 1 every cell is the same size.
    static func fitCellSize(area: Rect, columns: Int, rows: Int, margin: Int) -> Double {
        guard columns > 0, rows > 0, !area.isEmpty else { return 0 }
        let fit = min(area.width / Double(columns + 2 * margin), area.height / Double(rows + 2 * margin))
        return fit >= 4 ? fit.rounded(.down) : fit
    }

    /// Top-left corner of cell (0, 0) before snapping to whole pixels. Zoom keeps the middle of
    /// the zoom-1 picture in place: across, the middle of the area; down, the middle of the grid
    /// as it sits at the top of the area.
    static func origin(area: Rect, columns: Int, rows: Int, margin: Int, fit: Double, cellSize: Double,
                       view: PanelView) -> (x: Double, y: Double) {
        let middleY = area.minY + Double(rows + 2 * margin) * fit / 2
        return (area.midX - Double(columns) * cellSize / 2 + view.panX,
                middleY - Double(rows) * cellSize / 2 + view.panY)
    }

    /// Zoom within `PanelView.minZoom…maxZoom`; no pan at zoom 1; otherwise at most half the grid,
    /// so the grid always covers the middle of the area.
    static func clamped(_ view: PanelView, fit: Double, columns: Int, rows: Int) -> PanelView {
        let deepest = PanelView.maxZoom(fitCellSize: fit)
        let zoom = view.zoom.isFinite ? min(max(view.zoom, PanelView.minZoom), deepest) : PanelView.minZoom
        guard zoom > PanelView.minZoom, fit > 0 else { return PanelView(zoom: zoom) }
        let limitX = Double(columns) * fit * zoom / 2, limitY = Double(rows) * fit * zoom / 2
        func clamp(_ p: Double, _ limit: Double) -> Double { p.isFinite ? min(max(p, -limit), limit) : 0 }
        return PanelView(zoom: zoom, panX: clamp(view.panX, limitX), panY: clamp(view.panY, limitY))
    }

    /// Window x of the left edge of column `col` (or the right edge of `col − 1`), in whole pixels.
    public func edgeX(_ col: Int) -> Double { PanelMapping.snap(originX + Double(col) * cellSize) }
    /// Window y of the top edge of row `row`, in whole pixels.
    public func edgeY(_ row: Int) -> Double { PanelMapping.snap(originY + Double(row) * cellSize) }

    /// The first pixel whose centre lies past `e`: where Cairo's nearest filter starts the next cell.
    static func snap(_ e: Double) -> Double { (e - 0.5).rounded(.down) + 1 }

    /// The pixels cell (row, col) covers. Rows and columns outside the grid are fine: they give
    /// the cells of the padding around it.
    public func cellRect(row: Int, col: Int) -> Rect {
        let x0 = edgeX(col), y0 = edgeY(row)
        return Rect(x: x0, y: y0, width: edgeX(col + 1) - x0, height: edgeY(row + 1) - y0)
    }

    /// The pixels of the block of cells from (row, col), `rowCount` by `colCount` cells.
    public func blockRect(row: Int, col: Int, rowCount: Int, colCount: Int) -> Rect {
        let x0 = edgeX(col), y0 = edgeY(row)
        return Rect(x: x0, y: y0, width: edgeX(col + colCount) - x0, height: edgeY(row + rowCount) - y0)
    }

    /// The whole grid in window pixels (it may reach outside the area when zoomed).
    public var gridRect: Rect { blockRect(row: 0, col: 0, rowCount: rows, colCount: columns) }

    /// The cell under a window point, or nil outside the area or the grid.
    public func cell(atX x: Double, y: Double) -> (row: Int, col: Int)? {
        guard let c = unclampedCell(atX: x, y: y), c.row >= 0, c.row < rows, c.col >= 0, c.col < columns else {
            return nil
        }
        return c
    }

    /// The cell coordinates under a point inside the area, even outside the grid (negative in the
    /// padding above or left of it); nil outside the area. It is the cell the pixel holding the
    /// point shows, so it always agrees with `cellRect`.
    public func unclampedCell(atX x: Double, y: Double) -> (row: Int, col: Int)? {
        guard x.isFinite, y.isFinite, cellSize > 0, area.contains(x: x, y: y) else { return nil }
        let c = ((x - originX) / cellSize).rounded(.down), r = ((y - originY) / cellSize).rounded(.down)
        guard abs(c) < 1e9, abs(r) < 1e9 else { return nil }
        return (PanelMapping.index(Int(r), pixel: y.rounded(.down), edge: edgeY),
                PanelMapping.index(Int(c), pixel: x.rounded(.down), edge: edgeX))
    }

    /// `guess`, moved by the pixel or so that rounding may put it off, so that `edge(i) ≤ pixel < edge(i + 1)`.
    private static func index(_ guess: Int, pixel: Double, edge: (Int) -> Double) -> Int {
        var i = guess
        while edge(i) > pixel { i -= 1 }
        while edge(i + 1) <= pixel { i += 1 }
        return i
    }

    /// The rows and columns with at least one pixel inside the area: the only ones worth drawing.
    public var visibleRows: Range<Int> { visible(origin: originY, count: rows, lo: area.minY, hi: area.maxY) }
    public var visibleColumns: Range<Int> { visible(origin: originX, count: columns, lo: area.minX, hi: area.maxX) }

    private func visible(origin: Double, count: Int, lo: Double, hi: Double) -> Range<Int> {
        guard cellSize > 0, count > 0 else { return 0..<0 }
        let first = Int(max(0, min(Double(count), ((lo - origin) / cellSize).rounded(.down))))
        let end = Int(max(0, min(Double(count), ((hi - origin) / cellSize).rounded(.up))))
        return first..<max(first, end)
    }
}

extension PanelView {
    /// This view zoomed to `zoom` about a window point, so that the grid point under the pointer
    /// stays under it. Zooming back to 1 also recentres (pan 0). `mapping` is the panel's current
    /// mapping (built from this view).
    public func zoomed(to zoom: Double, aboutX x: Double, y: Double, in mapping: PanelMapping) -> PanelView {
        let fit = mapping.fitCellSize
        guard fit > 0, x.isFinite, y.isFinite else { return self }
        let current = PanelMapping.clamped(self, fit: fit, columns: mapping.columns, rows: mapping.rows)
        let z = zoom.isFinite ? min(max(zoom, PanelView.minZoom), PanelView.maxZoom(fitCellSize: fit)) : current.zoom
        let before = fit * current.zoom, after = fit * z
        let o = PanelMapping.origin(area: mapping.area, columns: mapping.columns, rows: mapping.rows,
                                    margin: mapping.margin, fit: fit, cellSize: before, view: current)
        // Grid coordinates (in cells) under the point stay put: x = origin + u·cell before and after.
        let u = (x - o.x) / before, v = (y - o.y) / before
        let centred = PanelMapping.origin(area: mapping.area, columns: mapping.columns, rows: mapping.rows,
                                          margin: mapping.margin, fit: fit, cellSize: after, view: PanelView(zoom: z))
        let centredX = centred.x, centredY = centred.y
        let proposed = PanelView(zoom: z, panX: x - u * after - centredX, panY: y - v * after - centredY)
        return PanelMapping.clamped(proposed, fit: fit, columns: mapping.columns, rows: mapping.rows)
    }

    /// This view zoomed by `factor` (2 doubles the cell size) about a window point.
    public func zoomed(by factor: Double, aboutX x: Double, y: Double, in mapping: PanelMapping) -> PanelView {
        zoomed(to: mapping.view.zoom * factor, aboutX: x, y: y, in: mapping)
    }

    /// This view moved by (dx, dy) window pixels; at zoom 1 the grid stays centred.
    public func panned(dx: Double, dy: Double, in mapping: PanelMapping) -> PanelView {
        let moved = PanelView(zoom: zoom, panX: panX + dx, panY: panY + dy)
        return PanelMapping.clamped(moved, fit: mapping.fitCellSize, columns: mapping.columns, rows: mapping.rows)
    }
}
