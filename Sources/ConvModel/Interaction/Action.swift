import ConvNet

/// Everything that can change the app state: keys, mouse, timer ticks and the tour all become actions.
public enum Action: Equatable, Sendable {
    case tick(seconds: Double)
    case togglePlay
    case setPlaying(Bool)
    /// Move the scan by this many positions (negative: back).
    case step(Int)
    /// Move the scan by this many rows of the conv map.
    case stepRow(Int)
    case seekFirst
    case seekLast
    case seek(Int)
    case speedUp
    case speedDown
    case setSpeed(Double)
    case nextInput
    case previousInput
    case setImage(NamedImage)
    case nextFilter
    case previousFilter
    /// A preset by its index in `Kernel.presets` (keys 1–9 give 0–8).
    case selectPreset(Int)
    case setKernel(Kernel)
    case setSettings(ConvSettings)
    case toggleRelu
    case toggleNumbers
    case toggleGrid
    case toggleProgressive
    case toggleHelp
    case resetView
    case resize(width: Int, height: Int)
    case setScale(Double)
    case setTheme(Theme)
    /// A problem, shown in the error style.
    case showMessage(String)
    /// News (a file saved), shown in the info style.
    case showInfo(String)
    case dismissMessage
    case pointer(PointerEvent)
    /// Show a caption box (the tour), or none.
    case setCaption(Caption?)
    /// The view switches a tour scene sets (theme, scale and help are left alone).
    case setView(SceneView)
    /// Play a guided tour from its first scene: over and over (`loop`, kiosk) or once (record).
    case startTour(Tour, loop: Bool)
    /// Leave the tour; its caption goes with it.
    case stopTour
    /// Hold the tour where it is and hide its caption (a visitor took over).
    case pauseTour
    /// Back to the paused tour: its current scene again, from the start.
    case resumeTour
    case toggleFullscreen
    case saveScreenshot
    /// Quit at once (the kiosk's Ctrl+Alt+Q).
    case quit
    /// `q`: quit, but with unsaved work only on the second press (the first one asks on screen).
    case askToQuit
    /// Esc: close the topmost thing open (help, code, a typed number, a selected weight, paint
    /// mode); with nothing open, as `askToQuit`.
    case escape
    /// Take back the last edit (a stroke, a clear, a kernel edit or size, a move of the input,
    /// a new input or filter, dilation or flip).
    case undo
    /// Do again what undo took back.
    case redo
    /// The painted input was written to a file: leaving no longer loses it.
    case paintingSaved
    /// Forget the undo and redo steps and what is unsaved: a kiosk visitor's edits leave with
    /// them, so the next visitor cannot undo their way into them (and their memory is freed).
    case forgetEdits
    /// The tour's next / previous scene, from its start.
    case nextScene
    case previousScene

    // Editing the kernel (`KernelEditor`). Every edit makes the filter `custom`.
    /// Select weight (row, col) of the kernel for editing; out of range does nothing.
    case selectWeight(row: Int, col: Int)
    case deselectWeight
    /// Change the selected weight by `steps` × 0.1 (`coarse`: × 1.0), rounded to 4 decimals.
    case nudgeWeight(steps: Int, coarse: Bool)
    /// Set the selected weight to a value (finite, within ±1000).
    case setWeight(Float)
    /// Set the selected weight to 0.
    case zeroWeight
    /// Add a digit, `-` or `.` to the number being typed for the selected weight.
    case typeWeightCharacter(Character)
    /// Take back the last typed character; with nothing typed, zero the selected weight.
    case eraseTypedCharacter
    /// Enter: set the selected weight to the typed number (a bad number only gives a message).
    case commitTypedWeight
    /// Kernel side 3 → 5 → 7 → 1 → 3, keeping the centre weights.
    case cycleKernelSize

    // Painting the input (`InputPainter`).
    case togglePaintMode
    /// Brush side one larger (+1) or smaller (−1), within 1–3.
    case changeBrush(Int)
    /// Paint the brush at one input cell with `value` (1 white, 0 black); only in paint mode.
    case paint(row: Int, col: Int, value: Float)
    /// Paint every cell on the line between two input cells (a drag's last and new cell).
    case paintStroke(fromRow: Int, fromCol: Int, toRow: Int, toCol: Int, value: Float)
    /// Clear the input to black (only in paint mode).
    case clearCanvas

