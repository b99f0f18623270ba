import CCairo
import ConvModel

/// A tour scene's learn view: the caption card at the top of the frame, where the status line
/// usually is, and the learn view (with its own status line) in the rest of the window.
extension FrameRenderer {
    /// The rectangle the learn view takes under the caption card: the whole frame without a caption.
    static func tourLearningArea(_ scene: FrameScene) -> Rect {
        let l = scene.layout
        guard let c = l.caption else { return l.bounds }
        let top = (c.frame.height + l.status.minY + l.gap).rounded()
        return Rect(x: 0, y: top, width: l.bounds.width, height: max(0, l.bounds.height - top))
    }

    func drawTourLearning(_ learning: TourLearning, _ scene: FrameScene, _ canvas: Canvas) {
        let l = scene.layout, state = scene.state
        let area = FrameRenderer.tourLearningArea(scene)
        var view = learning.view.styled(state.view)
        view.showsKeys = false
        canvas.fill(l.bounds, scene.palette.background)
        canvas.save()
        cairo_translate(canvas.cr, area.minX, area.minY)
        learnRenderer.draw(view, into: canvas.cr, width: Int(area.width), height: Int(area.height))
        canvas.restore()
        if let caption = state.caption, let c = l.caption {
            // The card moves up into the status line's place: the learn view has its own.
            canvas.save()
            cairo_translate(canvas.cr, 0, l.status.minY - c.frame.minY)
            drawCaption(caption, scene, canvas)
            canvas.restore()
        }
    }
}
