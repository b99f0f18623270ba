import XCTest
import ConvModel

/// Dilation and true convolution (flip): hand-worked cases, the definition for random inputs,
/// and the `d` and `x` actions.
final class DilationFlipTests: XCTestCase {
    /// in[r][c] = n·r + c + 1: every pixel different, so a wrong tap shows.
    private func ramp(_ n: Int) -> Grid {
        Grid(width: n, height: n, values: (1...(n * n)).map(Float.init))
    }

    /// Weights only on the corners and the centre, so that at dilation 2 the taps are
    /// (r, c)·1, (r, c+4)·2, (r+2, c+2)·5, (r+4, c)·3, (r+4, c+4)·4 from the window's origin.
    private let corners = kernel([[1, 0, 2],
                                  [0, 5, 0],
                                  [3, 0, 4]])

    private func conv(_ input: Grid, _ k: Kernel, stride: Int = 1, padding: Padding = .valid,
                      dilation: Int = 1, flip: Bool = false) -> Grid {
        Convolution.apply(input, k, ConvSettings(stride: stride, padding: padding, dilation: dilation, flip: flip))
    }

    // MARK: Dilation, by hand

    /// 5×5, dilation 2, valid: the 3×3 kernel spans 5×5 cells, so there is one output:
    /// 1·1 + 2·5 + 5·13 + 3·21 + 4·25 = 239.
    func testDilation2Valid5x5() {
        let g = ConvGeometry(inputWidth: 5, inputHeight: 5, kernelSize: 3, stride: 1, padding: .valid, dilation: 2)
        XCTAssertEqual(g.span, 5)
        XCTAssertEqual(g.outputWidth, 1)
        assertRows(conv(ramp(5), corners, dilation: 2), [[239]])
    }

    /// 5×5, dilation 2, same: p = 2·⌊3/2⌋ = 2, so stride 1 keeps 5×5. Cell (0, 0) reads
    /// 5·in[0][0] + 4·in[2][2] = 5 + 52 = 57 (the other taps are padding); cell (2, 2) is the
    /// valid case, 239; cell (4, 4) reads 1·in[2][2] + 5·in[4][4] = 13 + 125 = 138.
    func testDilation2Same5x5KeepsTheSize() {
        let g = ConvGeometry(inputWidth: 5, inputHeight: 5, kernelSize: 3, stride: 1, padding: .same, dilation: 2)
        XCTAssertEqual(g.pad, 2)
        assertRows(conv(ramp(5), corners, padding: .same, dilation: 2), [
            [57, 66, 108, 56, 64],
            [102, 111, 168, 96, 104],
            [153, 164, 239, 138, 147],
            [96, 103, 116, 102, 108],
            [131, 138, 156, 132, 138],
        ])
    }

    /// Stride 2 on top: ⌊(5 + 4 − 5)/2⌋ + 1 = 3, the even rows and columns of the stride-1 map.
    func testDilation2SameStride2() {
        assertRows(conv(ramp(5), corners, stride: 2, padding: .same, dilation: 2), [
            [57, 108, 64],
            [153, 239, 147],
            [131, 156, 138],
        ])
    }

    /// 7×7 (in = 7r + c + 1), dilation 2, valid: out[r][c] = 1·in[r][c] + 2·in[r][c+4] +
    /// 5·in[r+2][c+2] + 3·in[r+4][c] + 4·in[r+4][c+4] = 105r + 15c + 315; 3×3 at stride 1,
    /// 2×2 at stride 2.
    func testDilation2Valid7x7Strides1And2() {
        assertRows(conv(ramp(7), corners, dilation: 2), [[315, 330, 345], [420, 435, 450], [525, 540, 555]])
        assertRows(conv(ramp(7), corners, stride: 2, dilation: 2), [[315, 345], [525, 555]])
    }

    /// Dilation 3 on 7×7: span 7, one output: 1·1 + 2·7 + 5·25 + 3·43 + 4·49 = 465.
    func testDilation3Valid7x7() {
        assertRows(conv(ramp(7), corners, dilation: 3), [[465]])
    }

    /// Dilation 1 is the ordinary convolution.
    func testDilation1IsOrdinary() {
        var rng = SplitMix64(seed: 61)
        let input = rng.image(width: 9, height: 8), k = rng.kernel(size: 3)
        assertGrid(conv(input, k, dilation: 1), Convolution.apply(input, k, ConvSettings()))
    }

    // MARK: Flip, by hand

