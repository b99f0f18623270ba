import ConvNet

/// A training run the learn view watches: the network, its trainer with DESIGN.md's recipe,
/// and the history of its loss and accuracy, advanced one batch at a time.
///
///     let session = LearnSession(training: train, test: test, usesSample: false, seed: 0)
///     session.step()                          // one batch of 32: forward, backward, SGD step
///     session.apply(.learningRateUp)          // 0.01 → 0.02
///     let picture = session.snapshot()        // a value for the view
///
/// The same seed and the same number of steps give the same weights, bit for bit, as
/// `convviewer net train --seed S` after as many batches (the test accuracy is measured on the
/// same network, which does not touch its weights, momentum or shuffle).
/// Not thread-safe: it belongs to whichever thread trains.
public final class LearnSession {
    /// Test accuracy is measured at step 0 and after every this many batches.
    public static let testEvery = 300
    /// The held-out images the test accuracy is measured on (the first of the test set).
    public static let testCount = 1000

    public let trainingSet: ImageSet
    public let testSet: ImageSet
    public let usesSample: Bool
    public private(set) var seed: UInt64
    public private(set) var start: String
    public private(set) var network: Network
    private var trainer: Trainer
    public private(set) var history = LearnHistory()
    public private(set) var steps = 0
    public private(set) var paused: Bool
    public private(set) var speedIndex: Int
    public private(set) var diverged = false
    /// Whether the last batch's gradient is kept for `snapshot` (costs a copy per batch).
    public var keepsGradients: Bool {
        get { network.keepsGradients }
        set { network.keepsGradients = newValue }
    }

    /// A session on `training`, measuring on the first `testCount` images of `test`. Without
    /// `weights`, a He-normal start drawn from `seed` (as `net train`); with them, that start and
    /// `seed` only for the shuffles (as `net train --init`), `startName` saying where it came from.
    public init(training: ImageSet, test: ImageSet, usesSample: Bool, seed: UInt64 = 0,
                weights: NetworkWeights? = nil, startName: String? = nil,
                learningRate: Float = TrainingRecipe().learningRate, paused: Bool = false,
                speedIndex: Int = LearnControls.fullSpeed) {
        precondition(training.count > 0, "a session needs training images")
        trainingSet = training
        testSet = test.prefix(LearnSession.testCount)
        self.usesSample = usesSample
        self.seed = seed
        self.paused = paused
        self.speedIndex = min(max(speedIndex, 0), LearnControls.fullSpeed)
        let begun = LearnSession.begin(training, seed: seed, weights: weights, learningRate: learningRate)
        network = begun.network
        trainer = begun.trainer
        start = weights == nil ? "He-normal, seed \(seed)" : (startName ?? "loaded weights")
        measureTest()
    }

    private static func begin(_ training: ImageSet, seed: UInt64, weights: NetworkWeights?,
                              learningRate: Float) -> (network: Network, trainer: Trainer) {
        var generator = SeededGenerator(seed: seed)
        let network = Network(weights ?? NetworkWeights.heNormal(.standard, using: &generator))
        var recipe = TrainingRecipe()
        recipe.seed = seed
        recipe.epochs = Int.max
        recipe.learningRate = learningRate
        return (network, Trainer(network: network, images: training, recipe: recipe, generator: generator))
    }

    public var learningRate: Float { trainer.recipe.learningRate }
    public var imagesSeen: Int { trainer.imagesSeen }

    /// Trains one batch; measures the test accuracy when the step count reaches a multiple of
    /// `testEvery`. Does nothing once diverged.
    public func step() {
        guard !diverged else { return }
        let result = trainer.step()
        steps += 1
        guard result.loss.isFinite else {
            diverged = true
            paused = true
            return
        }
        history.add(result, imagesSeen: trainer.imagesSeen)
        if steps % LearnSession.testEvery == 0 { measureTest() }
    }

    private func measureTest() {
        guard testSet.count > 0 else { return }
        history.addTest(accuracy: Evaluation(network: network, set: testSet).accuracy, steps: steps, imagesSeen: trainer.imagesSeen)
    }

    /// Applies a person's action.
    public func apply(_ action: LearnAction) {
        switch action {
        case .togglePause:
            if !diverged { paused.toggle() }
        case .stepOnce:
            paused = true
            step()
        case .faster:
            speedIndex = min(speedIndex + 1, LearnControls.fullSpeed)
        case .slower:
            speedIndex = max(speedIndex - 1, 0)
        case .learningRateUp:
            trainer.recipe.learningRate = min(learningRate * 2, LearnControls.highestLearningRate)
        case .learningRateDown:
            trainer.recipe.learningRate = max(learningRate / 2, LearnControls.lowestLearningRate)
        case .reset:
            seed &+= 1
            begin(from: nil, name: "He-normal, seed \(seed)")
        case let .restart(weights, name):
            begin(from: weights, name: name)
        }
    }

    /// Starts over from `weights` (a He-normal draw from `seed` when nil): no steps, no history.
    private func begin(from weights: NetworkWeights?, name: String) {
        let keep = keepsGradients
        let begun = LearnSession.begin(trainingSet, seed: seed, weights: weights, learningRate: learningRate)
        (network, trainer) = (begun.network, begun.trainer)
        keepsGradients = keep
        start = name
        history = LearnHistory()
        steps = 0
        diverged = false
        measureTest()
    }

    /// Batches per second at the chosen speed; nil for full speed.
    public var batchesPerSecond: Int? { LearnControls.speeds[speedIndex] }

    /// The session as the view shows it; `imagesPerSecond` as measured by the caller.
    public func snapshot(imagesPerSecond: Double? = nil) -> LearnSnapshot {
        let intoEpoch = trainer.position
        return LearnSnapshot(weights: network.weights, gradients: keepsGradients ? network.lastGradients : nil,
                             history: history, steps: steps, imagesSeen: trainer.imagesSeen, epoch: trainer.epoch,
                             imagesIntoEpoch: intoEpoch, trainingImages: trainingSet.count, testImages: testSet.count,
                             learningRate: learningRate, paused: paused, speedIndex: speedIndex, seed: seed, start: start,
                             usesSample: usesSample, diverged: diverged, imagesPerSecond: imagesPerSecond)
    }
}
