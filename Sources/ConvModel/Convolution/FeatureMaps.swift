import Synchronization

/// The three maps the window shows, from one input, kernel and settings: the conv and pool maps
/// computed together, the ReLU map derived from the conv map the first time it is asked for.
public struct FeatureMaps: Equatable, Sendable {
    public let input: Grid
    public let kernel: Kernel
    public let settings: ConvSettings
    public let geometry: ConvGeometry
    /// Conv output before ReLU (signed).
    public let conv: Grid
    /// max(0, conv), cell by cell. Worked out on first use, once for this value and every copy of
    /// it (any thread), then kept. The conv pass does not write it: at 4096×4096, k = 3, `init`
    /// takes about 70 ms instead of 100 (most of it fresh memory and the range scan), and the
    /// first use of `relu` about 40 ms — on the thread that first asks for it.
    public var relu: Grid { reluCache.relu(of: conv) }
    /// 2×2 pool of the ReLU map (max or average, per `settings.pool`).
    public let pool: Grid
    /// The smallest and largest conv values, kept so that drawing a frame does not scan the maps.
    public let convMin: Float
    public let convMax: Float
    private let reluCache = ReluCache()

    public init(input: Grid, kernel: Kernel, settings: ConvSettings) {
        self.input = input
        self.kernel = kernel
        self.settings = settings
        self.geometry = ConvGeometry(inputWidth: input.width, inputHeight: input.height,
                                     kernelSize: kernel.size, settings: settings)
        (self.conv, self.pool) = Convolution.convPool(input, kernel, settings)
        (self.convMin, self.convMax) = FeatureMaps.range(of: conv)
    }

    /// Equal when made from equal inputs, kernels and settings with equal results; the ReLU map
    /// follows from the conv map (and the geometry and range from the rest), so it is not compared
    /// and comparing never works it out.
    public static func == (a: FeatureMaps, b: FeatureMaps) -> Bool {
        a.input == b.input && a.kernel == b.kernel && a.settings == b.settings && a.conv == b.conv && a.pool == b.pool
    }

    /// The largest ReLU value: max(0, largest conv value).
    public var reluMax: Float { max(0, convMax) }

    /// Smallest and largest value, eight lanes at a time (the scalar loop cost ~20 ms on a 4096² map).
    static func range(of g: Grid) -> (Float, Float) {
        guard !g.values.isEmpty else { return (0, 0) }
        return g.values.withUnsafeBufferPointer { p in
            let n = p.count, whole = n / 8 * 8
            var lo = SIMD8<Float>(repeating: p[0]), hi = lo
            var i = 0
            p.baseAddress!.withMemoryRebound(to: SIMD8<Float>.self, capacity: whole / 8) { v in
                while i < whole {
                    let x = v[i / 8]
                    lo = pointwiseMin(lo, x)
                    hi = pointwiseMax(hi, x)
                    i += 8
                }
            }
            var l = lo.min(), h = hi.max()
            while i < n {
                l = min(l, p[i])
                h = max(h, p[i])
                i += 1
            }
            return (l, h)
        }
    }

    /// The kernel as it is applied: turned by 180° when `settings.flip` is on.
    public var appliedKernel: Kernel { settings.flip ? kernel.flipped : kernel }

    public func cell(row: Int, col: Int) -> CellArithmetic {
        Convolution.cell(input, kernel, settings, row: row, col: col)
    }
}

/// Holds the ReLU map of one `FeatureMaps` value once worked out. Shared by the value's copies,
/// which all have the same conv map; a lock so that two threads asking at once compute it once.
private final class ReluCache: Sendable {
    private let cached = Mutex<Grid?>(nil)

    func relu(of conv: Grid) -> Grid {
        cached.withLock { grid in
            if let grid { return grid }
            let relu = Activation.relu(conv)
            grid = relu
            return relu
        }
    }
}
