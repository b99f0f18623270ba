import ConvNet

/// What a tour scene shows of the trained network: network mode on a test image or a blank
/// canvas, one learned first-layer filter in the panels, a stage view open in their place, or the
/// learn view training from a seed on the tour's clock.
///
///     TourScene(caption: …, seconds: 12, image: face, kernel: edgeV,
///               network: NetworkScene(input: .test(0), stage: NetStages.softmax))
///
/// Like the rest of a scene, everything here is set when the scene starts, whatever the visitor
/// did before: network mode is left and entered afresh, paint mode is on only for the canvas, and
/// the learn view starts from its seed with no batches trained.
public struct NetworkScene: Equatable, Sendable {
    public enum Input: Equatable, Sendable {
        /// Test image `i` of the network's test set (taken modulo the set's size, which the tour
        /// cannot know: 10,000 with the data set, 100 with the shipped sample).
        case test(Int)
        /// A black 28×28 canvas, paint mode on; the scene's cues paint on it.
        case canvas
    }

    public var input: Input
    /// The learned first-layer filter the panels show (0-based; past the network's last, its last).
    public var filter: Int
    /// The stage view open in place of the panels (an index of `NetStages.names`); nil for the panels.
    public var stage: Int?
    /// The brush's side in paint mode (`InputPainter.brushSizes`).
    public var brush: Int
    /// The learn view in place of everything, training as the scene plays; nil for none.
    public var learning: Learning?

    public init(input: Input = .test(0), filter: Int = 0, stage: Int? = nil, brush: Int = 1, learning: Learning? = nil) {
        self.input = input
        self.filter = filter
        self.stage = stage
        self.brush = brush
        self.learning = learning
    }

    /// Training tied to the tour's clock: `batchesPerSecond` batches for every second of the
    /// scene, trained in `updatesPerSecond` bursts a second, from a He-normal start drawn from
    /// `seed`. The picture changes only at the bursts, so the window draws only then; and since
    /// the bursts are cues at fixed scene times, two runs of the scene train the same batches
    /// whatever the length of the ticks.
    public struct Learning: Equatable, Sendable {
        public var seed: UInt64
        public var batchesPerSecond: Int
        public var updatesPerSecond: Int

        public init(seed: UInt64 = 0, batchesPerSecond: Int = 20, updatesPerSecond: Int = 5) {
            self.seed = seed
            self.batchesPerSecond = batchesPerSecond
            self.updatesPerSecond = updatesPerSecond
        }

        /// Batches trained by `seconds` into the scene: those of the bursts due by then.
        public func steps(at seconds: Double) -> Int {
            let bursts = Int((seconds * Double(updatesPerSecond) + 1e-9).rounded(.down))
            return bursts * batchesPerSecond / updatesPerSecond
        }

        /// The bursts of a scene `seconds` long, as cues: burst k at k / updatesPerSecond, the
        /// last one before the scene ends (a burst at its very end would never be seen).
        func cues(within seconds: Double) -> [TourCue] {
            let count = Int((seconds * Double(updatesPerSecond) - 1e-6).rounded(.up)) - 1
            guard count > 0 else { return [] }
            return (1...count).map { k in
                TourCue(at: Double(k) / Double(updatesPerSecond), [.trainTourNetwork(steps: steps(at: Double(k) / Double(updatesPerSecond)))])
            }
        }
    }

    /// The limits a scene's network settings are checked against (tour files too).
    public static let maxTestIndex = 9_999
    /// The most first-layer filters a network can have; a scene's filter past the loaded
    /// network's last is shown as its last.
    public static let maxFilters = NetShape.allowedFilters.max()!
    public static let batchesPerSecondRange = 1...100
    public static let updatesPerSecondRange = 1...30

    /// Checks what can be checked without the network: the filter and stage exist in the standard
    /// network's shape, the brush and the training rates are in range.
    func validate() throws {
        if case let .test(i) = input, !(0...NetworkScene.maxTestIndex).contains(i) {
            throw TourSceneError.badNetwork("test image \(i) is not from 0 to \(NetworkScene.maxTestIndex)")
        }
        guard (0..<NetworkScene.maxFilters).contains(filter) else {
            throw TourSceneError.badNetwork("filter \(filter) is not from 0 to \(NetworkScene.maxFilters - 1)")
        }
        if let s = stage, !NetStages.names.indices.contains(s) {
            throw TourSceneError.badNetwork("stage \(s) is not from 0 to \(NetStages.names.count - 1)")
        }
        guard InputPainter.brushSizes.contains(brush) else {
            throw TourSceneError.badNetwork("brush \(brush) is not from 1 to \(InputPainter.brushSizes.upperBound)")
        }
        if let l = learning {
            guard NetworkScene.batchesPerSecondRange.contains(l.batchesPerSecond) else {
                throw TourSceneError.badNetwork("the learn view's \(l.batchesPerSecond) batches a second are not from 1 to 100")
            }
            guard NetworkScene.updatesPerSecondRange.contains(l.updatesPerSecond) else {
                throw TourSceneError.badNetwork("the learn view's \(l.updatesPerSecond) pictures a second are not from 1 to 30")
            }
        }
    }
}
