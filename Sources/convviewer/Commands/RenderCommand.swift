import ArgumentParser
import ConvModel
import ConvRender

/// `convviewer render`: one frame to a PNG file, without a display.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw one frame to a PNG file (no display needed)."
    )

    @OptionGroup var model: ModelOptions

    @Option(name: .shortAndLong, help: "The PNG file to write.")
    var output: String

    @Option(name: .long, help: "Frame size in pixels, WxH.")
    var size: String = "1920x1080"

    // Unconditional, so that `--position -1` reaches the range check instead of reading as an option.
    @Option(name: .long, parsing: .unconditional, help: "Scan position: 0 for the first, or `end` for the finished map.")
    var position: String = "0"

    @OptionGroup var look: FrameLookOptions

    @OptionGroup var network: NetViewOptions

    @Option(name: .long, parsing: .unconditional, help: "Scan speed in positions per second, as the status line shows it.")
    var speed: Double = Clock.defaultSpeed

    @Flag(name: .long, help: "Draw the status line as paused rather than playing.")
    var paused = false

    @Flag(name: .customLong("code-overlay"), help: "Draw the overlay with the NumPy and PyTorch code on top.")
    var codeOverlay = false

    @Option(name: .long, parsing: .unconditional, help: "Draw paint mode on, with this brush (1 to 3).")
    var paint: Int?

    @Option(name: .long, help: ArgumentHelp("Draw the pointer over a cell: input|conv|pool:ROW,COL (0-based).", visibility: .hidden))
    var hover: String?

    @Option(name: .customLong("select-weight"), help: ArgumentHelp("Draw kernel weight ROW,COL selected, with TEXT being typed: ROW,COL[=TEXT].", visibility: .hidden))
    var selectWeight: String?

    @Option(name: .customLong("time"), help: ArgumentHelp("Also draw N more frames, stepping the scan, and print the median and 95th percentile drawing time.", visibility: .hidden))
    var timedFrames: Int = 0

    func run() throws {
        let frame = try WindowCommand.parseSize(size, option: "--size")
        _ = try look.checkedTheme()
        try OptionChecks.speed(speed)
        let (image, kernel, settings) = try model.resolve()
        var state = try AppState(image: image, kernel: kernel, settings: settings, speed: speed, playing: !paused,
                                 windowWidth: frame.width, windowHeight: frame.height)
        try network.apply(to: &state)
        state.update(.seek(try RenderCommand.parsePosition(position, count: state.scan.count)))
        try look.apply(to: &state)
        try applyExploration(to: &state)
        try network.applyPointer(to: &state)
        do {
            try FrameRenderer.writePNG(state, width: frame.width, height: frame.height, to: output)
            if timedFrames > 0 { try time(state, frame.width, frame.height) }
        } catch let error as RenderError {
            throw CLIError("\(error)")
        }
    }

    /// Draws `timedFrames` frames into one surface with one renderer, as the window does.
    private func time(_ start: AppState, _ width: Int, _ height: Int) throws {
        var state = start
        let renderer = FrameRenderer()
        let surface = try ImageSurface(width: width, height: height, opaque: true)
        let context = DrawingContext(surface)
        var times: [Double] = []
        for _ in 0..<timedFrames {
            state.update(.step(1))
            if state.scan.isAtEnd { state.update(.seekFirst) }
            let t0 = Monotonic.now()
            renderer.draw(state, into: context.pointer, width: width, height: height)
            _ = surface.pixel(x: 0, y: 0)
            times.append(Monotonic.now() - t0)
        }
        times.sort()
        let median = times[times.count / 2] * 1000, p95 = times[min(times.count - 1, times.count * 95 / 100)] * 1000
        let best = times[0] * 1000
        print("\(width)x\(height) \(state.image.grid.width)x\(state.image.grid.height): median \((median * 1000).rounded() / 1000) ms, p95 \((p95 * 1000).rounded() / 1000) ms, best \((best * 1000).rounded() / 1000) ms over \(timedFrames) frames")
    }

    /// The code overlay, paint mode, a hovered cell and a selected weight, for looking at them.
    private func applyExploration(to state: inout AppState) throws {
        state.view.showCode = codeOverlay
        if let brush = paint {
            guard InputPainter.brushSizes.contains(brush) else { throw CLIError("--paint takes a brush of 1 to 3 (got \(brush))") }
            state.update(.togglePaintMode)
            state.update(.changeBrush(brush - 1))
        }
        if let hover {
            let parts = hover.split(separator: ":"), cell = parts.last?.split(separator: ",").compactMap { Int($0) } ?? []
            guard parts.count == 2, let kind = ["input": PanelKind.input, "conv": .conv, "pool": .pool][String(parts[0])],
                  cell.count == 2 else { throw CLIError("--hover takes input|conv|pool:ROW,COL (got '\(Limits.quoted(hover))')") }
            state.hover = HoverTarget(panel: kind, row: cell[0], col: cell[1])
        }
        if let selectWeight {
            let parts = selectWeight.split(separator: "=", maxSplits: 1)
            let cell = parts.first?.split(separator: ",").compactMap { Int($0) } ?? []
            guard cell.count == 2 else { throw CLIError("--select-weight takes ROW,COL[=TEXT] (got '\(Limits.quoted(selectWeight))')") }
            state.update(.selectWeight(row: cell[0], col: cell[1]))
            for c in parts.count > 1 ? String(parts[1]) : "" { state.update(.typeWeightCharacter(c)) }
        }
    }

    /// A 0-based position below `count`, or `end` for the last one.
    static func parsePosition(_ text: String, count: Int) throws -> Int {
        let last = max(0, count - 1)
        if text.lowercased() == "end" { return last }
        guard let n = Int(text) else {
            throw CLIError("--position must be a number from 0 to \(last), or 'end' (got '\(Limits.quoted(text))')")
        }
        guard (0...last).contains(n) else {
            throw CLIError("--position \(n) is out of range: this scan has positions 0 to \(last)")
        }
        return n
    }
}
