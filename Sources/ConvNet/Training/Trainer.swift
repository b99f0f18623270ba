/// Trains a `Network` on an `ImageSet`, one batch per call, so a caller can show progress,
/// pause or stop between batches.
///
///     var rng = SeededGenerator(seed: recipe.seed)
///     let net = Network(.heNormal(.standard, using: &rng))
///     var trainer = Trainer(network: net, images: train, recipe: recipe, generator: rng)
///     while !trainer.isFinished { let result = trainer.step() }
///
/// Each epoch starts with a Fisher–Yates shuffle from the generator; the last batch of an
/// epoch may be smaller, and its gradient is the mean over its own images (as PyTorch's
/// DataLoader without drop_last).
public struct Trainer {
    public let network: Network
    public let images: ImageSet
    /// The recipe; its learning rate may change between batches (the learn view does that).
    public var recipe: TrainingRecipe
    private var generator: SeededGenerator
    private var order: [Int]
    /// Epochs completed, and images done in the current one.
    public private(set) var epoch = 0
    public private(set) var position = 0
    public private(set) var imagesSeen = 0

    public init(network: Network, images: ImageSet, recipe: TrainingRecipe, generator: SeededGenerator) {
        precondition(images.rows == NetShape.side && images.columns == NetShape.side, "28×28 images expected")
        precondition(recipe.batch >= 1, "batch must be 1 or more")
        self.network = network
        self.images = images
        self.recipe = recipe
        self.generator = generator
        order = Array(0..<images.count)
    }

    public var isFinished: Bool { epoch >= recipe.epochs || images.count == 0 }

    /// One batch: forward and backward for each of its images, then one SGD step.
    public mutating func step() -> BatchResult {
        precondition(!isFinished, "training is finished")
        if position == 0 { generator.shuffle(&order) }
        let end = min(position + recipe.batch, images.count)
        var result = BatchResult()
        images.pixels.withUnsafeBufferPointer { all in
            for i in order[position..<end] {
                let label = Int(images.labels[i])
                let image = UnsafeBufferPointer(rebasing: all[i * images.imageSize ..< (i + 1) * images.imageSize])
                network.loadInput(image)
                network.forward()
                result.loss += network.loss(label: label)
                if network.predicted == label { result.correct += 1 }
                network.backward(label: label)
            }
        }
        result.count = end - position
        network.update(learningRate: recipe.learningRate, momentum: recipe.momentum, batchSize: result.count)
        imagesSeen += result.count
        position = end
        if position == images.count {
            position = 0
            epoch += 1
        }
        return result
    }
}

/// What one batch did: the summed loss, how many images were classified right before the step,
/// how many images it held.
public struct BatchResult: Equatable, Sendable {
    public var loss = 0.0
    public var correct = 0
    public var count = 0
}
