/// How far a tour has got, as a value: which scene, how long into it, and whether it runs.
///
/// The player turns time into actions. `start()` gives the first scene's set-up; each
/// `advance(seconds)` gives, in order, the time that passes (as `.tick` actions) cut at every
/// scene start and cue, with that scene's or cue's actions in between. Applying them in order to
/// an `AppState` without a tour of its own gives exactly the state the tour describes, whatever
/// the tick length:
///
///     var player = TourPlayer(tour: .builtin, loops: false)
///     for a in player.start() { state.update(a) }
///     for a in player.advance(1.0 / 30) { state.update(a) }
///
/// (`AppState` does this itself for `.startTour`, and for `.tick` while `state.tour` runs.)
public struct TourPlayer: Equatable, Sendable {
    /// Scene boundaries closer than this are treated as reached, so that ticks of 1/30 s add up
    /// to a whole scene on the frame where they should, not one frame later.
    static let epsilon = 1e-9

    public let tour: Tour
    /// Start over after the last scene (kiosk) or stop there (record).
    public let loops: Bool
    public private(set) var sceneIndex = 0
    /// Seconds since the current scene started.
    public private(set) var timeInScene = 0.0
    /// False before `start()`, while paused and after a tour that does not loop has ended.
    public private(set) var isRunning = false
    /// True once a tour that does not loop has played its last scene to the end.
    public private(set) var isFinished = false
    /// The current scene's cues not yet applied, earliest first.
    private var pending: [TourCue] = []
    /// Held by the presenter (Space): the tour's clock stands still, caption and scene stay.
    /// The value is whether the scan was playing, so that Space again gives it back.
    public private(set) var heldScanPlaying: Bool?

    /// Whether the presenter holds the tour (`hold(scanPlaying:)`).
    public var isHeld: Bool { heldScanPlaying != nil }

    public init(tour: Tour, loops: Bool) {
        self.tour = tour
        self.loops = loops
    }

    /// The scene being shown; nil for a tour without scenes.
    public var scene: TourScene? { tour.scenes.indices.contains(sceneIndex) ? tour.scenes[sceneIndex] : nil }

    /// Seconds since the tour started (within the current round when it loops).
    public var elapsed: Double { tour.startTime(ofScene: sceneIndex) + timeInScene }

    /// Starts at the first scene and returns its set-up. A tour with no time in it does not start.
    public mutating func start() -> [Action] {
        sceneIndex = 0
        timeInScene = 0
        isFinished = false
        let d = tour.duration
        guard !tour.scenes.isEmpty, d.isFinite ? d > 0 : d == .infinity else {
            isRunning = false
            return []
        }
        isRunning = true
        return enterScene()
    }

    /// Stops the clock of the tour where it is (a visitor took over); `resume()` goes on.
    public mutating func pause() {
        isRunning = false
        heldScanPlaying = nil
    }

    /// Goes on after `pause()`: the current scene is set up again from its start, since the
    /// visitor may have changed anything.
    public mutating func resume() -> [Action] {
        guard !isRunning, !isFinished, scene != nil else { return [] }
        isRunning = true
        timeInScene = 0
        return enterScene()
    }

    /// The presenter stops the tour's clock where it is, the scene and its caption staying on
    /// screen; `scanPlaying` is handed back by `release()`.
    public mutating func hold(scanPlaying: Bool) {
        guard isRunning else { return }
        isRunning = false
        heldScanPlaying = scanPlaying
    }

    /// The tour's clock goes on from where `hold` stopped it; returns whether the scan was playing.
    @discardableResult
    public mutating func release() -> Bool {
        guard let playing = heldScanPlaying else { return false }
        heldScanPlaying = nil
        isRunning = !isFinished
        return playing
    }

    /// Jumps `delta` scenes on (back when negative) and returns that scene's set-up. A looping
    /// tour wraps around; one that does not stops at its first and last scene. A held tour stays
    /// held.
    public mutating func goToScene(by delta: Int) -> [Action] {
        let n = tour.scenes.count
        guard n > 0, isRunning || isHeld else { return [] }
        let target = sceneIndex + delta
        sceneIndex = loops ? ((target % n) + n) % n : min(max(target, 0), n - 1)
        timeInScene = 0
        return enterScene()
    }

    /// Lets `seconds` pass and returns what happens in them (see the type's comment).
    public mutating func advance(_ seconds: Double) -> [Action] {
        guard isRunning, seconds.isFinite, seconds > 0 else { return [] }
        var actions: [Action] = []
        var left = seconds
        // Whole rounds of a looping tour change nothing: every scene sets everything it shows.
        let d = tour.duration
        if loops, d.isFinite, left > d + timeLeftInRound {
            left = (left - timeLeftInRound).truncatingRemainder(dividingBy: d) + timeLeftInRound
        }
        // With no time left, what falls due exactly now still happens: a scene whose last cue is
        // at its very end must hand over on this frame, not the next.
        while left > 0 || secondsToNextEvent == 0 {
            let sceneLength = scene!.seconds
            let nextEvent = pending.first.map { min($0.at, sceneLength) } ?? sceneLength
            let until = max(0, nextEvent - timeInScene)
            if left + TourPlayer.epsilon < until {
                timeInScene += left
                actions.append(.tick(seconds: left))
                return actions
            }
            if until > 0 { actions.append(.tick(seconds: until)) }
            left = max(0, left - until)
            timeInScene = nextEvent
            if let cue = pending.first, cue.at <= sceneLength {
                pending.removeFirst()
                actions += cue.actions
                continue
            }
            // The scene is over.
            if sceneIndex + 1 < tour.scenes.count {
                sceneIndex += 1
            } else if loops {
                sceneIndex = 0
            } else {
                isRunning = false
                isFinished = true
                actions.append(.setCaption(nil))
                if left > 0 { actions.append(.tick(seconds: left)) }
                return actions
            }
            timeInScene = 0
            actions += enterScene()
        }
        return actions
    }

    /// Seconds until the next scene starts or the next cue fires; nil when not running. While the
    /// scan stands still the window sleeps until then instead of ticking at the frame rate.
    public var secondsToNextEvent: Double? {
        guard isRunning, let s = scene else { return nil }
        let next = pending.first.map { min($0.at, s.seconds) } ?? s.seconds
        return max(0, next - timeInScene)
    }

    /// Seconds from now to the end of the current round.
    private var timeLeftInRound: Double { tour.duration - elapsed }

    private mutating func enterScene() -> [Action] {
        guard let s = scene else { return [] }
        pending = s.timeline.filter { $0.at >= 0 }
        // Cues at time 0 belong to the set-up.
        var actions = s.startActions
        while let cue = pending.first, cue.at <= 0 {
            pending.removeFirst()
            actions += cue.actions
        }
        return actions
    }
}
