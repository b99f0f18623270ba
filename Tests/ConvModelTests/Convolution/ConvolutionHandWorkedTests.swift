import XCTest
import ConvModel

/// Small cases worked out on paper from the DESIGN.md definition
/// `out[r][c] = bias + Σᵢ Σⱼ in[r·s + i − p][c·s + j − p] · k[i][j]` (zero outside the input).
///
/// The inputs hold small integers so that every sum is exact; the arithmetic does not care that
/// real inputs lie in [0, 1]. The kernel `k` is chosen so that it differs from its 180° turn and
/// from its transpose: a flipped or transposed convolution gives other numbers.
final class ConvolutionHandWorkedTests: XCTestCase {
    /// Nonzero taps: k[0][0] = 1, k[0][1] = 2, k[1][1] = −1, k[2][0] = −1, k[2][2] = 1, so
    /// `out[r][c] = x[r][c] + 2·x[r][c+1] − x[r+1][c+1] − x[r+2][c] + x[r+2][c+2]` (valid, stride 1).
    let k = kernel([
        [1, 2, 0],
        [0, -1, 0],
        [-1, 0, 1],
    ])

    /// 4×4.
    let x = grid([
        [1, 2, 0, 1],
        [0, 1, 3, 1],
        [2, 0, 1, 0],
        [1, 1, 0, 2],
    ])

    /// 5×5.
    let y = grid([
        [1, 0, 2, 1, 0],
        [0, 1, 1, 0, 2],
        [2, 1, 0, 1, 1],
        [0, 0, 1, 2, 0],
        [1, 2, 0, 0, 1],
    ])

    /// 5 wide × 4 high: the first four rows of `y`.
    let w = grid([
        [1, 0, 2, 1, 0],
        [0, 1, 1, 0, 2],
        [2, 1, 0, 1, 1],
        [0, 0, 1, 2, 0],
    ])

    private func maps(_ input: Grid, _ kernel: Kernel, stride: Int = 1, padding: Padding = .valid,
                      bias: Float = 0, pool: PoolMode = .max, dilation: Int = 1, flip: Bool = false) -> FeatureMaps {
        FeatureMaps(input: input, kernel: kernel,
                    settings: ConvSettings(stride: stride, padding: padding, bias: bias,
                                           dilation: dilation, flip: flip, pool: pool))
    }

    // MARK: 4×4, 3×3 kernel

    /// out[0][0] = 1·1 + 2·2 − 1 − 2 + 1 = 3;  out[0][1] = 2 + 0 − 3 − 0 + 0 = −1;
    /// out[1][0] = 0 + 2 − 0 − 1 + 0 = 1;      out[1][1] = 1 + 6 − 1 − 1 + 2 = 7.
    func testValidStride1On4x4() {
        let m = maps(x, k)
        assertRows(m.conv, [[3, -1], [1, 7]])
        assertRows(m.relu, [[3, 0], [1, 7]])
        assertRows(m.pool, [[7]])
        assertRows(maps(x, k, pool: .avg).pool, [[2.75]])  // (3 + 0 + 1 + 7) / 4
    }

    /// The bias is added to every sum before ReLU: 3 − 2 = 1, −1 − 2 = −3, 1 − 2 = −1, 7 − 2 = 5.
    func testBiasIsAddedBeforeRelu() {
        let m = maps(x, k, bias: -2)
        assertRows(m.conv, [[1, -3], [-1, 5]])
        assertRows(m.relu, [[1, 0], [0, 5]])
        assertRows(m.pool, [[5]])
        assertRows(maps(x, k, bias: -2, pool: .avg).pool, [[1.5]])  // (1 + 0 + 0 + 5) / 4
    }

