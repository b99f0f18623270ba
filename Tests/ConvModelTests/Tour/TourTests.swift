import XCTest
import ConvModel

/// The tour inside the app state: `.startTour`, `.tick`, `.stopTour`, pausing for a visitor.
final class TourStateTests: XCTestCase {
    private func state() throws -> AppState {
        try AppState(image: BuiltinImages.named("checker")!, kernel: Kernel.preset(named: "identity")!)
    }

    /// Asserts that `state` shows `scene` as it is set up.
    private func assertShows(_ state: AppState, _ scene: TourScene, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(state.image, scene.image, file: file, line: line)
        XCTAssertEqual(state.kernel, scene.kernel, file: file, line: line)
        XCTAssertEqual(state.settings, scene.settings, file: file, line: line)
        XCTAssertEqual(state.clock.speed, Clock.clamp(scene.speed), file: file, line: line)
        XCTAssertEqual(state.view.showRelu, scene.view.showRelu, file: file, line: line)
        XCTAssertEqual(state.view.progressive, scene.view.progressive, file: file, line: line)
        XCTAssertEqual(state.caption, scene.caption, file: file, line: line)
        XCTAssertNil(state.message, file: file, line: line)
    }

    func testStartingATourShowsItsFirstScene() throws {
        var s = try state()
        let tour = smallTour()
        s.update(.startTour(tour, loop: true))
        XCTAssertEqual(s.tour?.isRunning, true)
        XCTAssertEqual(s.tour?.loops, true)
        assertShows(s, tour.scenes[0])
        XCTAssertEqual(s.scan.position, tour.scenes[0].position)
    }

    func testTicksMoveTheTourOnAndTheScanWithIt() throws {
        var s = try state()
        let tour = smallTour()
        s.update(.startTour(tour, loop: false))
        s.update(.tick(seconds: 1))
        XCTAssertEqual(s.tour?.sceneIndex, 0)
        XCTAssertEqual(s.scan.position, 1 + 4, "scene 1 starts at position 1 and runs at 4 a second")
        s.update(.tick(seconds: 1.5))
        assertShows(s, tour.scenes[1])
        // The half second left over after scene 2 started, at 8 positions a second, from position 2.
        XCTAssertEqual(s.scan.position, 2 + 4)
    }

    /// Ticking in frames or in one go ends in the same state: the tour cuts time at scene starts.
    func testTheSameTimeInAnyTicksGivesTheSameState() throws {
        var a = try state(), b = try state()
        a.update(.startTour(Tour.builtin, loop: true))
        b.update(.startTour(Tour.builtin, loop: true))
        for _ in 0..<(40 * 4) { a.update(.tick(seconds: 0.25)) }
        b.update(.tick(seconds: 40))
        XCTAssertEqual(a.tour?.sceneIndex, b.tour?.sceneIndex)
        XCTAssertEqual(a.scan, b.scan)
        XCTAssertEqual(a.caption, b.caption)
        XCTAssertEqual(a.clock.isPlaying, b.clock.isPlaying)
    }

    func testATourThatPlaysOnceEndsWithoutItsCaption() throws {
        var s = try state()
        let tour = smallTour()
        s.update(.startTour(tour, loop: false))
        s.update(.tick(seconds: tour.duration - 0.25))
        XCTAssertEqual(s.caption, tour.scenes[2].caption)
        s.update(.tick(seconds: 0.5))
        XCTAssertNil(s.tour)
        XCTAssertNil(s.caption)
        XCTAssertEqual(s.image, tour.scenes[2].image, "the last scene's model stays")
        XCTAssertEqual(s.kernel, tour.scenes[2].kernel)
    }

    func testALoopingTourComesBackToTheStart() throws {
        var s = try state()
        let tour = smallTour()
        s.update(.startTour(tour, loop: true))
        s.update(.tick(seconds: tour.duration + 0.5))
        XCTAssertEqual(s.tour?.sceneIndex, 0)
        assertShows(s, tour.scenes[0])
    }

    func testStoppingClearsTheCaptionAndHandsTheClockBack() throws {
        var s = try state()
        s.update(.startTour(smallTour(), loop: true))
        s.update(.stopTour)
        XCTAssertNil(s.tour)
        XCTAssertNil(s.caption)
        let position = s.scan.position
        s.update(.tick(seconds: 10))
        XCTAssertEqual(s.image.name, "checker", "the input from before the tour, and no scene changes after it stopped")
        XCTAssertNotEqual(s.scan.position, position, "the scan still runs")
    }

