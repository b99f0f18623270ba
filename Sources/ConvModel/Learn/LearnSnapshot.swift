import ConvNet

/// Everything the learn view draws of a training run at one moment: a value, handed from the
/// training thread to the main thread whole.
public struct LearnSnapshot: Equatable, Sendable {
    public var weights: NetworkWeights
    /// The mean gradient of the last batch; nil before the first batch (or when not kept).
    public var gradients: NetworkWeights?
    public var history: LearnHistory
    /// Batches trained since the start.
    public var steps: Int
    public var imagesSeen: Int
    /// Whole passes over the training images, and images into the current one.
    public var epoch: Int
    public var imagesIntoEpoch: Int
    public var trainingImages: Int
    public var testImages: Int
    public var learningRate: Float
    public var paused: Bool
    public var speedIndex: Int
    public var seed: UInt64
    /// Where the weights started: "He-normal, seed 0" or a file's name.
    public var start: String
    /// True when the data set is not installed and the shipped 100-image sample is used.
    public var usesSample: Bool
    /// True once the loss stopped being a finite number; training then stays paused.
    public var diverged: Bool
    /// Images per second over the last second or so of running, measured by whoever runs the
    /// session (nil when nobody measured: `render --learn-steps`, or paused).
    public var imagesPerSecond: Double?

    /// The test accuracy last measured.
    public var testAccuracy: Double? { history.test.last?.accuracy }
}
