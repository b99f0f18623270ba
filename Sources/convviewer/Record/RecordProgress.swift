import Glibc

/// `record`'s progress on stderr: frames done of the total, frames per second and time left,
/// redrawn in place (`\r`) a few times a second — only when stderr is a terminal, so logs and
/// pipes get no carriage returns. The summary line at the end is always written.
struct RecordProgress {
    let total: Int
    let fps: Int
    let live = isatty(2) != 0
    let start = Monotonic.now()
    private var lastShown = -1.0

    init(total: Int, fps: Int) {
        self.total = total
        self.fps = fps
    }

    /// Seconds since recording started.
    var elapsed: Double { Monotonic.now() - start }

    mutating func frameDone(_ done: Int) {
        guard live else { return }
        let now = Monotonic.now()
        guard now - lastShown >= 0.1 || done == total else { return }
        lastShown = now
        let t = now - start
        let rate = t > 0 ? Double(done) / t : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let percent = total > 0 ? done * 100 / total : 100
        RecordProgress.writeError("\r  frame \(done)/\(total)  \(percent)%  \(RecordProgress.fixed(rate, 1)) fps  "
                                  + "\(RecordProgress.fixed(left, 1)) s left\u{1B}[K")
    }

    /// Clears the progress line and writes `summary` on its own line.
    func finish(_ summary: String) {
        RecordProgress.writeError((live ? "\r\u{1B}[K" : "") + summary + "\n")
    }

    /// Clears the progress line before an error message.
    func clear() {
        if live { RecordProgress.writeError("\r\u{1B}[K") }
    }

    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func fixed(_ x: Double, _ places: Int) -> String {
        guard x.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (x * scale).rounded() / scale
        return places == 0 ? String(Int(r)) : String(r)
    }
}
