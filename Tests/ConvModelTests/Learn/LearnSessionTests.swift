import ConvModel
import ConvNet
import XCTest

/// The learn session trains exactly as `net train` does (checked against ConvNet's `Trainer`
/// driven by hand, as NetTrainCommand drives it), measures the test accuracy on schedule, and its
/// controls do what their names say.
final class LearnSessionTests: XCTestCase {
    /// 200 noisy images with labels 0…9: a set that needs no files.
    static func images(_ count: Int, seed: UInt64) -> ImageSet {
        var rng = SeededGenerator(seed: seed)
        let labels = (0..<count).map { _ in UInt8(rng.below(10)) }
        var pixels = [UInt8](repeating: 0, count: count * 784)
        for i in 0..<count {
            // A bright square whose place depends on the label, over faint noise.
            let l = Int(labels[i]), y0 = 2 + (l / 5) * 12, x0 = 2 + (l % 5) * 5
            for p in 0..<784 { pixels[i * 784 + p] = UInt8(rng.below(60)) }
            for y in y0..<y0 + 8 { for x in x0..<x0 + 4 { pixels[i * 784 + y * 28 + x] = 230 } }
        }
        return ImageSet(rows: 28, columns: 28, pixels: pixels, labels: labels)
    }

    /// `net train`'s loop for `steps` batches: He-normal from the seed, then the trainer with the
    /// generator as the draws left it.
    static func reference(_ set: ImageSet, seed: UInt64, steps: Int, start: NetworkWeights? = nil,
                          learningRates: (Int) -> Float = { _ in 0.01 }) -> NetworkWeights {
        var generator = SeededGenerator(seed: seed)
        let network = Network(start ?? NetworkWeights.heNormal(.standard, using: &generator))
        var recipe = TrainingRecipe()
        recipe.seed = seed
        recipe.epochs = 1000
        var trainer = Trainer(network: network, images: set, recipe: recipe, generator: generator)
        for i in 0..<steps {
            trainer.recipe.learningRate = learningRates(i)
            _ = trainer.step()
        }
        return network.weights
    }

    static func bits(_ w: NetworkWeights) -> [UInt32] { w.tensors.flatMap { $0.values.map(\.bitPattern) } }

    func testSameSeedAndStepsGiveTheTrainersWeightsBitForBit() {
        let train = Self.images(200, seed: 1), test = Self.images(50, seed: 2)
        // 301 batches of 32 over 200 images: many epochs, each ending in a batch of 8, and a test
        // measurement at 0 and at 300 in between.
        for seed: UInt64 in [0, 5] {
            let session = LearnSession(training: train, test: test, usesSample: false, seed: seed)
            session.keepsGradients = seed == 5
            for _ in 0..<301 { session.step() }
            XCTAssertEqual(Self.bits(session.network.weights), Self.bits(Self.reference(train, seed: seed, steps: 301)),
                           "seed \(seed)")
            XCTAssertEqual(session.imagesSeen, 301 * 32 - (301 / 7) * 24, "7 batches an epoch, the last of 8 images")
        }
    }

    func testLearningRateKeysChangeTheNextSteps() {
        let train = Self.images(200, seed: 3), test = Self.images(20, seed: 4)
        let session = LearnSession(training: train, test: test, usesSample: false, seed: 9)
        for _ in 0..<5 { session.step() }
        session.apply(.learningRateUp)
        XCTAssertEqual(session.learningRate, 0.02)
        for _ in 0..<5 { session.step() }
        session.apply(.learningRateDown)
        session.apply(.learningRateDown)
        XCTAssertEqual(session.learningRate, 0.005)
        for _ in 0..<5 { session.step() }
        let expected = Self.reference(train, seed: 9, steps: 15) { $0 < 5 ? 0.01 : $0 < 10 ? 0.02 : 0.005 }
        XCTAssertEqual(Self.bits(session.network.weights), Self.bits(expected))
    }

    func testLearningRateStaysWithinItsBounds() {
        let session = LearnSession(training: Self.images(40, seed: 1), test: Self.images(10, seed: 2), usesSample: true)
        // 0.01 · 2^5 = 0.32; the next doubling would be 0.64, above the 0.5 bound.
        for _ in 0..<5 { session.apply(.learningRateUp) }
        XCTAssertEqual(session.learningRate, 0.32)
        session.apply(.learningRateUp)
        XCTAssertEqual(session.learningRate, LearnControls.highestLearningRate)
        for _ in 0..<30 { session.apply(.learningRateDown) }
        XCTAssertEqual(session.learningRate, LearnControls.lowestLearningRate)
    }

    func testTestAccuracyIsMeasuredAtZeroAndEveryThreeHundredBatches() {
        let train = Self.images(64, seed: 1), test = Self.images(30, seed: 2)
        let session = LearnSession(training: train, test: test, usesSample: false)
        XCTAssertEqual(session.history.test.map(\.steps), [0])
        for _ in 0..<599 { session.step() }
        XCTAssertEqual(session.history.test.map(\.steps), [0, 300])
        session.step()
        XCTAssertEqual(session.history.test.map(\.steps), [0, 300, 600])
        XCTAssertEqual(session.history.test.map(\.imagesSeen), [0, 300 * 32, 600 * 32])
        // Measured against a network carrying the same weights, on the same images.
        let e = Evaluation(network: Network(session.network.weights), set: test)
        XCTAssertEqual(session.history.test.last?.accuracy, e.accuracy)
        // This easy set is learned: far above chance (10 %).
        XCTAssertGreaterThan(e.accuracy, 0.5)
    }

