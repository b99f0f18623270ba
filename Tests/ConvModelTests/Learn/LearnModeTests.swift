import ConvModel
import ConvNet
import XCTest

/// The window's learn view as state: `L` asks the shell once for a training thread, the keys
/// become the thread's actions (or change the view), snapshots replace the picture, and leaving
/// pauses the thread and, in network mode, hands the weights it stopped at to the network.
final class LearnModeTests: XCTestCase {
    /// A paused run on 256 made-up images (8 whole batches of 32 an epoch) from seed 0, trained
    /// `steps` batches: 32 of them have seen 32 × 32 = 1,024 images.
    static func snapshot(steps: Int) -> LearnSnapshot {
        let set = LearnSessionTests.images(256, seed: 3)
        let session = LearnSession(training: set, test: set, usesSample: false, seed: 0, paused: true)
        for _ in 0..<steps { session.step() }
        return session.snapshot()
    }

    static let start = snapshot(steps: 0)
    static let later = snapshot(steps: 32)

    func plainState() -> AppState {
        try! AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!, playing: false)
    }

    /// Opened and shown: the state after `L` and the shell's first snapshot.
    func opened(_ state: AppState) -> AppState {
        var s = state
        s.update(.enterLearn)
        s.update(.learnStarted(Self.start))
        return s
    }

    func testEnteringStartsTheThreadOnceAndLeavingKeepsTheRun() {
        var s = plainState()
        XCTAssertEqual(s.update(.enterLearn), [.startLearning], "the first L asks the shell for a training thread")
        XCTAssertNil(s.learn, "nothing is shown until the thread's first snapshot")
        XCTAssertEqual(s.update(.learnStarted(Self.start)), [])
        XCTAssertEqual(s.learn?.isShown, true)
        XCTAssertEqual(s.learn?.view.snapshot, Self.start)
        XCTAssertEqual(s.learn?.view.showGradients, false)

        s.update(.learnSnapshot(Self.later))
        XCTAssertEqual(s.update(.learnCommand(.leave)), [.pauseLearning])
        XCTAssertEqual(s.learn?.isShown, false)
        XCTAssertEqual(s.update(.enterLearn), [], "L again shows the same run: no second thread")
        XCTAssertEqual(s.learn?.isShown, true)
        XCTAssertEqual(s.learn?.view.snapshot, Self.later)
    }

    /// Each key of the learn view, from its X name to what the shell is asked to do.
    func testKeysBecomeTheTrainingThreadsActions() {
        let expected: [(key: String, effects: [Effect])] = [
            ("space", [.sendToLearning(.togglePause)]),
            ("period", [.sendToLearning(.stepOnce)]),
            ("bracketleft", [.sendToLearning(.slower)]),
            ("bracketright", [.sendToLearning(.faster)]),
            ("minus", [.sendToLearning(.learningRateDown)]),
            ("KP_Subtract", [.sendToLearning(.learningRateDown)]),
            ("plus", [.sendToLearning(.learningRateUp)]),
            ("equal", [.sendToLearning(.learningRateUp)]),
            ("KP_Add", [.sendToLearning(.learningRateUp)]),
            ("r", [.sendToLearning(.reset)]),
            ("g", []),
            ("s", [.saveTrainedWeights(Self.start)]),
            ("End", [.loadNetworkForLearning]),
            ("L", [.pauseLearning]),
            ("Escape", [.pauseLearning]),
            ("q", [.pauseLearning]),
            ("h", [.pauseLearning]),
            ("question", [.pauseLearning]),
        ]
        XCTAssertEqual(Set(expected.map(\.key)), Set(LearnKeyMap.keyNames), "every key of the table is checked")
        for (key, effects) in expected {
            var s = opened(plainState())
            XCTAssertEqual(s.update(.learnCommand(LearnKeyMap.command(for: key)!)), effects, key)
        }
    }

    func testGradientsToggleAndKeysOfAHiddenViewDoNothing() {
        var s = opened(plainState())
        s.update(.learnCommand(.toggleGradients))
        XCTAssertEqual(s.learn?.view.showGradients, true)
        s.update(.learnCommand(.toggleGradients))
        XCTAssertEqual(s.learn?.view.showGradients, false)
        s.update(.learnCommand(.leave))
        let hidden = s
        XCTAssertEqual(s.update(.learnCommand(.session(.togglePause))), [])
        XCTAssertEqual(s.update(.learnCommand(.toggleGradients)), [])
        XCTAssertEqual(s, hidden)
    }

    /// `End` restarts from the network mode's own weights, named as the network is; with no
    /// network loaded the shell loads the shipped one, and the same key then restarts from it.
    func testEndRestartsFromTheNetworksWeights() {
        let source = makeNetworkSource()
        var s = opened(makeNetworkState(source: source))
        XCTAssertEqual(s.update(.learnCommand(.restartFromNetwork)),
                       [.sendToLearning(.restart(from: source.weights, name: "test-8-16"))])

        var plain = opened(plainState())
        XCTAssertEqual(plain.update(.learnCommand(.restartFromNetwork)), [.loadNetworkForLearning])
        plain.update(.setNetworkSource(source))
        XCTAssertEqual(plain.update(.learnCommand(.restartFromNetwork)),
                       [.sendToLearning(.restart(from: source.weights, name: "test-8-16"))])
        XCTAssertNil(plain.network, "loading the network for End does not enter network mode")
    }

    /// A saved file's message stays until the next key; the file names the weights only while
    /// they are the ones shown.
    func testSavingShowsWhereAndTheFileFollowsTheWeights() {
        var s = opened(plainState())
        s.update(.learnSnapshot(Self.later))
        s.update(.learnWeightsSaved(file: "weights-1.json", path: "/tmp/run/weights-1.json",
                                    weights: Self.later.weights, imagesSeen: 1024))
        XCTAssertEqual(s.learn?.view.message, "saved the weights after 1,024 images to /tmp/run/weights-1.json")
        XCTAssertEqual(s.learn?.trainedFile, "weights-1.json")
        XCTAssertEqual(s.learn?.trainedName, "trained here, 1,024 images from He-normal, seed 0")
        s.update(.learnCommand(.session(.stepOnce)))
        XCTAssertNil(s.learn?.view.message, "a key clears the message")
        s.update(.learnSnapshot(Self.start))
        XCTAssertNil(s.learn?.trainedFile, "other weights are in no file")
        s.update(.showLearnMessage("cannot write here"))
        XCTAssertEqual(s.learn?.view.message, "cannot write here")
    }

    /// Snapshots replace the picture whether or not it shows; with no learn view they change nothing.
    func testSnapshotsReplaceThePicture() {
        var none = plainState()
        let before = none
        none.update(.learnSnapshot(Self.later))
        XCTAssertEqual(none, before)

        var s = opened(plainState())
        s.update(.learnSnapshot(Self.later))
        XCTAssertEqual(s.learn?.view.snapshot.steps, 32)
        XCTAssertEqual(s.learn?.view.snapshot.imagesSeen, 1024)
        s.update(.learnCommand(.leave))
        s.update(.learnSnapshot(Self.start))
        XCTAssertEqual(s.learn?.view.snapshot, Self.start)
    }

    /// Leaving in network mode: nothing changes until training has paused; then the network has
    /// the weights it paused at, named by how far they were trained, in no file unless `s` wrote
    /// them. A thread that did not answer leaves the weights last shown.
    func testLeavingHandsTheWeightsTrainingStoppedAtToTheNetwork() {
        let source = makeNetworkSource()
        var s = opened(makeNetworkState(source: source))
        XCTAssertEqual(s.update(.learnCommand(.leave)), [.pauseLearning])
        XCTAssertEqual(s.network?.source.weights, source.weights)
        s.update(.learnPaused(Self.later))
        XCTAssertEqual(s.network?.source.weights, Self.later.weights)
        XCTAssertEqual(s.network?.source.name, "trained here, 1,024 images from He-normal, seed 0")
        XCTAssertNil(s.network?.source.file)
        XCTAssertEqual(s.kernel.weights, Array(Self.later.weights.conv1Weight.values[0..<9]), "filter 1 of the trained network")

        var saved = opened(makeNetworkState(source: source))
        saved.update(.learnSnapshot(Self.later))
        saved.update(.learnWeightsSaved(file: "weights-2.json", path: "/tmp/weights-2.json", weights: Self.later.weights, imagesSeen: 1024))
        saved.update(.learnCommand(.leaveAndPassOn))
        saved.update(.learnPaused(nil))
        XCTAssertEqual(saved.network?.source.weights, Self.later.weights)
        XCTAssertEqual(saved.network?.source.file, "weights-2.json")

        var plain = opened(plainState())
        plain.update(.learnCommand(.leave))
        plain.update(.learnPaused(Self.later))
        XCTAssertNil(plain.network)
        XCTAssertEqual(plain.learn?.view.snapshot, Self.later)
    }

    /// The pointer does nothing under the learn view; back on the panels it does again.
    func testThePointerIsIgnoredUnderTheLearnView() {
        var s = opened(plainState())
        let before = s
        let layout = FrameLayout(state: s)
        let cell = layout.mapping(.input, in: s).gridRect
        s.update(.pointer(.moved(x: cell.midX, y: cell.midY)))
        s.update(.pointer(.pressed(x: cell.midX, y: cell.midY, button: .primary)))
        XCTAssertEqual(s, before)
        s.update(.learnCommand(.leave))
        s.update(.pointer(.moved(x: cell.midX, y: cell.midY)))
        XCTAssertNotNil(s.hover)
    }

    /// Maps computed off the main thread while the learn view opened do not take it away.
    func testAdoptingRebuiltMapsKeepsTheLearnView() {
        let old = plainState()
        var rebuilt = old
        rebuilt.update(.nextFilter)
        let current = opened(old)
        XCTAssertEqual(current.adopting(rebuilt).learn, current.learn)
        XCTAssertNotNil(current.learn)
    }
}