    /// `same` pads one zero on every side: out[r][c] = x[r−1][c−1] + 2·x[r−1][c] − x[r][c] − x[r+1][c−1] + x[r+1][c+1].
    /// Row 0:  c0 = −1 + 1 = 0;  c1 = −2 − 0 + 3 = 1;  c2 = −0 − 1 + 1 = 0;  c3 = −1 − 3 = −4.
    /// Row 1:  c0 = 2·1 − 0 + 0 = 2;  c1 = 1 + 4 − 1 − 2 + 1 = 3;  c2 = 2 + 0 − 3 − 0 + 0 = −1;  c3 = 0 + 2 − 1 − 1 = 0.
    /// Row 2:  c0 = −2 + 1 = −1;  c1 = 0 + 2 − 0 − 1 + 0 = 1;  c2 = 1 + 6 − 1 − 1 + 2 = 7;  c3 = 3 + 2 − 0 − 0 = 5.
    /// Row 3:  c0 = 2·2 − 1 = 3;  c1 = 2 + 0 − 1 = 1;  c2 = 0 + 2 − 0 = 2;  c3 = 1 + 0 − 2 = −1.
    func testSameStride1On4x4() {
        let m = maps(x, k, padding: .same)
        assertRows(m.conv, [
            [0, 1, 0, -4],
            [2, 3, -1, 0],
            [-1, 1, 7, 5],
            [3, 1, 2, -1],
        ])
        assertRows(m.relu, [
            [0, 1, 0, 0],
            [2, 3, 0, 0],
            [0, 1, 7, 5],
            [3, 1, 2, 0],
        ])
        // Blocks {0,1,2,3}, {0,0,0,0}, {0,1,3,1}, {7,5,2,0}.
        assertRows(m.pool, [[3, 0], [3, 7]])
        assertRows(maps(x, k, padding: .same, pool: .avg).pool, [[1.5, 0], [1.25, 3.5]])
    }

    /// Stride 2 with `same`: ⌊(4 + 2 − 3)/2⌋ + 1 = 2, the windows at (0,0), (0,2), (2,0), (2,2) of the map above.
    func testSameStride2On4x4() {
        let m = maps(x, k, stride: 2, padding: .same)
        assertRows(m.conv, [[0, 0], [-1, 7]])
        assertRows(m.relu, [[0, 0], [0, 7]])
        assertRows(m.pool, [[7]])
    }

    /// True convolution turns the kernel by 180°: [[1, 0, −1], [0, −1, 0], [0, 2, 1]].
    /// out[0][0] = 1 − 1 + 1 = 1;  out[0][1] = 2 − 1 − 3 + 2 = 0;  out[1][0] = −3 + 2 = −1;  out[1][1] = 1 − 1 − 1 + 2 = 1.
    func testFlipTurnsTheKernel() {
        assertRows(maps(x, k, flip: true).conv, [[1, 0], [-1, 1]])
    }

    // MARK: 5×5 and 5×4

    /// Row 0: −2 (1 + 0 − 1 − 2 + 0), 3 (0 + 4 − 1 − 1 + 1), 5 (2 + 2 − 0 − 0 + 1).
    /// Row 1: 2 (0 + 2 − 1 − 0 + 1), 5 (1 + 2 − 0 − 0 + 2), −1 (1 + 0 − 1 − 1 + 0).
    /// Row 2: 3 (2 + 2 − 0 − 1 + 0), −2 (1 + 0 − 1 − 2 + 0), 1 (0 + 2 − 2 − 0 + 1).
    /// The 3×3 map pools to 1×1: the odd last row and column are dropped.
    func testValidStride1On5x5DropsOddRowAndColumnInPool() {
        let m = maps(y, k)
        assertRows(m.conv, [[-2, 3, 5], [2, 5, -1], [3, -2, 1]])
        assertRows(m.relu, [[0, 3, 5], [2, 5, 0], [3, 0, 1]])
        assertRows(m.pool, [[5]])
        assertRows(maps(y, k, pool: .avg).pool, [[2.5]])  // (0 + 3 + 2 + 5) / 4; the 5 at (0, 2) is not counted
    }

    /// Stride 2, valid: ⌊(5 − 3)/2⌋ + 1 = 2, the windows at (0,0), (0,2), (2,0), (2,2).
    func testValidStride2On5x5() {
        let m = maps(y, k, stride: 2)
        assertRows(m.conv, [[-2, 5], [3, 1]])
        assertRows(m.relu, [[0, 5], [3, 1]])
        assertRows(m.pool, [[5]])
        assertRows(maps(y, k, stride: 2, pool: .avg).pool, [[2.25]])
    }

