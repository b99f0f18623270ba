import CCairo
import ConvModel
import ConvRender

/// `bench`'s figures for the learn view: a whole frame at 1080p and 4K in the middle of a run,
/// drawn into one surface by one renderer as the window does, a batch trained between frames so
/// each frame shows new weights and a longer history (the training is not timed).
enum LearnViewBench {
    /// Batches trained before the frames are timed: 6,000 gives 600 points on each plot, the
    /// middle of the 500 to 1,000 a long run keeps (`LearnHistory.maxPoints`).
    static let steps = 6_000
    static let quickSteps = 1_500

    /// One JSON object, or `null` when there is nothing to train on.
    static func json(quick: Bool) -> String {
        guard let session = try? LearnData.session() else { return "null" }
        session.keepsGradients = true
        let steps = quick ? quickSteps : steps
        for _ in 0..<steps where !session.diverged { session.step() }
        var frames: [String] = []
        for (w, h) in [(1920, 1080), (3840, 2160)] {
            guard let (wall, cpu) = try? times(session, w, h, quick) else { continue }
            frames.append(#"{"size": "\#(w)x\#(h)", "median_ms": \#(BenchCommand.ms(wall, 0.5)), "#
                + #""p95_ms": \#(BenchCommand.ms(wall, 0.95)), "cpu_median_ms": \#(BenchCommand.ms(cpu, 0.5))}"#)
        }
        return "{\"frames\": [\(frames.joined(separator: ", "))], \"steps\": \(steps), "
            + "\"plot_points\": \(session.snapshot().history.training.count), "
            + "\"measures\": \"the whole learn view drawn off-screen after the given training batches from seed 0 "
            + "(\(session.usesSample ? "the 100-image sample" : "the data set")), one batch trained between frames "
            + "(not timed); cpu = the drawing thread's CPU time, steadier than wall time on a busy machine\"}"
    }

    private static func times(_ session: LearnSession, _ w: Int, _ h: Int, _ quick: Bool) throws -> ([Double], [Double]) {
        var view = LearnView(snapshot: session.snapshot(imagesPerSecond: 25_000))
        let renderer = LearnRenderer()
        let surface = try ImageSurface(width: w, height: h, opaque: true)
        let context = DrawingContext(surface)
        renderer.draw(view, into: context.pointer, width: w, height: h)
        var wall: [Double] = [], cpu: [Double] = []
        let count = quick ? 12 : 120, start = Monotonic.now()
        while wall.count < count && (wall.isEmpty || Monotonic.now() - start < (quick ? 1 : 6)) {
            session.step()
            view.snapshot = session.snapshot(imagesPerSecond: 25_000)
            let t0 = Monotonic.now(), c0 = NetBench.threadCPUTime()
            renderer.draw(view, into: context.pointer, width: w, height: h)
            cairo_surface_flush(surface.pointer)
            cpu.append(NetBench.threadCPUTime() - c0)
            wall.append(Monotonic.now() - t0)
        }
        return (wall, cpu)
    }
}
