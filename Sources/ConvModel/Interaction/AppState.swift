/// Everything the window shows, as one value. It changes only through `update(_:)`.
///
///     var state = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!)
///     state.update(.step(5))
///     state.scan.position   // 5
public struct AppState: Equatable, Sendable {
    public private(set) var image: NamedImage
    public private(set) var kernel: Kernel
    public private(set) var settings: ConvSettings
    /// Derived from image, kernel and settings; rebuilt whenever one of them changes.
    public private(set) var maps: FeatureMaps
    public var scan: ScanCursor
    public var clock: Clock
    public var view: ViewOptions
    /// Zoom and pan of the input, conv and pool panels.
    public var panels: [PanelView] = Array(repeating: PanelView(), count: PanelKind.allCases.count)
    public var windowWidth: Int
    public var windowHeight: Int
    /// A message shown on screen (a file that did not load, a kernel that did not fit…). Any new
    /// message is an error unless it is set as news (`.showInfo`, such as a file saved).
    public var message: String? {
        didSet { messageStyle = .error }
    }
    /// How the message is shown: news in a quiet style, a problem in a warning one.
    public var messageStyle: MessageStyle = .error
    /// The caption box of the guided tour, when one is showing.
    public var caption: Caption?
    /// The panel cell under the pointer, if any.
    public var hover: HoverTarget?
    /// A drag in progress: which panel, and where the pointer was last.
    public var drag: DragState?
    /// The guided tour, while one is playing or paused; nil when not touring.
    public var tour: TourPlayer?
    /// The selected kernel weight and the number being typed for it.
    public internal(set) var kernelEditor = KernelEditor()
    /// Paint mode and brush.
    public internal(set) var painter = InputPainter()
    /// Undo and redo of the person's edits.
    public internal(set) var history = EditHistory()
    /// What the person has made that exists nowhere else yet (Esc and `q` ask before it goes).
    public internal(set) var unsaved = UnsavedWork()
    /// The input given at start when it is not a built-in one (a file, a blank canvas): `i` / `I`
    /// keep it in their cycle.
    public internal(set) var ownInput: NamedImage?
    /// Where the scan was before the pointer started previewing positions (paused hover).
    var hoverPreview: ScanPreview?
    /// The cell the scan stood on when `k` or `d` started changing the map's size.
    var cycleAnchor: ScanAnchor?
    /// The kernel `k` started from, so a full turn of sizes gives it back.
    var sizeCycleOrigin: Kernel?
    /// What `t` gives back when the person leaves the tour.
    var beforeTour: TourReturn?
    /// The trained network the shell loaded, which `N` shows; nil when none was found.
    public internal(set) var networkSource: NetworkSource?
    /// Network mode, while it is on (`AppState+Network.swift`).
    public internal(set) var network: NetworkMode?
    /// The images a tour scene's learn view trains on, when the shell loaded them.
    public internal(set) var learnImages: LearnImages?
    /// The learn view of the tour scene playing, drawn in place of everything else; nil otherwise.
    public internal(set) var tourLearning: TourLearning?
    /// The window's learn view (`L`), once opened; it lives on, hidden and paused, after leaving.
    public internal(set) var learn: LearnMode?

    /// Fails with a `SettingsError` when the kernel leaves no output on this image.
    public init(image: NamedImage, kernel: Kernel, settings: ConvSettings = ConvSettings(),
                speed: Double = Clock.defaultSpeed, playing: Bool = true,
                windowWidth: Int = 1280, windowHeight: Int = 800) throws {
        let geometry = try ConvGeometry.validated(inputWidth: image.grid.width, inputHeight: image.grid.height,
                                                  kernel: kernel, settings: settings)
        self.image = image
        self.kernel = kernel
        self.settings = settings
        self.maps = FeatureMaps(input: image.grid, kernel: kernel, settings: settings)
        self.scan = ScanCursor(geometry: geometry)
        self.clock = Clock(speed: speed, isPlaying: playing)
        self.view = ViewOptions()
        self.windowWidth = windowWidth
        self.windowHeight = windowHeight
        if BuiltinImages.named(image.name) == nil { ownInput = image }
    }

