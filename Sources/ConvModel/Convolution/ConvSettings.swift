/// How the border is treated: `valid` keeps only windows inside the image, `same` pads with zeros.
public enum Padding: String, CaseIterable, Sendable {
    case valid, same
}

/// How a 2×2 pool block becomes one value.
public enum PoolMode: String, CaseIterable, Sendable {
    case max, avg
}

/// Everything besides the input and the kernel weights that decides the maps.
public struct ConvSettings: Equatable, Sendable {
    public var stride: Int
    public var padding: Padding
    public var bias: Float
    /// Spacing between kernel taps (1 = ordinary convolution).
    public var dilation: Int
    /// True convolution: turn the kernel by 180° before sliding it. Off (the ML convention) by default.
    public var flip: Bool
    public var pool: PoolMode

    public init(stride: Int = 1, padding: Padding = .valid, bias: Float = 0,
                dilation: Int = 1, flip: Bool = false, pool: PoolMode = .max) {
        self.stride = stride
        self.padding = padding
        self.bias = bias
        self.dilation = dilation
        self.flip = flip
        self.pool = pool
    }
}

/// Why a set of convolution settings cannot be used.
public enum SettingsError: Error, Equatable, CustomStringConvertible {
    case badStride(Int)
    case badDilation(Int)
    case biasNotFinite
    case noOutput(inputWidth: Int, inputHeight: Int, kernel: Int, stride: Int, padding: Padding, dilation: Int)
    case emptyInput

    public var description: String {
        switch self {
        case let .badStride(s): return "stride must be 1 or more (got \(s))"
        case let .badDilation(d): return "dilation must be 1 or more (got \(d))"
        case .biasNotFinite: return "bias must be a finite number"
        case .emptyInput: return "the input image is empty (0×0)"
        case let .noOutput(w, h, k, s, p, d):
            let dil = d == 1 ? "" : ", dilation \(d)"
            return "a \(k)×\(k) kernel with stride \(s), \(p.rawValue) padding\(dil) leaves no output on a \(w)×\(h) input"
        }
    }
}
