import Glibc

/// Seconds on CLOCK_MONOTONIC: deadlines that wall-clock changes cannot move.
enum Monotonic {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// Waits until `fd` (or one of `wakeFDs`) is readable or the absolute `deadline` passes; with
    /// no deadline it waits for the descriptors alone, however long. A signal just ends the wait
    /// early: the loop looks at the clock again either way.
    static func wait(readable fd: Int32, until deadline: Double?, wakeFDs: [Int32] = []) {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        for wakeFD in wakeFDs { fds.append(pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)) }
        guard let deadline else {
            _ = poll(&fds, nfds_t(fds.count), -1)
            return
        }
        // Whole milliseconds, rounded up: waking a little late costs nothing, waking early
        // would only spin back here with a zero timeout.
        let ms = (max(0, deadline - now()) * 1000).rounded(.up)
        _ = poll(&fds, nfds_t(fds.count), Int32(min(ms, 86_400_000)))
    }
}
