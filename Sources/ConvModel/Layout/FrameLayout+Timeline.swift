/// The timeline under the panels: scan positions ↔ x in the window.
///
/// The track is cut into `count` equal segments, one per position, left to right. Position `p`
/// owns the segment from `p/count` to `(p + 1)/count` of the track's width, and the renderer
/// fills the track up to the end of the current position's segment, so a click anywhere in the
/// filled part's last segment finds the position shown.
///
///     let layout = FrameLayout(state: state)
///     if layout.timelineHitRect.contains(x: x, y: y) {
///         state.update(.seek(layout.timelinePosition(atX: x, count: state.scan.count)))
///     }
extension FrameLayout {
    /// The scan position whose segment holds window x; points left or right of the track give the
    /// first or the last position. 0 when there are no positions.
    public func timelinePosition(atX x: Double, count: Int) -> Int {
        guard count > 0, timeline.width > 0, x.isFinite else { return 0 }
        let t = (x - timeline.minX) / timeline.width * Double(count)
        guard t > 0 else { return 0 }
        guard t < Double(count) else { return count - 1 }
        return min(count - 1, Int(t.rounded(.down)))
    }

    /// Window x where the segment of `position` ends: how far the track is filled at that position.
    public func timelineX(afterPosition position: Int, count: Int) -> Double {
        guard count > 0 else { return timeline.minX }
        let p = min(max(position, -1), count - 1)
        return timeline.minX + timeline.width * Double(p + 1) / Double(count)
    }

    /// Window x of the middle of the segment of `position` (where the ticks for pool cells go).
    public func timelineX(ofPosition position: Int, count: Int) -> Double {
        guard count > 0 else { return timeline.minX }
        return timeline.minX + timeline.width * (Double(position) + 0.5) / Double(count)
    }

    /// The area that should take clicks and drags for the timeline: the track, grown up and down
    /// into the gaps around it, since a track a few pixels tall is hard to hit.
    public var timelineHitRect: Rect {
        guard !timeline.isEmpty else { return timeline }
        let above = max(0, timeline.minY - panelBand.maxY), below = max(0, detail.frame.minY - timeline.maxY)
        return Rect(x: timeline.minX, y: timeline.minY - above, width: timeline.width,
                    height: timeline.height + above + below)
    }
}
