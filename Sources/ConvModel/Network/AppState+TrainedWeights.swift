import ConvNet

/// Leaving the learn view in network mode: the network keeps the weights trained there, so the
/// filter in the panels, the pass, the strip and the stage views show the network as trained.
extension AppState {
    mutating func useTrainedWeights(_ weights: NetworkWeights, name: String, file: String?) {
        guard let mode = network, weights.shape == mode.source.shape else { return }
        let s = mode.source
        // The same weights (nothing trained since `End`, or since the last time) keep their name,
        // and their file unless they have just been saved to one.
        let same = weights == s.weights
        guard !same || (file != nil && file != s.file) else { return }
        network?.source = NetworkSource(name: same ? s.name : name, weights: weights, classes: s.classes, testImages: s.testImages,
                                        testSource: s.testSource, isShippedSample: s.isShippedSample, file: file ?? (same ? s.file : nil))
        selectNetworkFilter(mode.filter)
        refreshNetworkPass(force: true)
    }
}
