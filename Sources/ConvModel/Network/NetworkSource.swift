import ConvNet

/// A trained network and the pictures to show it with: its weights, the names of its classes,
/// and test images with their labels. The shell reads the files; the model only holds the values.
public struct NetworkSource: Equatable, Sendable {
    /// What the status line calls the network (`fashion-8-16`).
    public let name: String
    public let weights: NetworkWeights
    public let classes: [String]
    public let testImages: ImageSet
    /// Where the test images came from, in words (`Fashion-MNIST test set` or the shipped sample).
    public let testSource: String
    /// The test images are the few shipped with the weights (the data set is not installed).
    public let isShippedSample: Bool
    /// The weights file the code overlay's lines open (`fashion-8-16.json`, `weights-2.json`): the
    /// one they were loaded from or saved to; nil when they are in no file (trained in the window
    /// and not saved since).
    public let file: String?

    public init(name: String, weights: NetworkWeights, classes: [String], testImages: ImageSet, testSource: String,
                isShippedSample: Bool = false, file: String? = nil) {
        precondition(classes.count == NetShape.classes, "ten class names expected")
        precondition(testImages.rows == NetShape.side && testImages.columns == NetShape.side, "28×28 test images expected")
        self.name = name
        self.weights = weights
        self.classes = classes
        self.testImages = testImages
        self.testSource = testSource
        self.isShippedSample = isShippedSample
        self.file = file
    }

    public var shape: NetShape { weights.shape }

    /// Test image `i` as a 28×28 grid of values in [0, 1].
    public func testGrid(_ i: Int) -> Grid {
        Grid(width: NetShape.side, height: NetShape.side, values: testImages.values(i))
    }

    public static func == (a: NetworkSource, b: NetworkSource) -> Bool {
        a.name == b.name && a.weights == b.weights && a.classes == b.classes && a.testSource == b.testSource && a.isShippedSample == b.isShippedSample
            && a.file == b.file
            && a.testImages.labels == b.testImages.labels && a.testImages.pixels == b.testImages.pixels
    }
}
