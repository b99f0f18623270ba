import ConvNet

/// The learn view's actions: entering it, its keys, the training thread's snapshots, and leaving
/// it, which hands the trained weights to network mode. The thread and files are the shell's:
/// `update` asks for them with effects and hears back through actions.
extension AppState {
    mutating func applyLearn(_ action: Action) -> [Effect] {
        switch action {
        case .enterLearn:
            // The first time there is no run yet: the shell starts one and sends `learnStarted`.
            guard learn != nil else { return [.startLearning] }
            learn?.isShown = true
        case let .learnStarted(snapshot):
            learn = LearnMode(snapshot: snapshot)
        case let .learnCommand(command):
            guard learn?.isShown == true else { return [] }
            return learnCommand(command)
        case let .learnSnapshot(snapshot):
            learn?.view.snapshot = snapshot
        case let .learnPaused(snapshot):
            guard let s = snapshot ?? learn?.view.snapshot else { return [] }
            learn?.view.snapshot = s
            // Network mode goes on with the network as trained here.
            if network != nil, let l = learn { useTrainedWeights(s.weights, name: l.trainedName, file: l.trainedFile) }
        case let .learnWeightsSaved(file, path, weights, imagesSeen):
            learn?.saved = LearnMode.SavedWeights(file: file, weights: weights)
            learn?.view.message = "saved the weights after \(LearnText.grouped(imagesSeen)) images to \(path)"
        case let .showLearnMessage(text):
            learn?.view.message = text
        default:
            break
        }
        return []
    }

    private mutating func learnCommand(_ command: LearnKeyMap.Command) -> [Effect] {
        switch command {
        case .leave, .leaveAndPassOn:
            // Training pauses (the shell waits for it and sends `learnPaused` with where it stopped).
            learn?.isShown = false
            return [.pauseLearning]
        case .restartFromNetwork:
            // The network's own weights: network mode's (as loaded, or as trained so far), else the
            // shipped file's, which the shell loads first.
            guard let source = network?.source ?? networkSource else { return [.loadNetworkForLearning] }
            learn?.view.message = nil
            return [.sendToLearning(.restart(from: source.weights, name: source.name))]
        case let .session(action):
            learn?.view.message = nil
            return [.sendToLearning(action)]
        case .toggleGradients:
            learn?.view.message = nil
            learn?.view.showGradients.toggle()
        case .saveWeights:
            learn?.view.message = nil
            if let s = learn?.view.snapshot { return [.saveTrainedWeights(s)] }
        }
        return []
    }
}
