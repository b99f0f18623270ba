import ConvModel
import ConvNet

/// The images the learn view trains on and measures with: the data set's training images and
/// the first 1,000 of its test images, or, without the data set, the 100 shipped test images
/// for both (the view says so).
struct LearnData {
    let training: ImageSet
    let heldOut: ImageSet
    let onSample: Bool

    static let heldOutCount = 1000

    static func load() throws -> LearnData {
        let (test, _, note) = try NetEvalCommand.testSet(nil)
        if note != nil { return LearnData(training: test, heldOut: test, onSample: true) }
        let data = try NetData.open(nil)
        return LearnData(training: try data.trainingSet(), heldOut: test.prefix(heldOutCount), onSample: false)
    }
}

/// Training as the learn view shows it: batches of DESIGN.md's recipe from fresh He-normal
/// weights (seed 0) or given ones, the running loss and accuracy, and the held-out accuracy
/// every `testEvery` batches. Used by the worker thread and, synchronously, by `--learn-steps`.
final class LearnSession {
    static let testEvery = 200
    static let pointEvery = 10
    static let maxPoints = 600

    let data: LearnData
    let startedFrom: String
    private var trainer: Trainer
    private var training: [LearnPoint] = []
    private var test: [LearnPoint] = []
    private var steps = 0
    private var windowLoss = 0.0, windowCorrect = 0, windowCount = 0
    private var smoothedLoss: Double?, smoothedAccuracy: Double?
    /// Wall-clock images a second, measured by the worker; 0 when not measured (`--learn-steps`).
    var imagesPerSecond = 0.0

    init(data: LearnData, from weights: NetworkWeights?, learningRate: Float) {
        self.data = data
        var recipe = TrainingRecipe()
        recipe.epochs = Int.max
        recipe.learningRate = learningRate
        var rng = SeededGenerator(seed: recipe.seed)
        let start = weights ?? NetworkWeights.heNormal(.standard, using: &rng)
        startedFrom = weights == nil ? "fresh He-normal weights (seed 0)" : "the network's weights"
        trainer = Trainer(network: Network(start), images: data.training, recipe: recipe, generator: rng)
        measureTest()
    }

    /// Batches trained so far.
    var stepCount: Int { steps }

    var learningRate: Float {
        get { trainer.recipe.learningRate }
        set { trainer.recipe.learningRate = newValue }
    }

    /// One batch, with its share of the curves.
    func step() {
        let r = trainer.step()
        steps += 1
        windowLoss += r.loss
        windowCorrect += r.correct
        windowCount += r.count
        if steps % LearnSession.pointEvery == 0, windowCount > 0 {
            let loss = windowLoss / Double(windowCount), accuracy = Double(windowCorrect) / Double(windowCount)
            // Smoothed over about five points, so the curve reads through the batch-to-batch noise.
            smoothedLoss = smoothedLoss.map { 0.8 * $0 + 0.2 * loss } ?? loss
            smoothedAccuracy = smoothedAccuracy.map { 0.8 * $0 + 0.2 * accuracy } ?? accuracy
            training.append(LearnPoint(imagesSeen: trainer.imagesSeen, loss: smoothedLoss, accuracy: smoothedAccuracy!))
            if training.count > LearnSession.maxPoints { training = LearnSession.thinned(training) }
            windowLoss = 0
            windowCorrect = 0
            windowCount = 0
        }
        if steps % LearnSession.testEvery == 0 { measureTest() }
    }

    /// The held-out accuracy now, unless it was just measured (`--learn-steps` ends with one).
    func measureTestNow() {
        if test.last?.imagesSeen != trainer.imagesSeen { measureTest() }
    }

    private func measureTest() {
        let e = Evaluation(network: trainer.network, set: data.heldOut)
        test.append(LearnPoint(imagesSeen: trainer.imagesSeen, loss: nil, accuracy: e.accuracy))
        if test.count > LearnSession.maxPoints { test = LearnSession.thinned(test) }
    }

    /// Every other point, the last kept: a long run keeps its whole shape in bounded memory.
    private static func thinned(_ points: [LearnPoint]) -> [LearnPoint] {
        var out = stride(from: 0, to: points.count, by: 2).map { points[$0] }
        if out.last != points.last, let last = points.last { out.append(last) }
        return out
    }

    var progress: LearnProgress {
        LearnProgress(weights: trainer.network.weights, steps: steps, imagesSeen: trainer.imagesSeen, epoch: trainer.epoch,
                      imagesPerSecond: imagesPerSecond, learningRate: trainer.recipe.learningRate, training: training,
                      test: test, trainingImages: data.training.count, heldOutImages: data.heldOut.count,
                      onSample: data.onSample, startedFrom: startedFrom)
    }
}
