import ConvNet

/// The learn view of network mode: the network training on a worker thread while the screen
/// shows its filters, the running loss and accuracy, and the accuracy on held-out test images.
/// The state holds what the worker last reported and what the person asked for; the shell runs
/// the training (`Effect.learn`) and reports back (`Action.learnProgress`).
public struct LearnView: Equatable, Sendable {
    /// What the worker reported last; nil until its first report.
    public internal(set) var progress: LearnProgress?
    /// Training runs (not paused).
    public internal(set) var isRunning: Bool
    /// Batches a second; nil for as fast as the core goes.
    public internal(set) var batchesPerSecond: Double?
    public internal(set) var learningRate: Float

    /// The speeds `+` and `−` step through, from one batch a second up; after the last, full speed.
    public static let speeds: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
    public static let learningRates: [Float] = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1]

    public var speedText: String {
        batchesPerSecond.map { "\(Int($0)) batch\($0 == 1 ? "" : "es")/s" } ?? "full speed"
    }
}

/// One report of the training: the weights now, where it stands, and the curves so far.
public struct LearnProgress: Equatable, Sendable {
    public var weights: NetworkWeights
    public var steps: Int
    public var imagesSeen: Int
    public var epoch: Int
    public var imagesPerSecond: Double
    public var learningRate: Float
    /// Running loss and accuracy of the training batches, a point every few batches.
    public var training: [LearnPoint]
    /// Accuracy on the held-out test images, measured every few hundred batches.
    public var test: [LearnPoint]
    public var trainingImages: Int
    public var heldOutImages: Int
    /// Training runs on the 100 shipped images because the data set is not installed.
    public var onSample: Bool
    /// `fresh weights (seed 0)` or the file the training started from.
    public var startedFrom: String

    public init(weights: NetworkWeights, steps: Int, imagesSeen: Int, epoch: Int,
                imagesPerSecond: Double, learningRate: Float, training: [LearnPoint], test: [LearnPoint],
                trainingImages: Int, heldOutImages: Int, onSample: Bool, startedFrom: String) {
        self.weights = weights
        self.steps = steps
        self.imagesSeen = imagesSeen
        self.epoch = epoch
        self.imagesPerSecond = imagesPerSecond
        self.learningRate = learningRate
        self.training = training
        self.test = test
        self.trainingImages = trainingImages
        self.heldOutImages = heldOutImages
        self.onSample = onSample
        self.startedFrom = startedFrom
    }

    /// The latest held-out accuracy, if one was measured.
    public var testAccuracy: Double? { test.last?.accuracy }
}

/// A point of a training curve: after `imagesSeen` images, the loss (nil for test points) and
/// the accuracy.
public struct LearnPoint: Equatable, Sendable {
    public let imagesSeen: Int
    public let loss: Double?
    public let accuracy: Double

    public init(imagesSeen: Int, loss: Double?, accuracy: Double) {
        self.imagesSeen = imagesSeen
        self.loss = loss
        self.accuracy = accuracy
    }
}

/// What the shell's training worker is told.
public enum LearnCommand: Equatable, Sendable {
    /// Start training: from fresh He-normal weights (seed 0), or from `weights`.
    case start(from: NetworkWeights?, learningRate: Float, batchesPerSecond: Double?, running: Bool)
    case pause
    case resume
    /// One batch, then paused.
    case step
    case setSpeed(Double?)
    case setLearningRate(Float)
    /// Back to fresh weights, keeping the controls.
    case reset
    /// Stop the worker (the learn view closed).
    case stop
}

/// The learn view's controls, as one action each.
public enum LearnControl: Equatable, Sendable {
    case pauseResume, step, faster, slower, rateUp, rateDown, reset, save
    /// Start again from the network's weights as they are (the loaded file, or as trained so far).
    case restartFromNetwork
}
