import ConvModel

/// An sRGB colour with components in [0, 1].
public struct RGB: Equatable, Sendable {
    public var r: Double
    public var g: Double
    public var b: Double

    public init(_ r: Double, _ g: Double, _ b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// From `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(Double((hex >> 16) & 0xFF) / 255, Double((hex >> 8) & 0xFF) / 255, Double(hex & 0xFF) / 255)
    }

    /// Relative luminance, close enough to decide between dark and light text.
    var luminance: Double { 0.2126 * r + 0.7152 * g + 0.0722 * b }

    func mixed(with other: RGB, _ t: Double) -> RGB {
        RGB(r + (other.r - r) * t, g + (other.g - g) * t, b + (other.b - b) * t)
    }

    /// Opaque `0xFFRRGGBB`, the pixel layout of Cairo's ARGB32 and RGB24.
    var pixel: UInt32 {
        func byte(_ v: Double) -> UInt32 { UInt32((min(max(v, 0), 1) * 255).rounded()) }
        return 0xFF00_0000 | byte(r) << 16 | byte(g) << 8 | byte(b)
    }
}

/// The colours of one theme. Calm surfaces, one strong colour for the kernel's box, one for the
/// cell just computed.
public struct Palette: Sendable {
    public let background: RGB
    /// The image area behind the grids; cells not yet computed show it.
    public let panel: RGB
    public let panelBorder: RGB
    public let text: RGB
    public let textDim: RGB
    public let textFaint: RGB
    /// Grid lines between cells (drawn with `gridAlpha`).
    public let gridLine: RGB
    public let gridAlpha: Double
    /// The kernel's window on the input.
    public let box: RGB
    /// A thin edge around the box so it reads on white cells too.
    public let boxEdge: RGB
    /// The cell just computed, and the pool cell it feeds.
    public let lit: RGB
    public let litEdge: RGB
    /// The linked receptive fields of the cell under the pointer: a calm colour that is neither the
    /// box nor the lit cell, and reads on gray, viridis and the diverging maps.
    public let link: RGB
    /// Positive and negative weights and products.
    public let positive: RGB
    public let negative: RGB
    public let neutral: RGB
    /// Cells of zero padding under the box.
    public let padding: RGB
    public let track: RGB
    public let trackFill: RGB
    public let card: RGB
    public let cardBorder: RGB
    public let scrim: RGB
    public let scrimAlpha: Double
    public let warning: RGB
    /// Stage boxes of the strip.
    public let stage: RGB
    public let stageLit: RGB
    public let stageLitText: RGB
    public let diverging: Colormap

    public static func of(_ theme: Theme) -> Palette {
        switch theme {
        case .dark: return .dark
        case .light: return .light
        }
    }

    public static let dark = Palette(
        background: RGB(hex: 0x121418), panel: RGB(hex: 0x1B1E24), panelBorder: RGB(hex: 0x2A2E36),
        text: RGB(hex: 0xE8EAEE), textDim: RGB(hex: 0xA3AAB6), textFaint: RGB(hex: 0x6E7582),
        gridLine: RGB(hex: 0x000000), gridAlpha: 0.45,
        box: RGB(hex: 0xFFCF33), boxEdge: RGB(hex: 0x000000),
        lit: RGB(hex: 0xFFFFFF), litEdge: RGB(hex: 0x000000), link: RGB(hex: 0x6FD3F5),
        positive: RGB(hex: 0xF08A4B), negative: RGB(hex: 0x4C9BE8), neutral: RGB(hex: 0x2C3038),
        padding: RGB(hex: 0x000000),
        track: RGB(hex: 0x2A2E36), trackFill: RGB(hex: 0x8C93A0),
        card: RGB(hex: 0x1E2128), cardBorder: RGB(hex: 0x3A3F4A), scrim: RGB(hex: 0x07080A), scrimAlpha: 0.72,
        warning: RGB(hex: 0xF26D5B),
        stage: RGB(hex: 0x20242B), stageLit: RGB(hex: 0xFFCF33), stageLitText: RGB(hex: 0x15171B),
        diverging: .divergingDark)

    public static let light = Palette(
        background: RGB(hex: 0xF3F2EE), panel: RGB(hex: 0xFCFCFA), panelBorder: RGB(hex: 0xD9D7D0),
        text: RGB(hex: 0x1C1E22), textDim: RGB(hex: 0x555B66), textFaint: RGB(hex: 0x8D929B),
        gridLine: RGB(hex: 0x8A8E96), gridAlpha: 0.45,
        box: RGB(hex: 0xF5B800), boxEdge: RGB(hex: 0x3A2E00),
        lit: RGB(hex: 0xE0177A), litEdge: RGB(hex: 0xFFFFFF), link: RGB(hex: 0x0B84B8),
        positive: RGB(hex: 0xD9642B), negative: RGB(hex: 0x2F74C0), neutral: RGB(hex: 0xECEBE6),
        padding: RGB(hex: 0x000000),
        track: RGB(hex: 0xDEDCD5), trackFill: RGB(hex: 0x6B717C),
        card: RGB(hex: 0xFFFFFF), cardBorder: RGB(hex: 0xCFCCC4), scrim: RGB(hex: 0xF3F2EE), scrimAlpha: 0.8,
        warning: RGB(hex: 0xC63A2B),
        stage: RGB(hex: 0xFFFFFF), stageLit: RGB(hex: 0xF5B800), stageLitText: RGB(hex: 0x1C1E22),
        diverging: .divergingLight)
}
