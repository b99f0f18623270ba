/// The three maps the window shows, computed together from one input, kernel and settings.
public struct FeatureMaps: Equatable, Sendable {
    public let input: Grid
    public let kernel: Kernel
    public let settings: ConvSettings
    public let geometry: ConvGeometry
    /// Conv output before ReLU (signed).
    public let conv: Grid
    public let relu: Grid
    public let pool: Grid
    /// The smallest and largest conv values, kept so that drawing a frame does not scan the maps.
    public let convMin: Float
    public let convMax: Float

    public init(input: Grid, kernel: Kernel, settings: ConvSettings) {
        self.input = input
        self.kernel = kernel
        self.settings = settings
        self.geometry = ConvGeometry(inputWidth: input.width, inputHeight: input.height,
                                     kernelSize: kernel.size, settings: settings)
        (self.conv, self.relu, self.pool) = Convolution.convReluPool(input, kernel, settings)
        (self.convMin, self.convMax) = FeatureMaps.range(of: conv)
    }

    /// The largest ReLU value: max(0, largest conv value).
    public var reluMax: Float { max(0, convMax) }

    private static func range(of g: Grid) -> (Float, Float) {
        guard !g.values.isEmpty else { return (0, 0) }
        return g.values.withUnsafeBufferPointer { p in
            var lo = p[0], hi = p[0]
            for v in p {
                lo = min(lo, v)
                hi = max(hi, v)
            }
            return (lo, hi)
        }
    }

    /// The kernel as it is applied: turned by 180° when `settings.flip` is on.
    public var appliedKernel: Kernel { settings.flip ? kernel.flipped : kernel }

    public func cell(row: Int, col: Int) -> CellArithmetic {
        Convolution.cell(input, kernel, settings, row: row, col: col)
    }
}
