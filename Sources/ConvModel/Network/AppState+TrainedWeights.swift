import ConvNet

/// Leaving the learn view in network mode: the network keeps the weights trained there, so the
/// filter in the panels, the pass, the strip and the stage views show the network as trained.
extension AppState {
    mutating func useTrainedWeights(_ weights: NetworkWeights, name: String) {
        // The same weights (nothing trained since `End`) keep their name.
        guard let mode = network, weights.shape == mode.source.shape, weights != mode.source.weights else { return }
        let s = mode.source
        network?.source = NetworkSource(name: name, weights: weights, classes: s.classes, testImages: s.testImages,
                                        testSource: s.testSource, isShippedSample: s.isShippedSample)
        selectNetworkFilter(mode.filter)
        refreshNetworkPass(force: true)
    }
}