    /// Non-square: 5 wide × 4 high gives a 3 wide × 2 high map (the first two rows of the 5×5 case),
    /// which pools to 1×1, dropping the third column.
    func testValidOnNonSquare5x4() {
        let m = maps(w, k)
        assertRows(m.conv, [[-2, 3, 5], [2, 5, -1]])
        assertRows(m.relu, [[0, 3, 5], [2, 5, 0]])
        assertRows(m.pool, [[5]])
        // With bias 0.5 and avg pooling: (0 + 3.5 + 2.5 + 5.5) / 4 = 2.875.
        let b = maps(w, k, bias: 0.5, pool: .avg)
        assertRows(b.conv, [[-1.5, 3.5, 5.5], [2.5, 5.5, -0.5]])
        assertRows(b.relu, [[0, 3.5, 5.5], [2.5, 5.5, 0]])
        assertRows(b.pool, [[2.875]])
    }

    /// `same`, stride 2 on 5 wide × 4 high: width ⌊(5 + 2 − 3)/2⌋ + 1 = 3, height ⌊(4 + 2 − 3)/2⌋ + 1 = 2.
    /// (0,0) = −1 + 1 = 0;  (0,2) = −2 − 1 + 0 = −3;  (0,4) = 0 (only zeros and w[0][4] = 0);
    /// (2,0) = 0 − 2 + 0 = −2;  (2,2) = 1 + 2 − 0 − 0 + 2 = 5;  (2,4) = 0 + 4 − 1 − 2 = 1.
    func testSameStride2OnNonSquare5x4() {
        let m = maps(w, k, stride: 2, padding: .same)
        assertRows(m.conv, [[0, -3, 0], [-2, 5, 1]])
        assertRows(m.relu, [[0, 0, 0], [0, 5, 1]])
        assertRows(m.pool, [[5]])
        assertRows(maps(w, k, stride: 2, padding: .same, pool: .avg).pool, [[1.25]])
    }

    /// Dilation 2: the taps are (0,0), (0,2), (0,4), …, (4,4); one output on 5×5:
    /// 1·y[0][0] + 2·y[0][2] − y[2][2] − y[4][0] + y[4][4] = 1 + 4 − 0 − 1 + 1 = 5.
    func testDilation2On5x5() {
        assertRows(maps(y, k, dilation: 2).conv, [[5]])
    }

    // MARK: 1×1 and 5×5 kernels

    /// A 1×1 kernel scales each pixel: weight −2 and bias 1 send 0 to 1 and 1 to −1.
    func testOneByOneKernel() {
        let z = grid([
            [0, 1, 0, 0, 1],
            [1, 0, 0, 1, 0],
            [0, 0, 1, 1, 1],
            [1, 1, 0, 0, 0],
            [1, 1, 1, 0, 1],
        ])
        let m = maps(z, kernel([[-2]]), bias: 1)
        assertRows(m.conv, [
            [1, -1, 1, 1, -1],
            [-1, 1, 1, -1, 1],
            [1, 1, -1, -1, -1],
            [-1, -1, 1, 1, 1],
            [-1, -1, -1, 1, -1],
        ])
        assertRows(m.relu, [
            [1, 0, 1, 1, 0],
            [0, 1, 1, 0, 1],
            [1, 1, 0, 0, 0],
            [0, 0, 1, 1, 1],
            [0, 0, 0, 1, 0],
        ])
        assertRows(m.pool, [[1, 1], [1, 1]])
        // Blocks {1,0,0,1}, {1,1,1,0}, {1,1,0,0}, {0,0,1,1}.
        assertRows(maps(z, kernel([[-2]]), bias: 1, pool: .avg).pool, [[0.5, 0.75], [0.5, 0.5]])
        // `same` pads ⌊1/2⌋ = 0: nothing changes.
        assertGrid(maps(z, kernel([[-2]]), padding: .same, bias: 1).conv, m.conv)
    }

