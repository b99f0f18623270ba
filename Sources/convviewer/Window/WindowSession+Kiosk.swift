import CX11
import ConvModel

/// Keys, clicks and motion on their way to the model, and kiosk mode's timers.
///
/// Outside kiosk mode keys go through the key map and the pointer straight to the model. In kiosk
/// mode `Kiosk` decides first (the tour's visitor rules), the cursor hides 3 s after the mouse
/// stops, and the X screen saver is reset on a timer so the display never blanks. A change of
/// screen size is followed in both (a fullscreen window fills the new screen).
extension WindowSession {
    /// How long the kiosk's greeting stays on screen.
    static let welcomeSeconds = 6.0

    /// Sets up kiosk mode once the window is mapped: the looping tour, the hidden cursor, the
    /// screen saver held off. Every window watches the screen's size.
    func startKiosk() {
        x.watchScreenSize()
        guard let k = kiosk else { return }
        for action in k.startActions { dispatch(action) }
        updateWindowDecorations()
        holdOffScreenSaver(now: Monotonic.now())
    }

    /// The earliest of the kiosk's deadlines: the idle return, hiding the cursor, the screen saver.
    var kioskDeadline: Double? {
        [kiosk?.idleDeadline, cursorAutoHide?.hideDeadline, screenSaverDeadline].compactMap { $0 }.min()
    }

    func handleKioskDeadlines(now: Double) {
        if var k = kiosk {
            let back = k.idle(in: state, at: now)
            kiosk = k
            if !back.isEmpty {
                trace?.note("kiosk: back to the tour")
                for action in back { dispatch(action) }
            }
        }
        if var c = cursorAutoHide {
            let hide = c.check(at: now)
            cursorAutoHide = c
            if hide {
                updateWindowDecorations()
                trace?.note("cursor hidden")
            }
        }
        if let d = screenSaverDeadline, now >= d { holdOffScreenSaver(now: now) }
    }

    /// Reads what the tour's network scenes need, the first time the tour starts (`t`); a problem
    /// is shown on screen and those scenes say what is missing.
    private func loadTourNetwork() {
        do {
            for action in try TourNetworkLoader.actions(for: tour, in: state) { dispatch(action) }
        } catch {
            dispatch(.showMessage("\(error)"))
        }
    }

    private func holdOffScreenSaver(now: Double) {
        let timeout = x.holdOffScreenSaver()
        screenSaverDeadline = now + ScreenSaverHold.interval(serverTimeout: timeout)
        trace?.note("screen saver reset (server timeout \(timeout) s)")
    }

    func keyPressed(_ event: XKeyEvent) {
        let chord = keys.chord(for: event)
        if var k = kiosk {
            // Every key counts as a visitor's, even one the tables do not know (it wakes the kiosk).
            let actions = k.key(chord?.key ?? "", modifiers: chord?.modifiers ?? [], in: state, at: Monotonic.now())
            kiosk = k
            dispatchFromKiosk(actions)
            return
        }
        if let c = chord, learnKey(c.key) { return }
        guard let c = chord, var action = KeyMap.action(key: c.key, modifiers: c.modifiers, in: state) else { return }
        // `t` plays `--tour-file`'s tour when one was given.
        if action == .toggleTour, state.tour == nil {
            loadTourNetwork()
            action = .startTour(tour, loop: true)
        }
        dispatch(action)
    }

    func buttonPressed(_ event: PointerEvent) {
        if var k = kiosk {
            let now = Monotonic.now()
            showCursor(now: now)
            let instead = k.press(in: state, at: now)
            kiosk = k
            if let actions = instead {
                dispatchFromKiosk(actions)
                return
            }
        }
        dispatch(.pointer(event))
    }

    func pointerMoved(x px: Double, y py: Double) {
        if var k = kiosk {
            let now = Monotonic.now()
            showCursor(now: now)
            let passOn = k.moved(in: state, at: now)
            kiosk = k
            if !passOn { return }
        }
        dispatch(.pointer(.moved(x: px, y: py)))
    }

    private func showCursor(now: Double) {
        guard var c = cursorAutoHide else { return }
        let shown = c.moved(at: now)
        cursorAutoHide = c
        if shown {
            updateWindowDecorations()
            trace?.note("cursor shown")
        }
    }

    private func dispatchFromKiosk(_ actions: [Action]) {
        for action in actions { dispatch(action) }
        if actions.contains(.pauseTour) { trace?.note("kiosk: tour paused for a visitor") }
        if actions.contains(.showInfo(Kiosk.welcome)) || actions.contains(.showInfo(Kiosk.savingOff)) {
            messageDeadline = Monotonic.now() + WindowSession.welcomeSeconds
        }
    }

    /// The root window changed size: a fullscreen window fills the new screen.
    func screenResized(width: Int, height: Int) {
        guard x.screenResized(width: width, height: height) else { return }
        trace?.note("screen is now \(width)x\(height)")
        window.refitFullscreen(screenWidth: width, screenHeight: height)
    }

    /// A kiosk with no window manager takes the keyboard itself once it can (a mapped window).
    func windowMapped() {
        if kiosk != nil, !x.hasWindowManager() { window.takeFocus() }
    }
}
