import ConvModel
import ConvNet
import Foundation
import XCTest

/// Training and test images for a tour's learn view that need no files (the learn session tests' set).
func makeLearnImages(training: Int = 64) -> LearnImages {
    LearnImages(training: LearnSessionTests.images(training, seed: 1), test: LearnSessionTests.images(20, seed: 2),
                usesSample: true)
}

/// Asserts that `state` shows what `scene` says of the network, as set up at the scene's start.
func assertShowsNetwork(_ state: AppState, _ scene: NetworkScene, _ message: String = "",
                        file: StaticString = #filePath, line: UInt = #line) {
    guard let mode = state.network else { return XCTFail("network mode is off \(message)", file: file, line: line) }
    switch scene.input {
    case let .test(i):
        XCTAssertEqual(mode.testIndex, i % mode.source.testImages.count, message, file: file, line: line)
        XCTAssertFalse(state.painter.isOn, message, file: file, line: line)
    case .canvas:
        XCTAssertNil(mode.testIndex, message, file: file, line: line)
        XCTAssertTrue(state.painter.isOn, "paint mode on for the canvas \(message)", file: file, line: line)
        XCTAssertEqual(state.painter.brush, scene.brush, message, file: file, line: line)
    }
    XCTAssertEqual(mode.filter, min(scene.filter, mode.source.shape.filters1 - 1), message, file: file, line: line)
    XCTAssertEqual(mode.openStage, scene.stage, message, file: file, line: line)
    XCTAssertEqual(state.tourLearning?.spec, scene.learning, message, file: file, line: line)
}

/// The tour's scenes of the trained network: what they set whatever came before, training tied
/// to the tour's clock, strokes that are not the person's, and a visitor and presenter around them.
final class NetworkSceneTests: XCTestCase {
    private let learn = NetworkScene.Learning(seed: 3, batchesPerSecond: 10, updatesPerSecond: 5)

    private func scene(_ title: String, _ seconds: Double, _ network: NetworkScene?, cues: [TourCue] = []) -> TourScene {
        TourScene(caption: Caption(title: title, text: "\(title)."), seconds: seconds, image: BuiltinImages.named("face")!,
                  kernel: Kernel.preset(named: "edge_v")!, playing: false, cues: cues, network: network)
    }

    /// Plain, test image 2 with conv2 open, learning, the canvas, plain again.
    private func tour() -> Tour {
        Tour(name: "net", scenes: [
            scene("plain", 2, nil),
            scene("stage", 2, NetworkScene(input: .test(2), filter: 3, stage: NetStages.conv2)),
            scene("learn", 3, NetworkScene(learning: learn)),
            scene("paint", 3, NetworkScene(input: .canvas, stage: NetStages.softmax, brush: 3),
                  cues: [TourCue(at: 1, [.paintStroke(fromRow: 4, fromCol: 4, toRow: 20, toCol: 20, value: 1)])]),
            scene("plain again", 2, nil),
        ])
    }

    private func state(source: NetworkSource = makeNetworkSource(count: 5)) -> AppState {
        var s = try! AppState(image: BuiltinImages.named("checker")!, kernel: Kernel.preset(named: "identity")!)
        s.update(.setNetworkSource(source))
        s.update(.setLearnImages(makeLearnImages()))
        return s
    }

    /// States a visitor could leave behind: network mode elsewhere with a stage open and paint
    /// mode on, a painting, help open, the middle of another learn scene.
    private func messyStates() -> [AppState] {
        var a = state()
        a.update(.toggleNetwork)
        a.update(.selectTestImage(4))
        a.update(.selectNetworkFilter(6))
        a.update(.openStage(NetStages.flatten))
        a.update(.togglePaintMode)
        a.update(.changeBrush(2))
        var b = state()
        b.update(.togglePaintMode)
        b.update(.paint(row: 3, col: 3, value: 1))
        b.update(.setSettings(ConvSettings(stride: 2)))
        var c = state()
        c.update(.startTour(tour(), loop: true))
        c.update(.tick(seconds: 5.5))
        XCTAssertNotNil(c.tourLearning, "c is in the middle of the learn scene")
        c.update(.pauseTour)
        return [state(), a, b, c]
    }

