import XCTest
import ConvModel

/// Properties of the convolution, each checked over many seeded random images and kernels.
final class ConvolutionPropertyTests: XCTestCase {
    /// Enough cases to reach odd corners (1-pixel images, 7×7 kernels) while staying well under a second.
    let trials = 300

    /// The DESIGN.md formula read literally, in Double, one output cell at a time:
    /// `out[r][c] = bias + Σᵢ Σⱼ in[r·s + i·d − p][c·s + j·d − p] · k[i][j]`, zero outside the input,
    /// `p = 0` (valid) or `d·⌊k/2⌋` (same), `out = ⌊(n + 2p − d·(k − 1) − 1)/s⌋ + 1` (none when negative).
    /// With `flip`, `k[i][j]` becomes `k[n−1−i][n−1−j]`.
    static func naiveConvolution(_ input: Grid, _ kernel: Kernel, _ s: ConvSettings) -> Grid {
        let n = kernel.size, d = s.dilation, stride = s.stride
        let p = s.padding == .same ? d * (n / 2) : 0
        func outSize(_ len: Int) -> Int {
            let span = len + 2 * p - d * (n - 1) - 1
            return len > 0 && span >= 0 ? span / stride + 1 : 0
        }
        let ow = outSize(input.width), oh = outSize(input.height)
        guard ow > 0, oh > 0 else { return Grid(width: 0, height: 0) }
        var out = Grid(width: ow, height: oh)
        for r in 0..<oh {
            for c in 0..<ow {
                var sum = Double(s.bias)
                for i in 0..<n {
                    for j in 0..<n {
                        let y = r * stride + i * d - p, x = c * stride + j * d - p
                        guard y >= 0, y < input.height, x >= 0, x < input.width else { continue }
                        let w = s.flip ? kernel[n - 1 - i, n - 1 - j] : kernel[i, j]
                        sum += Double(input[y, x]) * Double(w)
                    }
                }
                out[r, c] = Float(sum)
            }
        }
        return out
    }

    /// A bound on the rounding error of one Float sum of `kernel.size²` products of inputs in [0, 1).
    private func tolerance(_ kernel: Kernel, scale: Float = 1) -> Float {
        1e-5 * (1 + scale * kernel.weights.reduce(0) { $0 + abs($1) })
    }

    /// Property: the fast `Convolution.apply` equals the naive formula for every stride 1–4, padding,
    /// dilation 1–3, odd kernel size 1–7, bias and flip, on images from 1×1 to 20×20.
    func testFastConvolutionAgreesWithTheFormula() {
        var rng = SplitMix64(seed: 1)
        var compared = 0
        for _ in 0..<trials * 3 {
            let input = rng.image(widths: 1...20, heights: 1...20)
            let k = rng.kernel()
            let settings = ConvSettings(stride: rng.int(1...4), padding: rng.padding(),
                                        bias: rng.float(-1, 1), dilation: rng.int(1...3),
                                        flip: rng.int(0...3) == 0)
            let fast = Convolution.apply(input, k, settings)
            let naive = Self.naiveConvolution(input, k, settings)
            assertGrid(fast, naive, accuracy: tolerance(k),
                       "\(input.width)×\(input.height), k \(k.size), \(settings)")
            if !naive.isEmpty { compared += 1 }
        }
        XCTAssertGreaterThan(compared, trials, "most cases should have an output")
    }

    /// Property: the arithmetic the window shows for a cell (`CellArithmetic.value`) is the conv map's value there,
    /// and its ReLU is the ReLU map's value.
    func testCellArithmeticMatchesTheMap() {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<trials / 3 {
            let input = rng.image(widths: 7...14, heights: 7...14)
            let k = rng.kernel()
            let s = ConvSettings(stride: rng.int(1...3), padding: rng.padding(),
                                 bias: rng.float(-1, 1), flip: rng.bool())
            let maps = FeatureMaps(input: input, kernel: k, settings: s)
            for r in 0..<maps.conv.height {
                for c in 0..<maps.conv.width {
                    let cell = maps.cell(row: r, col: c)
                    XCTAssertEqual(cell.value, maps.conv[r, c], accuracy: tolerance(k))
                    XCTAssertEqual(cell.relu, maps.relu[r, c], accuracy: tolerance(k))
                    XCTAssertEqual(cell.patch.count, k.size * k.size)
                }
            }
        }
    }

