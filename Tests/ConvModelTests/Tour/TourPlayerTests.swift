import XCTest
import ConvModel

/// A three-scene tour of 2 s, 3 s and 1 s, each scene telling itself apart by input, filter and caption.
func smallTour(cues: [TourCue] = []) -> Tour {
    func scene(_ n: Int, _ seconds: Double, _ input: String, _ filter: String, cues: [TourCue] = []) -> TourScene {
        TourScene(caption: Caption(title: "scene \(n)", text: "Scene number \(n)."), seconds: seconds,
                  image: BuiltinImages.named(input)!, kernel: Kernel.preset(named: filter)!,
                  speed: Double(4 * n), position: n, cues: cues)
    }
    return Tour(name: "small", scenes: [
        scene(1, 2, "face", "edge_v"),
        scene(2, 3, "cross", "edge_h", cues: cues),
        scene(3, 1, "diag", "blur"),
    ])
}

/// The seconds carried by the `.tick` actions in `actions`.
func tickSeconds(_ actions: [Action]) -> Double {
    actions.reduce(0) { sum, a in
        if case let .tick(s) = a { return sum + s }
        return sum
    }
}

/// The actions that are not ticks.
func nonTicks(_ actions: [Action]) -> [Action] {
    actions.filter { if case .tick = $0 { return false } else { return true } }
}

final class TourPlayerTests: XCTestCase {
    func testStartSetsUpTheFirstScene() {
        let tour = smallTour()
        var player = TourPlayer(tour: tour, loops: false)
        XCTAssertFalse(player.isRunning)
        XCTAssertEqual(player.start(), tour.scenes[0].startActions)
        XCTAssertTrue(player.isRunning)
        XCTAssertEqual(player.sceneIndex, 0)
        XCTAssertEqual(player.timeInScene, 0)
    }

    func testSceneStartActionsSetEverythingAndEndWithTheCaption() {
        let s = smallTour().scenes[1]
        XCTAssertEqual(s.startActions, [
            .setNetworkScene(nil), .setImage(s.image), .setKernel(s.kernel), .setSettings(s.settings), .setView(s.view), .resetView,
            .setSpeed(s.speed), .setPlaying(true), .seek(2), .setCaption(s.caption),
        ])
    }

    func testTimeWithinASceneIsOneTick() {
        var player = TourPlayer(tour: smallTour(), loops: false)
        _ = player.start()
        XCTAssertEqual(player.advance(0.5), [.tick(seconds: 0.5)])
        XCTAssertEqual(player.sceneIndex, 0)
        XCTAssertEqual(player.timeInScene, 0.5)
    }

    /// A tick that crosses a scene start is cut there: the old scene gets the time up to its end,
    /// the new one its set-up and then the rest.
    func testATickAcrossASceneStartIsCutThere() {
        let tour = smallTour()
        var player = TourPlayer(tour: tour, loops: false)
        _ = player.start()
        _ = player.advance(1.5)
        XCTAssertEqual(player.advance(1.0), [.tick(seconds: 0.5)] + tour.scenes[1].startActions + [.tick(seconds: 0.5)])
        XCTAssertEqual(player.sceneIndex, 1)
        XCTAssertEqual(player.timeInScene, 0.5)
    }

    func testOneLongTickWalksThroughEveryScene() {
        let tour = smallTour()
        var player = TourPlayer(tour: tour, loops: false)
        _ = player.start()
        let actions = player.advance(5.5)
        XCTAssertEqual(nonTicks(actions), tour.scenes[1].startActions + tour.scenes[2].startActions)
        XCTAssertEqual(player.sceneIndex, 2)
        XCTAssertEqual(player.timeInScene, 0.5, accuracy: 1e-12)
    }

    /// At 30 frames a second each scene starts on the frame nearest its start time, even though
    /// 1/30 does not add up exactly in binary.
    func testScenesChangeOnTheRightFrame() {
        for fps in [24.0, 25, 30, 60] {
            let tour = Tour.builtin
            var player = TourPlayer(tour: tour, loops: false)
            _ = player.start()
            var firstFrame: [Int: Int] = [0: 0]
            var frame = 0
            while player.isRunning {
                _ = player.advance(1 / fps)
                frame += 1
                if player.isRunning, firstFrame[player.sceneIndex] == nil { firstFrame[player.sceneIndex] = frame }
            }
            for i in tour.scenes.indices {
                XCTAssertEqual(firstFrame[i], Int((tour.startTime(ofScene: i) * fps).rounded()), "scene \(i) at \(fps) fps")
            }
            XCTAssertEqual(frame, Int((tour.duration * fps).rounded()), "tour length at \(fps) fps")
        }
    }

