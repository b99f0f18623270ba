import ConvModel

/// The learn view's keys in the window: `L` opens it (starting the training thread the first
/// time) and closes it; while it shows, its own keys go to it and the panels' keys do nothing.
extension WindowSession {
    /// Handles `key` for the learn view; false when the key is the panels' to handle.
    func learnKey(_ key: String) -> Bool {
        if let learn, learn.isShown {
            // F11 still toggles fullscreen; every other key belongs to the learn view.
            guard key != "F11" else { return false }
            _ = learn.key(key)
            dirty = true
            return true
        }
        guard key == LearnKeyMap.enterKey else { return false }
        if let learn {
            learn.show()
        } else {
            do {
                learn = try LearnMode(theme: state.view.theme, scale: state.view.scale)
            } catch {
                dispatch(.showMessage("\(error)"))
                return true
            }
        }
        dirty = true
        return true
    }
}
