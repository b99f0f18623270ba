import ConvNet

/// One forward pass of the network over the current input: every stage's values, in PyTorch's
/// layout (maps [channel][row][column]), and the class the network picks.
public struct NetworkPass: Equatable, Sendable {
    public let stages: [NetStage]
    public let predicted: Int
    /// Counts the passes made, so a drawing cache can tell a new one without comparing values.
    public let revision: Int

    /// The input this pass saw.
    public let input: Grid

    public init(weights: NetworkWeights, input: Grid, revision: Int) {
        precondition(input.width == NetShape.side && input.height == NetShape.side, "the network takes 28×28")
        let network = Network(weights)
        stages = network.stages(values: input.values)
        predicted = network.predicted
        self.revision = revision
        self.input = input
    }

    /// A stage's values in PyTorch's order.
    public func values(_ stage: Int) -> [Float] { stages[stage].tensor.values }

    public var probabilities: [Float] { stages[NetStages.softmax].tensor.values }
    public var logits: [Float] { stages[NetStages.dense].tensor.values }

    /// Channels of a map stage (1 for the input); 0 for a vector stage.
    public func channels(_ stage: Int) -> Int {
        let shape = stages[stage].tensor.shape
        return shape.count == 3 ? shape[0] : 0
    }

    /// The side of a map stage's maps; the length of a vector stage.
    public func side(_ stage: Int) -> Int {
        let shape = stages[stage].tensor.shape
        return shape.count == 3 ? shape[1] : shape[0]
    }

    /// Channel `c` of a map stage as a grid.
    public func map(_ stage: Int, channel c: Int) -> Grid {
        let n = side(stage), values = stages[stage].tensor.values
        return Grid(width: n, height: n, values: Array(values[c * n * n ..< (c + 1) * n * n]))
    }

    /// One value: cell (`row`, `col`) of channel `channel` of a map stage, or value `row` of a vector.
    public func value(stage: Int, channel: Int, row: Int, col: Int) -> Float {
        let t = stages[stage].tensor
        return t.shape.count == 3 ? t[channel, row, col] : t.values[row]
    }

    /// The largest absolute value of a stage (1 when all are 0), for colour scales.
    public func magnitude(_ stage: Int) -> Float {
        let m = stages[stage].tensor.values.reduce(Float(0)) { max($0, abs($1)) }
        return m > 0 && m.isFinite ? m : 1
    }
}