    /// Property (linearity in the image): with bias 0, conv(a·x + b·y) = a·conv(x) + b·conv(y).
    func testLinearInTheImage() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<trials {
            let w = rng.int(1...16), h = rng.int(1...16)
            let x = rng.image(width: w, height: h), y = rng.image(width: w, height: h)
            let a = rng.float(-3, 3), b = rng.float(-3, 3)
            let k = rng.kernel()
            let s = ConvSettings(stride: rng.int(1...3), padding: rng.padding())
            let left = Convolution.apply(combine(a, x, b, y), k, s)
            let right = combine(a, Convolution.apply(x, k, s), b, Convolution.apply(y, k, s))
            assertGrid(left, right, accuracy: tolerance(k, scale: abs(a) + abs(b)))
        }
    }

    /// Property (linearity in the kernel): with bias 0, conv_{a·k + b·l}(x) = a·conv_k(x) + b·conv_l(x).
    func testLinearInTheKernel() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<trials {
            let x = rng.image(widths: 1...16, heights: 1...16)
            let size = rng.oddSize()
            let k = rng.kernel(size: size), l = rng.kernel(size: size)
            let a = rng.float(-3, 3), b = rng.float(-3, 3)
            let s = ConvSettings(stride: rng.int(1...3), padding: rng.padding())
            let left = Convolution.apply(x, combine(a, k, b, l), s)
            let right = combine(a, Convolution.apply(x, k, s), b, Convolution.apply(x, l, s))
            assertGrid(left, right, accuracy: tolerance(k, scale: 2 * (abs(a) + abs(b))))
        }
    }

    /// Property (translation equivariance): shifting the input by one pixel (dy, dx) shifts the valid
    /// stride-1 output by one cell: out'[r][c] = out[r − dy][c − dx] wherever both cells exist.
    /// `Grid.shifted` wraps around, but a window of the shifted input that avoids the wrapped row and
    /// column is exactly the cells where r − dy and c − dx are in range, so no border has to be cut.
    func testTranslationEquivariance() {
        var rng = SplitMix64(seed: 5)
        let shifts = [(0, 1), (1, 0), (1, 1), (0, -1), (-1, 0), (-1, 1)]
        for trial in 0..<trials {
            let x = rng.image(widths: 8...20, heights: 8...20)
            let k = rng.kernel()
            let (dy, dx) = shifts[trial % shifts.count]
            let s = ConvSettings()
            let out = Convolution.apply(x, k, s)
            let moved = Convolution.apply(x.shifted(rows: dy, cols: dx), k, s)
            XCTAssertEqual(moved.width, out.width)
            XCTAssertEqual(moved.height, out.height)
            var checked = 0
            for r in 0..<out.height {
                for c in 0..<out.width {
                    let r0 = r - dy, c0 = c - dx
                    guard r0 >= 0, r0 < out.height, c0 >= 0, c0 < out.width else { continue }
                    XCTAssertEqual(moved[r, c], out[r0, c0], accuracy: tolerance(k), "shift (\(dy), \(dx)) at (\(r), \(c))")
                    checked += 1
                }
            }
            XCTAssertGreaterThanOrEqual(checked, (out.width - 1) * (out.height - 1))
        }
    }

    /// Property: a centred one-hot kernel (`identity`, and its 1×1, 5×5 and 7×7 versions) returns the
    /// input's interior with `valid` (a border of ⌊k/2⌋ cut off) and the input itself with `same`, exactly.
    func testIdentityKernelGivesInteriorOrInput() {
        var rng = SplitMix64(seed: 6)
        for _ in 0..<trials {
            let x = rng.image(widths: 7...20, heights: 7...20)
            let size = rng.oddSize()
            var weights = [Float](repeating: 0, count: size * size)
            weights[size * size / 2] = 1
            let k = size == 3 ? Kernel.preset(named: "identity")! : Kernel(name: "centre", label: "centre", size: size, weights: weights)
            let m = size / 2
            let interior = Grid(rows: x.rows[m ..< x.height - m].map { Array($0[m ..< x.width - m]) })
            assertGrid(Convolution.apply(x, k, ConvSettings(padding: .valid)), interior, accuracy: 0)
            assertGrid(Convolution.apply(x, k, ConvSettings(padding: .same)), x, accuracy: 0)
        }
    }

    /// Property: the output shape, for every stride 1–7, padding, odd kernel 1–7 and input side 1–24,
    /// is ⌊(n + 2p − k)/s⌋ + 1 (no output when n + 2p < k), with p = 0 or ⌊k/2⌋; the geometry,
    /// the conv map and `validated` all agree with it. `same` at stride 1 keeps the size.
    func testOutputShapesForEveryStridePaddingAndKernelSize() {
        for s in 1...7 {
            for padding in Padding.allCases {
                for k in [1, 3, 5, 7] {
                    let p = padding == .same ? k / 2 : 0
                    func expected(_ n: Int) -> Int { n + 2 * p - k < 0 ? 0 : (n + 2 * p - k) / s + 1 }
                    for (w, h) in (1...24).map({ ($0, 25 - $0) }) + [(1, 1), (7, 7), (24, 24), (3, 17)] {
                        let g = ConvGeometry(inputWidth: w, inputHeight: h, kernelSize: k, stride: s, padding: padding)
                        let label = "n \(w)×\(h), k \(k), s \(s), \(padding)"
                        XCTAssertEqual(g.outputWidth, expected(w), label)
                        XCTAssertEqual(g.outputHeight, expected(h), label)
                        XCTAssertEqual(g.pad, p, label)
                        XCTAssertEqual(g.positionCount, expected(w) * expected(h), label)
                        if padding == .same && s == 1 { XCTAssertEqual(g.outputWidth, w, label) }
                        let settings = ConvSettings(stride: s, padding: padding)
                        let out = Convolution.apply(Grid(width: w, height: h, repeating: 0.5),
                                                    Kernel(name: "k", label: "k", size: k, weights: .init(repeating: 1, count: k * k)),
                                                    settings)
                        let fits = expected(w) > 0 && expected(h) > 0
                        XCTAssertEqual(out.width, fits ? expected(w) : 0, label)
                        XCTAssertEqual(out.height, fits ? expected(h) : 0, label)
                        if fits {
                            XCTAssertNoThrow(try ConvGeometry.validated(inputWidth: w, inputHeight: h, kernelSize: k, settings: settings), label)
                        } else {
                            XCTAssertThrowsError(try ConvGeometry.validated(inputWidth: w, inputHeight: h, kernelSize: k, settings: settings), label) {
                                guard case SettingsError.noOutput = $0 else { return XCTFail("\($0)", file: #filePath, line: #line) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Property: with dilation d the output side is ⌊(n + 2p − d·(k − 1) − 1)/s⌋ + 1 and `same` pads d·⌊k/2⌋.
    func testOutputShapesWithDilation() {
        for d in 1...3 {
            for s in 1...3 {
                for k in [1, 3, 5, 7] {
                    for padding in Padding.allCases {
                        let p = padding == .same ? d * (k / 2) : 0
                        for n in 1...24 {
                            let span = n + 2 * p - d * (k - 1) - 1
                            let g = ConvGeometry(inputWidth: n, inputHeight: n, kernelSize: k, stride: s, padding: padding, dilation: d)
                            XCTAssertEqual(g.pad, p)
                            XCTAssertEqual(g.outputWidth, span < 0 ? 0 : span / s + 1, "n \(n) k \(k) s \(s) d \(d) \(padding)")
                            XCTAssertEqual(g.span, d * (k - 1) + 1)
                        }
                    }
                }
            }
        }
    }

    /// Property: the stride-s map is the stride-1 map sampled every s cells (same padding and kernel).
    func testStrideSubsamplesTheStrideOneMap() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<trials / 2 {
            let x = rng.image(widths: 5...20, heights: 5...20)
            let k = rng.kernel()
            let padding: Padding = rng.padding()
            let full = Convolution.apply(x, k, ConvSettings(padding: padding))
            let s = rng.int(2...5)
            let strided = Convolution.apply(x, k, ConvSettings(stride: s, padding: padding))
            guard !full.isEmpty else { continue }
            let sampled = Grid(rows: stride(from: 0, to: full.height, by: s).map { r in
                stride(from: 0, to: full.width, by: s).map { c in full[r, c] }
            })
            assertGrid(strided, sampled, accuracy: tolerance(k))
        }
    }

    /// Property: pooling gives ⌊w/2⌋ × ⌊h/2⌋ cells; max pooling is the largest of its 2×2 block and avg
    /// the mean; the pool of a ReLU map is never negative; max ≥ avg.
    func testPoolSizesAndValues() {
        var rng = SplitMix64(seed: 8)
        for w in 1...15 {
            for h in 1...15 {
                let map = Grid(width: w, height: h, values: (0..<w * h).map { _ in rng.float(-2, 2) })
                let mx = Pooling.apply(map, mode: .max), av = Pooling.apply(map, mode: .avg)
                XCTAssertEqual(mx.width, w / 2)
                XCTAssertEqual(mx.height, h / 2)
                XCTAssertEqual(av.width, w / 2)
                XCTAssertEqual(av.height, h / 2)
                for r in 0..<h / 2 {
                    for c in 0..<w / 2 {
                        let block = [map[2 * r, 2 * c], map[2 * r, 2 * c + 1], map[2 * r + 1, 2 * c], map[2 * r + 1, 2 * c + 1]]
                        XCTAssertEqual(mx[r, c], block.max()!)
                        XCTAssertEqual(av[r, c], block.reduce(0, +) / 4, accuracy: 1e-6)
                        XCTAssertGreaterThanOrEqual(mx[r, c], av[r, c])
                    }
                }
                let pooledRelu = Pooling.apply(Activation.relu(map), mode: .max)
                XCTAssertTrue(pooledRelu.values.allSatisfy { $0 >= 0 })
            }
        }
    }

    /// Property: `FeatureMaps` chains the three steps: relu = max(0, conv) cell by cell and
    /// pool = Pooling(relu) in the chosen mode, with the geometry's shapes.
    func testFeatureMapsChainConvReluPool() {
        var rng = SplitMix64(seed: 9)
        for _ in 0..<trials / 3 {
            let x = rng.image(widths: 3...24, heights: 3...24)
            let k = rng.kernel(sizes: [1, 3])
            let s = ConvSettings(stride: rng.int(1...2), padding: rng.padding(),
                                 bias: rng.float(-1, 1), pool: rng.bool() ? .max : .avg)
            let m = FeatureMaps(input: x, kernel: k, settings: s)
            XCTAssertEqual(m.conv.width, m.geometry.outputWidth)
            XCTAssertEqual(m.conv.height, m.geometry.outputHeight)
            XCTAssertEqual(m.pool.width, m.geometry.poolWidth)
            XCTAssertEqual(m.pool.height, m.geometry.poolHeight)
            XCTAssertEqual(m.relu.values, m.conv.values.map { max(0, $0) })
            XCTAssertEqual(m.pool, Pooling.apply(m.relu, mode: s.pool))
        }
    }

    /// The generator itself: same seed, same sequence; values in range.
    func testSplitMix64IsDeterministic() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        XCTAssertEqual((0..<10).map { _ in a.next() }, (0..<10).map { _ in b.next() })
        // First output for seed 0 in the reference implementation.
        var z = SplitMix64(seed: 0)
        XCTAssertEqual(z.next(), 0xE220_A839_7B1D_CDAF)
        var r = SplitMix64(seed: 7)
        for _ in 0..<1000 {
            let v = r.float(0, 1)
            XCTAssertTrue(v >= 0 && v < 1)
        }
    }
}
