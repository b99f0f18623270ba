import ArgumentParser
import ConvModel
import ConvRender

/// `render --learn-steps N` and `record --learn-steps N`: the learn view after N training
/// batches from seed 0, drawn without a display; the same N gives the same picture (render does
/// not measure images/s, so it shows "–"; record gives the rate of its own clock).
struct LearnRenderOptions: ParsableArguments {
    @Option(name: .customLong("learn-steps"), parsing: .unconditional,
            help: ArgumentHelp("Draw the learn view after N training batches from seed 0 (the data set, or the shipped sample); record trains on from there.", valueName: "N"))
    var learnSteps: Int?

    @Flag(name: .customLong("learn-gradients"), help: "With --learn-steps: draw the last batch's gradients instead of the weights.")
    var gradients = false

    @Option(name: .customLong("learn-time"), help: ArgumentHelp("render --learn-steps: also draw the view N more times, training one batch between frames, and print the median and 95th percentile drawing time.", visibility: .hidden))
    var timedFrames = 0

    /// The largest N: a little more than the recipe's ten epochs (18,750 batches), under a
    /// minute of training on one core, so no option asks for minutes of compute.
    static let maxSteps = 20_000
    /// The most frames --learn-time draws (each trains a batch first).
    static let maxTimedFrames = 1_000

    var isOn: Bool { learnSteps != nil }

    /// The session after --learn-steps batches and the view of it; nil without --learn-steps.
    /// Every problem is one line; `others` names options of the ordinary frame that were given
    /// too (the learn view does not draw them).
    func trainedView(look: FrameLookOptions, paused: Bool, others: [String]) throws -> (LearnSession, LearnView)? {
        guard let learnSteps else {
            if gradients { throw CLIError("--learn-gradients goes with --learn-steps N") }
            if timedFrames != 0 { throw CLIError("--learn-time goes with --learn-steps N") }
            return nil
        }
        guard (0...LearnRenderOptions.maxSteps).contains(learnSteps) else {
            throw CLIError("--learn-steps must be from 0 to \(LearnRenderOptions.maxSteps) (got \(learnSteps))")
        }
        guard (0...LearnRenderOptions.maxTimedFrames).contains(timedFrames) else {
            throw CLIError("--learn-time must be from 0 to \(LearnRenderOptions.maxTimedFrames) frames (got \(timedFrames))")
        }
        if let other = others.first { throw CLIError("--learn-steps draws the learn view: \(other) does not go with it") }
        let theme = try look.checkedTheme()
        let session = try LearnData.session(paused: paused)
        session.keepsGradients = gradients
        for _ in 0..<learnSteps where !session.diverged { session.step() }
        return (session, LearnView(snapshot: session.snapshot(), theme: theme, scale: look.scale, showGradients: gradients))
    }

    /// Draws the learn view to `output` when --learn-steps was given; false otherwise.
    func renderIfAsked(width: Int, height: Int, look: FrameLookOptions, paused: Bool, others: [String], output: String) throws -> Bool {
        guard let (session, view) = try trainedView(look: look, paused: paused, others: others) else { return false }
        do {
            try LearnRenderer().render(view, width: width, height: height).writePNG(to: output)
            if timedFrames > 0 { try time(view, session, width, height) }
        } catch let error as RenderError {
            throw CLIError("\(error)")
        }
        return true
    }

    /// Draws `timedFrames` frames into one surface with one renderer, as the window does, a batch
    /// trained between frames so each frame shows new weights and a longer history.
    private func time(_ start: LearnView, _ session: LearnSession, _ width: Int, _ height: Int) throws {
        var view = start
        let renderer = LearnRenderer()
        let surface = try ImageSurface(width: width, height: height, opaque: true)
        let context = DrawingContext(surface)
        var times: [Double] = []
        for _ in 0..<timedFrames {
            session.step()
            view.snapshot = session.snapshot(imagesPerSecond: 20_000)
            let t0 = Monotonic.now()
            renderer.draw(view, into: context.pointer, width: width, height: height)
            _ = surface.pixel(x: 0, y: 0)
            times.append(Monotonic.now() - t0)
        }
        times.sort()
        let ms = { (v: Double) in String(format: "%.2f", v * 1000) }
        print("learn view \(width)x\(height): median \(ms(times[times.count / 2])) ms, p95 \(ms(times[min(times.count - 1, times.count * 95 / 100)])) ms over \(timedFrames) frames")
    }
}
