import XCTest
@testable import ConvNet

/// PyTorch's layout in, the workspace's inside, PyTorch's layout out; and the stages of a pass.
final class LayoutTests: XCTestCase {
    func testWeightsRoundTripThroughTheWorkspace() {
        var rng = SeededGenerator(seed: 31)
        for (f1, f2) in [(8, 16), (16, 8), (24, 32)] {
            let w = NetworkWeights.heNormal(try! NetShape(filters1: f1, filters2: f2), using: &rng)
            XCTAssertEqual(Network(w).weights, w)
        }
    }

    func testStagesFollowDesignTable() {
        var rng = SeededGenerator(seed: 32)
        let net = Network(.heNormal(.standard, using: &rng))
        let stages = net.stages(values: rng.floats(784, 0, 1))
        XCTAssertEqual(stages.map(\.name), ["input", "conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "dense", "softmax"])
        XCTAssertEqual(stages.map(\.tensor.shape), [[1, 28, 28], [8, 26, 26], [8, 26, 26], [8, 13, 13], [16, 11, 11],
                                                    [16, 11, 11], [16, 5, 5], [400], [10], [10]])
        let t = Dictionary(uniqueKeysWithValues: stages.map { ($0.name, $0.tensor) })
        XCTAssertEqual(t["relu1"]!.values, t["conv1"]!.values.map { max(0, $0) })
        // pool1[c][y][x] is the largest of relu1's 2×2 block.
        for c in 0..<8 { for y in 0..<13 { for x in 0..<13 {
            let block = [t["relu1"]![c, 2 * y, 2 * x], t["relu1"]![c, 2 * y, 2 * x + 1], t["relu1"]![c, 2 * y + 1, 2 * x], t["relu1"]![c, 2 * y + 1, 2 * x + 1]]
            XCTAssertEqual(t["pool1"]![c, y, x], block.max()!)
        } } }
        // Flatten is channel-major: index c·25 + y·5 + x.
        XCTAssertEqual(t["flatten"]![3 * 25 + 2 * 5 + 4], t["pool2"]![3, 2, 4])
        // Dense from flatten with the PyTorch-layout weights, by hand.
        let w = net.weights
        for j in 0..<10 {
            var z = Double(w.denseBias.values[j])
            for k in 0..<400 { z += Double(w.denseWeight[j, k]) * Double(t["flatten"]!.values[k]) }
            XCTAssertEqual(Double(t["dense"]!.values[j]), z, accuracy: 1e-4)
        }
        // conv1 at one place, by hand from the PyTorch-layout weights.
        var v = Double(w.conv1Bias.values[5])
        for dy in 0..<3 { for dx in 0..<3 { v += Double(w.conv1Weight[5, 0, dy, dx]) * Double(t["input"]![0, 7 + dy, 3 + dx]) } }
        XCTAssertEqual(Double(t["conv1"]![5, 7, 3]), v, accuracy: 1e-5)
        XCTAssertEqual(t["softmax"]!.values.reduce(0, +), 1, accuracy: 1e-5)
    }

    func testFilterCountsMustBeMultiplesOfEight() {
        XCTAssertThrowsError(try NetShape(filters1: 6, filters2: 16))
        XCTAssertThrowsError(try NetShape(filters1: 8, filters2: 72))
        XCTAssertThrowsError(try NetShape(filters1: 0, filters2: 8))
        XCTAssertNoThrow(try NetShape(filters1: 64, filters2: 8))
    }
}
