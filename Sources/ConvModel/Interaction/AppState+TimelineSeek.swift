/// Seeking with the timeline under the panels: a press on the track puts the scan at the
/// position under the pointer, and a drag along it scrubs.
///
///     if let p = state.timelinePosition(atX: x, y: y) { state.update(.seek(p)) }
///
/// The track is hard to hit at a few pixels tall, so the whole gap around it counts
/// (`FrameLayout.timelineHitRect`); along x the layout's segments decide (`timelinePosition(atX:count:)`),
/// the same ones the renderer fills.
extension AppState {
    /// The scan position a press at window point (x, y) seeks to, or nil when the point is not on
    /// the timeline (or the layout has no room for one).
    public func timelinePosition(atX x: Double, y: Double) -> Int? {
        let layout = FrameLayout(state: self)
        guard !layout.timeline.isEmpty, layout.timelineHitRect.contains(x: x, y: y) else { return nil }
        return layout.timelinePosition(atX: x, count: scan.count)
    }

    /// Puts the scan at the position whose timeline segment holds window x (points beyond either
    /// end give the first or the last position), from the start of its step.
    mutating func seekTimeline(toX x: Double) {
        let p = FrameLayout(state: self).timelinePosition(atX: x, count: scan.count)
        if p != scan.position || clock.tween != 0 {
            scan.seek(p)
            clock.resetPhase()
        }
    }
}
