import Foundation

/// File access for the `net` commands: reads bounded by size before any byte is read, a write
/// that cannot leave half a file behind, and where the shipped networks live.
enum NetFiles {
    /// The file's bytes, if it is a regular file no larger than `limit` bytes.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CLIError("\(path): \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw CLIError("\(path): not a regular file") }
        guard Int(info.st_size) <= limit else {
            throw CLIError("\(path): \(info.st_size) bytes is more than the \(limit) this file may have")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CLIError("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, $0.count - got) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw CLIError("\(path): \(n == 0 ? "the file shrank while being read" : String(cString: strerror(errno)))") }
            got += n
        }
        return bytes
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Writes `text` to a temporary file beside `path`, flushes it to disk, then moves it into
    /// place in one step; Ctrl+C is held back meanwhile, so the file is either the old one (or
    /// absent) or the whole new one. Without `overwrite`, an existing file is left alone.
    static func writeAtomically(_ text: String, to path: String, overwrite: Bool) throws {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        sigaddset(&blocked, SIGTERM)
        sigaddset(&blocked, SIGHUP)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }

        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CLIError("\(path): cannot write (\(String(cString: strerror(errno))))") }
        var ok = false
        defer { if !ok { unlink(temporary) } }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { close(fd); throw CLIError("\(path): cannot write (\(String(cString: strerror(errno))))") }
            written += n
        }
        guard fsync(fd) == 0, close(fd) == 0 else { throw CLIError("\(path): cannot write (\(String(cString: strerror(errno))))") }
        if overwrite {
            guard rename(temporary, path) == 0 else { throw CLIError("\(path): cannot write (\(String(cString: strerror(errno))))") }
        } else {
            // link() refuses an existing name, so a file that appeared meanwhile is not replaced.
            guard link(temporary, path) == 0 else {
                let reason = errno == EEXIST ? "the file exists (give --force to replace it)" : String(cString: strerror(errno))
                throw CLIError("\(path): \(reason)")
            }
            unlink(temporary)
        }
        ok = true
    }

    /// `resources/networks`: from CONVVIEWER_RESOURCES, else the first `resources` folder found
    /// going up from the executable (the repository when run from .build), else the installed copy.
    static func networksDirectory() -> String? {
        var candidates: [String] = []
        if let root = ProcessInfo.processInfo.environment["CONVVIEWER_RESOURCES"] { candidates.append(root + "/networks") }
        var dir = (Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } ?? "") as NSString
        while dir.length > 1 {
            dir = dir.deletingLastPathComponent as NSString
            candidates.append((dir as String) + "/resources/networks")
        }
        candidates.append("/usr/share/convviewer/networks")
        return candidates.first { exists($0 + "/" + shippedWeightsName) }
    }

    static let shippedWeightsName = "fashion-8-16.json"

    /// The largest weights file read: a 64-64 network is about 1 MB of text.
    static let weightsLimit = 16 << 20
    /// The largest compressed IDX file read: Fashion-MNIST's training images are 26 MB.
    static let gzipLimit = 128 << 20
}