    func testAVisitorPausesTheTourAndTheTourComesBack() throws {
        var s = try state()
        let tour = smallTour()
        s.update(.startTour(tour, loop: true))
        s.update(.tick(seconds: 2.5))
        s.update(.pauseTour)
        XCTAssertNil(s.caption)
        XCTAssertEqual(s.tour?.isRunning, false)
        s.update(.nextFilter)
        s.update(.tick(seconds: 100))
        XCTAssertEqual(s.tour?.sceneIndex, 1, "the tour waits")
        XCTAssertNotEqual(s.kernel, tour.scenes[1].kernel, "the visitor's choice stands while paused")
        s.update(.resumeTour)
        XCTAssertEqual(s.tour?.isRunning, true)
        assertShows(s, tour.scenes[1])
        XCTAssertEqual(s.scan.position, tour.scenes[1].position)
    }

    func testPauseAndResumeWithoutATourDoNothing() throws {
        var s = try state()
        let before = s
        s.update(.pauseTour)
        s.update(.resumeTour)
        s.update(.stopTour)
        XCTAssertEqual(s, before)
    }

    func testAScenesViewLeavesTheViewersOwnSettingsAlone() throws {
        var s = try state()
        s.update(.setTheme(.light))
        s.update(.setScale(2))
        s.update(.toggleHelp)
        s.update(.startTour(smallTour(), loop: true))
        XCTAssertEqual(s.view.theme, .light)
        XCTAssertEqual(s.view.scale, 2)
        XCTAssertTrue(s.view.showHelp)
        s.update(.setView(SceneView(showRelu: false, progressive: false, showNumbers: false, showGrid: false)))
        XCTAssertEqual([s.view.showRelu, s.view.progressive, s.view.showNumbers, s.view.showGrid], [false, false, false, false])
        XCTAssertEqual(s.view.theme, .light)
    }

    func testZoomAndPanAreResetByEachScene() throws {
        var s = try state()
        s.panels[0].zoom = 4
        s.update(.startTour(smallTour(), loop: true))
        XCTAssertEqual(s.panels[0], PanelView())
    }

    func testAHeldSceneStopsOnTheFinishedMapAndTheNextSceneMovesAgain() throws {
        var s = try state()
        let tour = Tour.builtin
        let i = try XCTUnwrap(tour.scenes.firstIndex { $0.hold && $0.playing })
        s.update(.startTour(tour, loop: true))
        s.update(.tick(seconds: tour.startTime(ofScene: i) + tour.scenes[i].holdTime! + 0.1))
        XCTAssertEqual(s.tour?.sceneIndex, i)
        XCTAssertTrue(s.scan.isAtEnd)
        XCTAssertFalse(s.clock.isPlaying)
        s.update(.tick(seconds: tour.scenes[i].seconds - tour.scenes[i].holdTime! - 0.1 + 0.05))
        XCTAssertEqual(s.tour?.sceneIndex, i + 1)
        XCTAssertEqual(s.clock.isPlaying, tour.scenes[i + 1].playing)
    }

    func testTheTranslationSceneMovesItsInputHalfway() throws {
        var s = try state()
        let tour = Tour.builtin
        let i = try XCTUnwrap(tour.scenes.firstIndex { !$0.cues.isEmpty })
        s.update(.startTour(tour, loop: true))
        s.update(.tick(seconds: tour.startTime(ofScene: i) + 1))
        XCTAssertEqual(s.image.name, "letter")
        s.update(.tick(seconds: tour.scenes[i].seconds / 2))
        XCTAssertEqual(s.image.name, "letter, moved")
        XCTAssertEqual(s.caption, tour.scenes[i].caption)
    }

    /// Every scene of the built-in tour, applied to a state, shows what it says, with no error
    /// message; the network's scenes in network mode (with a made-up network and training images).
    func testEveryBuiltinSceneAppliesCleanly() throws {
        var s = try state()
        s.update(.setNetworkSource(makeNetworkSource(count: 5)))
        s.update(.setLearnImages(makeLearnImages()))
        let tour = Tour.builtin
        s.update(.startTour(tour, loop: false))
        for (i, scene) in tour.scenes.enumerated() {
            XCTAssertEqual(s.tour?.sceneIndex, i)
            if let net = scene.network {
                assertShowsNetwork(s, net, "scene \(i)")
                XCTAssertEqual(s.caption, scene.caption)
                XCTAssertNil(s.message)
            } else {
                assertShows(s, scene)
                XCTAssertNil(s.network, "scene \(i)")
                XCTAssertNil(s.tourLearning, "scene \(i)")
            }
            XCTAssertEqual(s.scan.position, scene.position, "scene \(i)")
            s.update(.tick(seconds: scene.seconds))
        }
        XCTAssertNil(s.tour)
        XCTAssertNil(s.caption)
    }
}