    func testOnceStopsAtTheEndAndClearsTheCaption() {
        var player = TourPlayer(tour: smallTour(), loops: false)
        _ = player.start()
        _ = player.advance(5.75)
        XCTAssertTrue(player.isRunning)
        let last = player.advance(1)
        XCTAssertEqual(nonTicks(last), [.setCaption(nil)])
        XCTAssertEqual(tickSeconds(last), 1, accuracy: 1e-12, "the time after the end still passes")
        XCTAssertFalse(player.isRunning)
        XCTAssertTrue(player.isFinished)
        XCTAssertEqual(player.advance(1), [])
        XCTAssertEqual(player.resume(), [], "a finished tour does not resume")
    }

    func testLoopStartsOverAfterTheLastScene() {
        let tour = smallTour()
        var player = TourPlayer(tour: tour, loops: true)
        _ = player.start()
        _ = player.advance(5.75)
        let actions = player.advance(0.5)
        XCTAssertEqual(nonTicks(actions), tour.scenes[0].startActions)
        XCTAssertTrue(player.isRunning)
        XCTAssertFalse(player.isFinished)
        XCTAssertEqual(player.sceneIndex, 0)
        XCTAssertEqual(player.timeInScene, 0.25, accuracy: 1e-12)
    }

    /// Whole rounds of a looping tour leave it where one round less would: a huge tick (a laptop
    /// waking from sleep) neither hangs nor piles up actions.
    func testAHugeTickSkipsWholeRounds() {
        var a = TourPlayer(tour: smallTour(), loops: true), b = a
        _ = a.start()
        _ = b.start()
        _ = a.advance(2.5)
        let actions = b.advance(6 * 1_000_000 + 2.5)
        XCTAssertEqual(b.sceneIndex, a.sceneIndex)
        XCTAssertEqual(b.timeInScene, a.timeInScene, accuracy: 1e-6)
        XCTAssertLessThan(actions.count, 60)
    }

    /// Property: the ticks a running player hands out add up to the time it was given, whatever
    /// the tick sizes, including the rest of the tick in which a tour that plays once ends.
    func testTimeIsConserved() {
        var rng = SplitMix64(seed: 5)
        for loops in [false, true] {
            var player = TourPlayer(tour: smallTour(), loops: loops)
            _ = player.start()
            var given = 0.0, passed = 0.0
            // Once a tour that does not loop has ended, time is no longer its to hand out.
            for _ in 0..<400 where player.isRunning {
                let dt = Double(rng.float(0.001, 0.4))
                given += dt
                passed += tickSeconds(player.advance(dt))
            }
            XCTAssertEqual(passed, given, accuracy: 1e-6, "loops: \(loops)")
        }
    }

    func testNoTimeNoActions() {
        var player = TourPlayer(tour: smallTour(), loops: true)
        _ = player.start()
        for dt in [0, -1, .nan, .infinity] { XCTAssertEqual(player.advance(dt), [], "\(dt)") }
        XCTAssertEqual(player.timeInScene, 0)
    }

    func testCuesFireAtTheirTime() {
        let cue = TourCue(at: 1, [.toggleGrid])
        var player = TourPlayer(tour: smallTour(cues: [cue]), loops: false)
        _ = player.start()
        _ = player.advance(2.5)
        XCTAssertEqual(player.advance(0.25), [.tick(seconds: 0.25)])
        XCTAssertEqual(player.advance(0.5), [.tick(seconds: 0.25), .toggleGrid, .tick(seconds: 0.25)])
        XCTAssertEqual(nonTicks(player.advance(1)), [], "a cue fires once")
    }

