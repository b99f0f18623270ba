import ConvModel

/// A colour map as a 256-entry table of opaque pixels, looked up by a value's place in a range.
///
///     let i = Colormap.viridis.index(of: 0.7, lo: 0, hi: 2.5)
///     Colormap.viridis.colors[i]
///
/// The tables are built once from a handful of stops of the published maps (viridis and magma
/// from matplotlib, CC0), linearly interpolated in sRGB.
public struct Colormap: Sendable {
    public let name: String
    /// 256 colours, low to high.
    public let colors: [RGB]
    /// The same as `0xFFRRGGBB` pixels.
    public let pixels: [UInt32]
    /// Whether text on that entry should be dark.
    let wantsDarkText: [Bool]

    init(name: String, stops: [UInt32]) {
        let rgb = stops.map(RGB.init(hex:))
        let colors = (0..<256).map { i -> RGB in
            let x = Double(i) / 255 * Double(rgb.count - 1)
            let j = min(Int(x), rgb.count - 2)
            return rgb[j].mixed(with: rgb[j + 1], x - Double(j))
        }
        self.name = name
        self.colors = colors
        pixels = colors.map(\.pixel)
        wantsDarkText = colors.map { $0.luminance > 0.45 }
    }

    /// Table index of `v` on a scale from `lo` (index 0) to `hi` (index 255); NaN gives 0.
    @inline(__always)
    public func index(of v: Float, lo: Float, hi: Float) -> Int {
        let span = hi - lo
        guard span > 0 else { return v > lo ? 255 : 0 }
        let t = (v - lo) / span * 255
        guard t == t else { return 0 }
        return Int(min(max(t, 0), 255).rounded())
    }

    public func color(of v: Float, lo: Float, hi: Float) -> RGB { colors[index(of: v, lo: lo, hi: hi)] }

    public static let gray = Colormap(name: "gray", stops: [0x000000, 0xFFFFFF])

    public static let viridis = Colormap(name: "viridis", stops: [
        0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725,
    ])

    public static let magma = Colormap(name: "magma", stops: [
        0x000004, 0x1C1044, 0x4F127B, 0x812581, 0xB5367A, 0xE55064, 0xFB8761, 0xFEC287, 0xFCFDBF,
    ])

    /// Blue below zero, orange above, a quiet gray at zero that still differs from an empty cell.
    public static let divergingDark = Colormap(name: "diverging-dark", stops: [
        0xA9D2FF, 0x4A92E0, 0x23508F, 0x34373F, 0x8F3F1F, 0xE0773C, 0xFFD0A8,
    ])

    public static let divergingLight = Colormap(name: "diverging-light", stops: [
        0x1B4F91, 0x3C86C8, 0xA9CDEA, 0xEEEEEE, 0xF3B493, 0xD2573A, 0x8E1B22,
    ])
}
