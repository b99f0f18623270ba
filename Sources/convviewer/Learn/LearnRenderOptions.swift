import ArgumentParser
import ConvModel
import ConvRender

/// `render --learn-steps N`: the learn view after N training batches from seed 0, drawn without
/// a display; the same N gives the same picture (images/s is not measured, so it shows "–").
struct LearnRenderOptions: ParsableArguments {
    @Option(name: .customLong("learn-steps"), parsing: .unconditional,
            help: ArgumentHelp("Draw the learn view after N training batches from seed 0 (the data set, or the shipped sample).", valueName: "N"))
    var learnSteps: Int?

    @Flag(name: .customLong("learn-gradients"), help: "With --learn-steps: draw the last batch's gradients instead of the weights.")
    var gradients = false

    /// The largest N: about 20 minutes of training on one core.
    static let maxSteps = 1_000_000

    /// Draws the learn view to `output` when --learn-steps was given; false otherwise.
    func renderIfAsked(width: Int, height: Int, look: FrameLookOptions, paused: Bool, output: String) throws -> Bool {
        guard let learnSteps else {
            if gradients { throw CLIError("--learn-gradients goes with --learn-steps N") }
            return false
        }
        guard (0...LearnRenderOptions.maxSteps).contains(learnSteps) else {
            throw CLIError("--learn-steps must be from 0 to \(LearnRenderOptions.maxSteps) (got \(learnSteps))")
        }
        let theme = try look.checkedTheme()
        let session = try LearnData.session(paused: paused)
        session.keepsGradients = gradients
        for _ in 0..<learnSteps where !session.diverged { session.step() }
        let view = LearnView(snapshot: session.snapshot(), theme: theme, scale: look.scale, showGradients: gradients)
        do {
            try LearnRenderer().render(view, width: width, height: height).writePNG(to: output)
        } catch let error as RenderError {
            throw CLIError("\(error)")
        }
        return true
    }
}
