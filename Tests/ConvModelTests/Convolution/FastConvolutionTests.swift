import Dispatch
import XCTest
import ConvModel

/// The fused conv + ReLU + pool (`Convolution.convPool`, which `FeatureMaps` uses, and
/// `Convolution.convReluPool` and `Convolution.apply` built on the same loop) checked cell by cell against a naive implementation of the DESIGN.md
/// formula written out here:
/// `out[r][c] = bias + Σᵢ Σⱼ in[r·s + i·d − p][c·s + j·d − p] · k[i][j]`, zero outside the input,
/// ReLU = max(0, x), 2×2 stride-2 pool (max or average) with an odd last row or column dropped.
///
/// A value passes when it is within 1e-5 of the naive one, relative to the size of the sum
/// (|bias| + Σ |k·in|): a sum that cancels to almost nothing is held to the precision its terms allow.
final class FastConvolutionTests: XCTestCase {
    // MARK: - The naive reference

    private struct NaiveMaps {
        var conv: [[Float]]
        /// |bias| + Σ |k·in| for each conv cell: the scale of its rounding error.
        var scale: [[Float]]
        var relu: [[Float]]
        var pool: [[Float]]
    }

    private func naive(_ input: Grid, _ kernel: Kernel, _ s: ConvSettings) -> NaiveMaps {
        let n = kernel.size, st = max(1, s.stride), d = max(1, s.dilation)
        let p = s.padding == .same ? d * (n / 2) : 0
        func outSize(_ len: Int) -> Int {
            let span = len + 2 * p - d * (n - 1) - 1
            return len > 0 && span >= 0 ? span / st + 1 : 0
        }
        let ow = outSize(input.width), oh = outSize(input.height)
        guard ow > 0, oh > 0 else { return NaiveMaps(conv: [], scale: [], relu: [], pool: []) }
        func w(_ i: Int, _ j: Int) -> Float {
            s.flip ? kernel.weights[(n - 1 - i) * n + (n - 1 - j)] : kernel.weights[i * n + j]
        }
        func x(_ r: Int, _ c: Int) -> Float {
            r >= 0 && r < input.height && c >= 0 && c < input.width ? input.values[r * input.width + c] : 0
        }
        var conv = [[Float]](repeating: [Float](repeating: 0, count: ow), count: oh), scale = conv
        for r in 0..<oh {
            for c in 0..<ow {
                var sum = s.bias, mag = abs(s.bias)
                for i in 0..<n {
                    for j in 0..<n {
                        let term = x(r * st + i * d - p, c * st + j * d - p) * w(i, j)
                        sum += term
                        mag += abs(term)
                    }
                }
                conv[r][c] = sum
                scale[r][c] = mag
            }
        }
        let relu = conv.map { $0.map { $0 > 0 ? $0 : 0 } }
        var pool = [[Float]]()
        for r in 0..<(oh / 2) {
            var row = [Float]()
            for c in 0..<(ow / 2) {
                let q = [relu[2 * r][2 * c], relu[2 * r][2 * c + 1], relu[2 * r + 1][2 * c], relu[2 * r + 1][2 * c + 1]]
                row.append(s.pool == .max ? q.max()! : (q[0] + q[1] + q[2] + q[3]) / 4)
            }
            pool.append(row)
        }
        return NaiveMaps(conv: conv, scale: scale, relu: relu, pool: pool)
    }

    // MARK: - Random inputs (a fixed generator: the same numbers every run)

