extension AppState {
    /// Whether `self` and `other` differ at most in what moves on its own or under the pointer:
    /// the scan position, the clock, the pointer's hover and drag, the tour's progress and its
    /// caption. A renderer can reason about those changes cell by cell; any other difference (a
    /// new input, filter, setting, view switch, edit, message or size) changes the frame broadly.
    public func differsOnlyInMotion(from other: AppState) -> Bool {
        var a = self
        a.scan = other.scan
        a.clock = other.clock
        a.hover = other.hover
        a.drag = other.drag
        a.tour = other.tour
        a.caption = other.caption
        a.hoverPreview = other.hoverPreview
        return a == other
    }
}
