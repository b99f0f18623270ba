import ConvModel

/// What the help and code overlays share when they fit themselves into the window.
enum OverlaySizing {
    /// The window less its margin: the most an overlay card may cover.
    static func room(in frame: FrameLayout) -> Rect {
        Rect(x: frame.margin, y: frame.margin, width: frame.width - 2 * frame.margin,
             height: frame.height - 2 * frame.margin)
    }

    /// Text sizes to try, largest first: from `start` down to the readable 12 px (at this scale)
    /// in steps of 7 %, then on down to 6 px, used only when nothing readable fits.
    static func candidateSizes(from start: Double, scale: Double) -> [Double] {
        let readable = 12 * scale
        var sizes: [Double] = []
        var s = start
        while s > readable { sizes.append(s); s *= 0.93 }
        sizes.append(readable)
        s = readable * 0.93
        while s > 6 { sizes.append(s); s *= 0.93 }
        sizes.append(6)
        return sizes
    }
}
