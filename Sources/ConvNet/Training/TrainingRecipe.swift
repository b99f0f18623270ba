/// How a network is trained: DESIGN.md's defaults are seed 0, 5 epochs, batch 32, lr 0.01,
/// momentum 0.9.
public struct TrainingRecipe: Equatable, Sendable {
    public var seed: UInt64 = 0
    public var epochs = 5
    public var batch = 32
    public var learningRate: Float = 0.01
    public var momentum: Float = 0.9

    public init() {}
}