    func testEachSceneStartSetsTheSameNetworkWhateverCameBefore() {
        let tour = tour()
        for (i, scene) in tour.scenes.enumerated() {
            var shown: [AppState] = []
            for var s in messyStates() {
                for action in scene.startActions { s.update(action) }
                if let net = scene.network {
                    assertShowsNetwork(s, net, "scene \(i)")
                } else {
                    XCTAssertNil(s.network, "scene \(i) leaves network mode")
                    XCTAssertNil(s.tourLearning)
                    XCTAssertFalse(s.painter.isOn, "scene \(i) leaves paint mode")
                    XCTAssertEqual(s.image, scene.image)
                }
                XCTAssertEqual(s.tourLearning?.steps ?? 0, 0, "scene \(i): no batches before the clock runs")
                shown.append(s)
            }
            for s in shown.dropFirst() {
                XCTAssertEqual(s.image, shown[0].image, "scene \(i): the same input")
                XCTAssertEqual(s.network?.pass, shown[0].network?.pass, "scene \(i): the same pass")
                XCTAssertEqual(s.network?.openStage, shown[0].network?.openStage)
                XCTAssertEqual(s.tourLearning, shown[0].tourLearning, "scene \(i): the same learn view")
            }
        }
    }

    /// The learn scene trains `batchesPerSecond` per second of its time, in bursts: after t
    /// seconds, ⌊t · 5⌋ bursts of 2 batches. The weights are those of a learn session from the same
    /// seed after as many batches (which the learn session tests tie to `net train` bit for bit),
    /// however the time is cut into ticks.
    func testTheLearnSceneTrainsByTheTourClock() {
        let tour = tour()
        let start = tour.startTime(ofScene: 2)
        for (t, expected) in [(0.0, 0), (0.1, 0), (0.2, 2), (0.99, 8), (1.0, 10), (2.5, 24)] {
            for tick in [1.0 / 30, 1.0 / 60, 0.25, t + start] {
                var s = state()
                s.update(.startTour(tour, loop: false))
                var done = 0.0
                while done + tick <= start + t + 1e-9 {
                    s.update(.tick(seconds: tick))
                    done += tick
                }
                if start + t - done > 1e-9 { s.update(.tick(seconds: start + t - done)) }
                XCTAssertEqual(s.tour?.sceneIndex, 2)
                XCTAssertEqual(s.tourLearning?.steps, expected, "t = \(t), ticks of \(tick)")
                let session = LearnSession(training: makeLearnImages().training, test: makeLearnImages().test,
                                           usesSample: true, seed: learn.seed)
                for _ in 0..<expected { session.step() }
                XCTAssertEqual(s.tourLearning?.view.snapshot.weights, session.network.weights, "t = \(t), ticks of \(tick)")
            }
        }
    }

    /// The picture changes only at the bursts, which are cues: the window sleeps between them.
    func testTheLearnViewChangesOnlyAtItsBursts() {
        var s = state()
        s.update(.startTour(tour(), loop: false))
        s.update(.tick(seconds: tour().startTime(ofScene: 2)))
        XCTAssertEqual(s.tour?.secondsToNextEvent ?? 0, 0.2, accuracy: 1e-9)
        XCTAssertFalse(s.clock.isPlaying, "nothing else moves")
        var frames = 0, before = s
        for _ in 0..<60 {
            s.update(.tick(seconds: 1.0 / 60))
            if s.tourLearning != before.tourLearning { frames += 1 }
            before = s
        }
        XCTAssertEqual(frames, 5, "five new pictures in a second")
    }

