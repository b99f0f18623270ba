import ConvNet

/// How fast the learn view trains, and at what learning rate: the choices its keys step through.
public enum LearnControls {
    /// Batches per second, slowest first; nil is full speed (as fast as one core trains).
    public static let speeds: [Int?] = [1, 2, 5, 10, 20, 50, 100, 200, nil]
    public static let fullSpeed = speeds.count - 1

    /// The learning rate's keys multiply or divide it by 2 within these bounds: below 1e-4 the
    /// filters barely move in a minute; above 0.5 this network diverges within a few batches.
    public static let lowestLearningRate: Float = 1e-4
    public static let highestLearningRate: Float = 0.5

    /// "10 batches/s", or "full speed".
    public static func speedLabel(_ index: Int) -> String {
        guard let n = speeds[min(max(index, 0), fullSpeed)] else { return "full speed" }
        return n == 1 ? "1 batch/s" : "\(n) batches/s"
    }
}

/// What a person can do to a learn session (the window's keys map onto these).
public enum LearnAction: Equatable, Sendable {
    case togglePause
    /// Trains one batch and pauses.
    case stepOnce
    case faster
    case slower
    case learningRateUp
    case learningRateDown
    /// A fresh He-normal start from the next seed (seed + 1), keeping the learning rate and speed.
    case reset
    /// A start from these weights (`name` says whose), the shuffles from the same seed, keeping
    /// the learning rate and speed: `End`, from the network's own weights.
    case restart(from: NetworkWeights, name: String)
}
