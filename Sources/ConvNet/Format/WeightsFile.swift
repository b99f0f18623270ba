/// The weights file, `convviewer-net/1`: JSON that a PyTorch user loads in a few lines.
///
///     {"format": "convviewer-net/1", "dataset": "fashion-mnist", "classes": ["T-shirt/top", …],
///      "input": [28, 28, 1],
///      "layers": [{"name": "conv1", "type": "conv2d", "weight": [[[[…]]]], "bias": […]},
///                 {"name": "conv2", "type": "conv2d", …}, {"name": "dense", "type": "linear", …}],
///      "training": {"seed": 0, "epochs": 5, "batch": 32, "lr": 0.01, "momentum": 0.9,
///                   "train_images": 60000, "images_seen": 300000, "test_accuracy": 0.8871}}
///
/// Weights nest as PyTorch's `state_dict` tensors: conv [out][in][3][3], linear [out][in].
public struct WeightsFile: Equatable, Sendable {
    public static let format = "convviewer-net/1"
    public static let layerNames = ["conv1", "conv2", "dense"]

    public var weights: NetworkWeights
    public var dataset: String
    public var classes: [String]
    public var training: TrainingRecord?

    public init(weights: NetworkWeights, dataset: String, classes: [String], training: TrainingRecord?) {
        self.weights = weights
        self.dataset = dataset
        self.classes = classes
        self.training = training
    }
}

/// What produced a weights file (absent for weights that were never trained).
public struct TrainingRecord: Equatable, Sendable {
    public var seed: UInt64
    public var epochs: Int
    public var batch: Int
    public var learningRate: Double
    public var momentum: Double
    public var trainImages: Int
    public var imagesSeen: Int
    public var testAccuracy: Double?
    /// Where training started: "he-normal" or the `--init` file's name.
    public var initialWeights: String

    public init(seed: UInt64, epochs: Int, batch: Int, learningRate: Double, momentum: Double,
                trainImages: Int, imagesSeen: Int, testAccuracy: Double?, initialWeights: String) {
        self.seed = seed
        self.epochs = epochs
        self.batch = batch
        self.learningRate = learningRate
        self.momentum = momentum
        self.trainImages = trainImages
        self.imagesSeen = imagesSeen
        self.testAccuracy = testAccuracy
        self.initialWeights = initialWeights
    }
}

/// Why a weights file cannot be used, in one line.
public struct WeightsFileError: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