    /// A scene's strokes are the tour's: they paint and the network follows in the same update,
    /// but there is nothing to undo and nothing unsaved (Esc does not ask).
    func testPaintCuesPaintWithoutBeingThePersonsEdits() {
        var s = state()
        let tour = tour()
        s.update(.startTour(tour, loop: false))
        s.update(.tick(seconds: tour.startTime(ofScene: 3) + 0.5))
        XCTAssertEqual(s.image.grid.values.max(), 0, "a black canvas")
        let blank = s.network!.pass
        s.update(.tick(seconds: 0.5))
        XCTAssertEqual(s.image.grid.values.max(), 1)
        XCTAssertEqual(s.network?.pass.input, s.image.grid, "the pass follows the stroke in the same update")
        XCTAssertNotEqual(s.network?.pass.probabilities, blank.probabilities)
        XCTAssertTrue(s.unsaved.isEmpty)
        s.update(.undo)
        XCTAssertEqual(s.image.grid.values.max(), 1, "nothing to undo")
    }

    /// The built-in paint scene's strokes, on the network convviewer ships: a waistband alone and
    /// with one leg is a T-shirt, the whole is a pair of trousers.
    func testTheShippedNetworkCallsThePaintedTrousersTrousers() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("resources/networks/fashion-8-16.json")
        let file = try WeightsFile.decode(Array(try Data(contentsOf: url)))
        let made = makeNetworkSource(count: 1)
        let source = NetworkSource(name: "fashion-8-16", weights: file.weights, classes: file.classes,
                                   testImages: made.testImages, testSource: "made-up")
        let tour = Tour.builtin
        let i = try XCTUnwrap(tour.scenes.firstIndex { $0.network?.input == .canvas })
        var s = state(source: source)
        s.update(.startTour(tour, loop: false))
        s.update(.tick(seconds: tour.startTime(ofScene: i)))
        let classes = ClassNames.fashion
        func predicted(at t: Double) -> String {
            var c = s
            c.update(.tick(seconds: t))
            return classes[c.network!.pass.predicted]
        }
        let strokes = tour.scenes[i].cues.map(\.at)
        XCTAssertEqual(predicted(at: strokes[2] + 0.5), "T-shirt/top", "the waistband")
        XCTAssertEqual(predicted(at: strokes[6] + 0.5), "T-shirt/top", "with one leg")
        XCTAssertEqual(predicted(at: strokes.last! + 0.5), "Trouser", "with both")
        XCTAssertEqual(predicted(at: tour.scenes[i].seconds - 0.01), "Trouser")
    }

    /// A visitor takes over (kiosk): the tour's learn view goes, network mode's panels stay for
    /// the visitor; back to the tour, the scene starts again from its seed.
    func testAVisitorGetsThePanelsAndTheSceneStartsAgain() {
        var s = state()
        let tour = tour()
        s.update(.startTour(tour, loop: true))
        s.update(.tick(seconds: tour.startTime(ofScene: 2) + 1.5))
        XCTAssertEqual(s.tourLearning?.steps, 14)
        s.update(.pauseTour)
        XCTAssertNil(s.tourLearning)
        XCTAssertNotNil(s.network)
        s.update(.toggleNetwork)
        s.update(.resumeTour)
        assertShowsNetwork(s, tour.scenes[2].network!)
        XCTAssertEqual(s.tourLearning?.steps, 0)
        s.update(.tick(seconds: 0.4))
        XCTAssertEqual(s.tourLearning?.steps, 4)
    }

    /// The kiosk: a visitor wakes it in the learn scene, leaves network mode, opens the help,
    /// paints; after the idle time the tour comes back to the same scene, as it starts. Then the
    /// tour goes on through the canvas scene and back to an ordinary one.
    func testTheKioskComesBackToTheNetworkScenes() {
        let tour = tour()
        var kiosk = Kiosk(tour: tour, idleTimeout: 30)
        var s = state()
        for a in kiosk.startActions { s.update(a) }
        s.update(.tick(seconds: tour.startTime(ofScene: 2) + 1))
        XCTAssertEqual(s.tourLearning?.steps, 10)
        for a in kiosk.key("space", modifiers: [], in: s, at: 100) { s.update(a) }
        XCTAssertFalse(kiosk.isTouring(s))
        XCTAssertNil(s.tourLearning, "the visitor gets the panels")
        for key in ["N", "h", "e"] {
            for a in kiosk.key(key, modifiers: [], in: s, at: 101) { s.update(a) }
        }
        XCTAssertNil(s.network)
        XCTAssertTrue(s.painter.isOn)
        for a in kiosk.idle(in: s, at: 131) { s.update(a) }
        XCTAssertTrue(kiosk.isTouring(s))
        XCTAssertEqual(s.tour?.sceneIndex, 2)
        assertShowsNetwork(s, tour.scenes[2].network!)
        XCTAssertEqual(s.tourLearning?.steps, 0)
        XCTAssertFalse(s.view.showHelp)
        s.update(.tick(seconds: tour.scenes[2].seconds + 1.5))
        assertShowsNetwork(s, tour.scenes[3].network!)
        XCTAssertEqual(s.image.grid.values.max(), 1, "the canvas scene's stroke at 1 s")
        s.update(.tick(seconds: tour.scenes[3].seconds))
        XCTAssertNil(s.network)
        XCTAssertFalse(s.painter.isOn)
        XCTAssertEqual(s.tour?.sceneIndex, 4)
    }

    /// `t` in network mode starts the tour; `t` again gives network mode back as it was.
    func testLeavingTheTourGivesNetworkModeBack() {
        var s = state()
        s.update(.toggleNetwork)
        s.update(.selectTestImage(3))
        s.update(.openStage(NetStages.pool1))
        let before = s
        s.update(.startTour(tour(), loop: true))
        XCTAssertNil(s.message)
        s.update(.tick(seconds: tour().startTime(ofScene: 3) + 1.5))
        XCTAssertTrue(s.painter.isOn)
        s.update(.toggleTour)
        XCTAssertNil(s.tour)
        XCTAssertNil(s.tourLearning)
        XCTAssertEqual(s.network, before.network)
        XCTAssertEqual(s.image, before.image)
        XCTAssertEqual(s.painter, before.painter)
    }

    /// Without a network the scene still plays, on its ordinary input, and says what is missing;
    /// without training images the learn scene shows network mode and says so.
    func testMissingPiecesAreSaidOnScreen() {
        var s = try! AppState(image: BuiltinImages.named("checker")!, kernel: Kernel.preset(named: "identity")!)
        s.update(.startTour(tour(), loop: false))
        s.update(.nextScene)
        XCTAssertNil(s.network)
        XCTAssertNotNil(s.message)
        XCTAssertEqual(s.image.name, "face")
        s.update(.setNetworkSource(makeNetworkSource()))
        s.update(.nextScene)
        XCTAssertNotNil(s.network)
        XCTAssertNil(s.tourLearning)
        XCTAssertTrue(s.message?.contains("training images") == true)
    }

    func testScenesAreValidatedBeforeAllocation() {
        func invalid(_ n: NetworkScene) -> Bool {
            (try? scene("x", 2, n).validate()) == nil
        }
        XCTAssertFalse(invalid(NetworkScene(input: .test(9_999), filter: 63, stage: 9, brush: 3)))
        XCTAssertTrue(invalid(NetworkScene(input: .test(-1))))
        XCTAssertTrue(invalid(NetworkScene(input: .test(10_000))))
        XCTAssertTrue(invalid(NetworkScene(filter: 64)))
        XCTAssertTrue(invalid(NetworkScene(stage: 10)))
        XCTAssertTrue(invalid(NetworkScene(brush: 0)))
        XCTAssertTrue(invalid(NetworkScene(learning: .init(batchesPerSecond: 0))))
        XCTAssertTrue(invalid(NetworkScene(learning: .init(batchesPerSecond: 101))))
        XCTAssertTrue(invalid(NetworkScene(learning: .init(updatesPerSecond: 31))))
    }

    /// Bursts fall strictly inside the scene: one at its very end would change nothing on screen.
    func testBurstCuesLieInsideTheScene() {
        let l = NetworkScene.Learning(batchesPerSecond: 20, updatesPerSecond: 5)
        let timeline = scene("x", 2, NetworkScene(learning: l)).timeline
        XCTAssertEqual(timeline.map(\.at), (1...9).map { Double($0) / 5 })
        XCTAssertEqual(timeline.last?.actions, [.trainTourNetwork(steps: 36)])
    }
}
