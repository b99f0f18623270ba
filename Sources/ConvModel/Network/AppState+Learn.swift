import ConvNet

/// The learn view (`L` in network mode): its controls become commands for the shell's training
/// worker, and the worker's reports become the state. Leaving it keeps the network as trained
/// so far: the panels, the strip and the stage views then show those weights.
extension AppState {
    mutating func toggleLearn() -> [Effect] {
        guard let mode = network else {
            message = "the learn view is part of network mode: press N first"
            return []
        }
        if let learn = mode.learn {
            network?.learn = nil
            if let p = learn.progress { adoptWeights(p.weights, trainedBy: p) }
            return [.learn(.stop)]
        }
        let view = LearnView(progress: nil, isRunning: true, batchesPerSecond: nil, learningRate: 0.01)
        network?.learn = view
        network?.openStage = nil
        network?.stageHover = nil
        return [.learn(.start(from: nil, learningRate: view.learningRate, batchesPerSecond: nil, running: true))]
    }

    mutating func learnControl(_ control: LearnControl) -> [Effect] {
        guard var learn = network?.learn else { return [] }
        var effects: [Effect] = []
        switch control {
        case .pauseResume:
            learn.isRunning.toggle()
            effects = [.learn(learn.isRunning ? .resume : .pause)]
        case .step:
            learn.isRunning = false
            effects = [.learn(.step)]
        case .faster:
            if let s = learn.batchesPerSecond {
                learn.batchesPerSecond = LearnView.speeds.first { $0 > s }
            }
            effects = [.learn(.setSpeed(learn.batchesPerSecond))]
        case .slower:
            let s = learn.batchesPerSecond ?? .infinity
            learn.batchesPerSecond = LearnView.speeds.last { $0 < s } ?? LearnView.speeds[0]
            effects = [.learn(.setSpeed(learn.batchesPerSecond))]
        case .rateUp, .rateDown:
            let rates = LearnView.learningRates
            let next = control == .rateUp ? rates.first { $0 > learn.learningRate } : rates.last { $0 < learn.learningRate }
            learn.learningRate = next ?? learn.learningRate
            effects = [.learn(.setLearningRate(learn.learningRate))]
        case .reset:
            learn.progress = nil
            effects = [.learn(.reset)]
        case .restartFromNetwork:
            guard let weights = network?.source.weights else { return [] }
            learn.progress = nil
            effects = [.learn(.start(from: weights, learningRate: learn.learningRate, batchesPerSecond: learn.batchesPerSecond,
                                     running: learn.isRunning))]
        case .save:
            guard let p = learn.progress else {
                message = "nothing trained yet to save"
                return []
            }
            effects = [.saveWeights(p.weights)]
        }
        network?.learn = learn
        return effects
    }

    /// A report from the worker (ignored once the learn view has closed).
    mutating func receiveLearnProgress(_ progress: LearnProgress) {
        guard network?.learn != nil else { return }
        network?.learn?.progress = progress
    }

    /// The network from now on has these weights: the filter in the panels, the pass and the
    /// strip follow.
    mutating func adoptWeights(_ weights: NetworkWeights, trainedBy p: LearnProgress) {
        guard let mode = network, weights.shape == mode.source.shape else { return }
        let s = mode.source
        network?.source = NetworkSource(name: "trained here, \(p.imagesSeen) images", weights: weights, classes: s.classes,
                                        testImages: s.testImages, testSource: s.testSource, isShippedSample: s.isShippedSample)
        selectNetworkFilter(mode.filter)
        refreshNetworkPass(force: true)
    }
}
