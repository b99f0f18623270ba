import ConvNet

/// The window showing the trained network rather than a hand-picked kernel: the input is a test
/// image (or a painting), the panels show one learned first-layer filter at work, and every stage
/// of the network can be opened in place of the panels.
public struct NetworkMode: Equatable, Sendable {
    public internal(set) var source: NetworkSource
    /// The test image shown; nil once the input is a painting.
    public internal(set) var testIndex: Int?
    /// The first-layer filter the panels show.
    public internal(set) var filter: Int
    /// The pass over the current input.
    public internal(set) var pass: NetworkPass
    /// The stage shown in place of the panels (an index of `NetStages.names`); nil for the panels.
    public internal(set) var openStage: Int?
    /// The value under the pointer in the stage view.
    public internal(set) var stageHover: StageCell?
    /// The learned weight under the pointer in the kernel band (its exact value is shown).
    public internal(set) var weightHover: GridCell?
    /// The learn view, while it is open (in place of the panels).
    public internal(set) var learn: LearnView?
    /// What the window showed before network mode, given back when it is left.
    let before: NetworkReturn

    /// The true class of the input, when it is a test image.
    public var trueLabel: Int? { testIndex.map { Int(source.testImages.labels[$0]) } }

    /// The conv2 filter whose 3×3×f1 kernel the conv2-family stage views show: the one under the
    /// pointer, else the first.
    public var kernelFilter: Int {
        guard let h = stageHover, [NetStages.conv2, NetStages.relu2, NetStages.pool2].contains(h.stage) else { return 0 }
        return h.channel
    }
}

/// One value of one stage: cell (`row`, `col`) of map `channel`, or value `row` of a vector stage
/// (channel and col 0).
public struct StageCell: Equatable, Sendable {
    public let stage: Int
    public let channel: Int
    public let row: Int
    public let col: Int

    public init(stage: Int, channel: Int, row: Int, col: Int) {
        self.stage = stage
        self.channel = channel
        self.row = row
        self.col = col
    }

    public var receptiveField: NetReceptiveField { NetReceptiveField.of(stage: stage, row: row, col: col) }
}

struct NetworkReturn: Equatable, Sendable {
    let image: NamedImage
    let kernel: Kernel
    let settings: ConvSettings
}
