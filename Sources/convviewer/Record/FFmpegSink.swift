import ConvRender
import Foundation

/// A video file written by `ffmpeg`, started without a shell, with the frames streamed into its
/// stdin as Y4M. The stream is BT.709 limited range (see `Y4M`); the mp4 and webm files are
/// tagged so, and the gif's palette is made after converting with that matrix.
final class FFmpegSink: FrameSink {
    enum Format: String, CaseIterable {
        case mp4, webm, gif
    }

    private let process: Process
    private let input: Pipe
    private let stream: Y4MWriter
    private let totalFrames: Int

    /// Starts ffmpeg writing `path`; a missing ffmpeg or one that cannot start is a `CLIError`.
    init(path: String, format: Format, width: Int, height: Int, fps: Int, totalFrames: Int) throws {
        guard let ffmpeg = FFmpegSink.locate() else {
            throw CLIError("ffmpeg not found on PATH (needed for .\(format.rawValue); write .y4m or a folder of PNGs instead)")
        }
        self.totalFrames = totalFrames
        process = Process()
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        // An absolute path: a name starting with '-' or looking like 'proto:…' stays a file name.
        process.arguments = FFmpegSink.arguments(format: format, output: URL(fileURLWithPath: path).path)
        input = Pipe()
        process.standardInput = input
        do {
            try process.run()
        } catch {
            throw CLIError("cannot start ffmpeg ('\(ffmpeg)'): \(RecordCommand.reason(error))")
        }
        // Only ffmpeg may hold the read end: if it exits, our writes must fail rather than fill a
        // pipe nobody reads.
        try? input.fileHandleForReading.close()
        stream = try Y4MWriter(fd: input.fileHandleForWriting.fileDescriptor, ownsDescriptor: false,
                               width: width, height: height, fps: fps)
    }

    func write(_ surface: ImageSurface, changed: Bool) throws {
        do {
            try stream.write(surface, changed: changed)
        } catch let error as StreamWriteError where error.isBrokenPipe {
            // ffmpeg went away: its exit status says why.
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            throw CLIError("ffmpeg stopped after \(stream.framesWritten) of \(totalFrames) frames: \(exitText)")
        }
    }

    func finish() throws {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw CLIError("ffmpeg failed: \(exitText)")
        }
    }

    private var exitText: String {
        process.terminationReason == .uncaughtSignal
            ? "killed by signal \(process.terminationStatus)"
            : "exit code \(process.terminationStatus) (its messages are above)"
    }

    /// The first executable file called `ffmpeg` in the folders of `PATH`.
    static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "").split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/ffmpeg"
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// ffmpeg's arguments: a Y4M stream on stdin, one video file out (overwritten).
    static func arguments(format: Format, output: String) -> [String] {
        let input = ["-hide_banner", "-loglevel", "error", "-f", "yuv4mpegpipe", "-i", "pipe:0"]
        let bt709 = ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"]
        let encode: [String]
        switch format {
        case .mp4:
            encode = ["-c:v", "libx264", "-preset", "medium", "-crf", "18", "-pix_fmt", "yuv420p"] + bt709
                + ["-movflags", "+faststart"]
        case .webm:
            encode = ["-c:v", "libvpx-vp9", "-crf", "32", "-b:v", "0", "-deadline", "good", "-cpu-used", "4",
                      "-row-mt", "1", "-pix_fmt", "yuv420p"] + bt709
        case .gif:
            // A palette per frame (stats_mode=single, new=1) keeps the stream flowing: one palette
            // for the whole video would hold every frame in memory until the end.
            encode = ["-filter_complex",
                      "[0:v]scale=in_color_matrix=bt709:in_range=tv,split[a][b];"
                          + "[a]palettegen=stats_mode=single[p];[b][p]paletteuse=new=1",
                      "-loop", "0"]
        }
        return input + encode + ["-y", output]
    }
}
