import ConvModel
import Foundation
import Glibc

/// Recomputes the feature maps of a large image off the main thread, so that changing the filter
/// on a 4096² input does not freeze the window.
///
/// Only the computation moves: the worker thread applies the action to a copy of the state and
/// hands the copy back; the main thread (the only one that touches Xlib) adopts it. It wakes the
/// event loop through a pipe that the loop polls beside the X connection. Actions that rebuild
/// the maps while a job runs wait their turn, in order, so `f f` still moves two filters on.
final class MapWorker {
    /// Images with at least this many pixels are recomputed off the main thread (about 4 ms of
    /// convolution at the measured speed; the maps of smaller ones are rebuilt in place).
    static let threshold = 1 << 20

    /// The loop polls this; it becomes readable when a result is ready.
    let wakeFD: Int32
    private let signalFD: Int32
    private let queue = DispatchQueue(label: "convviewer.maps", qos: .userInitiated)
    private let lock = NSLock()
    private var result: (state: AppState, seconds: Double)?
    private var inFlight = false
    private var waiting: [Action] = []

    init?() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeFD = fds[0]
        signalFD = fds[1]
    }

    deinit {
        close(wakeFD)
        close(signalFD)
    }

    /// Takes over a map-rebuilding action when it would be slow or when one is already running;
    /// returns false for the main thread to apply the action itself.
    func intercept(_ action: Action, state: AppState) -> Bool {
        guard AppState.rebuildsMaps(action) || MapWorker.editsWeight(action, state: state) else { return false }
        if inFlight {
            // A bounded inbox: input that outruns the worker is dropped, not queued without end.
            if waiting.count >= MapWorker.maxWaiting {
                droppedActions += 1
                return true
            }
            waiting.append(action)
            return true
        }
        guard MapWorker.isLarge(action, state: state) else { return false }
        start(action, state: state)
        return true
    }

    /// Whether a job is running (a held key's repeats are dropped meanwhile).
    var isBusy: Bool { inFlight }

    /// Actions that may wait behind a running job; more are dropped (`droppedActions` counts them).
    static let maxWaiting = 64
    private(set) var droppedActions = 0

    /// The wheel over a kernel weight edits the weight: on a large image that rebuilds the maps
    /// as a keyboard edit does, so it goes to the worker too.
    static func editsWeight(_ action: Action, state: AppState) -> Bool {
        guard case let .pointer(.scrolled(x, y, steps, _)) = action, steps != 0 else { return false }
        return state.kernelWeight(atX: x, y: y) != nil
    }

    private static func isLarge(_ action: Action, state: AppState) -> Bool {
        switch action {
        case .nextInput, .previousInput:
            // Built-in inputs are small; the cycle also holds the person's own file.
            return (state.ownInput?.grid.count ?? 0) >= threshold
        case let .setImage(image):
            return image.grid.count >= threshold
        default:
            return state.image.grid.count >= threshold
        }
    }

    private func start(_ action: Action, state: AppState) {
        inFlight = true
        let snapshot = state
        queue.async { [self] in
            let t0 = Monotonic.now()
            var next = snapshot
            next.update(action)
            // The ReLU map is derived on first use; take that cost here, not in the next frame.
            if next.view.showRelu { _ = next.maps.relu }
            let seconds = Monotonic.now() - t0
            lock.lock()
            result = (next, seconds)
            lock.unlock()
            var byte: UInt8 = 1
            _ = write(signalFD, &byte, 1)
        }
    }

    /// On the main thread: adopts a finished result, then lets the actions that waited run.
    /// `adopt` receives the computed state and the seconds it took; `dispatch` sends a waiting
    /// action back through the window.
    func deliver(adopt: (AppState, Double) -> Void, dispatch: (Action) -> Void) {
        guard inFlight else { return }
        lock.lock()
        let done = result
        result = nil
        lock.unlock()
        guard let done else { return }
        var drain = [UInt8](repeating: 0, count: 64)
        while read(wakeFD, &drain, drain.count) > 0 {}
        inFlight = false
        adopt(done.state, done.seconds)
        let pending = waiting
        waiting = []
        for (i, action) in pending.enumerated() {
            dispatch(action)
            if inFlight {
                // That one started a new job: the rest wait behind it again.
                waiting = Array(pending[(i + 1)...]) + waiting
                break
            }
        }
    }
}
