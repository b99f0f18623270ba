import CCairo
import ConvModel
import ConvRender

/// `bench`'s figures for network mode: a whole frame of the panels with the live strip and of
/// each stage view, beside the ordinary frame on the same input size, and the update that one
/// brush stroke makes on a painted canvas (the stroke, then every stage of the network again).
enum NetViewBench {
    static let views: [(name: String, stage: Int?)] = [("panels", nil), ("conv2", NetStages.conv2),
                                                         ("flatten", NetStages.flatten), ("softmax", NetStages.softmax)]

    /// One JSON object, or `null` when the shipped network cannot be loaded.
    static func json(quick: Bool) -> String {
        guard let source = try? NetworkLoader.load(nil) else { return "null" }
        var frames: [String] = []
        for (w, h) in [(1920, 1080), (3840, 2160)] {
            guard let ordinary = try? times(source, nil, network: false, w, h, quick) else { continue }
            frames.append(entry("ordinary", w, h, ordinary, base: ordinary))
            for view in views {
                guard let t = try? times(source, view.stage, network: true, w, h, quick) else { continue }
                frames.append(entry(view.name, w, h, t, base: ordinary))
            }
        }
        let stroke = strokeTimes(source, quick)
        return "{\"frames\": [\(frames.joined(separator: ", "))], "
            + "\"paint_stroke_update_ms\": {\"median\": \(ms(stroke, 0.5)), \"p95\": \(ms(stroke, 0.95))}, "
            + "\"measures\": \"whole frames drawn off-screen while the scan plays (ordinary: a 28x28 test image with a "
            + "3x3 kernel outside network mode); ratio = median over the ordinary frame's median; the stroke figure is "
            + "AppState.update(.paintStroke) on a 28x28 canvas, the network's pass included\"}"
    }

    private static func entry(_ view: String, _ w: Int, _ h: Int, _ t: [Double], base: [Double]) -> String {
        let ratio = BenchCommand.percentile(t, 0.5) / max(1e-12, BenchCommand.percentile(base, 0.5))
        return #"{"view": "\#(view)", "size": "\#(w)x\#(h)", "median_ms": \#(ms(t, 0.5)), "p95_ms": \#(ms(t, 0.95)), "#
            + #""ratio": \#(BenchCommand.fixed(ratio, 2))}"#
    }

    private static func ms(_ t: [Double], _ p: Double) -> String { BenchCommand.fixed(BenchCommand.percentile(t, p) * 1000, 3) }

    private static func state(_ source: NetworkSource, _ w: Int, _ h: Int) throws -> AppState {
        var s = try AppState(image: NamedImage(name: "test image 0", grid: source.testGrid(0)),
                             kernel: Kernel.preset(named: "edge_v")!, windowWidth: w, windowHeight: h)
        s.update(.setNetworkSource(source))
        return s
    }

    private static func times(_ source: NetworkSource, _ stage: Int?, network: Bool, _ w: Int, _ h: Int,
                              _ quick: Bool) throws -> [Double] {
        var s = try state(source, w, h)
        if network {
            s.update(.toggleNetwork)
            s.update(.openStage(stage))
        }
        s.update(.seek(s.scan.count / 3))
        let renderer = FrameRenderer()
        let surface = try ImageSurface(width: w, height: h, opaque: true)
        let context = DrawingContext(surface)
        renderer.draw(s, into: context.pointer, width: w, height: h)
        return BenchCommand.sample(count: quick ? 12 : 120, budget: quick ? 1 : 4) {
            s.update(.step(1))
            renderer.draw(s, into: context.pointer, width: w, height: h)
            cairo_surface_flush(surface.pointer)
        }
    }

    private static func strokeTimes(_ source: NetworkSource, _ quick: Bool) -> [Double] {
        guard var s = try? state(source, 1920, 1080) else { return [] }
        s.update(.toggleNetwork)
        s.update(.togglePaintMode)
        s.update(.clearCanvas)
        var row = 0
        return BenchCommand.sample(count: quick ? 50 : 500, budget: quick ? 1 : 4) {
            // Each stroke paints new cells, so each one changes the input and makes a new pass.
            s.update(.paintStroke(fromRow: row % 28, fromCol: 2, toRow: row % 28, toCol: 25, value: row / 28 % 2 == 0 ? 1 : 0))
            row += 1
        }
    }
}
