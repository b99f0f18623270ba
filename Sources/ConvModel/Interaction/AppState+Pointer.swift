/// A panel cell under the pointer.
public struct HoverTarget: Equatable, Sendable {
    public var panel: PanelKind
    public var row: Int
    public var col: Int

    public init(panel: PanelKind, row: Int, col: Int) {
        self.panel = panel
        self.row = row
        self.col = col
    }
}

/// A pan (or, in paint mode, a brush stroke) in progress on one panel.
public struct DragState: Equatable, Sendable {
    public var panel: PanelKind
    public var lastX: Double
    public var lastY: Double
    /// Whether the pointer has moved far enough for this to be a drag rather than a click.
    public var moved: Bool
    /// The value being painted (1 white, 0 black) when this is a brush stroke; nil for a pan.
    public var paintValue: Float?
    /// The timeline is held: moves seek the scan instead of panning (`panel` means nothing then).
    public var isScrub: Bool
    /// This brush stroke already made its undo step (a whole stroke is one step).
    public var strokeRecorded = false

    public init(panel: PanelKind, lastX: Double, lastY: Double, moved: Bool = false, paintValue: Float? = nil,
                isScrub: Bool = false) {
        self.panel = panel
        self.lastX = lastX
        self.lastY = lastY
        self.moved = moved
        self.paintValue = paintValue
        self.isScrub = isScrub
    }
}

extension AppState {
    /// How far (window pixels) a pressed pointer must travel before it pans instead of clicking.
    public static let dragThreshold = 4.0
    /// Zoom factor of one wheel step: two steps double the cell size.
    public static let wheelZoomStep = 1.4142135623730951

    /// The mouse. Hovering a cell while paused previews the position that cell belongs to: the
    /// scan goes back when the pointer leaves the panels, unless a click put it there (a click
    /// works at any time); the wheel zooms the panel under the pointer about the
    /// pointer; a drag pans it. On the kernel grid a click selects a weight and the wheel changes
    /// it (Shift: by 1.0); in paint mode the left button paints the input white and the right one
    /// black. A press on the timeline seeks there and a drag along it scrubs.
    /// Hit-testing uses the same `FrameLayout` and `KernelGrid` the renderer draws with.
    mutating func handlePointer(_ event: PointerEvent) -> [Effect] {
        switch event {
        case let .moved(x, y):
            if var d = drag, d.isScrub {
                // Anywhere along x, even above or below the track or outside the window: a held
                // timeline follows the pointer's x alone.
                seekTimeline(toX: x)
                d.lastX = x
                d.lastY = y
                d.moved = true
                drag = d
                return []
            }
            if var d = drag, let value = d.paintValue {
                if let to = inputCell(x: x, y: y) {
                    let from = inputCell(x: d.lastX, y: d.lastY) ?? to
                    update(.paintStroke(fromRow: from.row, fromCol: from.col, toRow: to.row, toCol: to.col, value: value))
                }
                d.lastX = x
                d.lastY = y
                d.moved = true
                drag = d
                hover = hoverTarget(x: x, y: y)
                return []
            }
            if var d = drag {
                let dx = x - d.lastX, dy = y - d.lastY
                if !d.moved && (dx * dx + dy * dy).squareRoot() < AppState.dragThreshold { return [] }
                d.moved = true
                pan(d.panel, dx: dx, dy: dy)
                d.lastX = x
                d.lastY = y
                drag = d
                return []
            }
            let previous = hover
            hover = hoverTarget(x: x, y: y)
            if !clock.isPlaying {
                if let h = hover {
                    if h != previous { previewScan(at: h) }
                } else {
                    endPreview()
                }
            }
        case let .pressed(x, y, button):
            if button == .primary, timelinePosition(atX: x, y: y) != nil {
                seekTimeline(toX: x)
                drag = DragState(panel: .conv, lastX: x, lastY: y, isScrub: true)
                return []
            }
            if button == .primary, let w = kernelWeight(atX: x, y: y) {
                update(.selectWeight(row: w.row, col: w.col))
                return []
            }
            if painter.isOn, button != .middle, let cell = inputCell(x: x, y: y) {
                let value: Float = button == .primary ? 1 : 0
                // The drag first, so that the whole stroke, this dab included, is one undo step.
                drag = DragState(panel: .input, lastX: x, lastY: y, paintValue: value)
                update(.paint(row: cell.row, col: cell.col, value: value))
                return []
            }
            guard button == .primary, let kind = FrameLayout(state: self).panel(atX: x, y: y) else { return [] }
            drag = DragState(panel: kind, lastX: x, lastY: y)
        case let .released(x, y, button):
            guard button != .middle, let d = drag else { return [] }
            if d.paintValue == nil && button != .primary { return [] }
            drag = nil
            hover = hoverTarget(x: x, y: y)
            if d.paintValue == nil, !d.isScrub, !d.moved, let h = hover {
                placeScan(at: h)
                hoverPreview = nil
            }
        case let .scrolled(x, y, steps, coarse):
            if let w = kernelWeight(atX: x, y: y) {
                if steps != 0 {
                    update(.selectWeight(row: w.row, col: w.col))
                    update(.nudgeWeight(steps: steps, coarse: coarse))
                }
                return []
            }
            let layout = FrameLayout(state: self)
            guard steps != 0, let kind = layout.panel(atX: x, y: y) else { return [] }
            var factor = 1.0
            for _ in 0..<min(abs(steps), 16) { factor *= AppState.wheelZoomStep }
            if steps < 0 { factor = 1 / factor }
            let mapping = layout.mapping(kind, in: self)
            panels[kind.rawValue] = mapping.view.zoomed(by: factor, aboutX: x, y: y, in: mapping)
            hover = hoverTarget(x: x, y: y)
        case .left:
            // A drag keeps going outside the window (the press grabs the pointer); only the hover ends.
            hover = nil
            if drag == nil { endPreview() }
        }
        return []
    }

