extension AppState {
    /// Starts `tour` from its first scene, replacing any tour already running. What the person had
    /// before is kept, for leaving the tour with `t`.
    mutating func startTour(_ tour: Tour, loop: Bool) {
        if self.tour == nil { beforeTour = TourReturn(self) }
        var player = TourPlayer(tour: tour, loops: loop)
        let actions = player.start()
        self.tour = player.isRunning ? player : nil
        applyTourActions(actions)
    }

    /// Ends the tour, without a caption: the input, filter, settings, speed, view and position
    /// go back to what they were before it started.
    mutating func stopTour() {
        tour = nil
        caption = nil
        setNetworkScene(nil)
        if let back = beforeTour {
            beforeTour = nil
            back.restore(into: &self)
        }
    }

    /// Space during the tour: the tour's clock and the scan stop together, and go on together.
    mutating func toggleTourHold() {
        guard var player = tour else { return }
        if player.isHeld {
            clock.isPlaying = player.release()
        } else {
            player.hold(scanPlaying: clock.isPlaying)
            clock.isPlaying = false
        }
        tour = player
    }

    /// PageDown / PageUp during the tour. A held tour shows the new scene held, its scan waiting.
    mutating func goToScene(by delta: Int) {
        guard var player = tour else {
            message = "no tour is playing: t starts it"
            return
        }
        let actions = player.goToScene(by: delta)
        let held = player.isHeld
        if held {
            // The scene's own set-up decides whether its scan plays once the presenter goes on.
            player.release()
        }
        tour = player
        applyTourActions(actions)
        if held, var p = tour {
            p.hold(scanPlaying: clock.isPlaying)
            clock.isPlaying = false
            tour = p
        }
    }

    /// The tour waits (a visitor took over) and its caption goes, since it may no longer fit.
    /// A learn view of the tour's goes too: its training runs on the tour's clock, and the
    /// visitor gets network mode's panels, where the keys do something.
    mutating func pauseTour() {
        guard tour != nil else { return }
        tour?.pause()
        caption = nil
        tourLearning = nil
    }

    /// Goes back to the tour: the current scene again, from its start.
    mutating func resumeTour() {
        guard var player = tour else { return }
        let actions = player.resume()
        tour = player
        applyTourActions(actions)
    }

    /// A timer tick while the tour runs: the tour decides how the time is spent.
    mutating func advanceTour(_ seconds: Double) {
        guard var player = tour else { return }
        let actions = player.advance(seconds)
        tour = player.isFinished ? nil : player
        applyTourActions(actions)
        if player.isFinished {
            caption = nil
            beforeTour = nil
        }
    }

    /// Applies what the tour player said. Its `.tick`s are the clock's time, not new tour time,
    /// so they go straight to the clock. Its strokes of the brush are not the person's edits:
    /// nothing to undo, nothing unsaved.
    private mutating func applyTourActions(_ actions: [Action]) {
        for action in actions {
            if case let .tick(seconds) = action {
                clock.advance(seconds, cursor: &scan)
            } else if AppState.isUndoableEdit(action) {
                _ = apply(action)
                if network != nil { refreshNetworkPass() }
            } else {
                update(action)
            }
        }
    }
}

/// What the person had before a tour started: `t` out of the tour gives it back.
struct TourReturn: Equatable, Sendable {
    let edit: EditSnapshot
    let speed: Double
    let playing: Bool
    let view: ViewOptions
    let panels: [PanelView]
    let position: Int
    let network: NetworkMode?
    let painter: InputPainter

    init(_ state: AppState) {
        edit = state.editSnapshot
        speed = state.clock.speed
        playing = state.clock.isPlaying
        view = state.view
        panels = state.panels
        position = state.scan.position
        network = state.network
        painter = state.painter
    }

    /// Puts it all back; theme, scale and the overlays stay as they are now.
    func restore(into state: inout AppState) {
        state.rebuild(image: edit.image, kernel: edit.kernel, settings: edit.settings)
        state.clock.setSpeed(speed)
        state.clock.isPlaying = playing
        var v = view
        v.theme = state.view.theme
        v.scale = state.view.scale
        v.showHelp = state.view.showHelp
        v.showCode = state.view.showCode
        state.view = v
        state.panels = panels
        // The input given back is the one network mode showed, so its pass still holds.
        state.network = network
        state.painter = painter
        state.scan.seek(position)
        state.clock.resetPhase()
    }
}