    private struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// Uniform in [0, 1).
        mutating func unit() -> Float { Float(next() >> 40) / Float(1 << 24) }
    }

    private func randomGrid(_ width: Int, _ height: Int, _ rng: inout SplitMix) -> Grid {
        Grid(width: width, height: height, values: (0..<(width * height)).map { _ in rng.unit() })
    }

    private func randomKernel(_ size: Int, _ rng: inout SplitMix) -> Kernel {
        Kernel(name: "custom", label: "random", size: size, weights: (0..<(size * size)).map { _ in 2 * rng.unit() - 1 })
    }

    // MARK: - Comparison

    private func assertMatches(_ input: Grid, _ kernel: Kernel, _ s: ConvSettings,
                               file: StaticString = #filePath, line: UInt = #line) {
        let what = "\(input.width)×\(input.height) k=\(kernel.size) stride \(s.stride) dilation \(s.dilation) "
            + "\(s.padding.rawValue) bias \(s.bias) flip \(s.flip) pool \(s.pool.rawValue)"
        let want = naive(input, kernel, s)
        let got = Convolution.convReluPool(input, kernel, s)
        // `convPool` gives the same conv and pool maps, bit for bit, and `convReluPool`'s ReLU is
        // `Activation.relu` of that conv map.
        let cp = Convolution.convPool(input, kernel, s)
        XCTAssertEqual(cp.conv.values.map(\.bitPattern), got.conv.values.map(\.bitPattern), "\(what): convPool conv", file: file, line: line)
        XCTAssertEqual(cp.pool.values.map(\.bitPattern), got.pool.values.map(\.bitPattern), "\(what): convPool pool", file: file, line: line)
        XCTAssertEqual(cp.conv.width, got.conv.width, file: file, line: line)
        XCTAssertEqual(cp.pool.width, got.pool.width, file: file, line: line)
        XCTAssertEqual(got.relu.values.map(\.bitPattern), Activation.relu(got.conv).values.map(\.bitPattern), "\(what): relu", file: file, line: line)
        let oh = want.conv.count, ow = want.conv.first?.count ?? 0
        guard got.conv.width == ow, got.conv.height == oh, got.relu.width == ow, got.relu.height == oh,
              got.pool.width == ow / 2, got.pool.height == oh / 2 else {
            XCTFail("\(what): shapes conv \(got.conv.width)×\(got.conv.height), relu \(got.relu.width)×\(got.relu.height), "
                    + "pool \(got.pool.width)×\(got.pool.height); want conv \(ow)×\(oh), pool \(ow / 2)×\(oh / 2)",
                    file: file, line: line)
            return
        }
        func close(_ a: Float, _ b: Float, _ scale: Float) -> Bool { abs(a - b) <= 1e-5 * max(scale, .leastNormalMagnitude) }
        for r in 0..<oh {
            for c in 0..<ow {
                let sc = want.scale[r][c]
                if !close(got.conv[r, c], want.conv[r][c], sc) {
                    return XCTFail("\(what): conv[\(r)][\(c)] = \(got.conv[r, c]), want \(want.conv[r][c])", file: file, line: line)
                }
                if !close(got.relu[r, c], want.relu[r][c], sc) {
                    return XCTFail("\(what): relu[\(r)][\(c)] = \(got.relu[r, c]), want \(want.relu[r][c])", file: file, line: line)
                }
            }
        }
        for r in 0..<(oh / 2) {
            for c in 0..<(ow / 2) {
                let sc = [want.scale[2 * r][2 * c], want.scale[2 * r][2 * c + 1],
                          want.scale[2 * r + 1][2 * c], want.scale[2 * r + 1][2 * c + 1]].max()!
                if !close(got.pool[r, c], want.pool[r][c], sc) {
                    return XCTFail("\(what): pool[\(r)][\(c)] = \(got.pool[r, c]), want \(want.pool[r][c])", file: file, line: line)
                }
            }
        }
    }

    // MARK: - Tests

    /// Every odd kernel 1–7, stride 1–3, dilation 1–3, valid and same, with and without flip,
    /// both pool modes and a bias, on small images of awkward shapes: a single pixel, one row,
    /// one column, sides smaller than the kernel's span, sides that are not a multiple of 4 or 8.
    func testEverySettingOnSmallImages() {
        var rng = SplitMix(state: 1)
        let sizes = [(1, 1), (1, 9), (9, 1), (2, 3), (3, 2), (4, 4), (5, 7), (7, 5), (6, 11), (8, 8), (12, 9), (13, 17)]
        let biases: [Float] = [0, 0.37, -0.61]
        var count = 0
        for (sizeIndex, (w, h)) in sizes.enumerated() {
            let input = randomGrid(w, h, &rng)
            for k in [1, 3, 5, 7] {
                let kernel = randomKernel(k, &rng)
                for stride in 1...3 {
                    for dilation in 1...3 {
                        for padding in Padding.allCases {
                            for flip in [false, true] {
                                for pool in PoolMode.allCases {
                                    let bias = biases[(sizeIndex + stride + dilation + (flip ? 1 : 0)) % biases.count]
                                    assertMatches(input, kernel, ConvSettings(stride: stride, padding: padding, bias: bias,
                                                                              dilation: dilation, flip: flip, pool: pool))
                                    count += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        XCTAssertEqual(count, sizes.count * 4 * 3 * 3 * 2 * 2 * 2)
    }

    /// The fast path (stride 1, dilation 1) on wider images: blocks of four columns and four rows,
    /// the border columns of `same`, the last block moved back, leftover rows of 1, 2 and 3.
    func testFastPathOnLargerImages() {
        var rng = SplitMix(state: 2)
        let sizes = [(1, 40), (40, 1), (3, 64), (8, 9), (9, 8), (10, 10), (15, 6), (16, 16), (17, 23),
                     (24, 7), (31, 33), (33, 31), (64, 5), (67, 19), (100, 14), (130, 11)]
        for (w, h) in sizes {
            let input = randomGrid(w, h, &rng)
            for k in [1, 3, 5, 7] {
                let kernel = randomKernel(k, &rng)
                for padding in Padding.allCases {
                    for (flip, pool, bias) in [(false, PoolMode.max, Float(0)), (true, .avg, 0.25), (false, .avg, -0.4), (true, .max, 0.1)] {
                        assertMatches(input, kernel, ConvSettings(padding: padding, bias: bias, flip: flip, pool: pool))
                    }
                }
            }
        }
    }

    /// Widths a multiple of 1024 with `same` padding take another route (input rows copied into a
    /// ring of zero-bordered rows first, to keep rows 4 KiB apart out of each other's cache sets).
    func testWidthsAMultipleOf1024() {
        var rng = SplitMix(state: 7)
        for (w, h) in [(1024, 1), (1024, 2), (1024, 6), (2048, 3)] {
            let input = randomGrid(w, h, &rng)
            for k in [1, 3, 5, 7] {
                let kernel = randomKernel(k, &rng)
                for padding in Padding.allCases {
                    for (flip, pool, bias) in [(false, PoolMode.max, Float(0.3)), (true, .avg, -0.2)] {
                        assertMatches(input, kernel, ConvSettings(padding: padding, bias: bias, flip: flip, pool: pool))
                    }
                }
            }
        }
    }

    /// Inputs far from [0, 1] and kernels with zeros: nothing in the fast path assumes the input range.
    func testSignedInputsAndSparseKernels() {
        var rng = SplitMix(state: 3)
        let input = Grid(width: 29, height: 21, values: (0..<(29 * 21)).map { _ in 200 * rng.unit() - 100 })
        for preset in [Kernel(name: "e", label: "e", size: 3, weights: [-1, 0, 1, -2, 0, 2, -1, 0, 1]),
                       Kernel(name: "i", label: "i", size: 5, weights: (0..<25).map { $0 == 12 ? 1 : 0 }),
                       Kernel(name: "z", label: "z", size: 7, weights: [Float](repeating: 0, count: 49))] {
            for padding in Padding.allCases {
                for pool in PoolMode.allCases {
                    assertMatches(input, preset, ConvSettings(padding: padding, bias: -3, pool: pool))
                }
            }
        }
    }

    /// `FeatureMaps` and `Convolution.apply` give the same maps as `convReluPool`, and the maps
    /// of `Activation.relu` and `Pooling.apply` applied one after the other.
    func testEntryPointsAgree() {
        var rng = SplitMix(state: 4)
        let input = randomGrid(37, 26, &rng)
        for k in [1, 3, 5, 7] {
            let kernel = randomKernel(k, &rng)
            for (stride, dilation) in [(1, 1), (2, 1), (1, 2)] {
                for padding in Padding.allCases {
                    for pool in PoolMode.allCases {
                        let s = ConvSettings(stride: stride, padding: padding, bias: 0.2, dilation: dilation, pool: pool)
                        let fused = Convolution.convReluPool(input, kernel, s)
                        let maps = FeatureMaps(input: input, kernel: kernel, settings: s)
                        XCTAssertEqual(maps.conv, fused.conv)
                        XCTAssertEqual(maps.relu, fused.relu)
                        XCTAssertEqual(maps.pool, fused.pool)
                        XCTAssertEqual(Convolution.apply(input, kernel, s), fused.conv)
                        XCTAssertEqual(Activation.relu(fused.conv), fused.relu)
                        XCTAssertEqual(Pooling.apply(fused.relu, mode: pool), fused.pool)
                    }
                }
            }
        }
    }

    /// A kernel that does not fit gives three empty maps, as before.
    func testNoOutput() {
        let input = Grid(width: 4, height: 2)
        let kernel = Kernel(name: "b", label: "b", size: 3, weights: [Float](repeating: 1, count: 9))
        let maps = Convolution.convReluPool(input, kernel, ConvSettings())
        XCTAssertEqual(maps.conv, Grid(width: 0, height: 0))
        XCTAssertEqual(maps.relu, Grid(width: 0, height: 0))
        XCTAssertEqual(maps.pool, Grid(width: 0, height: 0))
    }

    /// The same numbers, bit for bit, every time.
    func testDeterministic() {
        var rng = SplitMix(state: 5)
        let input = randomGrid(203, 97, &rng)
        for k in [3, 7] {
            let kernel = randomKernel(k, &rng)
            for s in [ConvSettings(padding: .same, bias: 0.1), ConvSettings(stride: 2, dilation: 2, pool: .avg)] {
                let a = Convolution.convReluPool(input, kernel, s), b = Convolution.convReluPool(input, kernel, s)
                XCTAssertEqual(a.conv.values.map(\.bitPattern), b.conv.values.map(\.bitPattern))
                XCTAssertEqual(a.relu.values.map(\.bitPattern), b.relu.values.map(\.bitPattern))
                XCTAssertEqual(a.pool.values.map(\.bitPattern), b.pool.values.map(\.bitPattern))
            }
        }
    }

    /// The variant that writes into existing grids: right whether their storage fits, does not
    /// fit or is shared — a copy held elsewhere must never change.
    func testWritingIntoExistingGrids() {
        var rng = SplitMix(state: 6)
        let input = randomGrid(45, 30, &rng)
        let kernel = randomKernel(5, &rng)
        let s = ConvSettings(padding: .same, bias: 0.05)
        let want = Convolution.convReluPool(input, kernel, s)

        // Storage of another size.
        var conv = Grid(width: 3, height: 3, repeating: 9), relu = Grid(width: 0, height: 0), pool = Grid(width: 100, height: 2)
        Convolution.convReluPool(input, kernel, s, conv: &conv, relu: &relu, pool: &pool)
        XCTAssertEqual(conv, want.conv); XCTAssertEqual(relu, want.relu); XCTAssertEqual(pool, want.pool)

        // Storage of the right size, held nowhere else, holding other numbers.
        conv = Grid(width: 45, height: 30, repeating: -7)
        relu = Grid(width: 45, height: 30, repeating: 7)
        pool = Grid(width: 22, height: 15, repeating: .nan)
        Convolution.convReluPool(input, kernel, s, conv: &conv, relu: &relu, pool: &pool)
        XCTAssertEqual(conv, want.conv); XCTAssertEqual(relu, want.relu); XCTAssertEqual(pool, want.pool)

        // Storage shared with copies: the copies keep their values.
        let otherKernel = randomKernel(5, &rng)
        let other = Convolution.convReluPool(input, otherKernel, s)
        let otherValues = (other.conv.values.map { $0 }, other.relu.values.map { $0 }, other.pool.values.map { $0 })
        conv = other.conv; relu = other.relu; pool = other.pool
        Convolution.convReluPool(input, kernel, s, conv: &conv, relu: &relu, pool: &pool)
        XCTAssertEqual(conv, want.conv); XCTAssertEqual(relu, want.relu); XCTAssertEqual(pool, want.pool)
        XCTAssertEqual(other.conv.values, otherValues.0)
        XCTAssertEqual(other.relu.values, otherValues.1)
        XCTAssertEqual(other.pool.values, otherValues.2)
        XCTAssertNotEqual(other.conv, want.conv)

        // A general-path setting into the same grids.
        let s2 = ConvSettings(stride: 2, padding: .same, dilation: 2, pool: .avg)
        Convolution.convReluPool(input, kernel, s2, conv: &conv, relu: &relu, pool: &pool)
        let want2 = Convolution.convReluPool(input, kernel, s2)
        XCTAssertEqual(conv, want2.conv); XCTAssertEqual(relu, want2.relu); XCTAssertEqual(pool, want2.pool)
    }

    // MARK: - convPool and the derived ReLU map

    /// Rows longer than one chunk of the pool (it is made from the conv rows a chunk of columns at
    /// a time): the pool is `Pooling.apply` over `Activation.relu` of the conv map, bit for bit,
    /// across chunk boundaries, odd widths and the border cells of `same`.
    func testConvPoolOnWideRows() {
        var rng = SplitMix(state: 8)
        for (w, h) in [(129, 4), (130, 3), (263, 5), (300, 2), (515, 6), (1024, 4), (1031, 5)] {
            let input = randomGrid(w, h, &rng)
            for k in [1, 3, 5, 7] {
                let kernel = randomKernel(k, &rng)
                for padding in Padding.allCases {
                    for pool in PoolMode.allCases {
                        let s = ConvSettings(padding: padding, bias: pool == .max ? -0.3 : 0.2, pool: pool)
                        assertMatches(input, kernel, s)
                        let got = Convolution.convPool(input, kernel, s)
                        XCTAssertEqual(got.pool.values.map(\.bitPattern),
                                       Pooling.apply(Activation.relu(got.conv), mode: pool).values.map(\.bitPattern),
                                       "\(w)×\(h) k=\(k) \(padding.rawValue) \(pool.rawValue)")
                    }
                }
            }
        }
    }

    /// `convPool` into existing grids, as `convReluPool` does: right whatever the grids held,
    /// and a copy held elsewhere never changes.
    func testConvPoolWritingIntoExistingGrids() {
        var rng = SplitMix(state: 9)
        let input = randomGrid(70, 33, &rng)
        let kernel = randomKernel(3, &rng)
        let s = ConvSettings(padding: .same, bias: 0.1)
        let want = Convolution.convPool(input, kernel, s)
        var conv = Grid(width: 70, height: 33, repeating: .nan), pool = Grid(width: 35, height: 16, repeating: -1)
        let held = pool
        Convolution.convPool(input, kernel, s, conv: &conv, pool: &pool)
        XCTAssertEqual(conv, want.conv)
        XCTAssertEqual(pool, want.pool)
        XCTAssertEqual(held.values, [Float](repeating: -1, count: 35 * 16))
        Convolution.convPool(input, kernel, ConvSettings(stride: 2, pool: .avg), conv: &conv, pool: &pool)
        let general = Convolution.convPool(input, kernel, ConvSettings(stride: 2, pool: .avg))
        XCTAssertEqual(conv, general.conv)
        XCTAssertEqual(pool, general.pool)
        Convolution.convPool(Grid(width: 2, height: 2), kernel, ConvSettings(), conv: &conv, pool: &pool)
        XCTAssertEqual(conv, Grid(width: 0, height: 0))
        XCTAssertEqual(pool, Grid(width: 0, height: 0))
    }

    /// `Activation.relu` of a map is x > 0 ? x : 0 cell by cell, bit for bit: NaN and −0 become +0,
    /// on every count (eight at a time and the rest).
    func testReluOfAMap() {
        let specials: [Float] = [.nan, -0.0, 0, -1, 2, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                                 .greatestFiniteMagnitude, 0.5, -0.5, 3]
        for n in 0...specials.count {
            let g = Grid(width: n, height: 1, values: Array(specials.prefix(n)))
            let want = g.values.map { (x: Float) in (x > 0 ? x : 0).bitPattern }
            XCTAssertEqual(Activation.relu(g).values.map(\.bitPattern), want, "count \(n)")
            XCTAssertEqual(Activation.relu(g).width, n)
        }
    }

    /// `FeatureMaps.relu` is max(0, conv) exactly, as `convReluPool` gives it; it is worked out
    /// once, for the value and all its copies, even when several threads ask at once.
    func testFeatureMapsReluDerivedOnce() {
        var rng = SplitMix(state: 10)
        let input = randomGrid(61, 47, &rng)
        for (k, s) in [(3, ConvSettings(bias: -0.2)), (5, ConvSettings(padding: .same, pool: .avg)),
                       (3, ConvSettings(stride: 2, bias: 0.1, dilation: 2))] {
            let kernel = randomKernel(k, &rng)
            let maps = FeatureMaps(input: input, kernel: kernel, settings: s)
            let fused = Convolution.convReluPool(input, kernel, s)
            XCTAssertEqual(maps.conv, fused.conv)
            XCTAssertEqual(maps.pool, fused.pool)
            XCTAssertEqual(maps.relu.values.map(\.bitPattern), maps.conv.values.map { (x: Float) in (x > 0 ? x : 0).bitPattern })
            XCTAssertEqual(maps.relu, fused.relu)
            XCTAssertEqual(maps.relu.width, maps.conv.width)
            XCTAssertEqual(maps.relu.height, maps.conv.height)

            func storage(_ g: Grid) -> UnsafePointer<Float>? { g.values.withUnsafeBufferPointer { $0.baseAddress } }
            let copy = maps
            let first = storage(maps.relu)
            XCTAssertNotNil(first)
            XCTAssertEqual(storage(maps.relu), first, "asked again: the same map, not worked out again")
            XCTAssertEqual(storage(copy.relu), first, "a copy shares it")
        }

        // Many threads asking a fresh value at once all get the one map.
        let maps = FeatureMaps(input: randomGrid(300, 200, &rng), kernel: randomKernel(3, &rng), settings: ConvSettings())
        let seen = UnsafeMutableBufferPointer<Int>.allocate(capacity: 16)
        defer { seen.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            seen[i] = maps.relu.values.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        }
        XCTAssertEqual(Set(seen).count, 1)
        XCTAssertEqual(maps.relu, Activation.relu(maps.conv))
    }

    /// Equality of maps ignores whether the ReLU map was worked out yet, and never works it out.
    func testFeatureMapsEquality() {
        var rng = SplitMix(state: 11)
        let input = randomGrid(20, 17, &rng)
        let kernel = randomKernel(3, &rng)
        let a = FeatureMaps(input: input, kernel: kernel, settings: ConvSettings())
        let b = FeatureMaps(input: input, kernel: kernel, settings: ConvSettings())
        XCTAssertEqual(a, b)
        _ = a.relu
        XCTAssertEqual(a, b)
        XCTAssertEqual(b, a)
        XCTAssertNotEqual(a, FeatureMaps(input: input, kernel: randomKernel(3, &rng), settings: ConvSettings()))
        XCTAssertNotEqual(a, FeatureMaps(input: input, kernel: kernel, settings: ConvSettings(pool: .avg)))
        XCTAssertNotEqual(a, FeatureMaps(input: input.shifted(rows: 1, cols: 0), kernel: kernel, settings: ConvSettings()))
        let none = FeatureMaps(input: Grid(width: 2, height: 2), kernel: kernel, settings: ConvSettings())
        XCTAssertEqual(none.relu, Grid(width: 0, height: 0))
    }
}
