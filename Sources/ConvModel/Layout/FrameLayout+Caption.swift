/// The tour's caption band: a card across the content width between the status line and the
/// panels, a title line over a few lines of text. While a caption shows, the panels give up the
/// band's height, so the caption never covers the maps the scan is working on.
///
///     let layout = FrameLayout(state: state)          // state.caption is set
///     layout.caption?.text                            // where the wrapped lines go
///
/// The layout cannot measure text (that takes Cairo), so it estimates how many lines a caption
/// wraps to from DejaVu Sans's advance widths, a little generously. While a tour runs the band is
/// sized for the longest caption of the tour, so the panels keep their size from scene to scene.
/// The renderer wraps the text for real and, should it still need more lines than the band has,
/// draws it a little smaller.
public struct CaptionLayout: Equatable, Sendable {
    /// The card.
    public let frame: Rect
    /// The title line (zero height when no caption of the band has a title).
    public let title: Rect
    /// The block of text lines under the title.
    public let text: Rect
    public let titleSize: Double
    public let textSize: Double
    /// Distance between the baselines of two text lines.
    public let lineHeight: Double
    /// How many text lines the band has room for.
    public let lines: Int

    /// Sizes and spacing of a caption band of a given width; its height follows from the line count.
    struct Metrics {
        let width: Double
        let titleSize: Double
        let textSize: Double
        let padX: Double
        let padY: Double
        let titleHeight: Double
        let lineHeight: Double

        var textWidth: Double { max(0, width - 2 * padX) }

        func height(lines: Int) -> Double {
            (2 * padY + titleHeight + Double(lines) * lineHeight).rounded(.up)
        }

        /// The most text lines a band of at most `height` holds (0 when not even one does).
        func lines(fittingHeight height: Double) -> Int {
            guard lineHeight > 0 else { return 0 }
            return max(0, Int(((height - 2 * padY - titleHeight) / lineHeight + 1e-9).rounded(.down)))
        }

        func layout(x: Double, y: Double, lines: Int) -> CaptionLayout {
            let frame = Rect(x: x, y: y, width: width, height: height(lines: lines))
            return CaptionLayout(
                frame: frame,
                title: Rect(x: x + padX, y: y + padY, width: textWidth, height: titleHeight),
                text: Rect(x: x + padX, y: y + padY + titleHeight, width: textWidth,
                           height: frame.height - 2 * padY - titleHeight),
                titleSize: titleSize, textSize: textSize, lineHeight: lineHeight, lines: lines)
        }
    }

    /// How many lines `text` wraps to, words kept whole, in DejaVu Sans at `size` pixels within
    /// `width`: the same greedy breaking as the renderer's, with each glyph's advance rounded to
    /// whole pixels as hinted text is, and a few per cent to spare.
    public static func estimatedLines(_ text: String, width: Double, size: Double) -> Int {
        let space = advance(" ", size)
        var count = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = 0.0
            count += 1
            for word in paragraph.split(separator: " ") {
                let w = word.reduce(0) { $0 + advance($1, size) }
                if line == 0 {
                    line = w
                } else if line + space + w <= width {
                    line += space + w
                } else {
                    count += 1
                    line = w
                }
            }
        }
        return count
    }

    /// A character's advance in DejaVu Sans (em fractions, grouped), rounded as hinting does, plus 4 %.
    static func advance(_ c: Character, _ size: Double) -> Double {
        let em: Double
        switch c {
        case " ": em = 0.318
        case "i", "j", "l", "I", "J", ".", ",", ":", ";", "'", "!", "|", "’": em = 0.30
        case "f", "r", "t", "(", ")", "[", "]", "-", "/": em = 0.41
        case "m", "M", "W", "…", "—": em = 1.0
        case "w", "×", "→", "⊙", "÷", "−", "+", "=": em = 0.84
        case "s", "z", "c": em = 0.56
        case "A"..."Z": em = 0.79
        default: em = c.isASCII ? 0.64 : 0.84
        }
        return max(1, (em * size).rounded()) * 1.04
    }
}