    /// Weights 1…25 on `y`, one output: row sums 11 + 35 + 63 + 56 + 90 = 255.
    /// A 1×1 map pools to nothing (0×0).
    func testFiveByFiveKernelValid() {
        let ramp = Kernel(name: "custom", label: "custom", size: 5, weights: (1...25).map(Float.init))
        let m = maps(y, ramp)
        assertRows(m.conv, [[255]])
        assertRows(m.relu, [[255]])
        XCTAssertEqual(m.pool.width, 0)
        XCTAssertEqual(m.pool.height, 0)
    }

    /// A 5×5 kernel whose only tap is its top-right corner, with `same` padding (p = 2):
    /// out[r][c] = y[r − 2][c + 2], so the image moves two down and two left, zeros coming in.
    func testFiveByFiveKernelSameShifts() {
        var weights = [Float](repeating: 0, count: 25)
        weights[4] = 1
        let corner = Kernel(name: "custom", label: "custom", size: 5, weights: weights)
        assertRows(maps(y, corner, padding: .same).conv, [
            [0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0],
            [2, 1, 0, 0, 0],
            [1, 0, 2, 0, 0],
            [0, 1, 1, 0, 0],
        ])
    }

    // MARK: Pooling alone

    /// 5×5 pools to 2×2; the 9s in the dropped last row and column never reach the pool.
    func testPoolingFloorDropsLastRowAndColumn() {
        let map = grid([
            [1, 2, 3, 4, 9],
            [5, 6, 7, 8, 9],
            [4, 3, 2, 1, 9],
            [0, 1, 0, 2, 9],
            [9, 9, 9, 9, 9],
        ])
        assertRows(Pooling.apply(map, mode: .max), [[6, 8], [4, 2]])
        assertRows(Pooling.apply(map, mode: .avg), [[3.5, 5.5], [2, 1.25]])
        // 5 wide × 3 high: one row of two blocks.
        let wide = grid([[1, 2, 3, 4, 9], [5, 6, 7, 8, 9], [9, 9, 9, 9, 9]])
        assertRows(Pooling.apply(wide, mode: .max), [[6, 8]])
    }

    func testReluKeepsThePositivePart() {
        assertRows(Activation.relu(grid([[-1.5, 0, 2], [-0, 0.25, -3]])), [[0, 0, 2], [0, 0.25, 0]])
        XCTAssertEqual(Activation.relu(-0.001), 0)
        XCTAssertEqual(Activation.relu(4), 4)
    }

    // MARK: The arithmetic of one cell

    /// `same`, cell (0, 0) of `x`: the window covers rows −1…1 and columns −1…1, so the top row and
    /// the left column come from the padding.
    func testCellArithmeticAtPaddedCorner() {
        let a = Convolution.cell(x, k, ConvSettings(padding: .same), row: 0, col: 0)
        XCTAssertEqual(a.size, 3)
        XCTAssertEqual(a.patch, [0, 0, 0,
                                 0, 1, 2,
                                 0, 0, 1])
        XCTAssertEqual(a.weights, k.weights)
        XCTAssertEqual(a.products, [0, 0, 0,
                                    0, -1, 0,
                                    0, 0, 1])
        XCTAssertEqual(a.value, 0)
        XCTAssertEqual(a.relu, 0)
    }

    /// `same`, cell (0, 3): columns 2…4, the right column and the top row are padding.
    /// Products −1 (centre) and −3 (bottom-left): value −4, ReLU 0; with bias 4.5: 0.5.
    func testCellArithmeticNegativeAndBias() {
        let a = Convolution.cell(x, k, ConvSettings(padding: .same), row: 0, col: 3)
        XCTAssertEqual(a.patch, [0, 0, 0,
                                 0, 1, 0,
                                 3, 1, 0])
        XCTAssertEqual(a.products, [0, 0, 0,
                                    0, -1, 0,
                                    -3, 0, 0])
        XCTAssertEqual(a.value, -4)
        XCTAssertEqual(a.relu, 0)
        let b = Convolution.cell(x, k, ConvSettings(padding: .same, bias: 4.5), row: 0, col: 3)
        XCTAssertEqual(b.bias, 4.5)
        XCTAssertEqual(b.value, 0.5)
        XCTAssertEqual(b.relu, 0.5)
    }

