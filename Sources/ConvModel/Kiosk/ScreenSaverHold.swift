/// How often kiosk mode resets the X screen saver so the display never blanks: every 30 s, or
/// more often when the server's own timeout is shorter (half of it, never below 1 s), so a reset
/// always lands before the saver starts.
///
///     ScreenSaverHold.interval(serverTimeout: 600)   // 30
///     ScreenSaverHold.interval(serverTimeout: 10)    // 5
///     ScreenSaverHold.interval(serverTimeout: 0)     // 30 (saver off: a slow reset still keeps DPMS away)
public enum ScreenSaverHold {
    public static let longestInterval = 30.0
    public static let shortestInterval = 1.0

    public static func interval(serverTimeout seconds: Int) -> Double {
        guard seconds > 0 else { return longestInterval }
        return min(longestInterval, max(shortestInterval, Double(seconds) / 2))
    }
}
