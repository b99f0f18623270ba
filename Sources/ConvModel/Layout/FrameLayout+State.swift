extension FrameLayout {
    /// The layout of the state's window at its UI scale, with the band for the tour's caption
    /// while one shows. Drawing and hit-testing both come here, so they agree on every rectangle.
    public init(state: AppState) {
        self.init(state: state, width: state.windowWidth, height: state.windowHeight)
    }

    /// The state's layout for a frame of another size (`render` and `record` draw at any size).
    public init(state: AppState, width: Int, height: Int) {
        self.init(width: width, height: height, scale: state.view.scale, caption: state.caption,
                  captionRoom: FrameLayout.captionRoom(state), tallStrip: FrameLayout.tallStrip(state),
                  captionOverDetail: FrameLayout.captionOverDetail(state))
    }

    /// Network mode's strip of thumbnails; not under the tour's learn view, which has no strip.
    public static func tallStrip(_ state: AppState) -> Bool { state.network != nil && state.tourLearning == nil }

    /// A stage view or the tour's learn view: the detail band is theirs, and the caption's to share.
    public static func captionOverDetail(_ state: AppState) -> Bool {
        state.network?.openStage != nil || state.tourLearning != nil
    }

    /// The captions the caption band is sized for: every caption of the running tour, so the
    /// panels do not jump between scenes.
    public static func captionRoom(_ state: AppState) -> [Caption] {
        state.caption == nil ? [] : (state.tour?.tour.scenes.map(\.caption) ?? [])
    }

    /// Size of the grid a panel shows, and how many padding cells it leaves room for around it.
    public static func gridSize(_ kind: PanelKind, in state: AppState) -> (columns: Int, rows: Int, margin: Int) {
        let g = state.geometry
        switch kind {
        case .input: return (g.inputWidth, g.inputHeight, g.pad)
        case .conv: return (g.outputWidth, g.outputHeight, 0)
        case .pool: return (g.poolWidth, g.poolHeight, 0)
        }
    }

    /// Cells ↔ pixels of one panel, with the panel's zoom and pan from the state.
    public func mapping(_ kind: PanelKind, in state: AppState) -> PanelMapping {
        let size = FrameLayout.gridSize(kind, in: state)
        let view = state.panels.indices.contains(kind.rawValue) ? state.panels[kind.rawValue] : PanelView()
        return PanelMapping(area: panel(kind).image, columns: size.columns, rows: size.rows,
                            margin: size.margin, view: view)
    }

    /// The three panels' mappings, left to right.
    public func mappings(in state: AppState) -> [PanelMapping] {
        PanelKind.allCases.map { mapping($0, in: state) }
    }

    /// The panel cell under a window point: which panel, and which cell of its grid. Nil over
    /// titles, gaps, other bands, the empty part of an image area, or the padding around the input.
    public func hitTest(x: Double, y: Double, in state: AppState) -> (panel: PanelKind, row: Int, col: Int)? {
        for kind in PanelKind.allCases where panel(kind).image.contains(x: x, y: y) {
            guard let cell = mapping(kind, in: state).cell(atX: x, y: y) else { return nil }
            return (kind, cell.row, cell.col)
        }
        return nil
    }

    /// The panel whose image area holds the point (for wheel and drag), whether or not a cell is under it.
    public func panel(atX x: Double, y: Double) -> PanelKind? {
        PanelKind.allCases.first { panel($0).image.contains(x: x, y: y) }
    }
}
