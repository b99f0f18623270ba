extension AppState {
    /// The kernel-editing actions: select a weight, nudge it, type it, zero it, resize the kernel.
    /// Edits need a selected weight; without one they do nothing.
    mutating func editKernel(_ action: Action) {
        switch action {
        case let .selectWeight(row, col):
            guard (0..<kernel.size).contains(row), (0..<kernel.size).contains(col) else { return }
            kernelEditor = KernelEditor(selected: GridCell(row: row, col: col))
        case .deselectWeight:
            kernelEditor = KernelEditor()
        case let .nudgeWeight(steps, coarse):
            guard let s = kernelEditor.selected, steps != 0 else { return }
            let delta = Double(steps) * (coarse ? KernelEditor.coarseStep : KernelEditor.fineStep)
            applyWeight(KernelEditor.nudged(kernel[s.row, s.col], by: delta), at: s)
        case let .setWeight(value):
            guard let s = kernelEditor.selected else { return }
            guard value.isFinite, abs(value) <= KernelEditor.maxMagnitude else {
                message = "\(WeightEntryError.outOfRange("\(value)"))"
                return
            }
            applyWeight(value + 0, at: s)
        case .zeroWeight:
            guard let s = kernelEditor.selected else { return }
            applyWeight(0, at: s)
        case let .typeWeightCharacter(c):
            guard kernelEditor.selected != nil, KernelEditor.isTypable(c) else { return }
            if kernelEditor.typedIsInvalid {
                // A fresh number: the old one and what was said about it go.
                kernelEditor.typed = ""
                kernelEditor.typedIsInvalid = false
                message = nil
            }
            guard kernelEditor.typed.count < KernelEditor.maxTypedLength else { return }
            kernelEditor.typed.append(c)
        case .eraseTypedCharacter:
            guard let s = kernelEditor.selected else { return }
            if kernelEditor.typed.isEmpty {
                applyWeight(0, at: s)
            } else if kernelEditor.typedIsInvalid {
                kernelEditor.typed = ""
                kernelEditor.typedIsInvalid = false
            } else {
                kernelEditor.typed.removeLast()
            }
        case .commitTypedWeight:
            guard let s = kernelEditor.selected, !kernelEditor.typed.isEmpty else { return }
            do {
                applyWeight(try WeightEntryError.parse(kernelEditor.typed), at: s)
            } catch {
                message = "\(error)"
                kernelEditor.typedIsInvalid = true
            }
        case .cycleKernelSize:
            cycleKernelSize()
        default:
            break
        }
    }

    /// Weight `s` becomes `value`; the maps follow at once. What was typed is used up.
    private mutating func applyWeight(_ value: Float, at s: GridCell) {
        if rebuild(kernel: kernel.setting(row: s.row, col: s.col, to: value)) {
            kernelEditor.typed = ""
            kernelEditor.typedIsInvalid = false
        }
    }

    /// The next size of 3 → 5 → 7 → 1 that leaves an output on this input, keeping the centre
    /// weights; a size that leaves none is passed over, and the message says so. Every size is cut
    /// from the kernel the cycle started with, so a full turn gives that kernel back, weights,
    /// name and all, and the scan returns to the cell it started on.
    private mutating func cycleKernelSize() {
        let old = kernel.size
        if let o = sizeCycleOrigin, o == kernel || o.resized(to: old) == kernel {} else { sizeCycleOrigin = kernel }
        let origin = sizeCycleOrigin ?? kernel
        let anchor = currentCycleAnchor()
        var n = old
        var skipped: [Int] = []
        for _ in KernelEditor.sizeCycle.indices {
            n = KernelEditor.nextSize(after: n)
            guard n != old else { break }
            let off = (old - n) / 2
            let moved = kernelEditor.selected.map { GridCell(row: $0.row - off, col: $0.col - off) }
            if rebuild(kernel: n == origin.size ? origin : origin.resized(to: n)) {
                placeScan(atAnchor: anchor)
                kernelEditor = KernelEditor(selected: moved)
                kernelEditor.fit(kernelSize: n)
                if !skipped.isEmpty {
                    let sizes = skipped.map { "\($0)×\($0)" }.joined(separator: ", ")
                    message = "a \(sizes) kernel leaves no output on this \(image.grid.width)×\(image.grid.height) input: now \(n)×\(n)"
                }
                return
            }
            skipped.append(n)
        }
    }
}