    /// The input pixel under a window point, or nil.
    func inputCell(x: Double, y: Double) -> GridCell? {
        guard let t = hoverTarget(x: x, y: y), t.panel == .input else { return nil }
        return GridCell(row: t.row, col: t.col)
    }

    /// The cell under a window point, or nil when the point is over no cell.
    public func hoverTarget(x: Double, y: Double) -> HoverTarget? {
        FrameLayout(state: self).hitTest(x: x, y: y, in: self).map { HoverTarget(panel: $0.panel, row: $0.row, col: $0.col) }
    }

    /// The scan position a panel cell belongs to: for the input, the window centred on that pixel
    /// (clamped to the positions that exist); for the conv map, that cell; for the pool map, the
    /// first cell of its 2×2 block.
    public func scanPosition(for target: HoverTarget) -> Int {
        let g = geometry
        let row: Int, col: Int
        switch target.panel {
        case .input:
            row = AppState.outputIndex(centredOn: target.row, geometry: g, count: g.outputHeight)
            col = AppState.outputIndex(centredOn: target.col, geometry: g, count: g.outputWidth)
        case .conv:
            row = target.row
            col = target.col
        case .pool:
            row = 2 * target.row
            col = 2 * target.col
        }
        let r = min(max(row, 0), max(0, scan.rows - 1)), c = min(max(col, 0), max(0, scan.columns - 1))
        return scan.index(row: r, col: c)
    }

    /// The output index along one axis whose window is centred nearest to input index `i`:
    /// the window of output `o` starts at `o·s − p` and its centre tap is `(span − 1)/2` further.
    static func outputIndex(centredOn i: Int, geometry g: ConvGeometry, count: Int) -> Int {
        guard count > 0 else { return 0 }
        let offset = Double(i + g.pad - (g.span - 1) / 2) / Double(g.stride)
        return min(max(Int(offset.rounded()), 0), count - 1)
    }

    private mutating func placeScan(at target: HoverTarget) {
        scan.seek(scanPosition(for: target))
        clock.resetPhase()
    }

    /// Puts the scan under the pointer, remembering where it stood before the preview began.
    private mutating func previewScan(at target: HoverTarget) {
        let origin = hoverPreview.flatMap { $0.isShowing(in: scan) ? $0.origin : nil } ?? scan.position
        placeScan(at: target)
        hoverPreview = ScanPreview(origin: origin, shown: scan.position, count: scan.count)
    }

    /// The pointer left the panels: a preview goes back to where the scan stood. When something
    /// else has moved the scan since (a key, a click, playing, a new map) the preview is over.
    mutating func endPreview() {
        if let p = hoverPreview, p.isShowing(in: scan) {
            scan.seek(p.origin)
            clock.resetPhase()
        }
        hoverPreview = nil
    }

    private mutating func pan(_ kind: PanelKind, dx: Double, dy: Double) {
        let mapping = FrameLayout(state: self).mapping(kind, in: self)
        panels[kind.rawValue] = mapping.view.panned(dx: dx, dy: dy, in: mapping)
    }
}

/// A scan position shown while the pointer hovers a panel, and the one to go back to.
struct ScanPreview: Equatable, Sendable {
    /// Where the scan stood before the preview.
    let origin: Int
    /// Where the preview put it.
    let shown: Int
    /// The number of positions of the map it was shown on.
    let count: Int

    /// Whether the scan is still where the preview put it, on the same map.
    func isShowing(in scan: ScanCursor) -> Bool { scan.position == shown && scan.count == count }
}
