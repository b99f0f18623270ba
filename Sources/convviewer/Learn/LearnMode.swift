import ConvModel
import ConvNet
import ConvRender
import Foundation

/// The learn view inside the window: the worker that trains, the latest snapshot it sent, and the
/// renderer that draws it. Entered and left with `L`; leaving pauses training, so a window back
/// on the panels makes no wake-ups for it, and network mode then shows the weights trained here.
final class LearnMode {
    private let worker: LearnWorker
    private(set) var view: LearnView
    private let renderer = LearnRenderer()
    /// Whether the window shows the learn view (the mode lives on, paused, when it does not).
    private(set) var isShown = true

    /// `frameInterval`: the window's; training sends a snapshot at most once each.
    init(theme: Theme, scale: Double, frameInterval: Double = 1.0 / 60) throws {
        let session = try LearnData.session()
        guard let worker = LearnWorker(session: session, publishInterval: frameInterval) else { throw CLIError("cannot start the training thread (no pipe)") }
        self.worker = worker
        view = LearnView(snapshot: session.snapshot(), theme: theme, scale: scale)
    }

    deinit { worker.stop() }

    /// Shows the view again (training resumes where it was left only when the person presses Space).
    func show() { isShown = true }

    /// A one-line message over the keys (a problem with a key, a file saved).
    func show(message: String) { view.message = message }

    /// Takes the newest snapshot; true when there was one (the frame needs drawing).
    func deliver() -> Bool {
        guard let s = worker.take() else { return false }
        view.snapshot = s
        return isShown
    }

    var wakeFD: Int32 { worker.wakeFD }
    var imagesPerCPUSecond: Double? { worker.imagesPerCPUSecond }

    /// What a key of the learn view does, but for leaving and `restartFromNetwork`, which the
    /// window handles itself.
    func perform(_ command: LearnKeyMap.Command) {
        view.message = nil
        switch command {
        case let .session(action):
            worker.send(action)
        case .toggleGradients:
            view.showGradients.toggle()
        case .saveWeights:
            save()
        case .leave, .leaveAndPassOn, .restartFromNetwork:
            // The window's to do (`leave()`, `restart(from:name:)`): it knows the network.
            break
        }
    }

    /// Back to the panels: training pauses (and has stopped when this returns, or within a
    /// second); the weights it stopped at, for network mode to show.
    func leave() -> NetworkWeights {
        isShown = false
        if let s = worker.pause() { view.snapshot = s }
        return view.snapshot.weights
    }

    /// `End`: training starts again from `weights`, whose name the figures show.
    func restart(from weights: NetworkWeights, name: String) {
        view.message = nil
        worker.send(.restart(from: weights, name: name))
    }

    /// The file `s` last wrote, and the weights it holds.
    private var saved: (file: String, weights: NetworkWeights)?

    /// The file holding the weights shown, when `s` saved them (the code overlay's `open`); nil
    /// when they are in no file.
    var trainedFile: String? {
        saved.flatMap { $0.weights == view.snapshot.weights ? $0.file : nil }
    }

    /// How far the weights shown were trained, for network mode's name of them.
    var trainedName: String {
        "trained here, \(LearnText.grouped(view.snapshot.imagesSeen)) images from \(view.snapshot.start)"
    }

    func draw(_ state: AppState, into cr: OpaquePointer, width: Int, height: Int) {
        view.theme = state.view.theme
        view.scale = state.view.scale
        renderer.draw(view, into: cr, width: width, height: height)
    }

    /// Writes the weights shown now to weights-N.json in the current directory, N the first
    /// number whose file does not exist (an existing file is never replaced).
    private func save() {
        let s = view.snapshot
        let record = TrainingRecord(seed: s.seed, epochs: s.epoch, batch: TrainingRecipe().batch,
                                    learningRate: Double("\(s.learningRate)")!, momentum: Double("\(TrainingRecipe().momentum)")!,
                                    trainImages: s.trainingImages, imagesSeen: s.imagesSeen, testAccuracy: s.testAccuracy,
                                    initialWeights: s.start.hasPrefix("He-normal") ? "he-normal" : s.start)
        let text = WeightsFile(weights: s.weights, dataset: s.usesSample ? "fashion-mnist (100-image sample)" : "fashion-mnist",
                               classes: ClassNames.fashion, training: record).encoded()
        let directory = FileManager.default.currentDirectoryPath
        for n in 1...10_000 {
            let path = directory + "/weights-\(n).json"
            if NetFiles.exists(path) { continue }
            do {
                try NetFiles.writeAtomically(text, to: path, overwrite: false)
                saved = ("weights-\(n).json", s.weights)
                view.message = "saved the weights after \(LearnText.grouped(s.imagesSeen)) images to \(path)"
            } catch {
                // Another process took the name meanwhile: try the next one.
                if NetFiles.exists(path) { continue }
                view.message = "\(error)"
            }
            return
        }
        view.message = "\(directory) already holds weights-1.json to weights-10000.json: nothing saved"
    }
}
