import CCairo
import CX11
import ConvModel
import ConvRender
import Foundation

/// One open window and the app state it shows: actions in, frames out.
///
/// Everything here runs on the main thread, the only one that touches Xlib. The loop itself
/// (waiting, events, ticks) is in `WindowSession+Loop.swift`.
final class WindowSession {
    private(set) var state: AppState
    let x: XConnection
    let window: AppWindow
    let keys = KeyTranslation()
    /// Keeps coloured map images and glyphs between frames.
    let renderer = FrameRenderer()
    /// Seconds between ticks while something moves.
    let frameInterval: Double
    let sharedMemory: Bool
    let gc: GC
    var buffer: BackBuffer?
    /// The state whose frame the back buffer holds; nil when it holds none.
    var shown: AppState?
    /// With `CONVVIEWER_DAMAGE=1`, outlines what each frame drew again.
    let damageOutline = DamageOutline.fromEnvironment()
    /// The state changed since the last frame was drawn.
    var dirty = true
    var running = true
    var exitCode: Int32 = 0
    /// The window was destroyed under us: nothing left to free on the server.
    var windowGone = false
    /// Time of the previous tick while playing; nil while paused.
    var lastTick: Double?
    var nextTick = 0.0
    /// When the shell's own message ("saved …") goes away again.
    var messageDeadline: Double?
    /// Off-thread recomputation of the maps on large images.
    var mapWorker: MapWorker?
    /// The learn view's training thread, once `L` has opened it (its view is `state.learn`).
    var learnWorker: LearnWorker?
    let learnRenderer = LearnRenderer()
    let trace: FrameTrace?
    /// The tour `t` plays (the built-in one, or `--tour-file`'s).
    let tour: Tour
    /// The last `trace: layout` line written.
    var lastTracedLayout: String?
    /// Kiosk mode's rules, when `--kiosk` is on (see `WindowSession+Kiosk.swift`).
    var kiosk: Kiosk?
    /// Kiosk mode hides the pointer until the mouse moves.
    var cursorAutoHide: CursorAutoHide?
    /// When kiosk mode next resets the X screen saver.
    var screenSaverDeadline: Double?
    var keyRepeat = KeyRepeat()
    /// When the last screenshot was written: a held `s` writes at most two a second.
    var lastScreenshotAt: Double?
    /// True while the key being handled is an auto-repeat (of a held key).
    var handlingRepeat = false

    init(state: AppState, connection: XConnection, window: AppWindow, fps: Double, sharedMemory: Bool = true,
         tour: Tour = .builtin, kiosk: Kiosk? = nil) {
        self.state = state
        x = connection
        self.window = window
        self.tour = tour
        self.kiosk = kiosk
        if kiosk != nil { cursorAutoHide = CursorAutoHide() }
        frameInterval = 1 / fps
        self.sharedMemory = sharedMemory && BackBuffer.isSupported(window.visual, depth: window.depth)
        gc = XCreateGC(connection.display, window.id, 0, nil)
        trace = FrameTrace.fromEnvironment()
        mapWorker = MapWorker()
        updateWindowDecorations()
    }

    deinit {
        // The training thread finishes its batch and ends.
        learnWorker?.stop()
        buffer = nil
        XFreeGC(x.display, gc)
        if !windowGone { XDestroyWindow(x.display, window.id) }
    }

    // MARK: actions

    /// Applies an action, marks the frame dirty when the state changed, and carries out the effects.
    func dispatch(_ action: Action) {
        // The learn view covers the panels: `update` ignores the pointer under it, and the map
        // worker must not take it first.
        if case .pointer = action, state.learn?.isShown == true { return }
        // Recomputing the maps of a large image would stall the window: it happens off the main
        // thread and comes back through `adopt`; until then the old maps stay on screen.
        if let worker = mapWorker, worker.intercept(action, state: state) { return }
        let before = state
        let effects = state.update(action)
        stateChanged(from: before)
        for effect in effects { perform(effect) }
    }

    /// Takes the state the map worker computed.
    func adopt(_ rebuilt: AppState, seconds: Double) {
        let t0 = Monotonic.now()
        let before = state
        state = state.adopting(rebuilt)
        stateChanged(from: before)
        trace?.note(String(format: "maps rebuilt off the main thread in %.1f ms, adopted in %.1f ms",
                           seconds * 1000, (Monotonic.now() - t0) * 1000))
    }

