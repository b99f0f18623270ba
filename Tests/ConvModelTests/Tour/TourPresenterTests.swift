import XCTest
import ConvModel

/// The tour under the presenter's hand: Space holds the tour's clock and the scan together,
/// PageDown / PageUp (and `.` / `,`) change scene.
final class TourPresenterTests: XCTestCase {
    private func touring(loop: Bool = true) throws -> AppState {
        var s = try AppState(image: BuiltinImages.named("checker")!, kernel: Kernel.preset(named: "identity")!)
        s.update(.startTour(.builtin, loop: loop))
        return s
    }

    func testSpaceHoldsTheTourAndTheScanTogether() throws {
        var s = try touring()
        s.update(.tick(seconds: 3))
        let held = (scene: s.tour!.sceneIndex, time: s.tour!.timeInScene, position: s.scan.position)
        XCTAssertTrue(s.clock.isPlaying)
        s.update(.togglePlay)
        XCTAssertEqual(s.tour?.isHeld, true)
        XCTAssertFalse(s.clock.isPlaying)
        XCTAssertNotNil(s.caption, "the caption stays while held")
        s.update(.tick(seconds: 100))
        XCTAssertEqual(s.tour?.sceneIndex, held.scene, "no scene change while held")
        XCTAssertEqual(s.tour?.timeInScene, held.time)
        XCTAssertEqual(s.scan.position, held.position)
        s.update(.togglePlay)
        XCTAssertEqual(s.tour?.isRunning, true)
        XCTAssertTrue(s.clock.isPlaying, "the scan plays again as it did")
        s.update(.tick(seconds: 1))
        XCTAssertEqual(s.tour?.timeInScene ?? 0, held.time + 1, accuracy: 1e-9, "the scene goes on, not from its start")
    }

    func testHoldingAStillSceneKeepsItsScanStillAfterwards() throws {
        var s = try touring()
        s.update(.tick(seconds: 15))   // scene 2 (vertical edges) has scanned to its end by then? not yet
        s.update(.tick(seconds: 16))   // well into scene 2, which holds its finished map
        XCTAssertEqual(s.tour?.sceneIndex, 1)
        XCTAssertFalse(s.clock.isPlaying)
        s.update(.togglePlay)
        s.update(.togglePlay)
        XCTAssertFalse(s.clock.isPlaying, "a held scan stays stopped")
        XCTAssertEqual(s.tour?.isRunning, true)
    }

    func testPageDownAndUpChangeScene() throws {
        var s = try touring()
        let scenes = Tour.builtin.scenes
        s.update(.nextScene)
        XCTAssertEqual(s.tour?.sceneIndex, 1)
        XCTAssertEqual(s.caption, scenes[1].caption)
        XCTAssertEqual(s.kernel, scenes[1].kernel)
        XCTAssertEqual(s.tour?.timeInScene, 0)
        s.update(.nextScene)
        s.update(.previousScene)
        XCTAssertEqual(s.tour?.sceneIndex, 1)
        s.update(.previousScene)
        s.update(.previousScene)
        XCTAssertEqual(s.tour?.sceneIndex, scenes.count - 1, "a looping tour wraps around")
        XCTAssertEqual(s.caption, scenes.last!.caption)
    }

    func testChangingSceneWhileHeldStaysHeld() throws {
        var s = try touring()
        s.update(.togglePlay)
        s.update(.nextScene)
        XCTAssertEqual(s.tour?.sceneIndex, 1)
        XCTAssertEqual(s.tour?.isHeld, true)
        XCTAssertFalse(s.clock.isPlaying)
        s.update(.tick(seconds: 50))
        XCTAssertEqual(s.tour?.sceneIndex, 1)
        s.update(.togglePlay)
        XCTAssertTrue(s.clock.isPlaying, "the new scene's scan plays once the presenter goes on")
    }

    func testAToursThatDoesNotLoopStopsAtItsEnds() throws {
        var s = try touring(loop: false)
        s.update(.previousScene)
        XCTAssertEqual(s.tour?.sceneIndex, 0)
        for _ in 0..<40 { s.update(.nextScene) }
        XCTAssertEqual(s.tour?.sceneIndex, Tour.builtin.scenes.count - 1)
    }

    func testSceneKeysWithoutATourSaySo() throws {
        var s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!)
        s.update(.nextScene)
        XCTAssertEqual(s.message, "no tour is playing: t starts it")
    }

    func testSceneKeys() {
        XCTAssertEqual(KeyMap.action(key: "Next", modifiers: []), .nextScene)
        XCTAssertEqual(KeyMap.action(key: "Prior", modifiers: []), .previousScene)
        XCTAssertEqual(KeyMap.action(key: "period", modifiers: []), .nextScene)
        XCTAssertEqual(KeyMap.action(key: "comma", modifiers: []), .previousScene)
    }

    /// A kiosk visitor's first key pauses the tour and the scan; `s` says saving is off.
    func testKioskVisitorFindsTheScanPausedAndSavingOff() throws {
        var s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!)
        var kiosk = Kiosk(tour: .builtin)
        for a in kiosk.startActions { s.update(a) }
        XCTAssertTrue(s.clock.isPlaying)
        for a in kiosk.key("Right", modifiers: [], in: s, at: 1) { s.update(a) }
        XCTAssertFalse(s.clock.isPlaying, "the first key pauses the scan")
        XCTAssertEqual(s.tour?.isRunning, false)
        XCTAssertEqual(kiosk.key("s", modifiers: [], in: s, at: 2), [.showInfo(Kiosk.savingOff)])
        XCTAssertEqual(kiosk.key("Escape", modifiers: [], in: s, at: 3), [], "nothing open: Esc would quit, so nothing")
        s.update(.toggleHelp)
        XCTAssertEqual(kiosk.key("Escape", modifiers: [], in: s, at: 4), [.escape], "Esc still closes the help")
    }
}
