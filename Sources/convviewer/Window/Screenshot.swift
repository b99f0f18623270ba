import CCairo
import Glibc

/// Saves a frame as a PNG in the working directory under a name no file has yet:
/// `convviewer-YYYYMMDD-HHMMSS-N.png`, N counting up from 1. The file is created with O_EXCL,
/// so an existing file is never overwritten, even by a race with another program.
enum Screenshot {
    /// Writes the image surface and returns the full path it chose.
    static func save(_ surface: OpaquePointer, directory: String = ".") throws -> String {
        let stamp = timestamp()
        let folder = absolute(directory)
        for n in 1...10_000 {
            let name = folder + "/convviewer-\(stamp)-\(n).png"
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw CLIError("cannot save \(name): \(String(cString: strerror(errno)))")
            }
            let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
                let fd = Int32(Int(bitPattern: closure) - 1)
                var done = 0
                while done < Int(length) {
                    let n = write(fd, data! + done, Int(length) - done)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { return CAIRO_STATUS_WRITE_ERROR }
                    done += n
                }
                return CAIRO_STATUS_SUCCESS
            }, UnsafeMutableRawPointer(bitPattern: Int(fd) + 1))
            let closed = close(fd)
            guard status == CAIRO_STATUS_SUCCESS, closed == 0 else {
                unlink(name)
                throw CLIError("cannot save \(name): \(String(cString: cairo_status_to_string(status)))")
            }
            return name
        }
        throw CLIError("cannot save a screenshot: too many files named \(folder)/convviewer-\(stamp)-N.png")
    }

    /// `directory` as a full path (the working directory for a relative one), so that a message
    /// says exactly where a file went.
    static func absolute(_ directory: String) -> String {
        guard !directory.hasPrefix("/") else { return directory }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return directory }
        let cwd = String(cString: buffer)
        let base = cwd == "/" ? "" : cwd
        return directory == "." ? (base.isEmpty ? "/" : base) : base + "/" + directory
    }

    /// Local time as YYYYMMDD-HHMMSS.
    static func timestamp() -> String {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        strftime(&buffer, buffer.count, "%Y%m%d-%H%M%S", &parts)
        return String(cString: buffer)
    }
}
