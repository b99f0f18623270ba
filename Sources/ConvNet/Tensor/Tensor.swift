/// A dense array of `Float` with a shape, row-major (the last index varies fastest), as NumPy
/// and PyTorch lay theirs out. This is the value the network hands out and takes in — weights
/// in PyTorch's shapes, every stage of a forward pass — not what its inner loops run on (they
/// run on one preallocated block, see `Workspace`).
///
///     let t = Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
///     t[1, 2]      // 6
public struct Tensor: Equatable, Sendable {
    public let shape: [Int]
    public var values: [Float]

    public init(shape: [Int], values: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "a tensor's sides cannot be negative")
        precondition(values.count == Tensor.count(shape), "values do not fill the shape")
        self.shape = shape
        self.values = values
    }

    public init(zeros shape: [Int]) {
        self.init(shape: shape, values: [Float](repeating: 0, count: Tensor.count(shape)))
    }

    /// The number of elements a shape holds.
    public static func count(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    public var count: Int { values.count }

    /// The flat position of an index, row-major.
    public func offset(_ index: [Int]) -> Int {
        precondition(index.count == shape.count, "index has \(index.count) parts, shape has \(shape.count)")
        var flat = 0
        for (i, side) in zip(index, shape) {
            precondition(i >= 0 && i < side, "index out of range")
            flat = flat * side + i
        }
        return flat
    }

    public subscript(_ index: Int...) -> Float {
        get { values[offset(index)] }
        set { values[offset(index)] = newValue }
    }

    /// Whether every value is a finite number (no NaN, no infinity).
    public var isFinite: Bool { values.allSatisfy { $0.isFinite } }
}
