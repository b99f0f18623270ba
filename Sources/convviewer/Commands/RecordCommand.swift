import ArgumentParser
import ConvModel
import ConvRender
import Foundation
import Glibc

/// `convviewer record`: frames drawn off-screen from the model's clock, to a folder of PNGs, a
/// Y4M file or stream, or a video through ffmpeg. No display, no screen capture: frame k shows the
/// state after k ticks of 1/fps seconds, so the same command always gives the same frames.
///
///     convviewer record -o tour.mp4 --tour --size 1920x1080         # the whole built-in tour
///     convviewer record -o frames/ --duration 5 --filter sobel_x    # frame-00001.png …
///     convviewer record -o - --speed 2 | ffplay -                   # a Y4M stream
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Render frames off-screen to a folder of PNGs, a Y4M file or stream, or a video through ffmpeg.",
        discussion: """
        OUT is a folder (existing, ending in '/', or without an extension) for numbered PNGs \
        frame-00001.png…; a .y4m file; '-' for a YUV4MPEG2 stream on stdout; or a .mp4, .webm or .gif \
        file, written by ffmpeg from PATH. Y4M is 4:2:0, BT.709 limited range, so video sizes must be even.
        """
    )

    static let defaultSeconds = 10.0
    static let maxSeconds = 86_400.0

    @OptionGroup var model: ModelOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write: a folder, a .y4m file, '-' (stdout), or .mp4/.webm/.gif.", valueName: "OUT"))
    var output: String

    // Unconditional, so that a negative number reaches the range check instead of reading as an option.
    @Option(name: .long, parsing: .unconditional, help: "Frames per second (1–240).")
    var fps: Int = 30

    @Option(name: .long, parsing: .unconditional, help: "Seconds to record (default: the whole tour once with --tour, else \(Int(defaultSeconds))).")
    var duration: Double?

    @Option(name: .long, help: "Frame size in pixels, WxH (even both ways for Y4M and video).")
    var size: String = "1920x1080"

    @Flag(name: .long, help: "Record the built-in guided tour.")
    var tour = false

    @Option(name: .customLong("tour-file"), help: ArgumentHelp("Record the tour in this JSON file.", valueName: "FILE"))
    var tourFile: String?

    @Option(name: .long, parsing: .unconditional, help: "Scan speed in positions per second (default \(Int(Clock.defaultSpeed)); the box glides at 4 or less; not with a tour, whose scenes set their own).")
    var speed: Double?

    @OptionGroup var look: FrameLookOptions

    @OptionGroup var network: NetViewOptions

    @OptionGroup var learn: LearnRenderOptions

    @Option(name: .customLong("learn-speed"), parsing: .unconditional, help: ArgumentHelp("With --learn-steps: training goes on at this many batches per second of video (default \(Int(LearnRecording.defaultSpeed)); 0 holds it paused), tied to the recording clock.", valueName: "B"))
    var learnSpeed: Double?

    @Flag(name: .customLong("no-glide"), help: "Jump the box from position to position even at low speeds.")
    var noGlide = false

    @Flag(name: .long, help: "With a folder OUT that holds frames of an earlier recording: remove those frames first.")
    var force = false

    func run() throws {
        // A reader that goes away must end the recording with a message, not kill it silently.
        signal(SIGPIPE, SIG_IGN)
        let frame = try WindowCommand.parseSize(size, option: "--size")
        guard (1...240).contains(fps) else { throw CLIError("--fps must be between 1 and 240 (got \(fps))") }
        if let d = duration {
            guard d.isFinite, d > 0 else { throw CLIError("--duration must be more than 0 seconds (got \(d))") }
            guard d <= RecordCommand.maxSeconds else {
                throw CLIError("--duration must be at most \(Int(RecordCommand.maxSeconds)) seconds (got \(d))")
            }
        }
        if let s = speed { try OptionChecks.speed(s) }
        _ = try look.checkedTheme()
        let target = try RecordTarget.parse(output)
        if target.needsEvenSize {
            do { try Y4M.checkSize(width: frame.width, height: frame.height) } catch { throw CLIError("\(error)") }
        }
        if target == .stdout, isatty(1) != 0 {
            throw CLIError("-o - writes a binary Y4M stream: pipe it into a program (e.g. '| ffmpeg -i - out.mp4') or give a file")
        }

        let chosenTour = try self.chosenTour()
        // A tour's scenes set network mode and the learn view themselves: only the network to
        // show (--net FILE) goes with one.
        if chosenTour != nil, learn.isOn || learnSpeed != nil {
            throw CLIError("\(learn.isOn ? "--learn-steps" : "--learn-speed") does not go with a tour: its learn scene trains on the tour's own clock")
        }
        if chosenTour != nil, network.testIndex != nil || network.stage != nil {
            throw CLIError("\(network.testIndex != nil ? "--test-index" : "--stage") does not go with a tour: each scene sets its own")
        }
        if chosenTour != nil, speed != nil {
            throw CLIError("--speed does not apply to a tour: each scene sets its own speed")
        }
        let seconds: Double
        if let d = duration {
            seconds = d
        } else if let t = chosenTour {
            guard t.duration.isFinite, t.duration <= RecordCommand.maxSeconds else {
                throw CLIError("the tour does not end (\(t.duration) s): give --duration")
            }
            seconds = t.duration
        } else {
            seconds = RecordCommand.defaultSeconds
        }

        let (image, kernel, settings) = try model.resolve()
        var state = try AppState(image: image, kernel: kernel, settings: settings, speed: speed ?? Clock.defaultSpeed,
                                 playing: true, windowWidth: frame.width, windowHeight: frame.height)
        if learnSpeed != nil, !learn.isOn { throw CLIError("--learn-speed goes with --learn-steps") }
        let batchesPerSecond = learnSpeed ?? LearnRecording.defaultSpeed
        guard batchesPerSecond.isFinite, (0...10_000).contains(batchesPerSecond) else {
            throw CLIError("--learn-speed must be from 0 to 10000 batches a second (got \(batchesPerSecond))")
        }
        if learn.timedFrames != 0 { throw CLIError("--learn-time is for render") }
        let learning = try learn.trainedView(look: look, paused: batchesPerSecond == 0,
                                             others: network.isOn ? ["--net, --test-index or --stage"] : [])
            .map { LearnRecording(session: $0.0, view: $0.1, batchesPerSecond: batchesPerSecond, fps: fps) }
        try network.apply(to: &state)
        try look.apply(to: &state)
        state.view.glide = !noGlide
        if let t = chosenTour {
            for action in try TourNetworkLoader.actions(for: t, in: state) { state.update(action) }
            // Once through when the recording is as long as the tour; round again for a longer one.
            state.update(.startTour(t, loop: seconds > t.duration + 1e-9))
        }

        let total = Y4M.frameCount(seconds: seconds, fps: fps)
        try Limits.check("the frame count (--fps × --duration)", total, atMost: Limits.recordFrames)
        let sink = try makeSink(target, width: frame.width, height: frame.height, total: total)
        var progress = RecordProgress(total: total, fps: fps)
        do {
            try record(state, frames: total, into: sink, named: target.name, width: frame.width, height: frame.height,
                       learning: learning, progress: &progress)
        } catch {
            progress.clear()
            throw error
        }
        let took = progress.elapsed
        progress.finish("recorded \(total) frames (\(RecordProgress.fixed(Double(total) / Double(fps), 2)) s at \(fps) fps, "
                        + "\(frame.width)x\(frame.height)) to \(target.name) in \(RecordProgress.fixed(took, 2)) s: "
                        + "\(RecordProgress.fixed(Double(total) / max(took, 1e-9), 1)) frames/s, "
                        + "\(RecordProgress.fixed(Double(total) / Double(fps) / max(took, 1e-9), 1))× real time")
    }

    /// `--tour-file` wins over `--tour`; nil for neither.
    private func chosenTour() throws -> Tour? {
        if let path = tourFile { return try TourFile.load(path) }
        return tour ? Tour.builtin : nil
    }

    private func makeSink(_ target: RecordTarget, width: Int, height: Int, total: Int) throws -> FrameSink {
        switch target {
        case let .pngFolder(path):
            return try PNGFolderSink(folder: path, frameCount: total, replacing: force)
        case let .y4mFile(path):
            try RecordTarget.checkFolder(of: path)
            return try Y4MWriter(path: path, width: width, height: height, fps: fps)
        case .stdout:
            return try Y4MWriter(fd: 1, ownsDescriptor: false, width: width, height: height, fps: fps)
        case let .video(path, format):
            try RecordTarget.checkFolder(of: path)
            return try FFmpegSink(path: path, format: format, width: width, height: height, fps: fps, totalFrames: total)
        }
    }

    /// Draws `frames` frames, one tick of 1/fps apart, with one renderer into one surface. A frame
    /// that draws the same picture as the one before is not drawn again; the sink reuses its work.
    /// With `learning`, the frames are the learn view's, training on between them.
    private func record(_ start: AppState, frames total: Int, into sink: FrameSink, named name: String,
                        width: Int, height: Int, learning: LearnRecording?,
                        progress: inout RecordProgress) throws {
        var state = start
        let renderer = FrameRenderer()
        let surface = try ImageSurface(width: width, height: height, opaque: true)
        let context = DrawingContext(surface)
        let tick = 1 / Double(fps)
        var previous: AppState?
        for i in 0..<total {
            let changed: Bool
            if let learning {
                changed = learning.advance(toFrame: i) || i == 0
                if changed { learning.draw(into: context.pointer, width: width, height: height) }
            } else {
                if i > 0 { state.update(.tick(seconds: tick)) }
                changed = previous.map { !RecordCommand.drawsSameFrame($0, state, width: width, height: height) } ?? true
                if changed { renderer.draw(state, into: context.pointer, width: width, height: height) }
            }
            do {
                try sink.write(surface, changed: changed)
            } catch let error as StreamWriteError {
                throw CLIError("cannot write \(name) after \(i) of \(total) frames: \(error)")
            }
            previous = state
            progress.frameDone(i + 1)
        }
        do {
            try sink.finish()
        } catch let error as StreamWriteError {
            throw CLIError("cannot finish writing \(name): \(error)")
        }
    }

    /// `FrameRenderer.drawsSameFrame`, not counting the tour player's own clock: the renderer draws
    /// what the tour did to the state (scene, caption, scan), never the player itself, and its
    /// time moves on every tick.
    static func drawsSameFrame(_ a: AppState, _ b: AppState, width: Int, height: Int) -> Bool {
        var a = a
        a.tour = b.tour
        return FrameRenderer.drawsSameFrame(a, b, width: width, height: height)
    }

    /// The system's reason inside a Foundation error, in a few words.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription.singleLine
    }
}
