import XCTest
@testable import ConvNet

/// Cases worked out on paper, independent of the code's own output.
final class HandWorkedTests: XCTestCase {
    // Input rows: 1 2 0 1 / 0 1 3 1 / 2 1 0 0 / 1 0 2 1; filter: columns 1, 0, −1; bias 0.5.
    // Output (2×2): 0+0.5, 2+0.5 / −2+0.5, 0+0.5.
    // With dOutput 1 0 / 0 2: dW[dy][dx] = in[dy][dx] + 2·in[1+dy][1+dx] = 3 8 2 / 2 1 3 / 2 5 2; dBias = 3.
    let input: [Float] = [1, 2, 0, 1, 0, 1, 3, 1, 2, 1, 0, 0, 1, 0, 2, 1]
    let filter: [Float] = [1, 0, -1, 1, 0, -1, 1, 0, -1]

    /// One real filter in channel 0 of 8; the other seven are zero.
    func weights() -> [Float] {
        var w = [Float](repeating: 0, count: 9 * 8)
        for tap in 0..<9 { w[tap * 8] = filter[tap] }
        return w
    }

    func testOneFilterConvOn4x4Forward() {
        var arrays = [input, weights(), [0.5] + [Float](repeating: 0, count: 7), [Float](repeating: 0, count: 4 * 8)]
        withBuffers(&arrays) { p in
            Conv3x3.forward(output: p[3], input: p[0], weight: p[1], bias: p[2], side: 4, cin: 1, cout: 8)
        }
        XCTAssertEqual((0..<4).map { arrays[3][$0 * 8] }, [0.5, 2.5, -1.5, 0.5])
        XCTAssertEqual((0..<4).map { arrays[3][$0 * 8 + 1] }, [0, 0, 0, 0])
    }

    func testOneFilterConvOn4x4Backward() {
        var dOutput = [Float](repeating: 0, count: 4 * 8)
        dOutput[0] = 1
        dOutput[3 * 8] = 2
        var arrays = [input, dOutput, [Float](repeating: 0, count: 9 * 8), [Float](repeating: 0, count: 8)]
        withBuffers(&arrays) { p in
            Conv3x3.backwardParameters(dWeight: p[2], dBias: p[3], dOutput: p[1], input: p[0], side: 4, active: 2, cin: 1, cout: 8)
        }
        XCTAssertEqual((0..<9).map { arrays[2][$0 * 8] }, [3, 8, 2, 2, 1, 3, 2, 5, 2])
        XCTAssertEqual(arrays[3][0], 3)
        XCTAssertEqual(Array(arrays[3][1...]), [Float](repeating: 0, count: 7))
    }

    func testSoftmaxCrossEntropyGradientIsPMinusOneHot() {
        // z = [ln 2, 0, …, 0]: Σ e^z = 2 + 9 = 11, so p = [2/11, 1/11, …]; loss for label 0 = ln 5.5.
        var arrays = [[Float(Elementary.log(2))] + [Float](repeating: 0, count: 9), [Float](repeating: 0, count: 10),
                      [Float](repeating: 0, count: 10)]
        let loss = withBuffers(&arrays) { p -> Double in
            SoftmaxCrossEntropy.forward(probabilities: p[1], logits: p[0], m: 10)
            SoftmaxCrossEntropy.backward(dLogits: p[2], probabilities: p[1], label: 0, m: 10)
            return SoftmaxCrossEntropy.loss(logits: p[0], label: 0, m: 10)
        }
        assertClose(arrays[1], [2.0 / 11] + [Float](repeating: 1.0 / 11, count: 9), tolerance: 1e-6)
        assertClose(arrays[2], [2.0 / 11 - 1] + [Float](repeating: 1.0 / 11, count: 9), tolerance: 1e-6)
        XCTAssertEqual(loss, 1.704_748_092_238_425_3, accuracy: 1e-6)  // ln 2 rounded to a Float
    }

    func testMaxPoolRoutesToTheFirstMaximum() {
        // One 2×2 block, 8 channels: channel 0 = 3 5 / 5 1 (tie: the first 5, top right, wins);
        // channel 1 = 2 2 / 2 2 (all tied: top left); channel 2 all negative (nothing flows back);
        // channel 3 = 1 0 / 0 4 (bottom right).
        var block = [Float](repeating: -1, count: 4 * 8)
        let channels: [[Float]] = [[3, 5, 5, 1], [2, 2, 2, 2], [-3, -1, -2, -5], [1, 0, 0, 4]]
        for (c, values) in channels.enumerated() {
            for k in 0..<4 { block[k * 8 + c] = values[k] }
        }
        let dOutput: [Float] = [10, 20, 30, 40, 50, 60, 70, 80]
        var arrays = [block, [Float](repeating: 0, count: 8), dOutput, [Float](repeating: 99, count: 4 * 8)]
        withBuffers(&arrays) { p in
            ReLUMaxPool.forward(output: p[1], input: p[0], side: 2, channels: 8)
            ReLUMaxPool.backward(dInput: p[3], dOutput: p[2], input: p[0], output: p[1], side: 2, channels: 8)
        }
        XCTAssertEqual(Array(arrays[1][0..<4]), [5, 2, 0, 4])
        func grads(_ c: Int) -> [Float] { (0..<4).map { arrays[3][$0 * 8 + c] } }
        XCTAssertEqual(grads(0), [0, 10, 0, 0])
        XCTAssertEqual(grads(1), [20, 0, 0, 0])
        XCTAssertEqual(grads(2), [0, 0, 0, 0])
        XCTAssertEqual(grads(3), [0, 0, 0, 40])
    }

    func testPoolDropsTheOddLastRowAndColumn() {
        // 3×3 single-lane map (8 channels, only channel 0 used): the pool reads only the top-left 2×2.
        var map = [Float](repeating: 0, count: 9 * 8)
        for (k, v) in [1, 2, 9, 3, 4, 9, 9, 9, 9].enumerated() { map[k * 8] = Float(v) }
        var arrays = [map, [Float](repeating: 0, count: 8)]
        withBuffers(&arrays) { p in ReLUMaxPool.forward(output: p[1], input: p[0], side: 3, channels: 8) }
        XCTAssertEqual(arrays[1][0], 4)
    }

    func testElementaryFunctions() {
        XCTAssertEqual(Elementary.exp(1), 2.718_281_828_459_045, accuracy: 1e-15)
        XCTAssertEqual(Elementary.exp(-20), 2.061_153_622_438_557_8e-9, accuracy: 1e-23)
        XCTAssertEqual(Elementary.exp(0), 1)
        XCTAssertEqual(Elementary.log(2), 0.693_147_180_559_945_3, accuracy: 1e-16)
        XCTAssertEqual(Elementary.log(1e-300), -690.775_527_898_213_7, accuracy: 1e-12)
        XCTAssertEqual(Elementary.log(1), 0)
        XCTAssertTrue(Elementary.log(-1).isNaN)
        XCTAssertEqual(Elementary.log(0), -.infinity)
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<1000 {
            let x = rng.unitInterval() * 60 - 30
            XCTAssertEqual(Elementary.log(Elementary.exp(x)), x, accuracy: 1e-13)
        }
    }
}
