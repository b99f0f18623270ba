/// The network's parameters in PyTorch's `state_dict` shapes and order:
/// conv weights [out][in][3][3], dense weight [10][25·f2] whose inputs are flattened
/// channel-major (index = c·25 + y·5 + x), each with its bias.
public struct NetworkWeights: Equatable, Sendable {
    public var conv1Weight: Tensor   // [f1, 1, 3, 3]
    public var conv1Bias: Tensor     // [f1]
    public var conv2Weight: Tensor   // [f2, f1, 3, 3]
    public var conv2Bias: Tensor     // [f2]
    public var denseWeight: Tensor   // [10, 25·f2]
    public var denseBias: Tensor     // [10]

    public var shape: NetShape {
        NetShape(validFilters1: conv1Bias.count, filters2: conv2Bias.count)
    }

    /// The shapes each tensor must have for `shape`, in state_dict order.
    public static func shapes(for s: NetShape) -> [[Int]] {
        [[s.filters1, 1, 3, 3], [s.filters1], [s.filters2, s.filters1, 3, 3], [s.filters2],
         [NetShape.classes, s.flatCount], [NetShape.classes]]
    }

    public var tensors: [Tensor] { [conv1Weight, conv1Bias, conv2Weight, conv2Bias, denseWeight, denseBias] }

    /// From six tensors in state_dict order, which must have exactly `shapes(for:)`'s shapes.
    public init(tensors t: [Tensor]) {
        precondition(t.count == 6, "six tensors expected")
        conv1Weight = t[0]; conv1Bias = t[1]; conv2Weight = t[2]; conv2Bias = t[3]; denseWeight = t[4]; denseBias = t[5]
        precondition(NetworkWeights.shapes(for: shape) == t.map(\.shape), "tensor shapes do not fit together")
    }

    /// He-normal weights (standard deviation √(2 / fan_in), fan_in = 9·C_in for a conv, 25·f2
    /// for the dense layer) and zero biases, drawn in state_dict order, each tensor row-major.
    public static func heNormal(_ s: NetShape, using rng: inout SeededGenerator) -> NetworkWeights {
        func draw(_ shape: [Int], fanIn: Int) -> Tensor {
            let std = (2 / Double(fanIn)).squareRoot()
            return Tensor(shape: shape, values: (0..<Tensor.count(shape)).map { _ in Float(rng.normal() * std) })
        }
        let shapes = NetworkWeights.shapes(for: s)
        return NetworkWeights(tensors: [
            draw(shapes[0], fanIn: 9), Tensor(zeros: shapes[1]),
            draw(shapes[2], fanIn: 9 * s.filters1), Tensor(zeros: shapes[3]),
            draw(shapes[4], fanIn: s.flatCount), Tensor(zeros: shapes[5]),
        ])
    }

    public var isFinite: Bool { tensors.allSatisfy(\.isFinite) }
}
