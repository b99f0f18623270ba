/// The Python that computes the same conv, ReLU and pool maps as the panels, for the `o` overlay.
///
///     let s = CodeSnippet(.numpy, inputWidth: 24, inputHeight: 24, kernel: k, settings: settings)
///     s.lines    // "# `image` is the input: a 2-D float32 NumPy array, 24x24", "import numpy as np", …
///
/// Both snippets take the input as a 2-D float32 array named `image` and leave `conv`, `relu` and
/// `pool` behind. The kernel weights and bias are written with enough digits to give back the
/// same Float, and every line stays within `maxLineLength` so the overlay needs no wrapping.
/// The NumPy one needs nothing but NumPy; `numpyScript` makes it a whole program.
public struct CodeSnippet: Equatable, Sendable {
    public enum Language: String, CaseIterable, Sendable {
        case numpy = "NumPy"
        case pytorch = "PyTorch"
    }

    public static let maxLineLength = 70

    public let language: Language
    public let lines: [String]

    public var title: String { language.rawValue }
    /// The lines, each ended by a newline: what a reader pastes.
    public var text: String { lines.map { $0 + "\n" }.joined() }

    init(_ language: Language, lines: [String]) {
        self.language = language
        self.lines = lines
    }

    public init(_ language: Language, inputWidth: Int, inputHeight: Int, kernel: Kernel, settings: ConvSettings) {
        self.language = language
        let p = Parameters(inputWidth: inputWidth, inputHeight: inputHeight, kernel: kernel, settings: settings)
        switch language {
        case .numpy: lines = CodeSnippet.numpyLines(p)
        case .pytorch: lines = CodeSnippet.pytorchLines(p)
        }
    }

    /// NumPy and PyTorch, in that order, for these maps.
    public static func all(for maps: FeatureMaps) -> [CodeSnippet] {
        Language.allCases.map {
            CodeSnippet($0, inputWidth: maps.input.width, inputHeight: maps.input.height,
                        kernel: maps.kernel, settings: maps.settings)
        }
    }

    /// `numpyScript` for the input, kernel and settings of these maps.
    public static func numpyScript(for maps: FeatureMaps) -> String {
        numpyScript(image: maps.input, kernel: maps.kernel, settings: maps.settings)
    }

    /// A whole Python program: `image` from the literal values of `image`, the NumPy snippet, and
    /// a last line printing `{"conv": …, "relu": …, "pool": …}` (lists of rows) as JSON.
    public static func numpyScript(image: Grid, kernel: Kernel, settings: ConvSettings) -> String {
        let snippet = CodeSnippet(.numpy, inputWidth: image.width, inputHeight: image.height,
                                  kernel: kernel, settings: settings)
        var lines = ["import json", "import numpy as np"]
        lines += arrayLines(head: "image = np.array(", rows: image.rows, tail: ", dtype=np.float32)", width: 100)
        lines += snippet.lines
        lines.append("print(json.dumps({\"conv\": conv.tolist(), \"relu\": relu.tolist(),")
        lines.append("                  \"pool\": pool.tolist()}))")
        return lines.map { $0 + "\n" }.joined()
    }

    struct Parameters {
        let inputWidth: Int, inputHeight: Int
        let kernel: Kernel
        let settings: ConvSettings
        let geometry: ConvGeometry

        init(inputWidth: Int, inputHeight: Int, kernel: Kernel, settings: ConvSettings) {
            self.inputWidth = inputWidth
            self.inputHeight = inputHeight
            self.kernel = kernel
            self.settings = settings
            geometry = ConvGeometry(inputWidth: inputWidth, inputHeight: inputHeight,
                                    kernelSize: kernel.size, settings: settings)
        }

        var padComment: String {
            "\(settings.padding.rawValue) padding: \(geometry.pad) zero\(geometry.pad == 1 ? "" : "s") a side"
        }
    }

    static func numpyLines(_ p: Parameters) -> [String] {
        let g = p.geometry, s = p.settings
        var out = [
            "# `image` is the input: a 2-D float32 NumPy array, \(p.inputWidth)x\(p.inputHeight)",
            "import numpy as np",
            "from numpy.lib.stride_tricks import sliding_window_view",
        ]
        out += arrayLines(head: "k = np.array(", rows: p.kernel.rows, tail: ", dtype=np.float32)")
        if s.flip { out.append("k = np.flip(k)  # true convolution: the kernel turned 180 deg") }
        out.append(g.pad > 0 ? "x = np.pad(image, \(g.pad))  # \(p.padComment)" : "x = image  # valid: no padding")
        out.append("win = sliding_window_view(x, (\(g.span), \(g.span)))  # every \(g.span)x\(g.span) window")
        if g.stride > 1 { out.append("win = win[::\(g.stride), ::\(g.stride)]  # stride \(g.stride)") }
        if g.dilation > 1 {
            out.append("win = win[:, :, ::\(g.dilation), ::\(g.dilation)]  # dilation \(g.dilation): taps \(g.dilation) apart")
        }
        let bias = s.bias == 0 ? "" : " + np.float32(\(pythonLiteral(s.bias)))"
        out.append("conv = np.einsum(\"ijkl,kl->ij\", win, k)\(bias)")
        out.append("relu = np.maximum(conv, 0)")
        out.append("h, w = relu.shape[0] // 2 * 2, relu.shape[1] // 2 * 2  # floor")
        out.append("blocks = relu[:h, :w].reshape(h // 2, 2, w // 2, 2)")
        out.append("pool = blocks.\(s.pool == .max ? "max" : "mean")(axis=(1, 3))  # 2x2 \(s.pool.rawValue), stride 2")
        return out
    }

