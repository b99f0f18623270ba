/// The sizes of the network, fixed by the two filter counts:
/// `Conv2d(1, f1, 3) → ReLU → MaxPool2d(2) → Conv2d(f1, f2, 3) → ReLU → MaxPool2d(2) → Flatten → Linear(25·f2, 10)`
/// on a 28×28 grey image (see DESIGN.md, "The network").
///
/// Filter counts are multiples of 8 because the inner loops work on eight channels at once.
public struct NetShape: Equatable, Sendable {
    public let filters1: Int
    public let filters2: Int

    public static let side = 28
    public static let classes = 10
    public static let kernel = 3
    public static let allowedFilters = stride(from: 8, through: 64, by: 8)
    public static let standard = NetShape(validFilters1: 8, filters2: 16)

    public init(filters1: Int, filters2: Int) throws(NetShapeError) {
        for f in [filters1, filters2] where !NetShape.allowedFilters.contains(f) {
            throw NetShapeError(count: f)
        }
        self.filters1 = filters1
        self.filters2 = filters2
    }

    init(validFilters1 f1: Int, filters2 f2: Int) {
        filters1 = f1
        filters2 = f2
    }

    // Sides of each stage's maps, from DESIGN.md's table.
    public var conv1Side: Int { NetShape.side - 2 }      // 26
    public var pool1Side: Int { conv1Side / 2 }          // 13
    public var conv2Side: Int { pool1Side - 2 }          // 11
    public var pool2Side: Int { conv2Side / 2 }          // 5 (the last row and column dropped)
    public var flatCount: Int { pool2Side * pool2Side * filters2 }  // 400

    // Where each parameter lives in one flat block (the same layout for weights, gradients
    // and momentum). Conv weights are stored [dy][dx][in][out] so the output channels are
    // contiguous; the dense weights [out][k] with k in the pool2 buffer's order
    // (y, x, channel). `NetworkWeights` converts to and from PyTorch's layout.
    var conv1WeightCount: Int { 9 * filters1 }
    var conv2WeightCount: Int { 9 * filters1 * filters2 }
    var denseWeightCount: Int { NetShape.classes * flatCount }

    var conv1WeightOffset: Int { 0 }
    var conv1BiasOffset: Int { conv1WeightOffset + conv1WeightCount }
    var conv2WeightOffset: Int { conv1BiasOffset + filters1 }
    var conv2BiasOffset: Int { conv2WeightOffset + conv2WeightCount }
    var denseWeightOffset: Int { conv2BiasOffset + filters2 }
    var denseBiasOffset: Int { denseWeightOffset + denseWeightCount }
    public var parameterCount: Int { denseBiasOffset + NetShape.classes }

    /// The file's name in `resources/networks`, e.g. `fashion-8-16`.
    public var label: String { "\(filters1)-\(filters2)" }
}

public struct NetShapeError: Error, Equatable, CustomStringConvertible {
    public let count: Int
    public var description: String {
        "filter count \(count) is not supported: use a multiple of 8 from 8 to 64"
    }
}
