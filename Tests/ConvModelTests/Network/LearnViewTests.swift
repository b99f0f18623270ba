import ConvModel
import ConvNet
import XCTest

final class LearnViewTests: XCTestCase {
    private func progress(_ weights: NetworkWeights, images: Int = 3200) -> LearnProgress {
        LearnProgress(weights: weights, steps: images / 32, imagesSeen: images, epoch: 0, imagesPerSecond: 0, learningRate: 0.01,
                      training: [LearnPoint(imagesSeen: images, loss: 0.8, accuracy: 0.7)],
                      test: [LearnPoint(imagesSeen: images, loss: nil, accuracy: 0.72)],
                      trainingImages: 60000, heldOutImages: 1000, onSample: false, startedFrom: "fresh")
    }

    func testLOpensTheLearnViewAndStartsTheWorker() {
        var s = makeNetworkState()
        s.update(.openStage(NetStages.conv2))
        let effects = s.update(.toggleLearn)
        XCTAssertEqual(effects, [.learn(.start(from: nil, learningRate: 0.01, batchesPerSecond: nil, running: true))])
        XCTAssertNotNil(s.network?.learn)
        XCTAssertNil(s.network?.openStage, "the learn view takes the stage view's place")
        XCTAssertEqual(KeyMap.action(key: "space", modifiers: [], in: s), .learnControl(.pauseResume))
        XCTAssertEqual(KeyMap.action(key: "Right", modifiers: [], in: s), .learnControl(.step))
    }

    func testOutsideNetworkModeLOnlyExplains() {
        var s = try! AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!)
        XCTAssertEqual(s.update(.toggleLearn), [])
        XCTAssertNotNil(s.message)
    }

    func testControlsBecomeWorkerCommands() {
        var s = makeNetworkState()
        s.update(.toggleLearn)
        XCTAssertEqual(s.update(.learnControl(.pauseResume)), [.learn(.pause)])
        XCTAssertEqual(s.network?.learn?.isRunning, false)
        XCTAssertEqual(s.update(.learnControl(.pauseResume)), [.learn(.resume)])
        XCTAssertEqual(s.update(.learnControl(.step)), [.learn(.step)])
        XCTAssertEqual(s.network?.learn?.isRunning, false, "one batch leaves it paused")
        XCTAssertEqual(s.update(.learnControl(.faster)), [.learn(.setSpeed(nil))], "full speed is the fastest")
        XCTAssertEqual(s.update(.learnControl(.slower)), [.learn(.setSpeed(256))])
        for _ in 0..<20 { s.update(.learnControl(.slower)) }
        XCTAssertEqual(s.network?.learn?.batchesPerSecond, 1, "down to one batch a second")
        XCTAssertEqual(s.update(.learnControl(.faster)), [.learn(.setSpeed(2))])
        XCTAssertEqual(s.update(.learnControl(.rateUp)), [.learn(.setLearningRate(0.02))])
        s.update(.learnControl(.rateDown))
        XCTAssertEqual(s.update(.learnControl(.rateDown)), [.learn(.setLearningRate(0.005))])
        XCTAssertEqual(s.update(.learnControl(.save)), [], "nothing to save before a report")
        XCTAssertEqual(s.update(.learnControl(.reset)), [.learn(.reset)])
        XCTAssertEqual(s.update(.learnControl(.restartFromNetwork)),
                       [.learn(.start(from: s.network!.source.weights, learningRate: 0.005, batchesPerSecond: 2, running: false))],
                       "End starts again from the loaded weights, with the controls as they are")
    }

    /// Leaving keeps the network as trained so far: the panels' kernel is the new conv1 filter,
    /// the pass is the new network's.
    func testLeavingAdoptsTheTrainedWeights() {
        var s = makeNetworkState()
        s.update(.selectNetworkFilter(2))
        s.update(.toggleLearn)
        var rng = SeededGenerator(seed: 99)
        let trained = NetworkWeights.heNormal(.standard, using: &rng)
        s.update(.learnProgress(progress(trained)))
        XCTAssertEqual(s.network?.learn?.progress?.testAccuracy, 0.72)
        XCTAssertEqual(s.update(.learnControl(.save)), [.saveWeights(trained)])
        XCTAssertEqual(s.update(.escape), [.learn(.stop)])
        XCTAssertNil(s.network?.learn)
        XCTAssertEqual(s.network?.source.weights, trained)
        XCTAssertEqual(s.kernel.weights, Array(trained.conv1Weight.values[18..<27]), "filter 3 of the trained network")
        XCTAssertEqual(s.settings.bias, trained.conv1Bias.values[2])
        let net = Network(trained)
        _ = net.classify(values: s.image.grid.values)
        XCTAssertEqual(s.network?.pass.probabilities, net.probabilities)
        s.update(.learnProgress(progress(trained)))
        XCTAssertNil(s.network?.learn, "a late report does not reopen the view")
    }

    func testLearnViewLayoutFitsAtEverySize() {
        for (w, h) in StageViewLayoutTests.sizes {
            let s = makeNetworkState(width: w, height: h)
            let v = FrameLayout(state: s).learnView(filters1: 8, filters2: 16)
            for r in v.allRects {
                XCTAssertTrue(r.isEmpty || v.frame.insetBy(dx: -1e-9, dy: -1e-9).contains(r), "\(w)×\(h): \(r)")
            }
            XCTAssertEqual(v.conv1.count, 8)
            XCTAssertEqual(v.conv2.count, 16)
            XCTAssertEqual(v.slicesAcross * v.slicesDown, 8)
            let tiles = v.conv1 + v.conv2 + [v.plot, v.facts]
            for i in tiles.indices {
                for j in tiles.indices where j > i { XCTAssertTrue(tiles[i].intersection(tiles[j]).isEmpty, "\(w)×\(h): \(i), \(j)") }
            }
            XCTAssertTrue(v.conv1.allSatisfy { $0.width >= 9 }, "\(w)×\(h): filters large enough to read")
        }
    }
}