    static func pytorchLines(_ p: Parameters) -> [String] {
        let g = p.geometry, s = p.settings
        var out = [
            "# `image` is the input: a 2-D float32 array, \(p.inputWidth)x\(p.inputHeight)",
            "import torch",
            "import torch.nn.functional as F",
        ]
        out += arrayLines(head: "k = torch.tensor(", rows: p.kernel.rows, tail: ", dtype=torch.float32)")
        if s.flip { out.append("k = torch.flip(k, dims=(0, 1))  # true convolution: turned 180 deg") }
        out.append("x = torch.as_tensor(image, dtype=torch.float32)[None, None]")
        var args: [String] = []
        if s.bias != 0 { args.append("bias=torch.tensor([\(pythonLiteral(s.bias))])") }
        if g.stride > 1 { args.append("stride=\(g.stride)") }
        if g.pad > 0 { args.append("padding=\(g.pad)") }
        if g.dilation > 1 { args.append("dilation=\(g.dilation)") }
        if g.pad > 0 { out.append("# \(p.padComment)") }
        out += callLines(head: "conv = F.conv2d(", args: ["x", "k[None, None]"] + args, tail: ")[0, 0]")
        out.append("relu = F.relu(conv)")
        let pool = s.pool == .max ? "max_pool2d" : "avg_pool2d"
        out.append("pool = F.\(pool)(relu[None], 2)[0]  # 2x2, stride 2, floor")
        return out
    }

    /// A Float as Python reads it back to the same Float: the shortest form when a float64 parse
    /// of it rounds to this Float again (nearly always), else the exact float64 value.
    static func pythonLiteral(_ v: Float) -> String {
        let short = Kernel.format(v)
        if let d = Double(short), Float(d) == v { return short }
        return "\(Double(v))"
    }

    /// `head[[a, b], [c, d]]tail`, one row a line, rows too long for `width` broken after commas.
    static func arrayLines(head: String, rows: [[Float]], tail: String, width: Int = maxLineLength) -> [String] {
        let indent = String(repeating: " ", count: head.count + 1)
        var out: [String] = []
        for (i, row) in rows.enumerated() {
            let open = i == 0 ? head + "[[" : indent + "["
            let close = i == rows.count - 1 ? "]]" : "],"
            var line = open
            let items = row.map(pythonLiteral)
            for (j, item) in items.enumerated() {
                let piece = item + (j == items.count - 1 ? close : ",")
                if line.count + 1 + piece.count > width, line.count > open.count {
                    out.append(line)
                    line = indent + " " + piece
                } else {
                    line += (line.count > open.count ? " " : "") + piece
                }
            }
            out.append(line)
        }
        if rows.isEmpty { out.append(head + "[]") }
        if out[out.count - 1].count + tail.count > width {
            out[out.count - 1] += ","
            out.append(indent + String(tail.drop { $0 == "," || $0 == " " }))
        } else {
            out[out.count - 1] += tail
        }
        return out
    }

    /// `head a, b, c tail`, broken after commas to stay within `maxLineLength`.
    static func callLines(head: String, args: [String], tail: String) -> [String] {
        let indent = String(repeating: " ", count: head.count)
        var out: [String] = []
        var line = head
        for (i, arg) in args.enumerated() {
            let piece = arg + (i == args.count - 1 ? tail : ",")
            if line.count + 1 + piece.count > maxLineLength, line.count > head.count {
                out.append(line)
                line = indent + piece
            } else {
                line += (line.count > head.count ? " " : "") + piece
            }
        }
        out.append(line)
        return out
    }
}

extension AppState {
    /// The NumPy and PyTorch code for the maps on screen (the `o` overlay); in network mode, the
    /// network in PyTorch and the lines that load its weights file.
    public var codeSnippets: [CodeSnippet] {
        if let mode = network { return CodeSnippet.network(mode.source) }
        return CodeSnippet.all(for: maps)
    }
}
