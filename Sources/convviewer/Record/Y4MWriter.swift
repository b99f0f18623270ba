import ConvRender
import Glibc

/// A YUV4MPEG2 stream written to a file descriptor — a `.y4m` file, stdout, or ffmpeg's stdin:
/// the header, then each frame in one `write` of its whole buffer (about 3 MB at 1080p).
///
/// A frame that did not change is written again from the buffer without converting it. A closed
/// pipe is an error (`StreamWriteError`), not a signal: `record` ignores SIGPIPE.
final class Y4MWriter: FrameSink {
    let fd: Int32
    private let ownsDescriptor: Bool
    private let frame: Y4MFrame
    private var pendingHeader: [UInt8]?
    private var converted = false
    private(set) var framesWritten = 0

    /// Writes to `fd`; closes it in `finish()` when `ownsDescriptor`.
    init(fd: Int32, ownsDescriptor: Bool, width: Int, height: Int, fps: Int) throws {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
        frame = try Y4MFrame(width: width, height: height)
        pendingHeader = Array(Y4M.header(width: width, height: height, fps: fps).utf8)
    }

    /// Creates or truncates the file at `path`; a file that cannot be opened is a `CLIError`.
    convenience init(path: String, width: Int, height: Int, fps: Int) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CLIError("cannot write '\(path)': \(String(cString: strerror(errno)))") }
        do {
            try self.init(fd: fd, ownsDescriptor: true, width: width, height: height, fps: fps)
        } catch {
            close(fd)
            throw error
        }
    }

    func write(_ surface: ImageSurface, changed: Bool) throws {
        if let header = pendingHeader {
            try header.withUnsafeBytes { try writeAll($0) }
            pendingHeader = nil
        }
        if changed || !converted {
            frame.fill(from: surface)
            converted = true
        }
        try writeAll(UnsafeRawBufferPointer(frame.bytes))
        framesWritten += 1
    }

    func finish() throws {
        guard ownsDescriptor else { return }
        // close() can report a write that failed late (a full disk, a network file system).
        if close(fd) != 0 && errno != EINTR { throw StreamWriteError(code: errno) }
    }

    /// Writes every byte, going on after short writes and interrupted calls.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Glibc.write(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw StreamWriteError(code: errno)
            }
            p += n
            left -= n
        }
    }
}

/// A write that failed, with the system's reason.
struct StreamWriteError: Error, CustomStringConvertible {
    let code: Int32
    var isBrokenPipe: Bool { code == EPIPE }
    var description: String {
        isBrokenPipe ? "the reader closed the pipe" : String(cString: strerror(code))
    }
}
