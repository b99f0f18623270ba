import ConvModel
import ConvNet
import ConvRender

/// The learn view in the window. Its state is `AppState.learn`; here are only what the state
/// cannot do itself: the keys turned into actions, the training thread (started, steered and
/// paused as `update`'s effects ask, its snapshots delivered as actions), the weights file, and
/// drawing the view.
extension WindowSession {
    /// Takes the training thread's newest snapshot, if any. With CONVVIEWER_TRACE=1, a line when
    /// the measured images/s, the test accuracy or the paused state changes, or a batch is trained
    /// while paused:
    /// `trace: learn steps=… images=… images_per_s=… test_accuracy=… paused=…`.
    func deliverLearnSnapshot() {
        guard let worker = learnWorker, let before = state.learn?.view.snapshot, let s = worker.take() else { return }
        dispatch(.learnSnapshot(s))
        guard let trace, s.imagesPerSecond != before.imagesPerSecond || s.testAccuracy != before.testAccuracy
            || s.paused != before.paused || s.steps < before.steps || (s.paused && s.steps != before.steps) else { return }
        trace.note("learn steps=\(s.steps) images=\(s.imagesSeen) images_per_s=\(Int(s.imagesPerSecond ?? 0)) "
            + "images_per_cpu_s=\(Int(worker.imagesPerCPUSecond ?? 0)) "
            + "test_accuracy=\(s.testAccuracy ?? 0) paused=\(s.paused) lr=\(s.learningRate)")
    }

    /// Handles `key` for the learn view; false when the key is the panels' to handle.
    func learnKey(_ key: String) -> Bool {
        if state.learn?.isShown == true {
            // F11 still toggles fullscreen; every other key belongs to the learn view.
            guard key != "F11" else { return false }
            let command = LearnKeyMap.command(for: key)
            if let command { dispatch(.learnCommand(command)) }
            dirty = true
            // Quit and help are the panels' (help is drawn over them, quitting may ask first).
            return command != .leaveAndPassOn
        }
        guard key == LearnKeyMap.enterKey else { return false }
        dispatch(.enterLearn)
        dirty = true
        return true
    }

    /// What `update` asked of the learn view's shell.
    func performLearn(_ effect: Effect) {
        switch effect {
        case .startLearning:
            do {
                let session = try LearnData.session()
                // Taken before the thread starts, which has the session to itself from then on.
                let first = session.snapshot()
                guard let worker = LearnWorker(session: session, publishInterval: frameInterval) else {
                    throw CLIError("cannot start the training thread (no pipe)")
                }
                learnWorker = worker
                dispatch(.learnStarted(first))
            } catch {
                dispatch(.showMessage("\(error)"))
            }
        case let .sendToLearning(action):
            learnWorker?.send(action)
        case .pauseLearning:
            let t0 = Monotonic.now()
            let stopped = learnWorker?.pause()
            trace?.note(String(format: "learn view left: training paused in %.1f ms", (Monotonic.now() - t0) * 1000))
            dispatch(.learnPaused(stopped))
        case let .saveTrainedWeights(snapshot):
            dispatch(LearnWeightsFile.save(snapshot))
        case .loadNetworkForLearning:
            do {
                dispatch(.setNetworkSource(try NetworkLoader.load(nil)))
                dispatch(.learnCommand(.restartFromNetwork))
            } catch {
                dispatch(.showLearnMessage("\(error)"))
            }
        default:
            break
        }
    }

    /// The learn view over the whole window, in the window's theme and scale.
    func drawLearn(_ learn: LearnMode, into cr: OpaquePointer, width: Int, height: Int) {
        learnRenderer.draw(learn.view.styled(state.view), into: cr, width: width, height: height)
    }
}
