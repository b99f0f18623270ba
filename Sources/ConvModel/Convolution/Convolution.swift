/// Convolution as deep learning defines it: cross-correlation (no flip unless asked), with
/// stride, zero padding, dilation and bias.
///
/// `out[r][c] = bias + Σᵢ Σⱼ in[r·s + i·d − p][c·s + j·d − p] · k[i][j]`, zero outside the input.
public enum Convolution {
    /// The conv map of `input` under `kernel` and `settings` (before ReLU).
    /// Returns an empty grid when the kernel does not fit; `ConvGeometry.validated` says why.
    public static func apply(_ input: Grid, _ kernel: Kernel, _ settings: ConvSettings) -> Grid {
        fastApply(input, kernel, settings) ?? generalApply(input, kernel, settings)
    }

    /// `apply` for any stride and dilation: the direct loop over a zero-padded copy of the input.
    /// Sums in the same order as the fast path (bias, then kernel rows top to bottom, each left to right).
    static func generalApply(_ input: Grid, _ kernel: Kernel, _ settings: ConvSettings) -> Grid {
        let g = ConvGeometry(inputWidth: input.width, inputHeight: input.height, kernelSize: kernel.size, settings: settings)
        guard g.hasOutput else { return Grid(width: 0, height: 0) }
        let k = settings.flip ? kernel.flipped : kernel
        // Padding is materialised once so the inner loop never tests the border.
        let src = g.pad > 0 ? zeroPadded(input, by: g.pad) : input
        var out = Grid(width: g.outputWidth, height: g.outputHeight, repeating: settings.bias)
        let ow = g.outputWidth, sw = src.width, s = g.stride, d = g.dilation, n = k.size
        src.values.withUnsafeBufferPointer { sp in
            k.weights.withUnsafeBufferPointer { kp in
                out.values.withUnsafeMutableBufferPointer { op in
                    let sb = sp.baseAddress!, kb = kp.baseAddress!
                    for r in 0..<g.outputHeight {
                        let orow = op.baseAddress! + r * ow
                        for i in 0..<n {
                            let srow = sb + (r * s + i * d) * sw
                            for j in 0..<n {
                                let w = kb[i * n + j]
                                if w == 0 { continue }
                                let tap = srow + j * d
                                if s == 1 {
                                    for c in 0..<ow { orow[c] += w * tap[c] }
                                } else {
                                    for c in 0..<ow { orow[c] += w * tap[c * s] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// One output cell worked out term by term, as the window shows it.
    public static func cell(_ input: Grid, _ kernel: Kernel, _ settings: ConvSettings, row: Int, col: Int) -> CellArithmetic {
        let g = ConvGeometry(inputWidth: input.width, inputHeight: input.height, kernelSize: kernel.size, settings: settings)
        let k = settings.flip ? kernel.flipped : kernel
        var patch: [Float] = []
        patch.reserveCapacity(k.size * k.size)
        for i in 0..<k.size {
            for j in 0..<k.size {
                let t = g.tap(row: row, col: col, i: i, j: j)
                patch.append(input.padded(t.row, t.col))
            }
        }
        return CellArithmetic(row: row, col: col, size: k.size, patch: patch, weights: k.weights, bias: settings.bias)
    }

    /// `input` with `p` zero cells added on every side.
    public static func zeroPadded(_ input: Grid, by p: Int) -> Grid {
        var out = Grid(width: input.width + 2 * p, height: input.height + 2 * p)
        for r in 0..<input.height {
            let dst = (r + p) * out.width + p
            out.values.replaceSubrange(dst ..< dst + input.width,
                                       with: input.values[r * input.width ..< (r + 1) * input.width])
        }
        return out
    }
}

/// The arithmetic of one output cell: the patch under the kernel, the products, the sum and ReLU of it.
public struct CellArithmetic: Equatable, Sendable {
    public let row: Int
    public let col: Int
    public let size: Int
    /// Input values under the kernel (zeros where the window hangs over the padding), row-major.
    public let patch: [Float]
    /// The weights actually applied (already flipped for true convolution), row-major.
    public let weights: [Float]
    public let bias: Float

    public var products: [Float] { zip(patch, weights).map { $0 * $1 } }
    /// Σ products + bias: the conv value before ReLU.
    public var value: Float { products.reduce(bias, +) }
    public var relu: Float { Activation.relu(value) }
}
