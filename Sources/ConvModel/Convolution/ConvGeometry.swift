/// The shapes of one convolution: how big the output is and where each output cell's window lies.
///
/// `out = ⌊(n + 2p − d·(k − 1) − 1)/s⌋ + 1`, with `p = 0` for `valid` and `p = d·⌊k/2⌋` for `same`.
public struct ConvGeometry: Equatable, Sendable {
    public let inputWidth: Int
    public let inputHeight: Int
    public let kernelSize: Int
    public let stride: Int
    public let dilation: Int
    /// Zero cells added on every side.
    public let pad: Int
    public let outputWidth: Int
    public let outputHeight: Int

    public init(inputWidth: Int, inputHeight: Int, kernelSize: Int, settings: ConvSettings) {
        self.init(inputWidth: inputWidth, inputHeight: inputHeight, kernelSize: kernelSize,
                  stride: settings.stride, padding: settings.padding, dilation: settings.dilation)
    }

    public init(inputWidth: Int, inputHeight: Int, kernelSize: Int, stride: Int, padding: Padding, dilation: Int = 1) {
        self.inputWidth = inputWidth
        self.inputHeight = inputHeight
        self.kernelSize = kernelSize
        self.stride = max(1, stride)
        self.dilation = max(1, dilation)
        self.pad = padding == .same ? self.dilation * (kernelSize / 2) : 0
        self.outputWidth = ConvGeometry.outputSize(inputWidth, kernelSize, self.stride, pad, self.dilation)
        self.outputHeight = ConvGeometry.outputSize(inputHeight, kernelSize, self.stride, pad, self.dilation)
    }

    /// Output length along one axis; 0 when the (dilated) kernel does not fit.
    public static func outputSize(_ n: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int) -> Int {
        let span = n + 2 * p - d * (k - 1) - 1
        guard n > 0, span >= 0 else { return 0 }
        return span / s + 1
    }

    public var hasOutput: Bool { outputWidth > 0 && outputHeight > 0 }
    /// Number of scan positions: one per output cell.
    public var positionCount: Int { outputWidth * outputHeight }
    /// The extent of the kernel on the input, taps included: `d·(k − 1) + 1`.
    public var span: Int { dilation * (kernelSize - 1) + 1 }

    /// Input coordinates of the top-left tap of the window for output cell (row, col); may be negative with padding.
    public func windowOrigin(row: Int, col: Int) -> (row: Int, col: Int) {
        (row * stride - pad, col * stride - pad)
    }

    /// Input coordinates of tap (i, j) of the window for output cell (row, col).
    public func tap(row: Int, col: Int, i: Int, j: Int) -> (row: Int, col: Int) {
        let o = windowOrigin(row: row, col: col)
        return (o.row + i * dilation, o.col + j * dilation)
    }

    /// Pool output size: 2×2 blocks with stride 2, an odd last row or column dropped.
    public var poolWidth: Int { outputWidth / 2 }
    public var poolHeight: Int { outputHeight / 2 }

    /// `validated` for this kernel, its weights checked too: no sum of them may leave Float's
    /// range (`Limits.checkSums`).
    public static func validated(inputWidth: Int, inputHeight: Int, kernel: Kernel, settings: ConvSettings) throws -> ConvGeometry {
        // The settings first, so a NaN bias is named as such rather than as a sum out of range.
        let g = try validated(inputWidth: inputWidth, inputHeight: inputHeight, kernelSize: kernel.size, settings: settings)
        try Limits.checkSums(weights: kernel.weights, bias: settings.bias)
        return g
    }

    /// Checks the settings that could make this geometry unusable, with a message naming the problem.
    public static func validated(inputWidth: Int, inputHeight: Int, kernelSize: Int, settings: ConvSettings) throws -> ConvGeometry {
        guard inputWidth > 0, inputHeight > 0 else { throw SettingsError.emptyInput }
        guard settings.stride >= 1 else { throw SettingsError.badStride(settings.stride) }
        guard settings.dilation >= 1 else { throw SettingsError.badDilation(settings.dilation) }
        guard settings.bias.isFinite else { throw SettingsError.biasNotFinite }
        try checkLimits(inputWidth: inputWidth, inputHeight: inputHeight, kernelSize: kernelSize, settings: settings)
        let g = ConvGeometry(inputWidth: inputWidth, inputHeight: inputHeight, kernelSize: kernelSize, settings: settings)
        guard g.hasOutput else {
            throw SettingsError.noOutput(inputWidth: inputWidth, inputHeight: inputHeight, kernel: kernelSize,
                                         stride: settings.stride, padding: settings.padding, dilation: settings.dilation)
        }
        return g
    }

    /// The sizes `Limits` bounds, checked before the geometry's own arithmetic (which could
    /// overflow on unchecked values) and before anything is allocated: the input's area, the
    /// stride, the dilation, the zero-padded input `same` padding builds, and the output map.
    static func checkLimits(inputWidth: Int, inputHeight: Int, kernelSize: Int, settings: ConvSettings) throws {
        try Limits.checkArea("the input image", width: inputWidth, height: inputHeight, atMost: Limits.imagePixels)
        try Limits.check("kernel size", kernelSize, atMost: Kernel.maxSize)
        try Limits.check("stride", settings.stride, atMost: Limits.stride)
        try Limits.check("dilation", settings.dilation, atMost: Limits.dilation)
        // Every factor is now small: d·⌊k/2⌋ ≤ 3072, so none of the sums below can overflow.
        let pad = settings.padding == .same ? settings.dilation * (kernelSize / 2) : 0
        let paddedWidth = inputWidth + 2 * pad, paddedHeight = inputHeight + 2 * pad
        if pad > 0 {
            try Limits.checkArea("with dilation \(settings.dilation) and same padding, the padded input",
                                 width: paddedWidth, height: paddedHeight, atMost: Limits.paddedPixels)
        }
        let g = ConvGeometry(inputWidth: inputWidth, inputHeight: inputHeight, kernelSize: kernelSize, settings: settings)
        try Limits.checkArea("the conv map", width: g.outputWidth, height: g.outputHeight, atMost: Limits.outputPixels)
    }
}
