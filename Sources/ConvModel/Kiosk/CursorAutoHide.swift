/// Kiosk mode's pointer: hidden, shown while the mouse moves, hidden again a few seconds after it
/// stops. A value with one deadline, so the window's loop waits for it like any other timer and
/// makes no wake-ups while the cursor is already hidden.
///
///     var cursor = CursorAutoHide()
///     cursor.moved(at: 10)     // true: show it now
///     cursor.hideDeadline      // 13
///     cursor.check(at: 13)     // true: hide it now
public struct CursorAutoHide: Equatable, Sendable {
    /// Seconds the cursor stays after the last move.
    public static let delay = 3.0

    public private(set) var isHidden = true
    /// When to hide it, while it shows.
    public private(set) var hideDeadline: Double?

    public init() {}

    /// The mouse moved (or a button was pressed): the cursor shows for `delay` seconds more.
    /// True when it was hidden until now.
    public mutating func moved(at now: Double) -> Bool {
        hideDeadline = now + CursorAutoHide.delay
        defer { isHidden = false }
        return isHidden
    }

    /// True when the deadline has passed and the cursor must be hidden now.
    public mutating func check(at now: Double) -> Bool {
        guard let d = hideDeadline, now >= d else { return false }
        hideDeadline = nil
        isHidden = true
        return true
    }
}
