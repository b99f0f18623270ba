import CCairo
import ConvModel
import Foundation

/// Draws one whole frame of the app state into any Cairo context: the window, `render`, `record`,
/// `bench` and the tests all go through here, so what is tested is what is seen.
///
///     let renderer = FrameRenderer()
///     renderer.draw(state, into: cr, width: 1920, height: 1080)      // a window's back buffer
///     try renderer.render(state, width: 1920, height: 1080).writePNG(to: "frame.png")
///
/// A renderer keeps the coloured map images and glyph tables between frames, so keep one per
/// window (or loop) and reuse it. It is not thread-safe; the static functions share one
/// renderer behind a lock.
public final class FrameRenderer {
    let maps = MapImageCache()
    let layers = PanelLayers()
    let stripLayer = StripLayer()
    /// The timeline's knob, drawn once for each place within a pixel.
    let knobMasks = KnobMask()
    let layoutMemo = LayoutMemo()
    /// Draws a tour scene's learn view.
    let learnRenderer = LearnRenderer()
    private var numberGlyphs: [Int: NumberGlyphs] = [:]
    /// The code overlay's layout, measured for one window and one set of snippets, and its card as
    /// drawn in one theme (nil until drawn).
    var codeOverlayCache: (layout: FrameLayout, snippets: [CodeSnippet], overlay: CodeOverlay)?
    var codeCard: (theme: Theme, surface: ImageSurface)?

    /// When set, the texts of the frames drawn are noted here (for the layout tests).
    var textRecorder: TextRecorder?
    /// While a damaged frame is drawn, the rectangle being drawn: parts outside it are skipped.
    private(set) var damageClip: Rect?
    /// A context to measure text in without drawing (a 1×1 image).
    private(set) lazy var measuring: DrawingContext? = (try? ImageSurface(width: 1, height: 1, opaque: true)).map(DrawingContext.init)
    /// What Cairo said about the strings measured and drawn so far, for every canvas of this renderer.
    let textMemo = TextMemo()

    /// A canvas on `measuring`, for laying out without drawing.
    var measuringCanvas: Canvas? { measuring.map { Canvas(cr: $0.pointer, memo: textMemo) } }
    /// The products and sum as last written out, by the cell and detail layout they were for.
    let writtenSums = RecentValues<WrittenSumKey, SumText>()
    /// The status line, the written-out sum and the pool's arithmetic as last laid out.
    let statusBands = RecentValues<StatusKey, StatusLine>()
    /// The status line's left half as last written, and what from.
    var settingsTextMemo: (key: SettingsTextKey, text: [String])?
    /// The bands and looks of the frame before and the new one (only two: a state holds its maps).
    let extrasMemo = RecentValues<FrameExtras.Key, FrameExtras>(capacity: 2)
    /// The last two scenes made, with the size they were made for (`scene(_:width:height:)`).
    private var recentScenes: [(scene: FrameScene, width: Int, height: Int)] = []
    let sumBands = RecentValues<SumKey, TextBand>()
    let poolBands = RecentValues<PoolKey, TextBand>()
    /// The strip's boxes as last measured: a step that lights another stage compares them.
    let stripBoxMemo = RecentValues<StripBoxesKey, (boxes: [Rect], pad: Double)>()

    public init() {}

    /// Draws the frame for `state` at `width`×`height` pixels with its top-left at the context's
    /// origin. Nothing is drawn outside that rectangle; the context's state is left as it was.
    public func draw(_ state: AppState, into cr: OpaquePointer, width: Int, height: Int) {
        drawFrame(state, into: cr, width: width, height: height, only: nil)
    }

    /// The frame, or with `damage` only the parts of it inside those rectangles (the rest of the
    /// context is left as it was): the same drawing either way, clipped, with whole sections
    /// that lie outside every rectangle skipped.
    func drawFrame(_ state: AppState, into cr: OpaquePointer, width: Int, height: Int, only damage: [Rect]?) {
        guard width > 0, height > 0 else { return }
        let scene = self.scene(state, width: width, height: height)
        let canvas = Canvas(cr: cr, recorder: textRecorder, memo: textMemo)
        // Where the parts lie and what the background skips are the same for every rectangle.
        let frame = FramePlan(scene)
        guard let damage else { return drawFrame(scene, canvas, within: scene.layout.bounds, frame) }
        // One rectangle at a time: Cairo rasterises an edge that is not on a pixel boundary the
        // same way with a one-box clip as with none, but not always with a clip of several boxes.
        for r in damage {
            damageClip = r
            drawFrame(scene, canvas, within: r.intersection(scene.layout.bounds), frame)
        }
        damageClip = nil
    }

    /// What a frame's passes share: the parts' sections, and the boxes the background leaves out
    /// (the panels' cells and the strip, copied in whole).
    private struct FramePlan {
        let sections: FrameSections
        let cells: [Rect]

        init(_ scene: FrameScene) {
            sections = FrameSections(scene)
            cells = (scene.state.network?.openStage == nil ? PanelKind.allCases.map { FrameRenderer.visibleGrid($0, scene) } : [])
                + [scene.layout.strip.frame]
        }
    }

