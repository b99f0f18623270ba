import CCairo
import ConvModel

/// What the cell under the pointer is linked to on each panel, from `ReceptiveField`.
///
/// A pool cell: its 2×2 block on the conv panel and every input cell that block reads. A conv
/// cell: its window on the input and the pool cell it feeds. An input pixel: every conv cell it
/// feeds and the pool cells those feed.
struct LinkedCells: Equatable {
    /// One panel's share: the smallest block holding the cells, outlined; and when the cells do not
    /// fill that block (dilation, stride, scattered cells), the cells themselves, marked inside.
    struct Region: Equatable {
        let outline: CellRect
        let marks: [GridCell]
    }

    private(set) var regions: [Region?] = Array(repeating: nil, count: PanelKind.allCases.count)

    func region(_ kind: PanelKind) -> Region? { regions[kind.rawValue] }

    init(hover: HoverTarget, geometry g: ConvGeometry) {
        let cell = GridCell(row: hover.row, col: hover.col)
        switch hover.panel {
        case .pool:
            guard cell.row >= 0, cell.col >= 0, cell.row < g.poolHeight, cell.col < g.poolWidth else { return }
            let field = ReceptiveField.pool(cell, in: g)
            set(.conv, LinkedCells.cells(of: field.convBlock))
            set(.input, field.inputTaps)
        case .conv:
            guard cell.row >= 0, cell.col >= 0, cell.row < g.outputHeight, cell.col < g.outputWidth else { return }
            set(.input, ReceptiveField.window(ofConv: cell, in: g).taps)
            if cell.row / 2 < g.poolHeight, cell.col / 2 < g.poolWidth {
                set(.pool, [GridCell(row: cell.row / 2, col: cell.col / 2)])
            }
        case .input:
            set(.conv, ReceptiveField.convCells(fedBy: cell, in: g))
            set(.pool, ReceptiveField.poolCells(fedBy: cell, in: g))
        }
    }

    private mutating func set(_ kind: PanelKind, _ cells: [GridCell]) {
        regions[kind.rawValue] = LinkedCells.region(cells)
    }

    /// The block around `cells`, with the cells listed only when they leave holes in it.
    static func region(_ cells: [GridCell]) -> Region? {
        guard let first = cells.first else { return nil }
        var r0 = first.row, r1 = first.row, c0 = first.col, c1 = first.col
        for c in cells {
            r0 = min(r0, c.row); r1 = max(r1, c.row)
            c0 = min(c0, c.col); c1 = max(c1, c.col)
        }
        let block = CellRect(row: r0, col: c0, width: c1 - c0 + 1, height: r1 - r0 + 1)
        let distinct = Set(cells).count
        return Region(outline: block, marks: distinct == block.width * block.height ? [] : cells)
    }

    static func cells(of block: CellRect) -> [GridCell] {
        (block.row..<block.endRow).flatMap { r in (block.col..<block.endCol).map { GridCell(row: r, col: $0) } }
    }
}

extension FrameRenderer {
    /// Line width of the linked outlines, in pixels: lighter than the box.
    static func linkWidth(_ layout: FrameLayout) -> Double { max(2, (1.5 * layout.unit).rounded()) }

    /// Width of the ring marking one cell inside a region (a tap, a fed cell).
    static func cellMarkWidth(_ layout: FrameLayout) -> Double { max(1, (1.5 * layout.unit).rounded(.down)) }

    /// How far inside its cell that ring lies: a line of the cell's own colour between it and any
    /// outline around the region, so a ringed cell on the edge does not thicken the outline.
    static func cellMarkInset(_ cellSize: Double) -> Double { max(1, (cellSize * 0.1).rounded()) }

    /// The linked outline on panel `kind` for the cell under the pointer, if the pointer links it.
    func drawLinks(_ kind: PanelKind, _ links: LinkedCells, _ scene: FrameScene, _ canvas: Canvas) {
        guard let region = links.region(kind) else { return }
        let m = scene.mapping(kind), p = scene.palette
        let w = FrameRenderer.linkWidth(scene.layout)
        let o = region.outline
        let rect = m.blockRect(row: o.row, col: o.col, rowCount: o.height, colCount: o.width)
        canvas.frameOutside(rect.insetBy(dx: -w, dy: -w), width: 1, p.boxEdge, 0.5)
        canvas.frameOutside(rect, width: w, p.link)
        markCells(region.marks, m, scene, canvas, p.link)
    }

    /// Marks cells inside a region: a ring a little inside each cell when cells are big enough to
    /// keep their numbers clear of it, else a small square in the middle.
    func markCells(_ cells: [GridCell], _ m: PanelMapping, _ scene: FrameScene, _ canvas: Canvas, _ color: RGB) {
        guard !cells.isEmpty else { return }
        let cr = canvas.cr
        canvas.color(color)
        if m.cellSize >= 10 {
            let w = FrameRenderer.cellMarkWidth(scene.layout), inset = FrameRenderer.cellMarkInset(m.cellSize)
            for c in cells {
                let r = m.cellRect(row: c.row, col: c.col).insetBy(dx: inset + w, dy: inset + w)
                cairo_rectangle(cr, r.x - w, r.y - w, r.width + 2 * w, w)
                cairo_rectangle(cr, r.x - w, r.maxY, r.width + 2 * w, w)
                cairo_rectangle(cr, r.x - w, r.y, w, r.height)
                cairo_rectangle(cr, r.maxX, r.y, w, r.height)
            }
        } else {
            let dot = max(2, (m.cellSize * 0.4).rounded())
            for c in cells {
                let r = m.cellRect(row: c.row, col: c.col)
                cairo_rectangle(cr, (r.midX - dot / 2).rounded(), (r.midY - dot / 2).rounded(), dot, dot)
            }
        }
        cairo_fill(cr)
    }
}
