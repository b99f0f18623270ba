import ConvNet

/// The learn view of a tour scene: a training run stepped by the tour's clock inside `update`,
/// and the picture of it the frame draws.
///
/// The run is a function of the scene's seed, the training images and the number of batches, so
/// the same tour time always shows the same weights: `train(toSteps:)` trains forward, and going
/// back (which a tour never asks) starts again from the seed. Equality is that of the picture.
public struct TourLearning: Equatable, Sendable {
    public let spec: NetworkScene.Learning
    /// What the frame draws: the latest snapshot, in the window's theme and scale.
    public internal(set) var view: LearnView
    private let run: LearnRun

    init(spec: NetworkScene.Learning, images: LearnImages) {
        self.spec = spec
        run = LearnRun(spec: spec, images: images)
        view = LearnView(snapshot: run.snapshot())
    }

    /// Batches trained so far.
    public var steps: Int { view.snapshot.steps }

    /// Trains on to `steps` batches from the start (from the seed again if it is already past).
    mutating func train(toSteps steps: Int) {
        run.train(toSteps: steps)
        view.snapshot = run.snapshot()
    }

    public static func == (a: TourLearning, b: TourLearning) -> Bool { a.spec == b.spec && a.view == b.view }
}

/// The session behind a `TourLearning`. A class, since training in place is what makes stepping
/// cheap; `@unchecked Sendable` because only `AppState.update` touches it, on the thread that
/// owns the state. A copy of the state shares it: the copy keeps its own snapshot (a value), and
/// training only ever moves the session to the step count asked of it.
private final class LearnRun: @unchecked Sendable {
    let spec: NetworkScene.Learning
    let images: LearnImages
    private var session: LearnSession

    init(spec: NetworkScene.Learning, images: LearnImages) {
        self.spec = spec
        self.images = images
        session = LearnRun.fresh(spec, images)
    }

    private static func fresh(_ spec: NetworkScene.Learning, _ images: LearnImages) -> LearnSession {
        let speed = LearnControls.speeds.firstIndex(of: spec.batchesPerSecond) ?? LearnControls.fullSpeed
        return LearnSession(training: images.training, test: images.test, usesSample: images.usesSample,
                            seed: spec.seed, speedIndex: speed)
    }

    func train(toSteps steps: Int) {
        if steps < session.steps { session = LearnRun.fresh(spec, images) }
        while session.steps < steps, !session.diverged { session.step() }
    }

    /// The rate shown is the tour clock's: batches a second of the scene, 32 images each.
    func snapshot() -> LearnSnapshot {
        session.snapshot(imagesPerSecond: Double(spec.batchesPerSecond * TrainingRecipe().batch))
    }
}
