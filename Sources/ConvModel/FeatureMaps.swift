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

    public init(input: Grid, kernel: Kernel, settings: ConvSettings) {
        self.input = input
        self.kernel = kernel
        self.settings = settings
        self.geometry = ConvGeometry(inputWidth: input.width, inputHeight: input.height,
                                     kernelSize: kernel.size, settings: settings)
        (self.conv, self.relu, self.pool) = Convolution.convReluPool(input, kernel, settings)
    }

    /// The kernel as it is applied: turned by 180° when `settings.flip` is on.
    public var appliedKernel: Kernel { settings.flip ? kernel.flipped : kernel }

    public func cell(row: Int, col: Int) -> CellArithmetic {
        Convolution.cell(input, kernel, settings, row: row, col: col)
    }
}
