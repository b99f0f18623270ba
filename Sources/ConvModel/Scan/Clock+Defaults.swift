extension Clock {
    /// The speed a scan of `positions` starts at when none is asked for: `defaultSpeed`, or for a
    /// large input (a photo) the power of two that walks the whole scan in about a minute
    /// (between 42 and 85 seconds), up to `maxSpeed`.
    public static func defaultSpeed(positions: Int) -> Double {
        guard positions > 0, Double(positions) / defaultSpeed > 90 else { return defaultSpeed }
        var speed = defaultSpeed
        // Doubling while that lands nearer a minute, on a log scale: t/60 against 60/(t/2).
        while speed < maxSpeed, Double(positions) / speed > 60 * 2.0.squareRoot() { speed *= 2 }
        return speed
    }

    /// How long one whole scan of `positions` takes at `speed`, for the status line: `40 s`,
    /// `1 min`, `3 h`.
    public static func scanTimeText(positions: Int, speed: Double) -> String {
        guard positions > 0, speed > 0, speed.isFinite else { return "0 s" }
        let t = Double(positions) / speed
        if t < 1 { return "< 1 s" }
        if t < 59.5 { return "\(Int(t.rounded())) s" }
        if t < 89.5 * 60 { return "\(max(1, Int((t / 60).rounded()))) min" }
        return "\(Int((t / 3600).rounded())) h"
    }
}
