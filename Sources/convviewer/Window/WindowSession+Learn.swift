import ConvModel
import ConvNet

/// The learn view's keys in the window: `L` opens it (starting the training thread the first
/// time) and closes it; while it shows, its own keys go to it and the panels' keys do nothing.
extension WindowSession {
    /// Takes the training thread's newest snapshot, if any. With CONVVIEWER_TRACE=1, a line when
    /// the measured images/s, the test accuracy or the paused state changes, or a batch is trained
    /// while paused:
    /// `trace: learn steps=… images=… images_per_s=… test_accuracy=… paused=…`.
    func deliverLearnSnapshot() {
        guard let learn else { return }
        let before = learn.view.snapshot
        if learn.deliver() { dirty = true }
        let s = learn.view.snapshot
        guard let trace, s.imagesPerSecond != before.imagesPerSecond || s.testAccuracy != before.testAccuracy
            || s.paused != before.paused || s.steps < before.steps || (s.paused && s.steps != before.steps) else { return }
        trace.note("learn steps=\(s.steps) images=\(s.imagesSeen) images_per_s=\(Int(s.imagesPerSecond ?? 0)) "
            + "images_per_cpu_s=\(Int(learn.imagesPerCPUSecond ?? 0)) "
            + "test_accuracy=\(s.testAccuracy ?? 0) paused=\(s.paused) lr=\(s.learningRate)")
    }

    /// Handles `key` for the learn view; false when the key is the panels' to handle.
    func learnKey(_ key: String) -> Bool {
        if let learn, learn.isShown {
            // F11 still toggles fullscreen; every other key belongs to the learn view.
            guard key != "F11" else { return false }
            let command = LearnKeyMap.command(for: key)
            if let command { learnCommand(command, learn) }
            dirty = true
            // Quit and help are the panels' (help is drawn over them, quitting may ask first).
            return command != .leaveAndPassOn
        }
        guard key == LearnKeyMap.enterKey else { return false }
        if let learn {
            learn.show()
        } else {
            do {
                learn = try LearnMode(theme: state.view.theme, scale: state.view.scale, frameInterval: frameInterval)
            } catch {
                dispatch(.showMessage("\(error)"))
                return true
            }
        }
        dirty = true
        return true
    }

    private func learnCommand(_ command: LearnKeyMap.Command, _ learn: LearnMode) {
        switch command {
        case .leave, .leaveAndPassOn:
            let t0 = Monotonic.now()
            let weights = learn.leave()
            trace?.note(String(format: "learn view left: training paused in %.1f ms", (Monotonic.now() - t0) * 1000))
            // Network mode goes on with the network as trained here.
            if state.network != nil { dispatch(.useTrainedWeights(weights, name: learn.trainedName, file: learn.trainedFile)) }
        case .restartFromNetwork:
            if let (weights, name) = networkWeights() {
                learn.restart(from: weights, name: name)
            }
        default:
            learn.perform(command)
        }
    }

    /// The network's own weights, for `End`: network mode's (as loaded, or as trained so far),
    /// else the shipped file's.
    private func networkWeights() -> (NetworkWeights, String)? {
        if let source = state.network?.source ?? state.networkSource { return (source.weights, source.name) }
        do {
            let source = try NetworkLoader.load(nil)
            dispatch(.setNetworkSource(source))
            return (source.weights, source.name)
        } catch {
            learn?.show(message: "\(error)")
            return nil
        }
    }
}
