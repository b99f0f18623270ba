/// What the person has made that exists nowhere else: a painted input not written to a file, a
/// kernel edited by hand.
public struct UnsavedWork: Equatable, Sendable {
    public var painting = false
    public var kernel = false

    public init(painting: Bool = false, kernel: Bool = false) {
        self.painting = painting
        self.kernel = kernel
    }

    public var isEmpty: Bool { !painting && !kernel }

    /// "the painted input", "the edited kernel", or both.
    public var description: String {
        switch (painting, kernel) {
        case (true, true): return "the painted input and the edited kernel"
        case (true, false): return "the painted input"
        case (false, true): return "the edited kernel"
        case (false, false): return "nothing"
        }
    }
}

extension AppState {
    /// The person's edits that undo takes back. The tour and the command line set inputs and
    /// kernels with `setImage`, `setKernel` and `setSettings`, which are not steps of their own.
    static func isUndoableEdit(_ action: Action) -> Bool {
        switch action {
        case .nextInput, .previousInput, .nextFilter, .previousFilter, .selectPreset,
             .nudgeWeight, .setWeight, .zeroWeight, .eraseTypedCharacter, .commitTypedWeight, .cycleKernelSize,
             .paint, .paintStroke, .clearCanvas, .shiftInput, .cycleDilation, .toggleFlip:
            return true
        default:
            return false
        }
    }

    /// The input, kernel and settings as one undo step.
    var editSnapshot: EditSnapshot { EditSnapshot(image: image, kernel: kernel, settings: settings) }

    /// Applies an edit and, when it changed something, remembers what it replaced. A brush stroke
    /// (press, drag, release) is one step: only its first change is recorded.
    mutating func applyRecordingUndo(_ action: Action) -> [Effect] {
        let before = editSnapshot
        let effects = apply(action)
        guard editSnapshot != before else { return effects }
        let isPaint: Bool
        switch action {
        case .paint, .paintStroke, .clearCanvas: isPaint = true
        default: isPaint = false
        }
        let continuesStroke = isPaint && drag?.paintValue != nil && drag?.strokeRecorded == true
        if !continuesStroke { history.record(before) }
        if isPaint, drag?.paintValue != nil { drag?.strokeRecorded = true }
        if isPaint {
            unsaved.painting = true
        } else if AppState.editsKernelByHand(action) {
            unsaved.kernel = true
        }
        return effects
    }

    private static func editsKernelByHand(_ action: Action) -> Bool {
        switch action {
        case .nudgeWeight, .setWeight, .zeroWeight, .eraseTypedCharacter, .commitTypedWeight, .cycleKernelSize:
            return true
        default:
            return false
        }
    }

    mutating func undo() {
        guard let step = history.undo(from: editSnapshot) else {
            message = "nothing to undo"
            return
        }
        restore(step)
    }

    mutating func redo() {
        guard let step = history.redo(from: editSnapshot) else {
            message = "nothing to redo"
            return
        }
        restore(step)
    }

    /// Puts an earlier input, kernel and settings back. They gave an output before, so this cannot
    /// fail; what was being typed for a weight is dropped.
    private mutating func restore(_ step: EditSnapshot) {
        kernelEditor.typed = ""
        kernelEditor.typedIsInvalid = false
        rebuild(image: step.image, kernel: step.kernel, settings: step.settings)
    }
}
