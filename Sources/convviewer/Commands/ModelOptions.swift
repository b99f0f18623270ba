import ArgumentParser
import ConvModel

/// The options every command shares: what goes in, which kernel, and how it slides.
///
/// Options that take numbers or weights parse `.unconditional`ly: the word after the option is its
/// value even when it starts with `-`, so `--bias -0.5` and `--filter "-1,0,1;-2,0,2;-1,0,1"` work.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "A built-in input (see `convviewer list`) or a PNG/PGM/PPM file.")
    var input: String = "face"

    @Option(name: .customLong("max-size"), parsing: .unconditional, help: "Shrink a file input so its longest side is at most N (area average).")
    var maxSize: Int?

    @Option(name: .long, parsing: .unconditional, help: "A preset name (see `convviewer list`) or weights like \"0,-1,0;-1,5,-1;0,-1,0\".")
    var filter: String = "edge_v"

    @Option(name: .long, parsing: .unconditional, help: "Step between kernel positions (1 or more).")
    var stride: Int = 1

    @Option(name: .long, help: "valid (no padding) or same (zero padding that keeps the size at stride 1).")
    var padding: Padding = .valid

    @Option(name: .long, parsing: .unconditional, help: "Added to every weighted sum.")
    var bias: Float = 0

    @Option(name: .long, help: "2×2 pooling: max or avg.")
    var pool: PoolMode = .max

    @Option(name: .long, parsing: .unconditional, help: "Spacing between kernel taps (1 = ordinary convolution).")
    var dilation: Int = 1

    @Flag(name: .long, help: "True convolution: turn the kernel by 180° before sliding it (the default is cross-correlation, as in deep learning).")
    var flip = false

    func kernel() throws -> Kernel {
        try Kernel.named(filter)
    }

    var settings: ConvSettings {
        ConvSettings(stride: stride, padding: padding, bias: bias, dilation: dilation, flip: flip, pool: pool)
    }

    /// The image, the kernel and the settings, checked together: every problem is a `CLIError`.
    func resolve() throws -> (image: NamedImage, kernel: Kernel, settings: ConvSettings) {
        try OptionChecks.maxSize(maxSize)
        let image = try InputSource.load(input, maxSide: maxSize)
        let k = try kernel()
        let s = settings
        _ = try ConvGeometry.validated(inputWidth: image.grid.width, inputHeight: image.grid.height,
                                       kernel: k, settings: s)
        return (image, k, s)
    }
}

extension Padding: ExpressibleByArgument {}
extension PoolMode: ExpressibleByArgument {}
