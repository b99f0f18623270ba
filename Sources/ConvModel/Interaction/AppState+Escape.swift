extension AppState {
    /// Shown by the first `q` or Esc when leaving would lose work; while it is on screen the
    /// second press quits.
    public var quitQuestion: String { "\(workAtRisk.description) is not saved: press again to quit" }

    /// Whether the quit question is on screen (any action that replaces the message takes it back).
    public var isAskingToQuit: Bool { !workAtRisk.isEmpty && message == quitQuestion }

    /// The unsaved work that is on screen now, which quitting would lose: a painting or an edited
    /// kernel that has since given way to another input or a preset (it lives on only in undo) is
    /// not asked about.
    public var workAtRisk: UnsavedWork {
        UnsavedWork(painting: unsaved.painting && image.name.hasPrefix(InputPainter.paintedName),
                    kernel: unsaved.kernel && kernel.name == "custom")
    }

    /// What Esc would close, topmost first (help is drawn over the code overlay); nil when there is
    /// nothing left and Esc quits.
    public var escapeTarget: EscapeTarget? {
        if view.showHelp { return .help }
        if view.showCode { return .codeOverlay }
        if !kernelEditor.typed.isEmpty { return .typedNumber }
        if kernelEditor.selected != nil { return .selectedWeight }
        if painter.isOn { return .paintMode }
        return nil
    }

    /// Esc: closes one thing, the topmost, or with nothing open asks to quit.
    mutating func escape() -> [Effect] {
        switch escapeTarget {
        case .help:
            view.showHelp = false
        case .codeOverlay:
            view.showCode = false
        case .typedNumber:
            kernelEditor.typed = ""
            kernelEditor.typedIsInvalid = false
        case .selectedWeight:
            kernelEditor = KernelEditor()
        case .paintMode:
            painter.isOn = false
        case nil:
            return askToQuit()
        }
        return []
    }

    /// Quits, unless that would lose unsaved work and the question has not been asked yet.
    mutating func askToQuit() -> [Effect] {
        if workAtRisk.isEmpty || isAskingToQuit { return [.quit] }
        message = quitQuestion
        return []
    }
}

/// The things Esc closes, in the order it closes them.
public enum EscapeTarget: Equatable, Sendable {
    case help, codeOverlay, typedNumber, selectedWeight, paintMode
}
