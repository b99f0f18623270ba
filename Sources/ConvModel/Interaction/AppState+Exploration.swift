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
        let old = settings.dilation
        var d = old
        var skipped: [Int] = []
        for _ in 0..<AppState.maxCycledDilation {
            d = d >= AppState.maxCycledDilation ? 1 : d + 1
            guard d != old else { break }
            var s = settings
            s.dilation = d
            if rebuild(settings: s) {
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
}