    /// Valid, stride 2, cell (1, 1) of `y`: the window starts at (2, 2).
    func testCellArithmeticWithStride() {
        let a = Convolution.cell(y, k, ConvSettings(stride: 2), row: 1, col: 1)
        XCTAssertEqual(a.patch, [0, 1, 1,
                                 1, 2, 0,
                                 0, 0, 1])
        XCTAssertEqual(a.value, 1)  // 0 + 2 − 2 − 0 + 1
        XCTAssertEqual(FeatureMaps(input: y, kernel: k, settings: ConvSettings(stride: 2)).cell(row: 1, col: 1), a)
    }

    /// With `flip` the cell shows the weights actually applied: the kernel turned by 180°.
    func testCellArithmeticShowsFlippedWeights() {
        let a = Convolution.cell(x, k, ConvSettings(flip: true), row: 0, col: 0)
        XCTAssertEqual(a.weights, [1, 0, -1, 0, -1, 0, 0, 2, 1])
        XCTAssertEqual(a.value, 1)
    }

    // MARK: The presets of the DESIGN table

    func testPresetsHaveTheDesignWeightsAndLabels() {
        let table: [(name: String, label: String, weights: [Float])] = [
            ("identity", "identity", [0, 0, 0, 0, 1, 0, 0, 0, 0]),
            ("edge_v", "vertical edges", [-1, 0, 1, -1, 0, 1, -1, 0, 1]),
            ("edge_h", "horizontal edges", [-1, -1, -1, 0, 0, 0, 1, 1, 1]),
            ("sobel_x", "Sobel x", [-1, 0, 1, -2, 0, 2, -1, 0, 1]),
            ("sobel_y", "Sobel y", [-1, -2, -1, 0, 0, 0, 1, 2, 1]),
            ("blur", "box blur", [Float](repeating: 1.0 / 9.0, count: 9)),
            ("gaussian", "Gaussian blur", [1, 2, 1, 2, 4, 2, 1, 2, 1].map { $0 / 16 }),
            ("sharpen", "sharpen", [0, -1, 0, -1, 5, -1, 0, -1, 0]),
            ("outline", "outline (Laplacian)", [-1, -1, -1, -1, 8, -1, -1, -1, -1]),
            ("emboss", "emboss", [-2, -1, 0, -1, 1, 1, 0, 1, 2]),
        ]
        XCTAssertEqual(Kernel.presets.map(\.name), table.map(\.name), "presets in the order of the table")
        for entry in table {
            guard let k = Kernel.preset(named: entry.name) else {
                XCTFail("no preset \(entry.name)")
                continue
            }
            XCTAssertEqual(k.label, entry.label, entry.name)
            XCTAssertEqual(k.size, 3, entry.name)
            XCTAssertEqual(k.weights, entry.weights, entry.name)
            XCTAssertEqual(try Kernel.named(entry.name), k, entry.name)
        }
    }

    /// The blurs average (weights sum to 1); the edge detectors and the Laplacian ignore flat areas (sum 0);
    /// sharpen and emboss keep the mean level (sum 1).
    func testPresetWeightSums() {
        let sums = Dictionary(uniqueKeysWithValues: Kernel.presets.map { ($0.name, $0.weights.reduce(0, +)) })
        for name in ["identity", "blur", "gaussian", "sharpen", "emboss"] {
            XCTAssertEqual(sums[name]!, 1, accuracy: 1e-6, name)
        }
        for name in ["edge_v", "edge_h", "sobel_x", "sobel_y", "outline"] {
            XCTAssertEqual(sums[name]!, 0, name)
        }
    }

    func testKernelTextRoundTrips() throws {
        XCTAssertEqual(Kernel.preset(named: "sharpen")!.text, "0,-1,0;-1,5,-1;0,-1,0")
        for k in Kernel.presets {
            XCTAssertEqual(try Kernel.parse(k.text).weights, k.weights, k.name)
        }
        let parsed = try Kernel.named(" 1, 2 ,0; 0,-1,0 ;-1,0,1 ")
        XCTAssertEqual(parsed.name, "custom")
        XCTAssertEqual(parsed.weights, k.weights)
        XCTAssertEqual(try Kernel.named("0.5").weights, [0.5])
        XCTAssertEqual(try Kernel.named("0.5").size, 1)
    }
}
