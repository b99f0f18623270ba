import ConvModel
import ConvRender
import Glibc

/// Saves the painted input as a binary PGM in the working directory, under a name no file has
/// yet: `painted-YYYYMMDD-HHMMSS-N.pgm`, N counting up from 1, as screenshots are named. The name
/// is claimed with O_EXCL first, so an existing file is never overwritten; `--input` loads it again.
enum PaintedInputFile {
    /// Writes the grid and returns the full path it chose.
    static func save(_ grid: Grid, directory: String = ".") throws -> String {
        let stamp = Screenshot.timestamp()
        let folder = Screenshot.absolute(directory)
        for n in 1...10_000 {
            let path = folder + "/painted-\(stamp)-\(n).pgm"
            let name = path
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw CLIError("cannot save \(name): \(String(cString: strerror(errno)))")
            }
            close(fd)
            do {
                try ImageFile.savePGM(grid, to: path)
            } catch {
                unlink(path)
                throw error
            }
            return path
        }
        throw CLIError("cannot save the painting: too many files named \(folder)/painted-\(stamp)-N.pgm")
    }
}
