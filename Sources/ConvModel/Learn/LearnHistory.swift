import ConvNet

/// What the learn view plots: the running training loss and accuracy, and the test accuracy.
///
/// Training batches are gathered into points of `batchesPerPoint` batches each: a point holds the
/// mean loss and the accuracy over the images of its batches (each classified before its batch's
/// step), at the number of images seen when its last batch ended. So that a run of days stays
/// small, when there are more than `maxPoints` points, neighbours are merged in pairs (weighted by
/// their images) and later points gather twice as many batches.
public struct LearnHistory: Equatable, Sendable {
    public struct Point: Equatable, Sendable {
        /// Images seen when the point's last batch ended.
        public var imagesSeen: Int
        public var loss: Double
        public var accuracy: Double
        /// The images the point averages over.
        public var images: Int

        public init(imagesSeen: Int, loss: Double, accuracy: Double, images: Int) {
            (self.imagesSeen, self.loss, self.accuracy, self.images) = (imagesSeen, loss, accuracy, images)
        }
    }

    /// A test accuracy measured after `steps` batches.
    public struct TestPoint: Equatable, Sendable {
        public var steps: Int
        public var imagesSeen: Int
        public var accuracy: Double
    }

    public static let maxPoints = 1000
    public private(set) var training: [Point] = []
    public private(set) var test: [TestPoint] = []
    public private(set) var batchesPerPoint: Int

    private var pendingLoss = 0.0
    private var pendingCorrect = 0
    private var pendingImages = 0
    private var pendingBatches = 0

    public init(batchesPerPoint: Int = 10) {
        precondition(batchesPerPoint >= 1, "a point holds at least one batch")
        self.batchesPerPoint = batchesPerPoint
    }

    /// Adds one trained batch; `imagesSeen` counts it.
    public mutating func add(_ batch: BatchResult, imagesSeen: Int) {
        pendingLoss += batch.loss
        pendingCorrect += batch.correct
        pendingImages += batch.count
        pendingBatches += 1
        guard pendingBatches >= batchesPerPoint, pendingImages > 0 else { return }
        training.append(Point(imagesSeen: imagesSeen, loss: pendingLoss / Double(pendingImages),
                              accuracy: Double(pendingCorrect) / Double(pendingImages), images: pendingImages))
        (pendingLoss, pendingCorrect, pendingImages, pendingBatches) = (0, 0, 0, 0)
        if training.count > LearnHistory.maxPoints { halve() }
    }

    public mutating func addTest(accuracy: Double, steps: Int, imagesSeen: Int) {
        test.append(TestPoint(steps: steps, imagesSeen: imagesSeen, accuracy: accuracy))
    }

    /// The latest training point, if any.
    public var latest: Point? { training.last }

    private mutating func halve() {
        var merged: [Point] = []
        merged.reserveCapacity(training.count / 2 + 1)
        var i = 0
        while i < training.count {
            if i + 1 < training.count {
                let a = training[i], b = training[i + 1], n = Double(a.images + b.images)
                merged.append(Point(imagesSeen: b.imagesSeen,
                                    loss: (a.loss * Double(a.images) + b.loss * Double(b.images)) / n,
                                    accuracy: (a.accuracy * Double(a.images) + b.accuracy * Double(b.images)) / n,
                                    images: a.images + b.images))
            } else {
                merged.append(training[i])
            }
            i += 2
        }
        training = merged
        batchesPerPoint *= 2
    }
}
