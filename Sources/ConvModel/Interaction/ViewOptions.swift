public enum Theme: String, CaseIterable, Sendable {
    case dark, light
}

/// The three panels, left to right.
public enum PanelKind: Int, CaseIterable, Sendable {
    case input, conv, pool
}

/// One panel's zoom and pan: zoom 1 fits the image in the panel; pan is in window pixels.
public struct PanelView: Equatable, Sendable {
    public static let minZoom = 1.0
    /// The zoom limit for a small image; a large one may go further (`maxZoom(fitCellSize:)`).
    public static let maxZoom = 64.0
    /// The cell side, in window pixels, that the deepest zoom reaches at least: enough for the
    /// numbers in the cells up to UI scale 3, on any image.
    public static let deepestCell = 100.0

    /// The zoom limit for cells `fitCellSize` pixels wide at zoom 1: 64×, or more when that
    /// would leave the cells of a large image too small to hold their numbers.
    public static func maxZoom(fitCellSize fit: Double) -> Double {
        fit > 0 && fit.isFinite ? max(maxZoom, deepestCell / fit) : maxZoom
    }

    public var zoom: Double = 1
    public var panX: Double = 0
    public var panY: Double = 0

    public init(zoom: Double = 1, panX: Double = 0, panY: Double = 0) {
        self.zoom = zoom
        self.panX = panX
        self.panY = panY
    }
}

/// What is drawn and how; none of it changes the numbers.
public struct ViewOptions: Equatable, Sendable {
    /// Show the ReLU map (true) or the signed conv map (false) in the middle panel.
    public var showRelu = true
    public var showNumbers = true
    public var showGrid = true
    /// Cells not yet computed are drawn empty (true) or the whole map is shown (false).
    public var progressive = true
    public var showHelp = false
    public var theme: Theme = .dark
    /// UI scale: 1 at 96 dpi.
    public var scale: Double = 1
    /// Glide the box between positions when the speed is slow enough to follow.
    public var glide = true
    /// The overlay with the NumPy and PyTorch code that computes the maps shown.
    public var showCode = false

    public init() {}
}
