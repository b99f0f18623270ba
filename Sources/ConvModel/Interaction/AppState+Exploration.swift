extension AppState {
    /// The largest dilation `d` walks to before it comes back to 1.
    public static let maxCycledDilation = 3

    /// Moves the input by whole pixels, wrapping around the edges: the translation-equivariance
    /// demonstration. The maps are recomputed and move with it (up to the border effects).
    mutating func shiftInput(rows: Int, cols: Int) {
        guard rows != 0 || cols != 0 else { return }
        let suffix = ", moved"
        let name = image.name.hasSuffix(suffix) ? image.name : image.name + suffix
        rebuild(image: NamedImage(name: name, grid: image.grid.shifted(rows: rows, cols: cols)))
    }

    /// Dilation 1 → 2 → 3 → 1 (anything above 3 goes to 1). A dilation that leaves no output on
    /// this input is passed over, and the message says so; 1 always fits when the current one does.
    mutating func cycleDilation() {
        let anchor = currentCycleAnchor()
        let old = settings.dilation
        var d = old
        var skipped: [Int] = []
        for _ in 0..<AppState.maxCycledDilation {
            d = d >= AppState.maxCycledDilation ? 1 : d + 1
            guard d != old else { break }
            var s = settings
            s.dilation = d
            if rebuild(settings: s) {
                placeScan(atAnchor: anchor)
                if !skipped.isEmpty {
                    let list = skipped.map(String.init).joined(separator: " and ")
                    message = "dilation \(list) leaves no output on this \(image.grid.width)×\(image.grid.height) input: now \(d)"
                }
                return
            }
            skipped.append(d)
        }
    }

    /// Convolution (kernel turned by 180°) or cross-correlation.
    mutating func toggleFlip() {
        var s = settings
        s.flip.toggle()
        rebuild(settings: s)
    }

    /// Leaves a running tour, or starts the built-in one, looping.
    mutating func toggleTour() {
        if tour != nil {
            stopTour()
        } else {
            startTour(Tour.builtin, loop: true)
        }
    }

    /// `i` / `I`: the built-in inputs in order, then the person's own input (a file, a canvas)
    /// when they started with one. An input outside the cycle (painted, moved) goes to the first.
    mutating func cycleInput(by delta: Int) {
        var cycle = BuiltinImages.names.map { BuiltinImages.named($0)! }
        if let own = ownInput { cycle.append(own) }
        let i = cycle.firstIndex(where: { $0.name == image.name }).map { ($0 + delta + cycle.count) % cycle.count } ?? 0
        rebuild(image: cycle[i])
    }

    /// The cell the scan stands on, or the one an earlier `k` or `d` left it from when it has not
    /// moved since: the map shrinks and grows, but a full turn comes back to the same cell.
    func currentCycleAnchor() -> ScanAnchor {
        if let a = cycleAnchor, a.placed == scan.position, a.count == scan.count { return a }
        return ScanAnchor(cell: GridCell(row: scan.row, col: scan.col), placed: scan.position, count: scan.count)
    }

    /// After `k` or `d` changed the map's size: the anchor's cell, or the nearest that exists.
    mutating func placeScan(atAnchor anchor: ScanAnchor) {
        guard scan.count > 0 else { return }
        scan.seek(scan.index(row: min(anchor.cell.row, scan.rows - 1), col: min(anchor.cell.col, scan.columns - 1)))
        clock.resetPhase()
        cycleAnchor = ScanAnchor(cell: anchor.cell, placed: scan.position, count: scan.count)
    }
}

/// The cell to come back to while `k` or `d` walk through map sizes, and where the scan was put.
struct ScanAnchor: Equatable, Sendable {
    let cell: GridCell
    let placed: Int
    let count: Int
}
