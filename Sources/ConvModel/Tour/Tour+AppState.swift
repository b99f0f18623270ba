extension AppState {
    /// Starts `tour` from its first scene, replacing any tour already running.
    mutating func startTour(_ tour: Tour, loop: Bool) {
        var player = TourPlayer(tour: tour, loops: loop)
        let actions = player.start()
        self.tour = player.isRunning ? player : nil
        applyTourActions(actions)
    }

    /// Ends the tour; the model stays as the last scene left it, without a caption.
    mutating func stopTour() {
        tour = nil
        caption = nil
    }

    /// The tour waits (a visitor took over) and its caption goes, since it may no longer fit.
    mutating func pauseTour() {
        guard tour != nil else { return }
        tour?.pause()
        caption = nil
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
        if player.isFinished { caption = nil }
    }

    /// Applies what the tour player said. Its `.tick`s are the clock's time, not new tour time,
    /// so they go straight to the clock.
    private mutating func applyTourActions(_ actions: [Action]) {
        for action in actions {
            if case let .tick(seconds) = action {
                clock.advance(seconds, cursor: &scan)
            } else {
                update(action)
            }
        }
    }
}
