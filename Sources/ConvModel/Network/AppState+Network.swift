import ConvNet

/// Network mode: entering and leaving it, test images, learned filters, the stage views, and a
/// new pass of the network whenever the input changes (a stroke of the brush included), within
/// the same update, so the next frame shows the stroke and its probabilities together.
extension AppState {
    /// Actions that mean something else in network mode, handled here; nil lets `apply` have them.
    mutating func applyInNetworkMode(_ action: Action) -> [Effect]? {
        guard let mode = network else { return nil }
        switch action {
        case .nextInput, .previousInput:
            let n = mode.source.testImages.count
            let step = action == .nextInput ? 1 : -1
            let next = mode.testIndex.map { (($0 + step) % n + n) % n } ?? (step > 0 ? 0 : n - 1)
            selectTestImage(next)
        case .nextFilter, .previousFilter:
            let n = mode.source.shape.filters1
            selectNetworkFilter(((mode.filter + (action == .nextFilter ? 1 : -1)) % n + n) % n)
        case let .selectPreset(i):
            if i < mode.source.shape.filters1 { selectNetworkFilter(i) }
        case .escape where mode.openStage != nil && !view.showHelp && !view.showCode:
            openStage(nil)
        case let .pointer(event):
            return networkPointer(event)
        default:
            return nil
        }
        return []
    }

    /// The shell's network (weights, classes, test images), or none; leaving network mode if it goes.
    mutating func setNetworkSource(_ source: NetworkSource?) {
        if source == nil, network != nil { leaveNetwork() }
        networkSource = source
    }

    /// `N`: into network mode on the test image last shown (the first at the start), or back to
    /// the input, kernel and settings from before.
    mutating func toggleNetwork() {
        if network != nil {
            leaveNetwork()
        } else {
            enterNetwork()
        }
    }

    mutating func enterNetwork(testIndex: Int = 0) {
        guard let source = networkSource else {
            message = "no network is loaded (the shipped weights were not found; give --net FILE)"
            return
        }
        guard source.testImages.count > 0 else {
            message = "the network's test set holds no images"
            return
        }
        let i = min(max(testIndex, 0), source.testImages.count - 1)
        let grid = source.testGrid(i)
        network = NetworkMode(source: source, testIndex: i, filter: 0,
                              pass: NetworkPass(weights: source.weights, input: grid, revision: 0),
                              openStage: nil, stageHover: nil, weightHover: nil,
                              before: NetworkReturn(image: image, kernel: kernel, settings: settings))
        hover = nil
        panels = Array(repeating: PanelView(), count: PanelKind.allCases.count)
        rebuild(image: NetworkMode.testImage(i, source), kernel: NetworkMode.learnedKernel(0, source),
                settings: NetworkMode.learnedSettings(0, source))
    }

    mutating func leaveNetwork() {
        guard let mode = network else { return }
        network = nil
        hover = nil
        panels = Array(repeating: PanelView(), count: PanelKind.allCases.count)
        rebuild(image: mode.before.image, kernel: mode.before.kernel, settings: mode.before.settings)
    }

    /// Test image `i` as the input, its pass made at once.
    mutating func selectTestImage(_ i: Int) {
        guard let source = network?.source, source.testImages.indices(contains: i) else { return }
        rebuild(image: NetworkMode.testImage(i, source))
        network?.testIndex = i
        refreshNetworkPass(force: true)
    }

    /// Learned first-layer filter `f` in the panels and the kernel band.
    mutating func selectNetworkFilter(_ f: Int) {
        guard let source = network?.source, (0..<source.shape.filters1).contains(f) else { return }
        network?.filter = f
        rebuild(kernel: NetworkMode.learnedKernel(f, source), settings: NetworkMode.learnedSettings(f, source))
    }

    /// The stage view of stage `i` in place of the panels; nil, or the input, goes back to them.
    mutating func openStage(_ i: Int?) {
        guard network != nil else { return }
        let shown = i.flatMap { NetStages.names.indices.contains($0) && $0 != NetStages.input ? $0 : nil }
        network?.openStage = shown
        network?.stageHover = nil
        drag = nil
    }

    /// `v` / `V`: the next or previous stage view, the panels between the last and the first.
    mutating func stepStage(by delta: Int) {
        guard let mode = network else { return }
        let n = NetStages.names.count
        let current = mode.openStage ?? 0
        openStage(((current + delta) % n + n) % n)
    }

    /// A new pass when the input is no longer the one the last pass saw (after painting, a shift,
    /// an undo). An input that is not 28×28 any more (an undo past network mode) ends the mode.
    mutating func refreshNetworkPass(force: Bool = false) {
        guard let mode = network else { return }
        guard image.grid.width == NetShape.side, image.grid.height == NetShape.side else {
            network = nil
            return
        }
        guard force || image.grid != mode.pass.input else { return }
        if !force, mode.testIndex.map({ mode.source.testGrid($0) != image.grid }) ?? false { network?.testIndex = nil }
        network?.pass = NetworkPass(weights: mode.source.weights, input: image.grid, revision: mode.pass.revision + 1)
    }

    /// The mouse in network mode: a press on a strip stage opens its view (the input goes back to
    /// the panels); in a stage view the pointer picks the value to describe; over the kernel band
    /// it picks the weight whose exact value is shown. Anything else is the panels' as usual.
    private mutating func networkPointer(_ event: PointerEvent) -> [Effect]? {
        guard let mode = network else { return nil }
        let layout = FrameLayout(state: self)
        if case let .pressed(x, y, button) = event, button == .primary, let i = layout.stripStage(atX: x, y: y) {
            openStage(i == mode.openStage ? nil : i)
            return []
        }
        if let stage = mode.openStage {
            switch event {
            case let .moved(x, y):
                let cell = layout.stageView(stage, pass: mode.pass).cell(atX: x, y: y)
                network?.stageHover = cell
            case .left:
                network?.stageHover = nil
            case .pressed, .released, .scrolled:
                drag = nil
            }
            return []
        }
        switch event {
        case let .moved(x, y) where drag == nil:
            let weight = kernelWeight(atX: x, y: y)
            network?.weightHover = weight
        case .left:
            network?.weightHover = nil
        default:
            break
        }
        return nil
    }
}

extension NetworkMode {
    static func testImage(_ i: Int, _ source: NetworkSource) -> NamedImage {
        NamedImage(name: "test image \(i)", grid: source.testGrid(i))
    }

    /// First-layer filter `f`'s 3×3 weights as a kernel.
    static func learnedKernel(_ f: Int, _ source: NetworkSource) -> Kernel {
        let w = source.weights.conv1Weight.values
        return Kernel(name: "conv1[\(f)]", label: "learned filter \(f + 1) of \(source.shape.filters1)",
                      size: 3, weights: Array(w[f * 9 ..< f * 9 + 9]))
    }

    /// conv1's settings for filter `f`: valid, stride 1, max pool, and the filter's bias.
    static func learnedSettings(_ f: Int, _ source: NetworkSource) -> ConvSettings {
        ConvSettings(bias: source.weights.conv1Bias.values[f])
    }
}

extension ImageSet {
    func indices(contains i: Int) -> Bool { i >= 0 && i < count }
}
