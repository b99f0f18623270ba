import ConvNet

/// A tour scene's network: entered afresh at the scene's start, so the scene shows the same
/// thing whatever the visitor or the scene before left behind.
extension AppState {
    /// Sets what `scene` says of the network; nil leaves network mode, the learn view and paint
    /// mode. Without a loaded network (or, for the learn view, without training images) the scene
    /// shows its ordinary input and says on screen what is missing.
    mutating func setNetworkScene(_ scene: NetworkScene?) {
        tourLearning = nil
        painter.isOn = false
        guard let scene else {
            if network != nil { leaveNetwork() }
            return
        }
        guard let source = networkSource, source.testImages.count > 0 else {
            message = "this scene shows the trained network, but none is loaded (the shipped weights were not found)"
            return
        }
        if network == nil { enterNetwork() }
        switch scene.input {
        case let .test(i):
            selectTestImage(i % source.testImages.count)
        case .canvas:
            rebuild(image: NamedImage(name: InputPainter.paintedName, grid: Grid(width: NetShape.side, height: NetShape.side)))
            refreshNetworkPass()
            painter.isOn = true
            painter.changeBrush(by: scene.brush - painter.brush)
        }
        selectNetworkFilter(min(scene.filter, source.shape.filters1 - 1))
        openStage(scene.stage)
        if let spec = scene.learning {
            guard let images = learnImages else {
                message = "this scene trains the network, but no training images were loaded"
                return
            }
            tourLearning = TourLearning(spec: spec, images: images)
        }
    }
}
