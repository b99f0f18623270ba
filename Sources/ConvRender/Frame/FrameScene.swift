import ConvModel

/// Everything one frame needs that follows from the state alone: layout, colours, the panels'
/// mappings and colour scales, and where the box, the lit cell and the pool block are.
///
/// A class, so that handing it to each drawing function is one reference, not a copy of the
/// whole app state (dozens of retains, which a damaged frame drawing a few cells would notice).
final class FrameScene {
    let state: AppState
    let layout: FrameLayout
    let palette: Palette
    let mappings: [PanelMapping]
    /// The grid the middle panel shows: ReLU, or the signed conv map with ReLU off.
    let middle: Grid
    let inputScale: ColorScale
    let middleScale: ColorScale
    let poolScale: ColorScale
    /// What the cell under the pointer is linked to on each panel.
    let links: LinkedCells?
    /// The boxes around the marks that follow the moving state (`workOutMotionMarks`), worked out
    /// the first time they are asked for: a step asks for the scene before's again.
    private(set) lazy var motionMarks: [Rect] = workOutMotionMarks()
    /// The status line's, the sum's and the pool's pieces and the small grids' looks, once the
    /// renderer has found them for this scene (`FrameRenderer.extras`).
    var extras: FrameExtras?

    /// Speeds up to this many positions per second glide the box between positions.
    static let glideMaxSpeed = 4.0

    convenience init(state: AppState, width: Int, height: Int) {
        let layout = FrameLayout(state: state, width: width, height: height)
        self.init(state: state, layout: layout, mappings: layout.mappings(in: state))
    }

    /// A scene whose layout and mappings are known already (`LayoutMemo`).
    init(state: AppState, layout: FrameLayout, mappings: [PanelMapping]) {
        self.state = state
        self.layout = layout
        palette = Palette.of(state.view.theme)
        self.mappings = mappings
        let maps = state.maps
        links = state.hover.map { LinkedCells(hover: $0, geometry: maps.geometry) }
        let reluMax = maps.reluMax
        let positiveHi: Float = reluMax > 0 && reluMax.isFinite ? reluMax : 1
        inputScale = ColorScale(colormap: .gray, lo: 0, hi: 1)
        poolScale = ColorScale(colormap: .viridis, lo: 0, hi: positiveHi)
        if state.view.showRelu {
            middle = maps.relu
            middleScale = poolScale
        } else {
            middle = maps.conv
            let m = max(abs(maps.convMin), abs(maps.convMax))
            let hi: Float = m > 0 && m.isFinite ? m : 1
            middleScale = ColorScale(colormap: palette.diverging, lo: -hi, hi: hi)
        }
    }

    func mapping(_ kind: PanelKind) -> PanelMapping { mappings[kind.rawValue] }

    var scan: ScanCursor { state.scan }
    var geometry: ConvGeometry { state.geometry }

    /// The kernel's window on the input (its full span, dilation included) at a scan position, in window pixels.
    func windowRect(position: Int) -> Rect {
        let cols = max(1, scan.columns)
        let o = geometry.windowOrigin(row: position / cols, col: position % cols)
        return mapping(.input).blockRect(row: o.row, col: o.col, rowCount: geometry.span, colCount: geometry.span)
    }

    /// Whether the box is gliding: playing slowly enough to follow, with a next position to go to.
    var isGliding: Bool { FrameScene.isGliding(state) }

    static func isGliding(_ s: AppState) -> Bool {
        let c = s.clock
        return s.view.glide && c.isPlaying && c.speed <= glideMaxSpeed && c.tween > 0 && !s.scan.isAtEnd
    }

    /// How far the box has eased toward the next position (0 when it is not gliding). Windows
    /// compare it between ticks to skip frames that would look the same.
    static func glideFraction(_ s: AppState) -> Double {
        isGliding(s) ? ease(s.clock.tween) : 0
    }

    /// Where the yellow box is drawn: on the current window, or on its way to the next one. It rests
    /// for the first part of each step and then eases over, so each position can be read.
    var boxRect: Rect {
        let here = windowRect(position: scan.position)
        let t = FrameScene.glideFraction(state)
        guard t > 0 else { return here }
        let next = windowRect(position: scan.position + 1)
        func mix(_ a: Double, _ b: Double) -> Double { (a + (b - a) * t).rounded() }
        return Rect(x: mix(here.x, next.x), y: mix(here.y, next.y),
                    width: mix(here.width, next.width), height: mix(here.height, next.height))
    }

    /// 0 for the first 40 % of a step, then a smooth rise to 1.
    static func ease(_ tween: Double) -> Double {
        let x = min(max((tween - 0.4) / 0.6, 0), 1)
        return x * x * (3 - 2 * x)
    }

    /// The cell on the conv panel that was just computed.
    var litCell: (row: Int, col: Int)? { scan.count > 0 ? (scan.row, scan.col) : nil }

    /// The pool cell fed by the current 2×2 block, and whether that block is complete.
    var poolTarget: (row: Int, col: Int, complete: Bool)? {
        guard let p = scan.poolCell else { return nil }
        return (p.row, p.col, scan.isPoolRevealed(row: p.row, col: p.col))
    }

    /// Whether a conv cell is drawn filled.
    func isRevealed(row: Int, col: Int) -> Bool {
        !state.view.progressive || scan.isRevealed(row: row, col: col)
    }

    /// How much of a map is revealed, as whole rows plus a run of the next row: the conv map
    /// fills in raster order and the pool map follows it a block row at a time.
    func revealed(_ kind: PanelKind) -> (fullRows: Int, partialColumns: Int) {
        let m = mapping(kind)
        guard state.view.progressive, kind != .input else { return (m.rows, 0) }
        guard scan.count > 0 else { return (0, 0) }
        switch kind {
        case .conv:
            return (scan.row, scan.col + 1)
        default:
            // Pool row r is complete once conv row 2r + 1 is; while the scan is on that row, the
            // pool cells whose blocks end at or before the current conv column are.
            let full = scan.row / 2
            let onRow = scan.row % 2 == 1 ? (scan.col + 1) / 2 : 0
            return (min(full, m.rows), full < m.rows ? min(onRow, m.columns) : 0)
        }
    }
}