    func testACueAtTheEndOfASceneHandsOverOnTheSameFrame() {
        // Scene 2 lasts 3 s and its cue is at 3 s: the tick that reaches 5 s of the tour gives the
        // cue and then scene 3's set-up, whatever the ticks were before it.
        let tour = smallTour(cues: [TourCue(at: 3, [.toggleGrid])])
        for ticks in [[2.0, 3.0], [2.5, 2.5], [4.0, 1.0]] {
            var player = TourPlayer(tour: tour, loops: false)
            _ = player.start()
            var actions: [Action] = []
            for t in ticks { actions = player.advance(t) }
            XCTAssertEqual(player.sceneIndex, 2, "\(ticks)")
            XCTAssertEqual(player.timeInScene, 0, "\(ticks)")
            XCTAssertEqual(Array(nonTicks(actions).suffix(tour.scenes[2].startActions.count + 1)),
                           [.toggleGrid] + tour.scenes[2].startActions, "\(ticks)")
        }
    }

    func testACueAtTimeZeroIsPartOfTheSetUp() {
        let tour = smallTour(cues: [TourCue(at: 0, [.toggleGrid])])
        var player = TourPlayer(tour: tour, loops: false)
        _ = player.start()
        XCTAssertEqual(nonTicks(player.advance(2)), tour.scenes[1].startActions + [.toggleGrid])
    }

    func testAHeldScanStopsOnItsLastPosition() {
        // 484 positions at 48 a second, from position 0: the last one comes after 483/48 s.
        let s = TourScene(caption: Caption(title: "t", text: "x."), seconds: 12, image: BuiltinImages.named("face")!,
                          kernel: Kernel.preset(named: "edge_v")!, speed: 48, hold: true)
        XCTAssertEqual(s.holdTime, 483.0 / 48)
        XCTAssertEqual(s.timeline, [TourCue(at: 483.0 / 48, [.seekLast, .setPlaying(false)])])
        var paused = s
        paused.playing = false
        XCTAssertNil(paused.holdTime, "a scene that does not play has nothing to hold")
    }

    func testPauseStopsTimeAndResumeStartsTheSceneAgain() {
        let tour = smallTour()
        var player = TourPlayer(tour: tour, loops: true)
        _ = player.start()
        _ = player.advance(2.5)
        player.pause()
        XCTAssertFalse(player.isRunning)
        XCTAssertEqual(player.advance(10), [])
        XCTAssertEqual(player.resume(), tour.scenes[1].startActions)
        XCTAssertTrue(player.isRunning)
        XCTAssertEqual(player.sceneIndex, 1)
        XCTAssertEqual(player.timeInScene, 0)
    }

    func testATourWithoutTimeDoesNotStart() {
        var empty = TourPlayer(tour: Tour(name: "empty", scenes: []), loops: true)
        XCTAssertEqual(empty.start(), [])
        XCTAssertFalse(empty.isRunning)
        var zero = smallTour()
        for i in zero.scenes.indices { zero.scenes[i].seconds = 0 }
        var player = TourPlayer(tour: zero, loops: true)
        XCTAssertEqual(player.start(), [])
        XCTAssertFalse(player.isRunning)
        XCTAssertEqual(player.advance(1), [])
    }

    func testDurationAndStartTimes() {
        let tour = smallTour()
        XCTAssertEqual(tour.duration, 6)
        XCTAssertEqual((0...3).map(tour.startTime(ofScene:)), [0, 2, 5, 6])
        var player = TourPlayer(tour: tour, loops: false)
        _ = player.start()
        _ = player.advance(3.5)
        XCTAssertEqual(player.elapsed, 3.5)
    }

    /// The time to the next scene or cue, which the window sleeps for while the scan is still.
    func testSecondsToNextEvent() {
        var player = TourPlayer(tour: smallTour(cues: [TourCue(at: 1, [.toggleGrid])]), loops: false)
        XCTAssertNil(player.secondsToNextEvent, "not running")
        _ = player.start()
        XCTAssertEqual(player.secondsToNextEvent!, 2, accuracy: 1e-9)      // scene 1 lasts 2 s
        _ = player.advance(0.5)
        XCTAssertEqual(player.secondsToNextEvent!, 1.5, accuracy: 1e-9)
        _ = player.advance(1.5)                                             // scene 2 starts
        XCTAssertEqual(player.secondsToNextEvent!, 1, accuracy: 1e-9)      // its cue at 1 s
        _ = player.advance(1)
        XCTAssertEqual(player.secondsToNextEvent!, 2, accuracy: 1e-9)      // then its end at 3 s
        player.pause()
        XCTAssertNil(player.secondsToNextEvent, "paused")
    }
}
