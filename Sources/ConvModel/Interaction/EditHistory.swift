/// What one undo step gives back: the input, the kernel and the settings, as they were.
public struct EditSnapshot: Equatable, Sendable {
    public let image: NamedImage
    public let kernel: Kernel
    public let settings: ConvSettings

    public init(image: NamedImage, kernel: Kernel, settings: ConvSettings) {
        self.image = image
        self.kernel = kernel
        self.settings = settings
    }

    /// Cells this snapshot keeps alive: its input's, since every painted or moved input is a grid
    /// of its own (a kernel or settings edit shares the grid of the step before, copy-on-write).
    var cells: Int { image.grid.width * image.grid.height }
}

/// Undo and redo for the person's edits: painting (a whole stroke is one step), clearing, kernel
/// weights and size, moving the input, and the input, filter, dilation and flip keys.
///
///     state.update(.togglePaintMode)
///     state.update(.paint(row: 3, col: 3, value: 1))
///     state.update(.undo)          // the input as it was before the stroke
///     state.update(.redo)          // and the stroke again
///
/// At least `minimumSteps` steps are kept. On a very large input the steps that hold painted or
/// moved pictures are also limited by `cellBudget`, so the history never holds more than about
/// that many cells besides the most recent step; the oldest steps go first.
public struct EditHistory: Equatable, Sendable {
    /// The steps kept, whatever the input's size allows.
    public static let minimumSteps = 100
    /// Cells (4 bytes each) the history may hold by default: 128 MiB, room for 100 steps on any
    /// input up to about 580×580 pixels.
    public static let defaultCellBudget = 32 * 1024 * 1024

    /// Cells the history may hold besides the most recent step.
    public let cellBudget: Int
    public private(set) var undoSteps: [EditSnapshot] = []
    public private(set) var redoSteps: [EditSnapshot] = []

    public init(cellBudget: Int = EditHistory.defaultCellBudget) {
        self.cellBudget = cellBudget
    }

    public var canUndo: Bool { !undoSteps.isEmpty }
    public var canRedo: Bool { !redoSteps.isEmpty }

    /// Remembers `before`, the state an edit just replaced. A new edit ends what could be redone.
    mutating func record(_ before: EditSnapshot) {
        undoSteps.append(before)
        redoSteps.removeAll()
        trim(&undoSteps)
    }

    /// The step to go back to, with `current` kept for redo; nil when there is nothing to undo.
    mutating func undo(from current: EditSnapshot) -> EditSnapshot? {
        guard let step = undoSteps.popLast() else { return nil }
        redoSteps.append(current)
        trim(&redoSteps)
        return step
    }

    /// The step undo last went back from, with `current` kept for undo; nil when there is none.
    mutating func redo(from current: EditSnapshot) -> EditSnapshot? {
        guard let step = redoSteps.popLast() else { return nil }
        undoSteps.append(current)
        trim(&undoSteps)
        return step
    }

    /// Keeps at most `minimumSteps` steps, and fewer when their inputs together pass `cellBudget`.
    /// Steps that share one grid count once.
    private func trim(_ steps: inout [EditSnapshot]) {
        if steps.count > Self.minimumSteps { steps.removeFirst(steps.count - Self.minimumSteps) }
        // Usually everything fits even counting every step's grid: no need to look for shared ones.
        guard steps.reduce(0, { $0 + $1.cells }) > cellBudget else { return }
        var cells = 0
        var keepFrom = steps.count
        for i in steps.indices.reversed() {
            if i + 1 == steps.count || steps[i].image.grid != steps[i + 1].image.grid {
                cells += steps[i].cells
            }
            if cells > cellBudget, i < steps.count - 1 { break }
            keepFrom = i
        }
        if keepFrom > 0 { steps.removeFirst(keepFrom) }
    }
}