    public var geometry: ConvGeometry { maps.geometry }

    /// Index of the current input among the built-in ones, nil for a file.
    public var builtinInputIndex: Int? { BuiltinImages.names.firstIndex(of: image.name) }
    /// Index of the current filter among the presets, nil for a custom kernel.
    public var presetIndex: Int? { Kernel.presets.firstIndex(of: kernel) }

    /// The arithmetic of the cell at the current scan position.
    public var currentCell: CellArithmetic { maps.cell(row: scan.row, col: scan.col) }

    /// Applies one action and returns what the shell must do about it. The person's edits are
    /// remembered for undo (`AppState+History.swift`).
    @discardableResult
    public mutating func update(_ action: Action) -> [Effect] {
        // The learn view covers the panels: the pointer has nothing of theirs to act on.
        if case .pointer = action, learn?.isShown == true { return [] }
        let effects: [Effect]
        if let handled = applyInNetworkMode(action) {
            effects = handled
        } else if AppState.isUndoableEdit(action) {
            effects = applyRecordingUndo(action)
        } else {
            effects = apply(action)
        }
        // In network mode every stage follows the input within the same update.
        if network != nil { refreshNetworkPass() }
        return effects
    }

    mutating func apply(_ action: Action) -> [Effect] {
        switch action {
        case let .tick(seconds):
            if tour?.isRunning == true {
                advanceTour(seconds)
            } else if drag?.isScrub != true {
                // While the timeline is held the scan waits under the pointer.
                clock.advance(seconds, cursor: &scan)
            }
        case .togglePlay:
            if tour?.isRunning == true || tour?.isHeld == true {
                toggleTourHold()
            } else {
                clock.isPlaying.toggle()
            }
        case let .setPlaying(on):
            clock.isPlaying = on
        case let .step(n):
            moveScan { $0.step(by: n) }
        case let .stepRow(n):
            moveScan { $0.stepRow(by: n) }
        case .seekFirst:
            moveScan { $0.reset() }
        case .seekLast:
            moveScan { $0.seekEnd() }
        case let .seek(p):
            moveScan { $0.seek(p) }
        case .speedUp:
            clock.faster()
        case .speedDown:
            clock.slower()
        case let .setSpeed(s):
            clock.setSpeed(s)
        case .nextInput, .previousInput:
            cycleInput(by: action == .nextInput ? 1 : -1)
        case let .setImage(img):
            rebuild(image: img)
        case .nextFilter, .previousFilter:
            let n = Kernel.presets.count
            let delta = action == .nextFilter ? 1 : -1
            let i = presetIndex.map { ($0 + delta + n) % n } ?? 0
            rebuild(kernel: Kernel.presets[i])
        case let .selectPreset(i):
            if Kernel.presets.indices.contains(i) { rebuild(kernel: Kernel.presets[i]) }
        case let .setKernel(k):
            rebuild(kernel: k)
        case let .setSettings(s):
            rebuild(settings: s)
        case .toggleRelu:
            view.showRelu.toggle()
        case .toggleNumbers:
            view.showNumbers.toggle()
        case .toggleGrid:
            view.showGrid.toggle()
        case .toggleProgressive:
            view.progressive.toggle()
        case .toggleHelp:
            view.showHelp.toggle()
        case .resetView:
            panels = Array(repeating: PanelView(), count: PanelKind.allCases.count)
        case let .resize(w, h):
            windowWidth = max(1, w)
            windowHeight = max(1, h)
        case let .setScale(s):
            if s.isFinite, s > 0 { view.scale = min(max(s, 0.25), 8) }
        case let .setTheme(t):
            view.theme = t
        case let .showMessage(m):
            message = m
        case let .showInfo(m):
            message = m
            messageStyle = .info
        case .dismissMessage:
            message = nil
        case let .pointer(event):
            return handlePointer(event)
        case let .setCaption(c):
            caption = c
        case let .setView(v):
            view = v.applied(to: view)
        case let .startTour(t, loop):
            startTour(t, loop: loop)
        case .stopTour:
            stopTour()
        case .pauseTour:
            pauseTour()
        case .resumeTour:
            resumeTour()
        case .toggleFullscreen:
            return [.toggleFullscreen]
        case .saveScreenshot:
            // In paint mode `s` keeps the painting itself, as an image `--input` can load again.
            return painter.isOn ? [.savePaintedInput] : [.saveScreenshot]
        case .quit:
            return [.quit]
        case .askToQuit:
            return askToQuit()
        case .escape:
            return escape()
        case .undo:
            undo()
        case .redo:
            redo()
        case .paintingSaved:
            unsaved.painting = false
        case .forgetEdits:
            history = EditHistory(cellBudget: history.cellBudget)
            unsaved = UnsavedWork()
        case .nextScene:
            goToScene(by: 1)
        case .previousScene:
            goToScene(by: -1)
        case .selectWeight, .deselectWeight, .nudgeWeight, .setWeight, .zeroWeight, .typeWeightCharacter,
             .eraseTypedCharacter, .commitTypedWeight, .cycleKernelSize:
            editKernel(action)
        case .togglePaintMode, .changeBrush, .paint, .paintStroke, .clearCanvas:
            paintInput(action)
        case let .shiftInput(rows, cols):
            shiftInput(rows: rows, cols: cols)
        case .cycleDilation:
            cycleDilation()
        case .toggleFlip:
            toggleFlip()
        case .toggleCode:
            view.showCode.toggle()
        case .toggleTour:
            toggleTour()
        case let .setNetworkSource(source):
            setNetworkSource(source)
        case .toggleNetwork:
            if network == nil, networkSource == nil { return [.loadNetwork] }
            toggleNetwork()
        case let .selectTestImage(i):
            selectTestImage(i)
        case let .selectNetworkFilter(f):
            selectNetworkFilter(f)
        case let .openStage(i):
            openStage(i)
        case let .stepStage(delta):
            stepStage(by: delta)
        case let .useTrainedWeights(weights, name, file):
            useTrainedWeights(weights, name: name, file: file)
        case let .setNetworkScene(scene):
            setNetworkScene(scene)
        case let .trainTourNetwork(steps):
            tourLearning?.train(toSteps: steps)
        case let .setLearnImages(images):
            learnImages = images
        case .enterLearn, .learnStarted, .learnCommand, .learnSnapshot, .learnPaused, .learnWeightsSaved, .showLearnMessage:
            return applyLearn(action)
        }
        return []
    }

    private mutating func moveScan(_ move: (inout ScanCursor) -> Void) {
        move(&scan)
        clock.resetPhase()
    }

    /// Recomputes the maps for a new image, kernel or settings. When the combination leaves no
    /// output, nothing changes and the reason is put on screen instead. Says whether it took.
    @discardableResult
    mutating func rebuild(image newImage: NamedImage? = nil, kernel newKernel: Kernel? = nil,
                          settings newSettings: ConvSettings? = nil) -> Bool {
        let img = newImage ?? image, k = newKernel ?? kernel, s = newSettings ?? settings
        do {
            let g = try ConvGeometry.validated(inputWidth: img.grid.width, inputHeight: img.grid.height,
                                               kernel: k, settings: s)
            image = img
            kernel = k
            settings = s
            maps = FeatureMaps(input: img.grid, kernel: k, settings: s)
            scan = scan.carried(toColumns: g.outputWidth, rows: g.outputHeight)
            clock.resetPhase()
            message = nil
            kernelEditor.fit(kernelSize: k.size)
            return true
        } catch {
            message = "\(error)"
            return false
        }
    }
}

/// The two ways a message looks: news (a file saved) and a problem (a file that did not load).
public enum MessageStyle: Equatable, Sendable {
    case info, error
}
