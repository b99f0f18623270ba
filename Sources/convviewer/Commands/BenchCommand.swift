import ArgumentParser
import CCairo
import ConvModel
import ConvRender
import Foundation

/// `convviewer bench`: how long a whole frame takes to draw off-screen, and how fast the maps are
/// computed, as one JSON object that scripts can read:
///
///     {"build": "release", "frames": [{"size": "1920x1080", "input": "24x24", "median_ms": 1.1, "p95_ms": 1.4}, …],
///      "conv": [{"size": "4096x4096", "kernel": 3, "mpix_per_s": 1200}, …], "conv_measures": "…"}
///
/// The conv figures time `Convolution.convPool`, the call `FeatureMaps` makes when the filter
/// changes: conv + ReLU + 2×2 max pool, writing the conv and pool maps (the ReLU map is derived
/// from the conv map when the window first shows it, and is not in the figure).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure frame drawing time and convolution throughput; prints one JSON object."
    )

    @Flag(name: .long, help: "Fewer repetitions: a rough figure in a few seconds.")
    var quick = false

    static let frameSizes = [(1280, 800), (1920, 1080), (3840, 2160)]
    static let inputSides = [24, 512]
    static let convSides = [512, 4096]
    static let kernelSizes = [3, 5, 7]

    @Flag(name: .customLong("net-only"), help: "Only the network's figures: {\"net\": …}.")
    var netOnly = false

    @Flag(name: .customLong("learn-only"), help: "Only the learn view's frames: {\"learn_view\": …}.")
    var learnOnly = false

    func run() throws {
        if learnOnly {
            print("{\"build\": \"\(BenchCommand.build)\", \"learn_view\": \(LearnViewBench.json(quick: quick))}")
            return
        }
        if netOnly {
            print("{\"build\": \"\(BenchCommand.build)\", \"net\": \(NetBench.json(quick: quick))}")
            return
        }
        var frames: [String] = []
        for side in BenchCommand.inputSides {
            let image = side == 24 ? BuiltinImages.named("face")! : NamedImage(name: "noise", grid: BenchCommand.noise(side))
            for (w, h) in BenchCommand.frameSizes {
                let times = try frameTimes(image, width: w, height: h, count: quick ? 12 : 60)
                let steps = try frameTimes(image, width: w, height: h, count: quick ? 12 : 60, damage: true)
                frames.append(#"{"size": "\#(w)x\#(h)", "input": "\#(side)x\#(side)", "#
                    + #""median_ms": \#(BenchCommand.ms(times, 0.5)), "p95_ms": \#(BenchCommand.ms(times, 0.95)), "#
                    + #""scan_step_median_ms": \#(BenchCommand.ms(steps, 0.5)), "#
                    + #""scan_step_p95_ms": \#(BenchCommand.ms(steps, 0.95))}"#)
            }
        }
        var conv: [String] = []
        for side in BenchCommand.convSides {
            let input = BenchCommand.noise(side)
            for k in BenchCommand.kernelSizes {
                let reps = side > 1024 ? (quick ? 3 : 10) : (quick ? 10 : 50)
                let t = BenchCommand.percentile(convTimes(input, kernelSize: k, count: reps), 0.5)
                let mpix = Double(side * side) / t / 1e6
                conv.append(#"{"size": "\#(side)x\#(side)", "kernel": \#(k), "mpix_per_s": \#(BenchCommand.fixed(mpix, 1))}"#)
            }
        }
        print("{\"build\": \"\(BenchCommand.build)\", \"frames\": [\(frames.joined(separator: ", "))], "
              + "\"conv\": [\(conv.joined(separator: ", "))], \"conv_measures\": \"\(BenchCommand.convMeasures)\", "
              + "\"net\": \(NetBench.json(quick: quick)), \"network_mode\": \(NetViewBench.json(quick: quick)), "
              + "\"learn_view\": \(LearnViewBench.json(quick: quick))}")
    }

    /// What the conv figures time, in the JSON beside them.
    static let convMeasures = "Convolution.convPool: conv (stride 1, valid) + ReLU + 2x2 max pool, one core, "
        + "output grids reused; writes the conv and pool maps, the ReLU map is derived later on first use"

    static var build: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    /// Seconds per frame, playing: each frame the scan moves on one position, as in the window.
    /// With `damage`, a scan step as the window draws it: the damage worked out from the state
    /// before, and only those rectangles drawn over the frame before (`FrameRenderer.damage`).
    private func frameTimes(_ image: NamedImage, width: Int, height: Int, count: Int, damage: Bool = false) throws -> [Double] {
        var state = try AppState(image: image, kernel: Kernel.preset(named: "edge_v")!, windowWidth: width, windowHeight: height)
        state.update(.seek(state.scan.count / 3))
        let renderer = FrameRenderer()
        let surface = try ImageSurface(width: width, height: height, opaque: true)
        let context = DrawingContext(surface)
        renderer.draw(state, into: context.pointer, width: width, height: height)
        func step() {
            let before = state
            state.update(.step(1))
            if damage, case let .rects(rects) = renderer.damage(from: before, to: state, width: width, height: height) {
                renderer.draw(state, into: context.pointer, width: width, height: height, only: rects)
            } else {
                renderer.draw(state, into: context.pointer, width: width, height: height)
            }
            cairo_surface_flush(surface.pointer)
        }
        // Untimed first steps, as in a window that has run for a few seconds: each character's glyph
        // in each font, the strip's other look and the knob's masks are made once per window, and
        // are not what a step costs from then on. The timed steps still meet new cells and new text.
        for _ in 0..<BenchCommand.warmUpSteps { step() }
        return BenchCommand.sample(count: count, budget: quick ? 1 : 4) { step() }
    }

    /// Steps drawn before the timed ones (`frameTimes`).
    static let warmUpSteps = 20

    /// Seconds per conv + ReLU + pool of the whole image (`Convolution.convPool`), stride 1, valid padding.
    private func convTimes(_ input: Grid, kernelSize k: Int, count: Int) -> [Double] {
        let weights = (0..<k * k).map { Float(($0 * 7) % 11) / 5 - 1 }
        let kernel = Kernel(name: "bench", label: "bench", size: k, weights: weights)
        var conv = Grid(width: 0, height: 0), pool = conv
        // The first run allocates the output grids; later ones reuse them.
        Convolution.convPool(input, kernel, ConvSettings(), conv: &conv, pool: &pool)
        return BenchCommand.sample(count: count, budget: quick ? 1 : 4) {
            Convolution.convPool(input, kernel, ConvSettings(), conv: &conv, pool: &pool)
        }
    }

    /// Times `body` `count` times, or fewer (at least once) once `budget` seconds are spent, so a
    /// debug build, which is a hundred times slower, still finishes.
    static func sample(count: Int, budget: Double, _ body: () -> Void) -> [Double] {
        var times: [Double] = []
        let start = Monotonic.now()
        while times.count < count && (times.isEmpty || Monotonic.now() - start < budget) {
            let t0 = Monotonic.now()
            body()
            times.append(Monotonic.now() - t0)
        }
        return times
    }

    /// A square image of reproducible noise in [0, 1).
    static func noise(_ side: Int) -> Grid {
        var x: UInt32 = 2_463_534_242
        var values = [Float](repeating: 0, count: side * side)
        for i in values.indices {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5
            values[i] = Float(x >> 8) / Float(1 << 24)
        }
        return Grid(width: side, height: side, values: values)
    }

    /// The value below which a fraction `p` of the samples lie (nearest rank).
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// The `p` percentile of `samples` (seconds) in milliseconds, written with 3 decimals.
    static func ms(_ samples: [Double], _ p: Double) -> String { fixed(percentile(samples, p) * 1000, 3) }

    static func fixed(_ v: Double, _ digits: Int) -> String {
        v.isFinite ? String(format: "%.\(digits)f", v) : "null"
    }
}
