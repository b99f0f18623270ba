import Glibc

/// A pipe that a worker thread writes a byte into to wake the event loop, which polls its read
/// end beside the X connection. Both ends are non-blocking and closed on exec.
final class WakePipe {
    /// The loop polls this.
    let readFD: Int32
    private let writeFD: Int32

    init?() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// From any thread: makes `readFD` readable.
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// On the loop's thread: reads every byte waiting, so the next poll waits again.
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(readFD, &bytes, bytes.count) > 0 {}
    }
}
