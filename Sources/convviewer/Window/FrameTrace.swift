import CX11
import Foundation
import Glibc

/// Timing lines on stderr for measuring the window's budgets, on when `CONVVIEWER_TRACE=1`:
/// the wall-clock time of the first frame on screen (to compare with the launch time) and, for
/// each key press or click, the time from reading the event to the server holding the new frame.
/// Off, it costs nothing: the session keeps no trace at all.
final class FrameTrace {
    private var firstFrameShown = false
    private var inputAt: Double?
    private var second: (start: Double, frames: Int)?

    static func fromEnvironment() -> FrameTrace? {
        guard let v = getenv("CONVVIEWER_TRACE"), String(cString: v) == "1" else { return nil }
        return FrameTrace()
    }

    /// A line of its own, for things that are not frames (the map worker's timings).
    func note(_ text: String) {
        fputs("trace: \(text)\n", stderr)
    }

    /// Frames that take longer than one 60 Hz interval to draw are worth a line.
    /// And while frames keep coming, how many were drawn in each second (the learn view's budget).
    func drew(seconds: Double) {
        if seconds > 1.0 / 60 { note(String(format: "slow frame: drawn in %.1f ms", seconds * 1000)) }
        let now = Monotonic.now()
        guard let s = second, now - s.start < 2 else {
            second = (now, 1)
            return
        }
        if now - s.start >= 1 {
            note("frames in 1 s: \(s.frames)")
            second = (now, 1)
        } else {
            second = (s.start, s.frames + 1)
        }
    }

    func inputArrived() {
        if inputAt == nil { inputAt = Monotonic.now() }
    }

    /// The input changed nothing on screen (or its result comes later, from the map worker).
    func inputMadeNoFrame() {
        inputAt = nil
    }

    /// After a frame was sent: waits for the server to have it (XSync) and prints the timings.
    func presented(display: OpaquePointer) {
        guard !firstFrameShown || inputAt != nil else { return }
        XSync(display, 0)
        if !firstFrameShown {
            firstFrameShown = true
            var ts = timespec()
            clock_gettime(CLOCK_REALTIME, &ts)
            fputs("trace: first frame at \(ts.tv_sec).\(String(format: "%09d", ts.tv_nsec))\n", stderr)
        }
        if let t = inputAt {
            inputAt = nil
            fputs("trace: input to screen \(String(format: "%.2f", (Monotonic.now() - t) * 1000)) ms\n", stderr)
        }
    }
}
