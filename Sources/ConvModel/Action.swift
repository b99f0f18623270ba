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
    case showMessage(String)
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
    case quit
}

/// What the shell must do after an update: things the pure state cannot do itself.
public enum Effect: Equatable, Sendable {
    case quit
    case saveScreenshot
    case toggleFullscreen
}

/// The mouse, in window pixels.
public enum PointerEvent: Equatable, Sendable {
    case moved(x: Double, y: Double)
    case pressed(x: Double, y: Double, button: PointerButton)
    case released(x: Double, y: Double, button: PointerButton)
    /// Wheel steps: positive zooms in.
    case scrolled(x: Double, y: Double, steps: Int)
    /// The pointer left the window.
    case left
}

public enum PointerButton: Equatable, Sendable {
    case primary, secondary, middle
}