    private func stateChanged(from before: AppState) {
        if state != before {
            if !FrameRenderer.drawsSameFrame(before, state, width: state.windowWidth, height: state.windowHeight) {
                dirty = true
            }
            if state.message != before.message { messageDeadline = nil }
            updateWindowDecorations()
        }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            running = false
            exitCode = 0
        case .toggleFullscreen:
            window.toggleFullscreen()
        case .saveScreenshot:
            saveScreenshot()
        case .savePaintedInput:
            do {
                let name = try PaintedInputFile.save(state.image.grid)
                dispatch(.paintingSaved)
                dispatch(.showInfo("saved \(name)"))
                messageDeadline = Monotonic.now() + 4
            } catch {
                dispatch(.showMessage("\(error)"))
            }
        case .loadNetwork:
            do {
                dispatch(.setNetworkSource(try NetworkLoader.load(nil)))
                dispatch(.toggleNetwork)
            } catch {
                dispatch(.showMessage("\(error)"))
            }
        case .startLearning, .sendToLearning, .pauseLearning, .saveTrainedWeights, .loadNetworkForLearning:
            performLearn(effect)
        }
    }

    private func saveScreenshot() {
        let now = Monotonic.now()
        if handlingRepeat, let last = lastScreenshotAt, now - last < WindowSession.screenshotSpacing {
            dispatch(.showInfo("s held: saving at most 2 screenshots a second"))
            messageDeadline = now + 2
            return
        }
        lastScreenshotAt = now
        // The frame is drawn again from the state rather than read back from the buffer, so a
        // screenshot is never half of a frame, whatever the server is doing with the buffer.
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(state.windowWidth), Int32(state.windowHeight))!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        renderer.draw(state, into: cr, width: state.windowWidth, height: state.windowHeight)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        do {
            let name = try Screenshot.save(surface)
            dispatch(.showInfo("saved \(name)"))
            messageDeadline = Monotonic.now() + 4
        } catch {
            dispatch(.showMessage("\(error)"))
        }
    }

    /// Title (with the input and filter) and cursor follow the state.
    func updateWindowDecorations() {
        window.setTitle(WindowSession.title(for: state))
        if cursorAutoHide?.isHidden == true {
            window.setCursor(.hidden)
        } else if state.drag?.moved == true, state.drag?.isScrub != true {
            window.setCursor(.move)
        } else {
            window.setCursor(state.hover != nil ? .crosshair : .normal)
        }
    }

    /// `convviewer — face · vertical edges`, and while a tour is on, its scene (`· tour: Blur`,
    /// `· tour: Blur, held` while the presenter holds it) or that it waits for a visitor (`· tour paused`): something a person and the e2e tests can read.
    static func title(for state: AppState) -> String {
        var title = "convviewer — \(state.image.name) · \(state.kernel.label)"
        if let tour = state.tour {
            if tour.isRunning, let scene = tour.scene {
                title += " · tour: \(scene.caption.title)"
            } else if tour.isHeld, let scene = tour.scene {
                title += " · tour: \(scene.caption.title), held"
            } else {
                title += " · tour paused"
            }
        }
        if let mode = state.network {
            title += " · predicted: \(mode.source.classes[mode.pass.predicted])"
            if let stage = mode.openStage { title += " · stage: \(NetStages.names[stage])" }
        }
        return title
    }

    // MARK: frames

    /// Draws into the back buffer what changed since the frame it holds (`FrameRenderer.damage`),
    /// or the whole frame, and copies just that onto the window.
    func drawFrame() {
        let w = state.windowWidth, h = state.windowHeight
        if buffer?.width != w || buffer?.height != h {
            // The old buffer (and its shared memory) is freed before the new one is made.
            buffer = nil
            shown = nil
            buffer = BackBuffer(x, visual: window.visual, depth: window.depth, width: w, height: h,
                                sharedMemory: sharedMemory)
        }
        traceLayout()
        guard let buffer else { return }
        let t0 = Monotonic.now()
        // The learn view draws the whole window; the frame after it is drawn whole too.
        let learnShown = state.learn?.isShown == true
        let damage = learnShown ? .full : shown.map { renderer.damage(from: $0, to: state, width: w, height: h) } ?? .full
        let drawn = damageOutline?.widened(damage, width: w, height: h) ?? damage
        let cr = buffer.beginFrame()
        if let learn = state.learn, learnShown {
            drawLearn(learn, into: cr, width: w, height: h)
        } else {
            switch drawn {
            case .full: renderer.draw(state, into: cr, width: w, height: h)
            case let .rects(rects): renderer.draw(state, into: cr, width: w, height: h, only: rects)
            }
            damageOutline?.draw(damage, into: cr, width: w, height: h)
        }
        buffer.endFrame(cr)
        shown = learnShown ? nil : state
        trace?.drew(seconds: Monotonic.now() - t0)
        switch drawn {
        case .full: buffer.present(to: window.id, gc: gc)
        case let .rects(rects): buffer.present(rects, to: window.id, gc: gc)
        }
        dirty = false
        trace?.presented(display: x.display)
    }

    /// With CONVVIEWER_TRACE=1, where things are whenever that changes (a new size, a caption band
    /// coming or going), so the e2e tests can point at the timeline, a panel or the kernel's centre
    /// weight without copying the layout's numbers:
    /// `trace: layout 1280x800: timeline=x,y,w,h input=… conv=… pool=… kernel-centre=…`, and in
    /// network mode the strip's stages (`stage-conv2=…`).
    private func traceLayout() {
        guard let trace else { return }
        let layout = FrameLayout(state: state)
        func text(_ r: Rect) -> String { [r.minX, r.minY, r.width, r.height].map { String(Int($0.rounded())) }.joined(separator: ",") }
        let centre = state.kernel.size / 2
        let weight = KernelGrid(in: layout.detail.kernel, size: state.kernel.size).rect(of: GridCell(row: centre, col: centre))
        let panels = PanelKind.allCases.map { kind in
            "\(kind)=\(text(layout.mapping(kind, in: state).gridRect))"
        }
        let line = "layout \(state.windowWidth)x\(state.windowHeight): timeline=\(text(layout.timeline)) "
            + panels.joined(separator: " ") + " kernel-centre=\(text(weight))"
            + (state.network == nil ? "" : " " + zip(NetStages.names, layout.strip.boxes).map { "stage-\($0)=\(text($1))" }.joined(separator: " "))
        guard line != lastTracedLayout else { return }
        lastTracedLayout = line
        trace.note(line)
    }

    /// An Expose: shows the last frame again without drawing it anew.
    func reshowFrame() {
        guard let buffer, !dirty else { return }
        buffer.present(to: window.id, gc: gc)
    }
}
