/// Tells auto-repeated key presses from real ones and thins them, so that a held key cannot
/// flood the loop: a repeat is handled at most once per slice of events (about one per frame),
/// and not at all while the map worker is still busy with the last change. Pure bookkeeping of
/// key codes: the window (the only place that knows X) feeds it.
///
/// With Xkb's detectable auto-repeat (asked for in `XConnection`) a held key sends presses only
/// and one release at the end; without it, every repeat comes as a release and a press with the
/// same time stamp, which the loop recognises (`isRepeatRelease`) and skips.
public struct KeyRepeat {
    /// Key codes pressed and not yet released.
    public private(set) var held: Set<UInt32> = []
    public init() {}

    private var repeatedThisSlice: Set<UInt32> = []
    /// Repeats dropped so far (for the trace).
    public private(set) var dropped = 0

    public enum Verdict: Equatable { case press, repeatHandled, repeatDropped }

    public mutating func pressed(_ keycode: UInt32, busy: Bool) -> Verdict {
        if held.insert(keycode).inserted { return .press }
        if busy || !repeatedThisSlice.insert(keycode).inserted {
            dropped += 1
            return .repeatDropped
        }
        return .repeatHandled
    }

    public mutating func released(_ keycode: UInt32) { held.remove(keycode) }

    /// A new slice of events begins: each held key may repeat once more.
    public mutating func newSlice() { repeatedThisSlice.removeAll(keepingCapacity: true) }
}
