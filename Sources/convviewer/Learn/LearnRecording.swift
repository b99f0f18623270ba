import ConvModel
import ConvNet
import ConvRender

/// `record --learn-steps N [--learn-speed B]`: the learn view training on while the video runs,
/// B batches per second of video, tied to the recording clock (not the wall clock), so the same
/// options write the same frames on every run.
final class LearnRecording {
    private let session: LearnSession
    private var view: LearnView
    private let renderer = LearnRenderer()
    private let firstStep: Int
    private let batchesPerSecond: Double
    private let fps: Int

    /// The default --learn-speed: about two epochs of the 100-image sample a second, and the
    /// first test measurement (300 batches) within five seconds of video.
    static let defaultSpeed = 64.0

    init(session: LearnSession, view: LearnView, batchesPerSecond: Double, fps: Int) {
        self.session = session
        self.view = view
        self.batchesPerSecond = batchesPerSecond
        self.fps = fps
        firstStep = session.steps
        self.view.snapshot = snapshot()
    }

    /// Trains up to frame `i`'s batch (`firstStep` + ⌊i · B / fps⌋); true when the view changed.
    func advance(toFrame i: Int) -> Bool {
        let target = firstStep + Int(Double(i) * batchesPerSecond / Double(fps))
        guard session.steps < target, !session.diverged else { return false }
        while session.steps < target, !session.diverged { session.step() }
        view.snapshot = snapshot()
        return true
    }

    func draw(into cr: OpaquePointer, width: Int, height: Int) {
        renderer.draw(view, into: cr, width: width, height: height)
    }

    /// The rate the video shows: the recording clock's, in images (32 a batch) a second.
    private func snapshot() -> LearnSnapshot {
        session.snapshot(imagesPerSecond: batchesPerSecond > 0 ? batchesPerSecond * Double(TrainingRecipe().batch) : nil)
    }
}