    private func drawFrame(_ scene: FrameScene, _ canvas: Canvas, within area: Rect, _ frame: FramePlan) {
        guard !area.isEmpty else { return }
        let cr = canvas.cr, state = scene.state
        canvas.save()
        defer { canvas.restore() }
        canvas.clip(area)
        // A context without a face makes Cairo build its default toy face the first time the face
        // is asked for, and the `restore` drops it again: each damaged rectangle would pay for it.
        cairo_set_font_face(cr, Canvas.regularFace)
        if let learning = state.tourLearning {
            // The learn view covers the whole frame, and is always drawn whole.
            drawTourLearning(learning, scene, canvas)
            if let message = state.message { drawMessage(message, scene, canvas) }
            if state.view.showHelp { drawHelp(scene, canvas) }
            return
        }
        // The background goes everywhere but under the panels' cells and the strip, which are
        // copied in whole: at 4K that saves writing half the frame twice.
        let stageView = state.network?.openStage
        canvas.color(scene.palette.background)
        let background = area.subtracting(frame.cells)
        if let direct = DirectPixels(cr), background.allSatisfy(\.isWholePixels) {
            for r in background { _ = direct.fill(r, scene.palette.background) }
        } else {
            for r in background { cairo_rectangle(cr, r.x, r.y, r.width, r.height) }
            cairo_fill(cr)
        }
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)

        // Network mode is always drawn whole (`damage(from:to:…)`), so only the ordinary picture
        // skips what a damaged rectangle misses.
        let sections = frame.sections
        if wants(sections.status) { drawStatus(scene, canvas) }
        if let stage = stageView, let mode = state.network {
            drawStageView(stage, mode, scene, canvas)
        } else {
            for kind in PanelKind.allCases where wants(sections.panel(kind)) { drawPanel(kind, scene, canvas) }
            if wants(sections.timeline) { drawTimeline(scene, canvas) }
            if wants(sections.detail) { drawDetail(scene, canvas) }
            if let mode = state.network { drawWeightHover(mode, scene, canvas) }
        }
        if wants(sections.strip) { drawStrip(scene, canvas) }
        if let caption = state.caption, wants(sections.caption) { drawCaption(caption, scene, canvas) }
        if let message = state.message { drawMessage(message, scene, canvas) }
        if state.view.showCode { drawCode(scene, canvas) }
        if state.view.showHelp { drawHelp(scene, canvas) }
    }

    /// Whether the frame being drawn needs what lies in `r`: always, unless only a damaged
    /// rectangle is being drawn and `r` misses it.
    func wants(_ r: Rect) -> Bool {
        damageClip.map { !$0.intersection(r).isEmpty } ?? true
    }

    /// The scene of a state, its layout and mappings remembered from the last frame when they
    /// would come out the same.
    ///
    /// The last two scenes made are kept and given again for the same state and size: a step works
    /// out the damage from the scene before to the new one, then draws the new one, so each scene
    /// is asked for twice, and a scene found again keeps its extras (found by identity) and
    /// everything it worked out.
    func scene(_ state: AppState, width: Int, height: Int) -> FrameScene {
        if let known = recentScenes.first(where: { $0.width == width && $0.height == height && $0.scene.state.isSame(as: state) }) {
            return known.scene
        }
        let (layout, mappings) = layoutMemo.layout(state, width: width, height: height)
        let made = FrameScene(state: state, layout: layout, mappings: mappings)
        if recentScenes.count >= 2 { recentScenes.removeFirst() }
        recentScenes.append((made, width, height))
        return made
    }

    /// The frame as a new opaque image surface.
    public func render(_ state: AppState, width: Int, height: Int) throws -> ImageSurface {
        try ImageSurface.drawn(width: width, height: height) { draw(state, into: $0, width: width, height: height) }
    }

    /// Glyphs for numbers at a size (quantised to quarter pixels), set as the context's font.
    func glyphs(_ cr: OpaquePointer, size: Double) -> NumberGlyphs {
        let key = Int((size * 4).rounded())
        if let g = numberGlyphs[key] {
            Canvas(cr: cr).font(g.size)
            return g
        }
        let g = NumberGlyphs(cr: cr, size: Double(key) / 4)
        // Zooming walks through many sizes; a window that runs for days must not keep them all.
        if numberGlyphs.count >= 64 { numberGlyphs.removeAll() }
        numberGlyphs[key] = g
        return g
    }

    // MARK: one renderer for everyone

    private static let shared = FrameRenderer()
    private static let lock = NSLock()

    /// Draws with a renderer shared by all callers (one at a time).
    public static func draw(_ state: AppState, into cr: OpaquePointer, width: Int, height: Int) {
        lock.lock()
        defer { lock.unlock() }
        shared.draw(state, into: cr, width: width, height: height)
    }

    /// The frame as a new image surface, drawn by the shared renderer.
    public static func renderImage(_ state: AppState, width: Int, height: Int) throws -> ImageSurface {
        lock.lock()
        defer { lock.unlock() }
        return try shared.render(state, width: width, height: height)
    }

    /// Renders the frame and writes it as a PNG file.
    public static func writePNG(_ state: AppState, width: Int, height: Int, to path: String) throws {
        try renderImage(state, width: width, height: height).writePNG(to: path)
    }
}
