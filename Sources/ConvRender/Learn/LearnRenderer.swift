import CCairo
import ConvModel

/// Draws the learn view — the filters being learned, the loss and accuracy plots, the figures and
/// the keys — from a `LearnView` into any Cairo context, for the window, `render` and the tests.
///
///     LearnRenderer().draw(view, into: cr, width: 1920, height: 1080)
///
/// Nothing is drawn outside the frame's rectangle; the context's state is left as it was.
public final class LearnRenderer {
    /// When set, every text drawn is noted here (for the layout tests).
    var textRecorder: TextRecorder?
    /// The plots' lines are drawn through it (`PolylineMask`), kept from frame to frame.
    let lineMask = PolylineMask()

    public init() {}

    public func draw(_ view: LearnView, into cr: OpaquePointer, width: Int, height: Int) {
        guard width > 0, height > 0 else { return }
        let layout = view.layout(width: width, height: height)
        let palette = Palette.of(view.theme)
        let canvas = Canvas(cr: cr, recorder: textRecorder)
        canvas.save()
        defer { canvas.restore() }
        canvas.clip(layout.bounds)
        canvas.fill(layout.bounds, palette.background)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        let scene = LearnScene(view: view, layout: layout, palette: palette)
        drawStatus(scene, canvas)
        drawFilters(scene, canvas)
        drawFigures(scene, canvas)
        drawLossPlot(scene, canvas)
        drawAccuracyPlot(scene, canvas)
        if view.showsKeys { drawKeys(scene, canvas) }
    }

    /// The frame as a new opaque image surface.
    public func render(_ view: LearnView, width: Int, height: Int) throws -> ImageSurface {
        try ImageSurface.drawn(width: width, height: height) { draw(view, into: $0, width: width, height: height) }
    }
}

/// One frame's inputs, measured once.
struct LearnScene {
    let view: LearnView
    let layout: LearnLayout
    let palette: Palette
    var snapshot: LearnSnapshot { view.snapshot }
    var fonts: FontSizes { layout.fonts }
    /// The test accuracy's colour: the linked-cells colour on the dark theme; on the light one a
    /// deeper blue than it (0x0B84B8 read weakly on the white plot, beside the orange training
    /// line): 0x1D4ED8 has 6.5 times the plot's luminance contrast, against 4.1.
    var testColor: RGB { view.theme == .light ? RGB(hex: 0x1D4ED8) : palette.link }
}

extension Canvas {
    /// The first of `variants` no wider than `maxWidth` in the current font, if any.
    func firstFitting(_ variants: [String], maxWidth: Double) -> String? {
        variants.first { width($0) <= maxWidth }
    }
}