/// The built-in tour: what it covers, in which order, and that what its captions say is true.
final class TourBuiltinTests: XCTestCase {
    let tour = Tour.builtin

    private func index(_ input: String, _ filter: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        guard let i = tour.scenes.firstIndex(where: { $0.image.name == input && $0.kernel.name == filter }) else {
            XCTFail("no scene with \(input) and \(filter)", file: file, line: line)
            return -1
        }
        return i
    }

    private func maps(_ scene: TourScene) -> FeatureMaps {
        FeatureMaps(input: scene.image.grid, kernel: scene.kernel, settings: scene.settings)
    }

    func testItWalksTheSeedsThreeExperimentsInOrder() {
        let order = [
            index("face", "edge_v"),   // 1: vertical edges on the face
            index("face", "blur"),     // 2: blur, then sharpen on the same input
            index("face", "sharpen"),
            index("cross", "edge_h"),  // 3: horizontal edges on the cross, then on the diagonal
            index("diag", "edge_h"),
        ]
        XCTAssertEqual(order, order.sorted())
        XCTAssertEqual(Set(order).count, order.count)
        XCTAssertEqual(order[2], order[1] + 1, "sharpen right after blur")
        XCTAssertEqual(order[4], order[3] + 1, "the diagonal right after the cross")
        XCTAssertLessThanOrEqual(order[0], 1, "the experiments come first (after at most an introduction)")
    }

    func testItThenCoversReluPoolingStridePaddingTheStripAndUses() {
        let s = tour.scenes
        let reluOff = s.firstIndex { !$0.view.showRelu }
        XCTAssertNotNil(reluOff)
        if let i = reluOff {
            XCTAssertTrue(s[i + 1].view.showRelu, "ReLU off, then on")
            XCTAssertEqual(s[i + 1].image, s[i].image)
            XCTAssertEqual(s[i + 1].kernel, s[i].kernel)
        }
        XCTAssertTrue(s.contains { $0.caption.title.lowercased().contains("pool") })
        XCTAssertTrue(s.contains { $0.settings.stride == 2 })
        XCTAssertTrue(s.contains { $0.settings.padding == .same })
        XCTAssertTrue(s.contains { $0.caption.text.contains("strip") })
        for word in ["AlexNet", "phone", "clinic", "road"] {
            XCTAssertTrue(s.contains { $0.caption.title.contains(word) }, word)
        }
    }

    func testEverySceneIsValid() {
        for (i, scene) in tour.scenes.enumerated() {
            XCTAssertNoThrow(try scene.validate(), "scene \(i)")
            XCTAssertTrue(scene.geometry.hasOutput, "scene \(i): the kernel leaves output on its input")
        }
    }

    /// Scenes of 8 to 20 seconds; a scene that trains the network gets up to 35, since its filters
    /// need time to form.
    func testDurationsSuitAMuseumDisplay() {
        for scene in tour.scenes {
            let longest = scene.network?.learning == nil ? 20.0 : 35
            XCTAssertTrue((8...longest).contains(scene.seconds), "\(scene.caption.title): \(scene.seconds) s")
        }
        XCTAssertTrue((120...360).contains(tour.duration), "the whole tour: \(tour.duration) s")
    }

    /// A held scan finishes with at least two seconds of the finished map left; a scan that is
    /// neither held nor showing the whole map gets through at least one row.
    func testTheInterestingPartIsVisibleWithinEachScene() {
        for scene in tour.scenes where scene.playing {
            let title = scene.caption.title
            if let t = scene.holdTime {
                XCTAssertLessThanOrEqual(t, scene.seconds - 2, title)
                XCTAssertGreaterThanOrEqual(t, 3, "\(title): slow enough to follow")
            } else {
                XCTAssertGreaterThanOrEqual(scene.speed * scene.seconds, Double(scene.geometry.outputWidth), title)
            }
        }
    }

