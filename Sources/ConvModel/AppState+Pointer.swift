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

/// A pan in progress on one panel.
public struct DragState: Equatable, Sendable {
    public var panel: PanelKind
    public var lastX: Double
    public var lastY: Double
    /// Whether the pointer has moved far enough for this to be a drag rather than a click.
    public var moved: Bool

    public init(panel: PanelKind, lastX: Double, lastY: Double, moved: Bool = false) {
        self.panel = panel
        self.lastX = lastX
        self.lastY = lastY
        self.moved = moved
    }
}

extension AppState {
    /// Mouse handling. Hit-testing needs the frame layout, which lands with the renderer;
    /// until then the pointer only clears its hover when it leaves.
    mutating func handlePointer(_ event: PointerEvent) -> [Effect] {
        if case .left = event { hover = nil; drag = nil }
        return []
    }
}
