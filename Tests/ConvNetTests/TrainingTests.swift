import XCTest
@testable import ConvNet

final class TrainingTests: XCTestCase {
    func train(seed: UInt64, set: ImageSet, epochs: Int = 1, batch: Int = 32) -> Network {
        var rng = SeededGenerator(seed: seed)
        let net = Network(.heNormal(.standard, using: &rng))
        var recipe = TrainingRecipe()
        recipe.seed = seed
        recipe.epochs = epochs
        recipe.batch = batch
        var trainer = Trainer(network: net, images: set, recipe: recipe, generator: rng)
        while !trainer.isFinished { _ = trainer.step() }
        return net
    }

    func testSameSeedGivesIdenticalWeights() {
        let set = SyntheticShapes.make(count: 200, seed: 1)
        XCTAssertEqual(train(seed: 5, set: set).weights, train(seed: 5, set: set).weights)
    }

    func testDifferentSeedsGiveDifferentWeights() {
        let set = SyntheticShapes.make(count: 200, seed: 1)
        let a = train(seed: 5, set: set).weights, b = train(seed: 6, set: set).weights
        for (x, y) in zip(a.tensors, b.tensors) where x.values.contains(where: { $0 != 0 }) {
            XCTAssertNotEqual(x, y)
        }
    }

    func testHeNormalHasTheRightSpreadAndZeroBiases() {
        var rng = SeededGenerator(seed: 3)
        let shape = try! NetShape(filters1: 32, filters2: 64)
        let w = NetworkWeights.heNormal(shape, using: &rng)
        for (t, fanIn) in [(w.conv1Weight, 9), (w.conv2Weight, 9 * 32), (w.denseWeight, 25 * 64)] {
            let n = Double(t.count)
            let mean = t.values.reduce(0.0) { $0 + Double($1) } / n
            let variance = t.values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
            // The sample spread of n normal draws is within a few 1/√(2n) of the true one.
            XCTAssertEqual(variance.squareRoot() / (2 / Double(fanIn)).squareRoot(), 1, accuracy: 4 / (2 * n).squareRoot() + 0.01)
            XCTAssertEqual(mean, 0, accuracy: 4 * (2 / Double(fanIn) / n).squareRoot())
        }
        XCTAssertTrue(w.conv1Bias.values.allSatisfy { $0 == 0 } && w.conv2Bias.values.allSatisfy { $0 == 0 }
                      && w.denseBias.values.allSatisfy { $0 == 0 })
    }

    func testOneStepIsSGDWithMomentumInPyTorchsForm() {
        // Two steps on the same batch, from known weights: v1 = g1, w1 = w0 − lr·g1;
        // v2 = μ·g1 + g2, w2 = w1 − lr·v2, g the batch-mean gradient at the weights of the time.
        let set = SyntheticShapes.make(count: 4, seed: 2)
        var rng = SeededGenerator(seed: 8)
        let w0 = NetworkWeights.heNormal(.standard, using: &rng)
        func meanGradient(_ w: NetworkWeights) -> [Float] {
            let net = Network(w)
            set.pixels.withUnsafeBufferPointer { all in
                for i in 0..<4 {
                    net.loadInput(UnsafeBufferPointer(rebasing: all[i * 784 ..< (i + 1) * 784]))
                    net.forward()
                    net.backward(label: Int(set.labels[i]))
                }
            }
            net.collectGradients()
            return (0..<net.shape.parameterCount).map { net.ws.gradients[$0] / 4 }
        }
        let net = Network(w0)
        let p0 = (0..<net.shape.parameterCount).map { net.ws.parameters[$0] }
        var recipe = TrainingRecipe()
        recipe.batch = 4
        recipe.epochs = 2
        var trainer = Trainer(network: net, images: set, recipe: recipe, generator: SeededGenerator(seed: 0))
        let g1 = meanGradient(w0)
        _ = trainer.step()
        let p1 = (0..<net.shape.parameterCount).map { net.ws.parameters[$0] }
        let g2 = meanGradient(net.weights)
        _ = trainer.step()
        let p2 = (0..<net.shape.parameterCount).map { net.ws.parameters[$0] }
        assertClose(p1, zip(p0, g1).map { $0 - 0.01 * $1 }, tolerance: 1e-5)
        assertClose(p2, (0..<p0.count).map { p1[$0] - 0.01 * (0.9 * g1[$0] + g2[$0]) }, tolerance: 1e-5)
    }

    func testLearnsSyntheticShapes() {
        // 960 images, 6 epochs of 30 steps: 180 steps; then 300 new images.
        let train = SyntheticShapes.make(count: 960, seed: 3), test = SyntheticShapes.make(count: 300, seed: 4)
        let net = self.train(seed: 0, set: train, epochs: 6)
        let e = Evaluation(network: net, set: test)
        XCTAssertGreaterThanOrEqual(e.accuracy, 0.95, "accuracy \(e.accuracy)")
        XCTAssertEqual(e.count, 300)
    }

    func testShuffleIsAPermutationAndDependsOnTheSeed() {
        var a = Array(0..<100), b = Array(0..<100)
        var r1 = SeededGenerator(seed: 1), r2 = SeededGenerator(seed: 2)
        r1.shuffle(&a)
        r2.shuffle(&b)
        XCTAssertEqual(a.sorted(), Array(0..<100))
        XCTAssertNotEqual(a, Array(0..<100))
        XCTAssertNotEqual(a, b)
    }

    func testLastBatchOfAnEpochMayBeSmaller() {
        let set = SyntheticShapes.make(count: 70, seed: 5)
        var rng = SeededGenerator(seed: 0)
        var recipe = TrainingRecipe()
        recipe.epochs = 1
        var trainer = Trainer(network: Network(.heNormal(.standard, using: &rng)), images: set, recipe: recipe, generator: rng)
        var sizes: [Int] = []
        while !trainer.isFinished { sizes.append(trainer.step().count) }
        XCTAssertEqual(sizes, [32, 32, 6])
        XCTAssertEqual(trainer.imagesSeen, 70)
    }
}
