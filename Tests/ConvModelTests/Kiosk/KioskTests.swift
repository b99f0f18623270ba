import XCTest
import ConvModel

/// Kiosk mode's rules (`Kiosk`): the tour loops until a visitor's key or click, the visitor gets
/// the controls, and the tour comes back after the idle timeout with what they changed undone.
final class KioskTests: XCTestCase {
    private func touring(_ kiosk: Kiosk) throws -> AppState {
        var s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!)
        for a in kiosk.startActions { s.update(a) }
        return s
    }

    private func apply(_ actions: [Action], to s: inout AppState) -> [Effect] {
        actions.flatMap { s.update($0) }
    }

    func testStartsTheTourLooping() throws {
        let kiosk = Kiosk(tour: .builtin)
        let s = try touring(kiosk)
        XCTAssertEqual(s.tour?.isRunning, true)
        XCTAssertEqual(s.tour?.loops, true)
        XCTAssertEqual(s.caption, Tour.builtin.scenes[0].caption)
        XCTAssertNil(kiosk.idleDeadline, "nobody is using it yet")
    }

    /// The waking key only pauses the tour and the scan, and greets: `f` does not change the filter.
    func testTheWakingKeyOnlyPausesTheTour() throws {
        var kiosk = Kiosk(tour: .builtin, idleTimeout: 90)
        var s = try touring(kiosk)
        let kernel = s.kernel
        let actions = kiosk.key("f", modifiers: [], in: s, at: 100)
        XCTAssertEqual(actions, [.pauseTour, .setPlaying(false), .showInfo(Kiosk.welcome)])
        _ = apply(actions, to: &s)
        XCTAssertEqual(s.tour?.isRunning, false)
        XCTAssertFalse(s.clock.isPlaying, "the visitor finds the scan paused")
        XCTAssertNil(s.caption)
        XCTAssertEqual(s.kernel, kernel)
        XCTAssertEqual(kiosk.idleDeadline, 190)
        // Now the key does what it says.
        _ = apply(kiosk.key("f", modifiers: [], in: s, at: 101), to: &s)
        XCTAssertNotEqual(s.kernel, kernel)
        XCTAssertEqual(kiosk.idleDeadline, 191, "each input pushes the deadline on")
    }

    /// A key the tables do not know (the window passes "") still wakes the kiosk.
    func testAnyKeyWakes() throws {
        var kiosk = Kiosk(tour: .builtin)
        let s = try touring(kiosk)
        XCTAssertEqual(kiosk.key("", modifiers: [], in: s, at: 5), [.pauseTour, .setPlaying(false), .showInfo(Kiosk.welcome)])
    }

    func testAClickWakesAndIsSwallowedThenPassesOn() throws {
        var kiosk = Kiosk(tour: .builtin)
        var s = try touring(kiosk)
        let woken = try XCTUnwrap(kiosk.press(in: s, at: 10))
        _ = apply(woken, to: &s)
        XCTAssertEqual(s.tour?.isRunning, false)
        XCTAssertNil(kiosk.press(in: s, at: 11), "the next click goes to the model")
        XCTAssertEqual(kiosk.idleDeadline, 11 + Kiosk.defaultIdleTimeout)
    }

    /// Motion while the tour plays shows nothing to the model and does not wake it; in a visitor's
    /// hands it keeps the controls.
    func testMotion() throws {
        var kiosk = Kiosk(tour: .builtin, idleTimeout: 10)
        var s = try touring(kiosk)
        XCTAssertFalse(kiosk.moved(in: s, at: 1))
        XCTAssertNil(kiosk.idleDeadline)
        _ = apply(kiosk.key("space", modifiers: [], in: s, at: 2), to: &s)
        XCTAssertTrue(kiosk.moved(in: s, at: 7))
        XCTAssertEqual(kiosk.idleDeadline, 17)
    }

    func testQuitKeysAreOffButTheChordQuits() throws {
        var kiosk = Kiosk(tour: .builtin)
        var s = try touring(kiosk)
        _ = apply(kiosk.key("space", modifiers: [], in: s, at: 1), to: &s)
        for key in ["q", "Escape", "F11"] {
            XCTAssertEqual(kiosk.key(key, modifiers: [], in: s, at: 2), [], key)
        }
        XCTAssertEqual(kiosk.key("s", modifiers: [], in: s, at: 2), [.showInfo(Kiosk.savingOff)], "s only says so")
        XCTAssertEqual(kiosk.key("q", modifiers: [.control, .alt], in: s, at: 3), [.quit])
        XCTAssertEqual(kiosk.key("Q", modifiers: [.control, .alt], in: s, at: 3), [.quit], "with Shift too")
        XCTAssertEqual(kiosk.key("q", modifiers: [.control], in: s, at: 3), [])
        // The chord quits even while the tour plays (it does not just wake the kiosk).
        let fresh = try touring(kiosk)
        var other = Kiosk(tour: .builtin)
        XCTAssertEqual(other.key("q", modifiers: [.control, .alt], in: fresh, at: 0), [.quit])
    }

    func testAllowQuitGivesQAndEscapeBack() throws {
        var kiosk = Kiosk(tour: .builtin, allowQuit: true)
        var s = try touring(kiosk)
        _ = apply(kiosk.key("space", modifiers: [], in: s, at: 1), to: &s)
        XCTAssertEqual(kiosk.key("q", modifiers: [], in: s, at: 2), [.askToQuit])
        XCTAssertEqual(kiosk.key("Escape", modifiers: [], in: s, at: 2), [.escape])
        XCTAssertEqual(s.update(.escape), [.quit], "nothing open, nothing unsaved: it quits")
        XCTAssertEqual(kiosk.key("s", modifiers: [], in: s, at: 2), [.showInfo(Kiosk.savingOff)], "s still writes no files")
    }

    /// Esc with a weight selected still lets go of it (it is not a quit then).
    func testEscapeStillDeselectsAWeight() throws {
        var kiosk = Kiosk(tour: .builtin)
        var s = try touring(kiosk)
        _ = apply(kiosk.key("space", modifiers: [], in: s, at: 1), to: &s)
        s.update(.selectWeight(row: 0, col: 0))
        XCTAssertEqual(kiosk.key("Escape", modifiers: [], in: s, at: 2), [.escape])
        XCTAssertEqual(s.update(.escape), [])
        XCTAssertNil(s.kernelEditor.selected)
    }

    /// After the idle timeout the tour resumes, and what the visitor changed is undone.
    func testIdleReturnsToTheTourAndUndoesTheVisitor() throws {
        var kiosk = Kiosk(tour: .builtin, idleTimeout: 2)
        var s = try touring(kiosk)
        _ = apply(kiosk.key("Right", modifiers: [], in: s, at: 10), to: &s)
        let visitorKeys = ["h", "o", "e", "bracketright", "i", "f", "d", "x", "k"]
        for k in visitorKeys { _ = apply(kiosk.key(k, modifiers: [], in: s, at: 10.5), to: &s) }
        s.update(.selectWeight(row: 1, col: 1))
        let p = FrameLayout(state: s).mapping(.conv, in: s).cellRect(row: 0, col: 0)
        s.update(.pointer(.scrolled(x: p.midX, y: p.midY, steps: 3)))
        XCTAssertTrue(s.view.showHelp && s.view.showCode && s.painter.isOn)
        XCTAssertEqual(kiosk.idle(in: s, at: 12.4), [], "not yet")
        let back = kiosk.idle(in: s, at: 12.5)
        XCTAssertEqual(back.last, .resumeTour)
        _ = apply(back, to: &s)
        XCTAssertNil(kiosk.idleDeadline)
        XCTAssertEqual(s.tour?.isRunning, true)
        XCTAssertFalse(s.view.showHelp)
        XCTAssertFalse(s.view.showCode)
        XCTAssertFalse(s.painter.isOn)
        XCTAssertEqual(s.painter.brush, 1)
        XCTAssertNil(s.kernelEditor.selected)
        XCTAssertNil(s.hover)
        XCTAssertNil(s.message)
        XCTAssertEqual(s.panels, Array(repeating: PanelView(), count: 3))
        let scene = Tour.builtin.scenes[0]
        XCTAssertEqual(s.image, scene.image)
        XCTAssertEqual(s.kernel, scene.kernel)
        XCTAssertEqual(s.settings, scene.settings)
        XCTAssertEqual(s.caption, scene.caption)
    }

    /// A visitor's edits leave with them: after the tour comes back, the next visitor has nothing
    /// to undo or redo, and nothing counts as unsaved.
    func testTheNextVisitorCannotUndoIntoTheLastOnesEdits() throws {
        var kiosk = Kiosk(tour: .builtin, idleTimeout: 2)
        var s = try touring(kiosk)
        _ = apply(kiosk.key("space", modifiers: [], in: s, at: 1), to: &s)
        // Paint a cell, edit a weight, then undo one of the two so there is a redo step too.
        s.update(.togglePaintMode)
        let p = FrameLayout(state: s).mapping(.input, in: s).cellRect(row: 5, col: 5)
        for e in [PointerEvent.pressed(x: p.midX, y: p.midY, button: .primary), .released(x: p.midX, y: p.midY, button: .primary)] {
            s.update(.pointer(e))
        }
        s.update(.selectWeight(row: 0, col: 0))
        s.update(.nudgeWeight(steps: 1, coarse: false))
        s.update(.undo)
        XCTAssertTrue(s.history.canUndo && s.history.canRedo)
        XCTAssertTrue(s.unsaved.painting)

        _ = apply(kiosk.idle(in: s, at: 10), to: &s)
        XCTAssertFalse(s.history.canUndo)
        XCTAssertFalse(s.history.canRedo)
        XCTAssertTrue(s.unsaved.isEmpty)
        // The next visitor wakes the kiosk and presses u: there is nothing to take back.
        _ = apply(kiosk.key("space", modifiers: [], in: s, at: 20), to: &s)
        let before = s.image
        _ = apply(kiosk.key("u", modifiers: [], in: s, at: 21), to: &s)
        XCTAssertEqual(s.image, before)
        XCTAssertEqual(s.message, "nothing to undo")
    }

    /// `t` in the visitor's hands goes back to the tour at once; the idle timer stops.
    func testTGoesBackToTheTour() throws {
        var kiosk = Kiosk(tour: .builtin)
        var s = try touring(kiosk)
        _ = apply(kiosk.key("space", modifiers: [], in: s, at: 1), to: &s)
        _ = apply(kiosk.key("t", modifiers: [], in: s, at: 2), to: &s)
        XCTAssertEqual(s.tour?.isRunning, true)
        XCTAssertNil(kiosk.idleDeadline)
    }

    /// A drag in progress when the visitor leaves is ended, not left hanging.
    func testIdleEndsADrag() throws {
        var kiosk = Kiosk(tour: .builtin, idleTimeout: 1)
        var s = try touring(kiosk)
        _ = apply(kiosk.press(in: s, at: 0) ?? [], to: &s)
        s.update(.togglePaintMode)
        let p = FrameLayout(state: s).mapping(.input, in: s).cellRect(row: 3, col: 3)
        XCTAssertNil(kiosk.press(in: s, at: 0.5))
        s.update(.pointer(.pressed(x: p.midX, y: p.midY, button: .secondary)))
        XCTAssertNotNil(s.drag)
        _ = apply(kiosk.idle(in: s, at: 2), to: &s)
        XCTAssertNil(s.drag)
        XCTAssertEqual(s.tour?.isRunning, true)
    }

    /// With no tour left (a visitor stopped it some other way), idle starts it from the beginning.
    func testIdleWithNoTourStartsIt() throws {
        var kiosk = Kiosk(tour: .builtin, idleTimeout: 1)
        var s = try touring(kiosk)
        _ = apply(kiosk.key("space", modifiers: [], in: s, at: 0), to: &s)
        s.update(.stopTour)
        _ = apply(kiosk.idle(in: s, at: 5), to: &s)
        XCTAssertEqual(s.tour?.isRunning, true)
        XCTAssertEqual(s.tour?.sceneIndex, 0)
    }

    func testABadTimeoutFallsBackToTheDefault() {
        XCTAssertEqual(Kiosk(tour: .builtin, idleTimeout: 0).idleTimeout, Kiosk.defaultIdleTimeout)
        XCTAssertEqual(Kiosk(tour: .builtin, idleTimeout: .nan).idleTimeout, Kiosk.defaultIdleTimeout)
        XCTAssertEqual(Kiosk(tour: .builtin, idleTimeout: 2.5).idleTimeout, 2.5)
    }

    // MARK: the cursor and the screen saver

    func testCursorShowsWhileMovingAndHidesThreeSecondsLater() {
        var c = CursorAutoHide()
        XCTAssertTrue(c.isHidden)
        XCTAssertNil(c.hideDeadline, "hidden: no deadline, no wake-ups")
        XCTAssertTrue(c.moved(at: 10))
        XCTAssertFalse(c.isHidden)
        XCTAssertFalse(c.moved(at: 11), "already showing")
        XCTAssertEqual(c.hideDeadline, 14)
        XCTAssertFalse(c.check(at: 13.9))
        XCTAssertTrue(c.check(at: 14))
        XCTAssertTrue(c.isHidden)
        XCTAssertNil(c.hideDeadline)
        XCTAssertFalse(c.check(at: 20))
    }

    func testScreenSaverResetInterval() {
        XCTAssertEqual(ScreenSaverHold.interval(serverTimeout: 600), 30)
        XCTAssertEqual(ScreenSaverHold.interval(serverTimeout: 0), 30)
        XCTAssertEqual(ScreenSaverHold.interval(serverTimeout: -1), 30)
        XCTAssertEqual(ScreenSaverHold.interval(serverTimeout: 10), 5)
        XCTAssertEqual(ScreenSaverHold.interval(serverTimeout: 1), 1)
        // Property: a reset always lands before a saver with a timeout of 2 s or more starts.
        for t in 2...2000 { XCTAssertLessThan(ScreenSaverHold.interval(serverTimeout: t), Double(t)) }
    }
}
