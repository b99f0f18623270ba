import CX11
import ConvModel

/// The event loop, in the manner of nsxiv and st: one thread; drain what Xlib has queued, else
/// `ppoll` on the connection until the next absolute deadline; draw at most once per turn.
///
/// Deadlines: the next tick while the scan plays or the tour runs (at the frame rate), the end of
/// a transient message, and in kiosk mode the idle return, hiding the cursor and resetting the
/// screen saver (`WindowSession+Kiosk.swift`). Paused and idle outside kiosk mode, the wait has no
/// timeout at all, so the process makes no wake-ups until an event arrives.
extension WindowSession {
    func run() -> Int32 {
        window.map()
        startKiosk()
        while running {
            drainEvents()
            mapWorker?.deliver(adopt: adopt, dispatch: dispatch)
            deliverLearnSnapshot()
            handleDeadlines()
            if !running { break }
            if dirty { drawFrame() }
            if XPending(x.display) == 0 {
                Monotonic.wait(readable: x.fileDescriptor, until: nextDeadline, wakeFDs: [mapWorker?.wakeFD, learnWorker?.wakeFD].compactMap { $0 })
            }
        }
        return exitCode
    }

    /// Whether anything on screen moves by itself right now: the scan playing, or the guided
    /// tour running (ticks drive both); not behind the learn view, which shows neither (its
    /// training thread wakes the loop itself).
    var isAnimating: Bool {
        state.learn?.isShown != true && (state.clock.isPlaying || state.tour?.isRunning == true)
    }

    private var nextDeadline: Double? {
        let tick = isAnimating ? nextTick : nil
        return [tick, messageDeadline, kioskDeadline].compactMap { $0 }.min()
    }

    private func handleDeadlines() {
        let now = Monotonic.now()
        if let m = messageDeadline, now >= m {
            messageDeadline = nil
            dispatch(.dismissMessage)
        }
        handleKioskDeadlines(now: now)
        guard isAnimating else {
            lastTick = nil
            return
        }
        guard let last = lastTick else {
            // Playing starts now: the first tick is one interval away, so nothing jumps.
            lastTick = now
            nextTick = now + frameInterval
            return
        }
        guard now >= nextTick else { return }
        lastTick = now
        // Absolute deadlines keep the pace; after a stall, start over rather than burst.
        nextTick += frameInterval
        if nextTick <= now { nextTick = now + frameInterval }
        dispatch(.tick(seconds: now - last))
        // A tour scene holding a still picture needs no frames until its next scene or cue.
        if !state.clock.isPlaying, let wait = state.tour?.secondsToNextEvent, now + wait > nextTick {
            nextTick = now + wait
        }
    }

    /// Events handled before a frame is drawn, at most; the rest wait for the next slice.
    static let maxEventsPerSlice = 256
    /// The least time between two screenshots (a held `s`).
    static let screenshotSpacing = 0.5

