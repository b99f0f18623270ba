/// The rules of kiosk mode (`--kiosk`): the tour loops until a visitor touches a key or a button,
/// the visitor then has the controls, and after `idleTimeout` seconds without input the tour
/// comes back. The window asks this value what each input means and when the next deadline is;
/// it holds no X and no clock of its own, so every rule is tested without a display.
///
///     var kiosk = Kiosk(tour: .builtin)
///     for a in kiosk.startActions { state.update(a) }
///     let actions = kiosk.key("Right", modifiers: [], in: state, at: now)   // wakes: [.pauseTour, .showInfo(…)]
///
/// Decisions:
/// - The input that wakes the kiosk (a key or a button, while the tour runs) only pauses the tour
///   and greets the visitor; it does nothing else, so a stray key or a click in passing never
///   changes the picture, and nothing a visitor does first can be destructive.
/// - Pointer motion alone does not wake it (people brush past mice); once a visitor has the
///   controls, motion counts as input and keeps them.
/// - The input that wakes the kiosk also pauses the scan, so the visitor finds a still picture.
/// - Keys that would leave or break the display do nothing: `q`, and `Esc` with nothing left to
///   close (quit), F11, and `s` (it would write files; it says so on screen). Ctrl+Alt+Q always
///   quits; `--allow-quit` gives `q` and `Esc` back.
/// - `t` in the visitor's hands goes back to the tour at once (as the idle timeout would).
/// - Going back to the tour undoes what a visitor changed that the tour's scenes do not set
///   themselves: a selected weight, paint mode and the brush, the help and code overlays, a message,
///   hover and a drag. Zoom and pan, input, filter and settings are set by the scene anyway. The
///   visitor's undo steps go too: the next visitor starts with nothing to undo.
public struct Kiosk: Equatable, Sendable {
    public static let defaultIdleTimeout = 90.0
    /// What the visitor is told when they take over.
    public static let welcome = "Your turn: h lists the keys, t goes back to the tour"
    /// What `s` says in a visitor's hands.
    public static let savingOff = "saving is off in kiosk mode"
    /// Keys that quit with Control and Alt held, whatever `allowQuit` says.
    public static let quitChordKeys: Set<String> = ["q", "Q"]

    public let tour: Tour
    /// Seconds without input before the tour comes back (more than 0).
    public let idleTimeout: Double
    /// Whether `q` and `Esc` quit as they do outside kiosk mode.
    public let allowQuit: Bool
    /// When a visitor last did something; nil while nobody has the controls.
    public private(set) var lastInput: Double?

    public init(tour: Tour, idleTimeout: Double = Kiosk.defaultIdleTimeout, allowQuit: Bool = false) {
        self.tour = tour
        self.idleTimeout = idleTimeout.isFinite && idleTimeout > 0 ? idleTimeout : Kiosk.defaultIdleTimeout
        self.allowQuit = allowQuit
    }

    /// The tour, looping forever.
    public var startActions: [Action] { [.startTour(tour, loop: true)] }

    /// Whether the tour is playing to nobody: the next key or button wakes the kiosk.
    public func isTouring(_ state: AppState) -> Bool { state.tour?.isRunning == true }

    /// When the tour comes back, if a visitor has the controls.
    public var idleDeadline: Double? { lastInput.map { $0 + idleTimeout } }

    /// What a key press (its keysym name and modifiers, locks stripped) does at time `now`.
    public mutating func key(_ key: String, modifiers: KeyModifiers, in state: AppState, at now: Double) -> [Action] {
        if Kiosk.quitChordKeys.contains(key), modifiers.isSuperset(of: [.control, .alt]) { return [.quit] }
        if let woken = wake(state, at: now) { return woken }
        lastInput = now
        guard let action = KeyMap.action(key: key, modifiers: modifiers, in: state) else { return [] }
        return visitorAction(action, in: state)
    }

    /// A key's action in the visitor's hands: the ones that would leave or break the display are dropped.
    private mutating func visitorAction(_ action: Action, in state: AppState) -> [Action] {
        switch action {
        case .quit, .askToQuit:
            return allowQuit ? [action] : []
        case .escape:
            return allowQuit || state.escapeTarget != nil ? [action] : []
        case .saveScreenshot:
            return [.showInfo(Kiosk.savingOff)]
        case .toggleFullscreen:
            return []
        case .toggleTour:
            lastInput = nil
            return returnActions(for: state)
        default:
            return [action]
        }
    }

    /// A button press (or a wheel step): nil to pass it on to the model, or what happens instead.
    public mutating func press(in state: AppState, at now: Double) -> [Action]? {
        if let woken = wake(state, at: now) { return woken }
        lastInput = now
        return nil
    }

    /// Pointer motion: whether to pass it on to the model. While the tour plays to nobody, motion
    /// only shows the cursor; in a visitor's hands it is input like any other.
    public mutating func moved(in state: AppState, at now: Double) -> Bool {
        if isTouring(state) { return false }
        if lastInput != nil { lastInput = now }
        return true
    }

    /// Called when the loop reaches `idleDeadline`: back to the tour, if the visitor is really gone.
    public mutating func idle(in state: AppState, at now: Double) -> [Action] {
        guard let deadline = idleDeadline, now >= deadline else { return [] }
        lastInput = nil
        return returnActions(for: state)
    }

    /// The tour and the scan pause and the visitor is greeted; nil when there is no running tour to wake from.
    private mutating func wake(_ state: AppState, at now: Double) -> [Action]? {
        guard isTouring(state) else { return nil }
        lastInput = now
        return [.pauseTour, .setPlaying(false), .showInfo(Kiosk.welcome)]
    }

    /// Undoes what a visitor changed that the scenes do not set, then goes back to the tour: the
    /// paused scene from its start, or the tour from the beginning if there is none.
    public func returnActions(for state: AppState) -> [Action] {
        var actions: [Action] = []
        if let d = state.drag {
            actions.append(.pointer(.released(x: d.lastX, y: d.lastY, button: d.paintValue == 0 ? .secondary : .primary)))
        }
        if state.kernelEditor.selected != nil { actions.append(.deselectWeight) }
        if state.painter.isOn { actions.append(.togglePaintMode) }
        if state.painter.brush != InputPainter.brushSizes.lowerBound {
            actions.append(.changeBrush(InputPainter.brushSizes.lowerBound - state.painter.brush))
        }
        if state.view.showHelp { actions.append(.toggleHelp) }
        if state.view.showCode { actions.append(.toggleCode) }
        actions += [.pointer(.left), .dismissMessage, .resetView, .forgetEdits]
        actions.append(state.tour == nil ? .startTour(tour, loop: true) : .resumeTour)
        return actions
    }
}