    /// 3×3 input 1…9 and kernel 1…9: correlation Σ k·in = 1 + 4 + … + 81 = 285; true convolution
    /// pairs the first weight with the last pixel: 9·1 + 8·2 + … + 1·9 = 165.
    func testFlipOnAWindow() {
        let k = kernel([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        assertRows(conv(ramp(3), k), [[285]])
        assertRows(conv(ramp(3), k, flip: true), [[165]])
    }

    /// A single white pixel: cross-correlation draws the kernel turned by 180° around it, true
    /// convolution draws the kernel as it is.
    func testImpulseResponse() {
        var impulse = Grid(width: 5, height: 5)
        impulse[2, 2] = 1
        let k = kernel([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        assertRows(conv(impulse, k, padding: .same), [
            [0, 0, 0, 0, 0], [0, 9, 8, 7, 0], [0, 6, 5, 4, 0], [0, 3, 2, 1, 0], [0, 0, 0, 0, 0],
        ])
        assertRows(conv(impulse, k, padding: .same, flip: true), [
            [0, 0, 0, 0, 0], [0, 1, 2, 3, 0], [0, 4, 5, 6, 0], [0, 7, 8, 9, 0], [0, 0, 0, 0, 0],
        ])
    }

    /// The arithmetic panel shows the weights actually applied.
    func testCellArithmeticUsesTheFlippedWeights() {
        let k = kernel([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        let maps = FeatureMaps(input: ramp(3), kernel: k, settings: ConvSettings(flip: true))
        XCTAssertEqual(maps.cell(row: 0, col: 0).weights, [9, 8, 7, 6, 5, 4, 3, 2, 1])
        XCTAssertEqual(maps.cell(row: 0, col: 0).value, 165)
        XCTAssertEqual(maps.appliedKernel.weights, [9, 8, 7, 6, 5, 4, 3, 2, 1])
    }

    // MARK: Against the definition

    /// `out[r][c] = bias + Σᵢⱼ in[r·s + i·d − p][c·s + j·d − p] · k'[i][j]`, zero outside the input,
    /// k' the kernel turned by 180° when flipping; written as plainly as possible.
    private func naive(_ input: Grid, _ k: Kernel, _ s: ConvSettings) -> Grid {
        let n = k.size, d = s.dilation
        let p = s.padding == .same ? d * (n / 2) : 0
        func size(_ len: Int) -> Int {
            let span = len + 2 * p - d * (n - 1) - 1
            return span < 0 ? 0 : span / s.stride + 1
        }
        var out = Grid(width: size(input.width), height: size(input.height))
        for r in 0..<out.height {
            for c in 0..<out.width {
                var sum = s.bias
                for i in 0..<n {
                    for j in 0..<n {
                        let w = s.flip ? k[n - 1 - i, n - 1 - j] : k[i, j]
                        let y = r * s.stride + i * d - p, x = c * s.stride + j * d - p
                        if y >= 0, y < input.height, x >= 0, x < input.width { sum += input[y, x] * w }
                    }
                }
                out[r, c] = sum
            }
        }
        return out
    }

    private func naivePool(_ m: Grid, _ mode: PoolMode) -> Grid {
        var out = Grid(width: m.width / 2, height: m.height / 2)
        for r in 0..<out.height {
            for c in 0..<out.width {
                let v = [m[2 * r, 2 * c], m[2 * r, 2 * c + 1], m[2 * r + 1, 2 * c], m[2 * r + 1, 2 * c + 1]]
                out[r, c] = mode == .max ? v.max()! : v.reduce(0, +) / 4
            }
        }
        return out
    }

    /// Property: for random inputs, kernels 1–7, stride 1–3, dilation 1–3, both paddings, flip
    /// and bias, the conv, ReLU and pool maps equal the definition (to rounding: sums may be
    /// added in another order).
    func testMatchesTheDefinition() {
        var rng = SplitMix64(seed: 0xD11A7E)
        var checked = 0
        for _ in 0..<400 {
            let input = rng.image(widths: 1...20, heights: 1...20)
            let k = rng.kernel()
            let s = ConvSettings(stride: rng.int(1...3), padding: rng.padding(), bias: rng.bool() ? 0 : rng.float(-1, 1),
                                 dilation: rng.int(1...3), flip: rng.bool(), pool: rng.bool() ? .max : .avg)
            let expected = naive(input, k, s)
            let label = "\(input.width)×\(input.height), k \(k.size), \(s)"
            guard expected.width > 0, expected.height > 0 else {
                XCTAssertFalse(ConvGeometry(inputWidth: input.width, inputHeight: input.height,
                                            kernelSize: k.size, settings: s).hasOutput, label)
                continue
            }
            let maps = FeatureMaps(input: input, kernel: k, settings: s)
            assertGrid(maps.conv, expected, accuracy: 1e-4, label)
            assertGrid(maps.relu, Activation.relu(expected), accuracy: 1e-4, label)
            assertGrid(maps.pool, naivePool(Activation.relu(expected), s.pool), accuracy: 1e-4, label)
            // The arithmetic of one cell agrees with its map.
            let r = rng.int(0...expected.height - 1), c = rng.int(0...expected.width - 1)
            XCTAssertEqual(maps.cell(row: r, col: c).value, expected[r, c], accuracy: 1e-4, label)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 250)
    }

    /// Property: `same` padding with stride 1 keeps the input's size at every dilation.
    func testSamePaddingKeepsTheSize() {
        for n in [1, 3, 5, 7] {
            for d in 1...3 {
                for side in [1, 2, 5, 16] {
                    let g = ConvGeometry(inputWidth: side, inputHeight: side + 1, kernelSize: n,
                                         stride: 1, padding: .same, dilation: d)
                    XCTAssertEqual(g.outputWidth, side, "k \(n), d \(d)")
                    XCTAssertEqual(g.outputHeight, side + 1, "k \(n), d \(d)")
                }
            }
        }
    }

    /// Property: flipping twice is no flip, and flipping a kernel symmetric under 180° changes nothing.
    func testFlipProperties() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let k = rng.kernel()
            XCTAssertEqual(k.flipped.flipped, k)
            let symmetric = combine(0.5, k, 0.5, k.flipped)
            let input = rng.image(width: 9, height: 9)
            let s = ConvSettings(padding: .same, dilation: rng.int(1...2))
            var f = s
            f.flip = true
            assertGrid(Convolution.apply(input, symmetric, f), Convolution.apply(input, symmetric, s), accuracy: 1e-5)
        }
    }

    // MARK: The actions

    func testCycleDilation() throws {
        var s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!)
        XCTAssertEqual(s.settings.dilation, 1)
        s.update(.cycleDilation)
        XCTAssertEqual(s.settings.dilation, 2)
        XCTAssertEqual(s.geometry.outputWidth, 20)
        XCTAssertEqual(s.maps, FeatureMaps(input: s.image.grid, kernel: s.kernel, settings: s.settings))
        s.update(.cycleDilation)
        XCTAssertEqual(s.settings.dilation, 3)
        XCTAssertEqual(s.geometry.outputWidth, 18)
        XCTAssertEqual(s.scan.columns, 18)
        s.update(.cycleDilation)
        XCTAssertEqual(s.settings.dilation, 1)
        XCTAssertEqual(s.geometry.outputWidth, 22)
        XCTAssertNil(s.message)
    }

    /// On a 5×5 input with valid padding, dilation 3 spreads a 3×3 kernel over 7×7: `d` goes
    /// from 2 back to 1 and the message says why.
    func testCycleDilationRefusesOneThatLeavesNoOutput() throws {
        let small = NamedImage(name: "small", grid: ramp(5))
        var s = try AppState(image: small, kernel: corners)
        s.update(.cycleDilation)
        XCTAssertEqual(s.settings.dilation, 2)
        XCTAssertEqual(s.maps.conv.values, [239])
        s.update(.cycleDilation)
        XCTAssertEqual(s.settings.dilation, 1)
        let m = try XCTUnwrap(s.message)
        XCTAssertTrue(m.contains("dilation 3"), m)
        XCTAssertEqual(s.maps, FeatureMaps(input: s.image.grid, kernel: s.kernel, settings: s.settings))
    }

    /// A dilation above 3 (from the command line) comes back to 1.
    func testCycleDilationFromALargeOne() throws {
        var s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.presets[0],
                             settings: ConvSettings(dilation: 5))
        s.update(.cycleDilation)
        XCTAssertEqual(s.settings.dilation, 1)
    }

    func testToggleFlip() throws {
        let k = Kernel.preset(named: "emboss")!
        var s = try AppState(image: BuiltinImages.named("face")!, kernel: k)
        let before = s.maps.conv
        s.update(.toggleFlip)
        XCTAssertTrue(s.settings.flip)
        XCTAssertEqual(s.kernel, k, "the kernel itself is not changed, only how it is applied")
        XCTAssertEqual(s.maps.appliedKernel.weights, k.weights.reversed())
        XCTAssertEqual(s.maps, FeatureMaps(input: s.image.grid, kernel: k, settings: ConvSettings(flip: true)))
        XCTAssertNotEqual(s.maps.conv, before)
        s.update(.toggleFlip)
        XCTAssertFalse(s.settings.flip)
        XCTAssertEqual(s.maps.conv, before)
    }
}