    /// Handles queued events in a bounded slice — at most `maxEventsPerSlice` of them, or a frame
    /// interval's work — so that input arriving faster than it is handled cannot starve the
    /// screen: the loop draws, then comes back for the rest without waiting. Runs of MotionNotify
    /// become one move (the last position) and ConfigureNotify only the final size, so a fast
    /// mouse or a live resize never lags behind; a held key's repeats are thinned (`KeyRepeat`).
    private func drainEvents() {
        var motion: (x: Double, y: Double)?
        var size: (width: Int, height: Int)?
        var exposed = false
        var event = XEvent()
        let sliceEnd = Monotonic.now() + frameInterval
        var handled = 0
        keyRepeat.newSlice()
        while running, XPending(x.display) > 0 {
            if handled >= WindowSession.maxEventsPerSlice || (handled % 16 == 15 && Monotonic.now() >= sliceEnd) { break }
            XNextEvent(x.display, &event)
            handled += 1
            let type = event.type
            if type == MotionNotify {
                motion = (Double(event.xmotion.x), Double(event.xmotion.y))
                continue
            }
            if let m = motion {
                // Keep the order: a move before a click is handled before the click.
                motion = nil
                pointerMoved(x: m.x, y: m.y)
            }
            switch type {
            case Expose:
                if event.xexpose.count == 0 { exposed = true }
            case ConfigureNotify:
                if event.xconfigure.window == x.root {
                    screenResized(width: Int(event.xconfigure.width), height: Int(event.xconfigure.height))
                } else if event.xconfigure.window == window.id {
                    size = (Int(event.xconfigure.width), Int(event.xconfigure.height))
                }
            case MapNotify:
                if event.xmap.window == window.id { windowMapped() }
            case KeyPress:
                let verdict = keyRepeat.pressed(event.xkey.keycode, busy: mapWorker?.isBusy == true)
                if verdict != .press { trace?.note(verdict == .repeatDropped ? "key repeat dropped" : "key repeat handled") }
                if verdict == .repeatDropped { continue }
                trace?.inputArrived()
                handlingRepeat = verdict == .repeatHandled
                keyPressed(event.xkey)
                handlingRepeat = false
                if !dirty { trace?.inputMadeNoFrame() }
            case KeyRelease:
                if !isRepeatRelease(event.xkey) { keyRepeat.released(event.xkey.keycode) }
            case ButtonPress:
                trace?.inputArrived()
                if let p = WindowSession.pointerEvent(event.xbutton, pressed: true) { buttonPressed(p) }
                if !dirty { trace?.inputMadeNoFrame() }
            case ButtonRelease:
                if let p = WindowSession.pointerEvent(event.xbutton, pressed: false) { dispatch(.pointer(p)) }
            case LeaveNotify:
                // Leaves caused by grabs (a drag going outside) are not the pointer leaving.
                if event.xcrossing.mode == NotifyNormal { dispatch(.pointer(.left)) }
            case ClientMessage:
                if window.isCloseRequest(event.xclient) {
                    // A kiosk quits only on Ctrl+Alt+Q (or q and Esc with --allow-quit): Alt+F4
                    // or a window manager's close button must not end the exhibit.
                    if let k = kiosk, !k.allowQuit {
                        trace?.note("kiosk: window manager close ignored")
                        break
                    }
                    running = false
                    exitCode = 0
                }
            case DestroyNotify:
                if event.xdestroywindow.window == window.id {
                    windowGone = true
                    running = false
                    exitCode = 0
                }
            default:
                break
            }
        }
        if let m = motion { pointerMoved(x: m.x, y: m.y) }
        if let s = size, s.width != state.windowWidth || s.height != state.windowHeight {
            dispatch(.resize(width: s.width, height: s.height))
        }
        if exposed { reshowFrame() }
    }

    /// Without detectable auto-repeat, a repeat is a release followed at once by a press of the
    /// same key with the same time stamp: that release is not the key going up.
    private func isRepeatRelease(_ release: XKeyEvent) -> Bool {
        guard XEventsQueued(x.display, QueuedAfterReading) > 0 else { return false }
        var next = XEvent()
        XPeekEvent(x.display, &next)
        return next.type == KeyPress && next.xkey.keycode == release.keycode && next.xkey.time == release.time
    }

    /// Buttons 1–3 press and release; the wheel (4 up, 5 down) presses only, coarse with Shift.
    static func pointerEvent(_ e: XButtonEvent, pressed: Bool) -> PointerEvent? {
        let x = Double(e.x), y = Double(e.y)
        let coarse = e.state & UInt32(ShiftMask) != 0
        switch e.button {
        case UInt32(Button4): return pressed ? .scrolled(x: x, y: y, steps: 1, coarse: coarse) : nil
        case UInt32(Button5): return pressed ? .scrolled(x: x, y: y, steps: -1, coarse: coarse) : nil
        default:
            let button: PointerButton
            switch e.button {
            case UInt32(Button1): button = .primary
            case UInt32(Button2): button = .middle
            case UInt32(Button3): button = .secondary
            default: return nil
            }
            return pressed ? .pressed(x: x, y: y, button: button) : .released(x: x, y: y, button: button)
        }
    }
}
