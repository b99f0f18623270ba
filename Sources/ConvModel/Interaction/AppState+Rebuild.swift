extension AppState {
    /// Whether applying this action (may) recompute the whole feature maps: a new input, kernel,
    /// weight or setting, or a painted or shifted input.
    public static func rebuildsMaps(_ action: Action) -> Bool {
        switch action {
        case .nextInput, .previousInput, .setImage, .nextFilter, .previousFilter, .selectPreset, .setKernel, .setSettings,
             .nudgeWeight, .setWeight, .zeroWeight, .eraseTypedCharacter, .commitTypedWeight, .cycleKernelSize,
             .paint, .paintStroke, .clearCanvas, .shiftInput, .cycleDilation, .toggleFlip, .undo, .redo:
            return true
        default:
            return false
        }
    }

    /// `rebuilt` (this state with one map-rebuilding action applied, computed elsewhere while this
    /// state went on living) with everything that is not the image, kernel, settings or maps taken
    /// from this state: the clock, view, zoom, window size, pointer, and the scan position carried
    /// over to the new map size.
    ///
    /// The window computes large maps off its main thread this way, so ticks, hover and keys keep
    /// working while a filter change on a 4096² image is under way.
    public func adopting(_ rebuilt: AppState) -> AppState {
        var next = rebuilt
        next.scan = scan.carried(toColumns: rebuilt.scan.columns, rows: rebuilt.scan.rows)
        next.clock = clock
        next.clock.resetPhase()
        next.view = view
        next.panels = panels
        next.windowWidth = windowWidth
        next.windowHeight = windowHeight
        next.caption = caption
        next.hover = nil
        next.drag = drag
        // The learn view moved on while the maps were computed (snapshots, keys).
        next.learn = learn
        return next
    }
}
