import ConvModel

/// What a damaged frame works out about one state beyond its scene — the status line's, the
/// sum's and the pool's pieces, the small grids' looks — kept for the last few states drawn.
///
/// A step compares the frame before with the new one and then draws the new one in several
/// rectangles: without this, each of those would build the bands' keys (the status text, the
/// cell's arithmetic) again, and the frame before's would be built once more on the next step.
final class FrameExtras {
    struct Key: Equatable {
        let state: AppState
        let layout: FrameLayout

        static func == (a: Key, b: Key) -> Bool { a.state.isSame(as: b.state) && a.layout == b.layout }
    }

    var status: TextBand??
    var sum: TextBand??
    var pool: TextBand??
    var looks: FrameRenderer.ArithmeticLooks??

    /// The value at `path`, worked out by `make` the first time it is asked for.
    func value<T>(_ path: ReferenceWritableKeyPath<FrameExtras, T??>, _ make: () -> T?) -> T? {
        if let known = self[keyPath: path] { return known }
        let value = make()
        self[keyPath: path] = .some(value)
        return value
    }
}

extension FrameRenderer {
    /// The extras of the scene's state and layout, kept on the scene once found (a scene is never
    /// changed once made): asked for again, a scene answers without comparing states.
    func extras(_ scene: FrameScene) -> FrameExtras {
        if let known = scene.extras { return known }
        let e = extrasMemo.value(FrameExtras.Key(state: scene.state, layout: scene.layout)) { FrameExtras() }
        scene.extras = e
        return e
    }
}

extension AppState {
    /// Whether the two states are equal, found out quickly for states a scan step apart: the scan
    /// and the clock are compared first, where the whole comparison starts with the image, the
    /// kernel and the maps.
    func isSame(as other: AppState) -> Bool {
        scan == other.scan && clock == other.clock && self == other
    }
}