    /// Move the input by whole pixels, wrapping: positive rows down, positive cols right.
    case shiftInput(rows: Int, cols: Int)
    /// Dilation 1 → 2 → 3 → 1, passing over one that leaves no output.
    case cycleDilation
    /// True convolution (flipped kernel) or cross-correlation.
    case toggleFlip
    /// The overlay with the NumPy and PyTorch code for the current maps.
    case toggleCode
    /// Leave the running tour, or start the built-in one.
    case toggleTour

    // Network mode (`AppState+Network.swift`).
    /// The trained network `N` shows (the shell loads it), or none.
    case setNetworkSource(NetworkSource?)
    /// `N`: into network mode, or back to what was shown before.
    case toggleNetwork
    /// Test image `i` of the network's test set as the input (network mode only).
    case selectTestImage(Int)
    /// Learned first-layer filter `f` in the panels (network mode only).
    case selectNetworkFilter(Int)
    /// The view of one stage (an index of `NetStages.names`) in place of the panels; nil or the
    /// input goes back to the panels.
    case openStage(Int?)
    /// `v` / `V`: the next / previous stage view.
    case stepStage(Int)
    /// Leaving the learn view in network mode: the network from now on has these weights,
    /// trained there (`name` says how far; `file` is where they were saved, nil when they were
    /// not); the panels, the pass and the strip follow.
    case useTrainedWeights(NetworkWeights, name: String, file: String?)

    // Network scenes of the tour (`AppState+NetworkScene.swift`).
    /// What a tour scene shows of the network, set whole (nil: network mode off, no learn view,
    /// paint mode off), so the scene looks the same whatever came before it.
    case setNetworkScene(NetworkScene?)
    /// The tour's learn view trains on to this many batches from its seed.
    case trainTourNetwork(steps: Int)
    /// The images a tour's learn view trains and tests on (the shell loads them), or none.
    case setLearnImages(LearnImages?)

    // The window's learn view (`L`, `AppState+Learn.swift`).
    /// `L` on the panels: shows the learn view; the first time the shell starts training
    /// (`Effect.startLearning`).
    case enterLearn
    /// The shell started the training run (paused or not, as the run says): its first snapshot.
    /// Shows the learn view.
    case learnStarted(LearnSnapshot)
    /// A key of the learn view while it shows (`LearnKeyMap`).
    case learnCommand(LearnKeyMap.Command)
    /// The training thread's newest snapshot.
    case learnSnapshot(LearnSnapshot)
    /// After leaving the learn view: training has paused at this snapshot (nil when the thread did
    /// not answer in time: the last one shown). In network mode the network takes its weights.
    case learnPaused(LearnSnapshot?)
    /// `s` wrote `weights` (after `imagesSeen` images) to `file`, whose whole path is `path`.
    case learnWeightsSaved(file: String, path: String, weights: NetworkWeights, imagesSeen: Int)
    /// A line over the learn view's keys (a file not written, a network not loaded).
    case showLearnMessage(String)
}

/// What the shell must do after an update: things the pure state cannot do itself.
public enum Effect: Equatable, Sendable {
    case quit
    case saveScreenshot
    /// Save the painted input as a PGM (`s` in paint mode).
    case savePaintedInput
    case toggleFullscreen
    /// `N` with no network loaded yet: the shell reads the shipped one and sends `setNetworkSource`
    /// and `toggleNetwork` (or a message when it cannot).
    case loadNetwork
    /// `L` the first time: start the training thread, then send `learnStarted` (or a message).
    case startLearning
    /// Hand this to the training thread.
    case sendToLearning(LearnAction)
    /// The learn view was left: pause training, wait until it has, and send `learnPaused`.
    case pauseLearning
    /// `s` in the learn view: write this snapshot's weights to the first weights-N.json that does
    /// not exist yet, then send `learnWeightsSaved` (or `showLearnMessage`).
    case saveTrainedWeights(LearnSnapshot)
    /// `End` with no network loaded: load the shipped one and send `setNetworkSource` and
    /// `learnCommand(.restartFromNetwork)` again (or `showLearnMessage`).
    case loadNetworkForLearning
}

/// The mouse, in window pixels.
public enum PointerEvent: Equatable, Sendable {
    case moved(x: Double, y: Double)
    case pressed(x: Double, y: Double, button: PointerButton)
    case released(x: Double, y: Double, button: PointerButton)
    /// Wheel steps: positive zooms in. `coarse` (Shift held) makes a step on a kernel weight 1.0.
    case scrolled(x: Double, y: Double, steps: Int, coarse: Bool = false)
    /// The pointer left the window.
    case left
}

public enum PointerButton: Equatable, Sendable {
    case primary, secondary, middle
}
