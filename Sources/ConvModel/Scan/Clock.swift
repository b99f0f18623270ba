/// Drives the scan in time: a speed in positions per second, play/pause, a hold at the end
/// before looping, and the fraction of the way to the next position (for gliding the box).
///
/// The clock only moves when told how much time passed (`advance`), so the window, `record`
/// and the tests all get exactly the same sequence for the same ticks.
public struct Clock: Equatable, Sendable {
    public static let minSpeed = 0.25
    /// 2^18 positions a second: a 4096×4096 photo still scans in about a minute.
    public static let maxSpeed = 262_144.0
    public static let defaultSpeed = 8.0
    /// Seconds the finished map stays on screen before the scan starts over.
    public static let holdSeconds = 1.5
    /// Ticks of 1/60 s do not add up exactly in binary: without this slack a step that is due
    /// after exactly 30 ticks would land on the 31st.
    static let epsilon = 1e-9

    public private(set) var speed: Double
    public var isPlaying: Bool
    /// Progress toward the next position, in [0, 1).
    public private(set) var phase: Double = 0
    /// Seconds spent holding at the end; nil while scanning.
    public private(set) var held: Double?

    public init(speed: Double = Clock.defaultSpeed, isPlaying: Bool = true) {
        self.speed = Clock.clamp(speed)
        self.isPlaying = isPlaying
    }

    public static func clamp(_ s: Double) -> Double {
        guard s.isFinite else { return defaultSpeed }
        return min(max(s, minSpeed), maxSpeed)
    }

    public mutating func setSpeed(_ s: Double) { speed = Clock.clamp(s) }
    public mutating func faster() { setSpeed(speed * 2) }
    public mutating func slower() { setSpeed(speed / 2) }

    /// Forget partial progress: after a manual step or seek the box should not jump.
    public mutating func resetPhase() {
        phase = 0
        held = nil
    }

    /// How far the box has glided toward the next position (0 when holding or paused at the end).
    public var tween: Double { held == nil ? phase : 0 }

    /// Lets `seconds` pass: moves `cursor` by as many whole positions as the speed allows
    /// (several in one call when the speed is above the tick rate), holds at the end, then loops.
    /// Returns true when the cursor or the tween changed.
    @discardableResult
    public mutating func advance(_ seconds: Double, cursor: inout ScanCursor) -> Bool {
        guard isPlaying, seconds > 0, seconds.isFinite, cursor.count > 0 else { return false }
        if cursor.isAtEnd {
            let h = (held ?? 0) + seconds
            if h + Clock.epsilon >= Clock.holdSeconds {
                cursor.reset()
                resetPhase()
            } else {
                held = h
            }
            return true
        }
        phase += seconds * speed
        let whole = (phase + Clock.epsilon).rounded(.down)
        phase = max(0, phase - whole)
        let steps = Int(min(whole, Double(cursor.count)))
        if steps > 0 { cursor.step(by: steps) }
        if cursor.isAtEnd {
            phase = 0
            held = 0
        }
        return true
    }
}
