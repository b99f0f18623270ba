import ConvModel

extension FrameRenderer {
    /// Whether `a` and `b` draw the same frame at this size, so a window can skip the redraw.
    ///
    /// The clock's phase moves on every tick, but the picture only shows it while the box glides
    /// (`FrameScene.boxRect`); at the default speed most ticks change nothing on screen. Any
    /// other difference between the states counts as a change: the answer errs toward drawing.
    public static func drawsSameFrame(_ a: AppState, _ b: AppState, width: Int, height: Int) -> Bool {
        guard a.clock.isPlaying == b.clock.isPlaying, a.clock.speed == b.clock.speed else { return false }
        var aWithBClock = a
        aWithBClock.clock = b.clock
        guard aWithBClock == b else { return false }
        return FrameScene.glideFraction(a) == FrameScene.glideFraction(b)
    }
}
