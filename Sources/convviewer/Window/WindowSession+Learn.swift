import ConvModel
import ConvNet
import Foundation

/// The learn view's side of the window: commands go to the training worker, its reports come
/// back as actions on the loop's ticks (which run while training runs, and stop when it pauses,
/// so a paused learn view makes no wake-ups), and `s` writes the weights to a new file.
extension WindowSession {
    /// Whether the training worker is running batches (the loop ticks meanwhile).
    var isLearning: Bool { state.network?.learn?.isRunning == true }

    func performLearn(_ command: LearnCommand) {
        if command == .stop {
            // Said, not left to deinit: the running thread holds its worker until it stops.
            learnWorker?.send(.stop)
            learnWorker = nil
            return
        }
        let existed = learnWorker != nil
        let worker = learnWorker ?? LearnWorker()
        learnWorker = worker
        worker.send(command)
        // Paused, the loop does not tick to collect reports: these show their result at once.
        // (Not from a new worker: it may still be reading the images.)
        let shownAtOnce: Bool
        switch command {
        case .step, .reset, .pause, .start: shownAtOnce = existed
        default: shownAtOnce = false
        }
        if shownAtOnce, let p = worker.waitForReport(seconds: 0.25) {
            dispatch(.learnProgress(p))
        }
    }

    /// On a tick: the worker's newest report, or the reason it stopped.
    func collectLearnProgress() {
        guard let worker = learnWorker else { return }
        let (progress, problem) = worker.take()
        if let progress { dispatch(.learnProgress(progress)) }
        if let problem {
            dispatch(.toggleLearn)
            dispatch(.showMessage("the learn view cannot train: \(problem)"))
        }
    }

    /// After any action: a worker whose learn view has gone (N left network mode) is stopped.
    func stopOrphanedLearnWorker() {
        if learnWorker != nil, state.network?.learn == nil { performLearn(.stop) }
    }

    func saveWeights(_ weights: NetworkWeights) {
        guard let mode = state.network, let p = mode.learn?.progress else { return }
        let record = TrainingRecord(seed: 0, epochs: p.epoch, batch: 32, learningRate: Double(p.learningRate), momentum: 0.9,
                                    trainImages: p.trainingImages, imagesSeen: p.imagesSeen, testAccuracy: p.testAccuracy,
                                    initialWeights: p.startedFrom)
        let text = WeightsFile(weights: weights, dataset: "fashion-mnist", classes: mode.source.classes, training: record).encoded()
        let folder = FileManager.default.currentDirectoryPath
        for n in 1...10_000 {
            let path = folder + "/convviewer-weights-\(p.imagesSeen)-\(n).json"
            if NetFiles.exists(path) { continue }
            do {
                try NetFiles.writeAtomically(text, to: path, overwrite: false)
                dispatch(.showInfo("saved \(path) (--net \(path) loads it)"))
                messageDeadline = Monotonic.now() + 4
            } catch {
                dispatch(.showMessage("\(error)"))
            }
            return
        }
    }
}