    /// Captions are our own words, short enough for the caption box: a title and one or two sentences.
    func testCaptionsAreATitleAndOneOrTwoSentences() {
        for scene in tour.scenes {
            let c = scene.caption
            XCTAssertFalse(c.title.isEmpty)
            XCTAssertLessThanOrEqual(c.title.count, 40, c.title)
            XCTAssertLessThanOrEqual(c.text.count, 240, c.title)
            let sentences = c.text.split(separator: ".", omittingEmptySubsequences: true)
                .filter { !$0.allSatisfy(\.isWhitespace) }.count
            XCTAssertTrue((1...2).contains(sentences), "\(c.title): \(sentences) sentences")
            XCTAssertTrue(c.text.hasSuffix("."), c.title)
        }
    }

    // What the captions claim, checked against the model.

    func testVerticalEdgesLightTheLeftSidesOfTheEyesAndTheMouth() {
        let m = maps(tour.scenes[index("face", "edge_v")])
        // Conv cell (r, c) looks at input rows r…r+2 and columns c…c+2. The left eye fills
        // rows 6–9, columns 6–8; the mouth rows 16–17 from column 7.
        XCTAssertEqual(m.relu[6, 4], 3, "left side of the left eye")
        XCTAssertEqual(m.conv[6, 7], -3, "right side of the left eye, negative before ReLU")
        XCTAssertGreaterThan(m.relu[15, 5], 0, "left end of the mouth")
        XCTAssertEqual(m.relu[11, 10], 0, "the blank middle of the face")
    }

    func testBlurSoftensAndSharpenRaisesContrast() {
        let face = BuiltinImages.named("face")!.grid
        let blur = maps(tour.scenes[index("face", "blur")]).conv
        let sharp = maps(tour.scenes[index("face", "sharpen")]).conv
        XCTAssertLessThanOrEqual(blur.maxValue, 1)
        XCTAssertGreaterThan(blur.values.filter { $0 > 0 }.count, face.values.filter { $0 > 0 }.count)
        XCTAssertEqual(sharp[6, 6], 1, "a flat patch (inside the eye) keeps its value")
        XCTAssertGreaterThan(sharp.maxValue - sharp.minValue, face.maxValue - face.minValue)
    }

    func testHorizontalEdgesScoreThreeOnTheCrossAndOneOnTheDiagonal() {
        XCTAssertEqual(maps(tour.scenes[index("cross", "edge_h")]).relu.maxValue, 3)
        XCTAssertEqual(maps(tour.scenes[index("diag", "edge_h")]).relu.maxValue, 1)
    }

    func testPoolingKeepsTheStrongestResponse() throws {
        let scene = try XCTUnwrap(tour.scenes.first { $0.caption.title.lowercased().contains("pool") })
        let m = maps(scene)
        XCTAssertEqual(scene.settings.pool, .max)
        XCTAssertEqual(m.pool.maxValue, m.relu.maxValue)
        XCTAssertEqual(m.pool.count * 4, m.relu.count)
    }

    func testStrideAndPaddingShapesAreAsCaptioned() throws {
        let stride = try XCTUnwrap(tour.scenes.first { $0.settings.stride == 2 })
        XCTAssertEqual([stride.geometry.outputWidth, stride.geometry.outputHeight], [11, 11])
        XCTAssertTrue(stride.caption.text.contains("11×11"))
        let same = try XCTUnwrap(tour.scenes.first { $0.settings.padding == .same })
        XCTAssertEqual([same.geometry.outputWidth, same.geometry.outputHeight], [24, 24])
        XCTAssertTrue(same.caption.text.contains("24×24"))
    }

    /// Translation equivariance: the map of the moved letter is the letter's map moved by as
    /// much, and zero where nothing moved in (`MoveInputSceneTests` checks every map and the edges).
    func testMovingTheInputMovesTheMap() throws {
        let scene = try XCTUnwrap(tour.scenes.first { !$0.cues.isEmpty })
        XCTAssertEqual(scene.cues.map(\.at), [scene.seconds / 2])
        guard case let .setImage(moved) = scene.cues[0].actions.first else { return XCTFail("the cue moves the input") }
        let (dr, dc) = Tour.movedLetterOffset
        XCTAssertEqual(moved.grid, scene.image.grid.shifted(rows: dr, cols: dc))
        XCTAssertEqual(moved.grid.values.reduce(0, +), scene.image.grid.values.reduce(0, +), "nothing wrapped off")
        let before = Convolution.apply(scene.image.grid, scene.kernel, scene.settings)
        let after = Convolution.apply(moved.grid, scene.kernel, scene.settings)
        for r in 0..<after.height {
            for c in 0..<after.width {
                let expected: Float = (r >= dr && c >= dc) ? before[r - dr, c - dc] : 0
                XCTAssertEqual(after[r, c], expected, "(\(r), \(c))")
            }
        }
    }
}
