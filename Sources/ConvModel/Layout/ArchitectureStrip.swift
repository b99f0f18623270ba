/// One stage of the small CNN the strip along the bottom of the frame shows.
public struct ArchitectureStage: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case input, conv, relu, pool, flatten, dense, softmax
    }

    public let kind: Kind
    /// What the box says when there is room (`conv 3×3`), and when there is not (`conv`).
    public let name: String
    public let shortName: String
    /// The tensor after this stage: height, width, channels; or one length once flattened.
    public let shape: [Int]
    /// True for the stages the three panels show.
    public let isShownInPanels: Bool

    /// `32×16×1` (width first, as the panel titles and the status line write image sizes), or
    /// `200` once flattened.
    public var shapeText: String {
        let ordered = shape.count == 3 ? [shape[1], shape[0], shape[2]] : shape
        return ordered.map(String.init).joined(separator: "×")
    }
}

/// The typical recipe, input → conv → ReLU → pool → conv → ReLU → pool → flatten → fully
/// connected → softmax, with each tensor shape worked out for the current input.
///
/// The first block is the one in the panels: one filter, with the kernel size, stride, padding and
/// dilation in use. The second block is a stand-in for what a real network would stack on top:
/// `secondConvFilters` filters of 3×3, stride 1, `same` padding (so it keeps the size), then the
/// same 2×2 pooling. The classifier has `classes` outputs.
public enum ArchitectureStrip {
    public static let secondConvFilters = 8
    public static let secondConvKernel = 3
    public static let classes = 10
    public static let stageCount = 10
    /// Indices of the stages shown in the panels: input, conv, ReLU, pool.
    public static let convIndex = 1
    public static let reluIndex = 2
    public static let poolIndex = 3

    public static func stages(for geometry: ConvGeometry, pool: PoolMode = .max) -> [ArchitectureStage] {
        let k = geometry.kernelSize
        let h1 = geometry.outputHeight, w1 = geometry.outputWidth
        let ph1 = h1 / 2, pw1 = w1 / 2
        let second = ConvGeometry(inputWidth: pw1, inputHeight: ph1, kernelSize: secondConvKernel,
                                  stride: 1, padding: .same)
        let h2 = second.outputHeight, w2 = second.outputWidth, c2 = secondConvFilters
        let ph2 = h2 / 2, pw2 = w2 / 2
        let flat = ph2 * pw2 * c2
        let poolName = pool == .max ? "max-pool 2×2" : "avg-pool 2×2"
        func stage(_ kind: ArchitectureStage.Kind, _ name: String, _ short: String, _ shape: [Int],
                   shown: Bool = false) -> ArchitectureStage {
            ArchitectureStage(kind: kind, name: name, shortName: short, shape: shape, isShownInPanels: shown)
        }
        return [
            stage(.input, "input", "input", [geometry.inputHeight, geometry.inputWidth, 1], shown: true),
            stage(.conv, "conv \(k)×\(k)", "conv", [h1, w1, 1], shown: true),
            stage(.relu, "ReLU", "ReLU", [h1, w1, 1], shown: true),
            stage(.pool, poolName, "pool", [ph1, pw1, 1], shown: true),
            stage(.conv, "conv \(secondConvKernel)×\(secondConvKernel)", "conv", [h2, w2, c2]),
            stage(.relu, "ReLU", "ReLU", [h2, w2, c2]),
            stage(.pool, poolName, "pool", [ph2, pw2, c2]),
            stage(.flatten, "flatten", "flat", [flat]),
            stage(.dense, "fully connected", "FC", [classes]),
            stage(.softmax, "softmax", "soft", [classes]),
        ]
    }

    /// Indices of the stages computed at this scan position: the conv (and its ReLU, when the
    /// panel shows it) at every position, since every position computes a cell; and the pool as
    /// well when that cell completes a 2×2 block.
    ///
    /// The conv stays lit while the pool comes and goes: on the rows that complete blocks only
    /// the pool's box changes from step to step, rather than all three boxes swapping places.
    public static func litStages(scan: ScanCursor, showRelu: Bool) -> [Int] {
        guard scan.count > 0 else { return [] }
        let conv = showRelu ? [convIndex, reluIndex] : [convIndex]
        if let p = scan.poolCell, scan.completionPosition(poolRow: p.row, poolCol: p.col) == scan.position {
            return conv + [poolIndex]
        }
        return conv
    }
}