    func testOnlyTheFirstThousandTestImagesAreHeldOut() {
        let session = LearnSession(training: Self.images(10, seed: 1), test: Self.images(1200, seed: 2), usesSample: false)
        XCTAssertEqual(session.testSet.count, 1000)
        XCTAssertEqual(session.testSet.labels, Array(Self.images(1200, seed: 2).labels.prefix(1000)))
    }

    func testStepOncePausesAndTrainsOneBatch() {
        let session = LearnSession(training: Self.images(100, seed: 1), test: Self.images(10, seed: 2), usesSample: false)
        XCTAssertFalse(session.paused)
        session.apply(.stepOnce)
        XCTAssertTrue(session.paused)
        XCTAssertEqual(session.steps, 1)
        XCTAssertEqual(session.imagesSeen, 32)
        session.apply(.togglePause)
        XCTAssertFalse(session.paused)
    }

    func testSpeedStepsThroughItsLevelsAndStops() {
        let session = LearnSession(training: Self.images(10, seed: 1), test: Self.images(10, seed: 2), usesSample: false)
        XCTAssertNil(session.batchesPerSecond, "full speed at first")
        session.apply(.faster)
        XCTAssertNil(session.batchesPerSecond)
        session.apply(.slower)
        XCTAssertEqual(session.batchesPerSecond, 200)
        for _ in 0..<20 { session.apply(.slower) }
        XCTAssertEqual(session.batchesPerSecond, 1)
        XCTAssertEqual(LearnControls.speedLabel(0), "1 batch/s")
        XCTAssertEqual(LearnControls.speedLabel(3), "10 batches/s")
        XCTAssertEqual(LearnControls.speedLabel(LearnControls.fullSpeed), "full speed")
    }

    func testResetStartsAfreshFromTheNextSeed() {
        let train = Self.images(100, seed: 1)
        let session = LearnSession(training: train, test: Self.images(10, seed: 2), usesSample: false, seed: 3)
        session.apply(.learningRateUp)
        for _ in 0..<20 { session.step() }
        session.apply(.reset)
        XCTAssertEqual(session.seed, 4)
        XCTAssertEqual(session.steps, 0)
        XCTAssertEqual(session.imagesSeen, 0)
        XCTAssertEqual(session.history.training, [])
        XCTAssertEqual(session.history.test.map(\.steps), [0])
        XCTAssertEqual(session.learningRate, 0.02, "the learning rate chosen is kept")
        XCTAssertEqual(session.start, "He-normal, seed 4")
        for _ in 0..<3 { session.step() }
        XCTAssertEqual(Self.bits(session.network.weights), Self.bits(Self.reference(train, seed: 4, steps: 3) { _ in 0.02 }))
    }

    /// `End`: from given weights, as `net train --init` from them with the session's seed, the
    /// history gone and the learning rate kept.
    func testRestartFromWeightsTrainsAsTheTrainerFromThem() {
        let train = Self.images(100, seed: 1)
        var rng = SeededGenerator(seed: 42)
        let weights = NetworkWeights.heNormal(.standard, using: &rng)
        let session = LearnSession(training: train, test: Self.images(10, seed: 2), usesSample: false, seed: 3)
        session.apply(.learningRateUp)
        for _ in 0..<20 { session.step() }
        session.apply(.restart(from: weights, name: "fashion-8-16"))
        XCTAssertEqual(session.network.weights, weights)
        XCTAssertEqual(session.seed, 3, "the seed (the shuffles) is kept")
        XCTAssertEqual(session.steps, 0)
        XCTAssertEqual(session.history.training, [])
        XCTAssertEqual(session.history.test.map(\.steps), [0])
        XCTAssertEqual(session.start, "fashion-8-16")
        for _ in 0..<7 { session.step() }
        XCTAssertEqual(Self.bits(session.network.weights),
                       Self.bits(Self.reference(train, seed: 3, steps: 7, start: weights) { _ in 0.02 }))
        XCTAssertNotEqual(session.network.weights, weights, "it trained")
    }

    func testLoadedWeightsAreTheStart() {
        var rng = SeededGenerator(seed: 42)
        let weights = NetworkWeights.heNormal(.standard, using: &rng)
        let session = LearnSession(training: Self.images(50, seed: 1), test: Self.images(10, seed: 2), usesSample: false,
                                   seed: 0, weights: weights, startName: "fashion-8-16.json")
        XCTAssertEqual(session.network.weights, weights)
        XCTAssertEqual(session.start, "fashion-8-16.json")
    }

    /// The first step of SGD with momentum starting at zero is plain SGD: w1 = w0 − lr·g, so the
    /// gradient kept is the one the step used.
    func testGradientsAreTheLastBatchsMeanGradient() {
        let train = Self.images(64, seed: 1)
        let fresh = LearnSession(training: train, test: Self.images(10, seed: 2), usesSample: false, seed: 2)
        fresh.keepsGradients = true
        XCTAssertNil(fresh.snapshot().gradients, "no gradient before the first batch")
        let w0 = fresh.network.weights
        fresh.step()
        let g = fresh.snapshot().gradients!, w1 = fresh.network.weights
        for (t0, (t1, tg)) in zip(w0.tensors, zip(w1.tensors, g.tensors)) {
            for i in t0.values.indices {
                XCTAssertEqual(t1.values[i], t0.values[i] - 0.01 * tg.values[i], accuracy: 1e-6)
            }
        }
        XCTAssertTrue(g.tensors.contains { $0.values.contains { $0 != 0 } }, "a gradient, not zeros")
    }
}
