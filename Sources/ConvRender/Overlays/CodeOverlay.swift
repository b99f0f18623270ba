import ConvModel

/// The code overlay (`o`): the NumPy and PyTorch snippets that compute the maps on screen, on a
/// card over the dimmed frame, side by side when the window is wide and one above the other when
/// it is not.
///
///     let code = renderer.codeOverlay(for: state)
///     code.lines.map(\.text)     // every line of `state.codeSnippets`, NumPy first
public struct CodeOverlay: Equatable, Sendable {
    /// One snippet's heading ("NumPy", "PyTorch").
    public struct Header: Equatable, Sendable {
        public let text: String
        public let rect: Rect
    }

    /// One line of code and where it is written (left-aligned, vertically centred in `rect`).
    public struct Line: Equatable, Sendable {
        public let text: String
        public let language: CodeSnippet.Language
        public let rect: Rect
    }

    public static let title = "The same conv + ReLU + pool in Python"
    /// The title in network mode, where the code is the whole network.
    public static let networkTitle = "This network in PyTorch, loading our weights file"
    public static let footer = "press o or Esc to close"

    public let card: Rect
    public let titleRect: Rect
    public let footerRect: Rect
    public let headers: [Header]
    public let lines: [Line]
    /// Size of the code font in pixels; headings and title are drawn larger.
    public let fontSize: Double
    public let columns: Int

    /// Lays the snippets out in `frame`, given the width of the widest code line measured in the
    /// monospace font at `measuredAt` pixels.
    ///
    /// It takes the largest text size, then the most generous line spacing, then two columns over
    /// one, that fit. Text goes below 12 px (to 6 px) only when nothing larger fits.
    static func layout(_ frame: FrameLayout, snippets: [CodeSnippet], codeWidth: Double,
                       measuredAt size0: Double) -> CodeOverlay {
        let room = OverlaySizing.room(in: frame)
        let sizes = OverlaySizing.candidateSizes(from: size0, scale: frame.scale)

        struct Metrics {
            let size: Double, spacing: Double, columns: Int
            let pad: Double, titleHeight: Double, footerHeight: Double, headerHeight: Double
            let lineHeight: Double, sectionGap: Double, columnGap: Double, columnWidth: Double
        }
        func metrics(_ size: Double, _ spacing: Double, _ columns: Int) -> Metrics {
            Metrics(size: size, spacing: spacing, columns: columns, pad: size * 1.4, titleHeight: size * 2.6,
                    footerHeight: size * 2.0, headerHeight: size * 2.0, lineHeight: size * spacing,
                    sectionGap: size * 1.2, columnGap: size * 3, columnWidth: (codeWidth * size / size0).rounded(.up))
        }
        /// Snippets of column `j`: consecutive runs, the first columns taking any extra.
        func groups(_ columns: Int) -> [[CodeSnippet]] {
            let per = (snippets.count + columns - 1) / max(1, columns)
            return stride(from: 0, to: snippets.count, by: max(1, per)).map { Array(snippets[$0 ..< min(snippets.count, $0 + per)]) }
        }
        func extent(_ m: Metrics) -> (width: Double, height: Double) {
            let g = groups(m.columns)
            let heights = g.map { column in
                column.map { m.headerHeight + Double($0.lines.count) * m.lineHeight }.reduce(0, +)
                    + Double(max(0, column.count - 1)) * m.sectionGap
            }
            let n = Double(g.count)
            let width = n * m.columnWidth + (n - 1) * m.columnGap + 2 * m.pad
            let height = 2 * m.pad + m.titleHeight + (heights.max() ?? 0) + m.footerHeight
            return (width.rounded(.up), height.rounded(.up))
        }

        let columnChoices = snippets.count > 1 ? [2, 1] : [1]
        var chosen: Metrics?
        search: for size in sizes {
            for spacing in [1.45, 1.3, 1.2] {
                for columns in columnChoices {
                    let m = metrics(size, spacing, columns)
                    let wh = extent(m)
                    if wh.width <= room.width && wh.height <= room.height {
                        chosen = m
                        break search
                    }
                }
            }
        }
        let m = chosen ?? metrics(6, 1.2, 1)
        let wh = extent(m)
        let cardWidth = min(room.width, wh.width), cardHeight = min(room.height, wh.height)
        let card = Rect(x: (frame.width / 2 - cardWidth / 2).rounded(), y: (frame.height / 2 - cardHeight / 2).rounded(),
                        width: cardWidth.rounded(.down), height: cardHeight.rounded(.down))
        var headers: [Header] = [], lines: [Line] = []
        for (j, column) in groups(m.columns).enumerated() {
            let x = card.minX + m.pad + Double(j) * (m.columnWidth + m.columnGap)
            var y = card.minY + m.pad + m.titleHeight
            for (i, snippet) in column.enumerated() {
                if i > 0 { y += m.sectionGap }
                headers.append(Header(text: snippet.title, rect: Rect(x: x, y: y, width: m.columnWidth, height: m.headerHeight)))
                y += m.headerHeight
                for text in snippet.lines {
                    lines.append(Line(text: text, language: snippet.language,
                                      rect: Rect(x: x, y: y, width: m.columnWidth, height: m.lineHeight)))
                    y += m.lineHeight
                }
            }
        }
        return CodeOverlay(card: card,
                           titleRect: Rect(x: card.minX + m.pad, y: card.minY + m.pad, width: card.width - 2 * m.pad,
                                           height: m.titleHeight * 0.8),
                           footerRect: Rect(x: card.minX + m.pad, y: card.maxY - m.pad - m.footerHeight,
                                            width: card.width - 2 * m.pad, height: m.footerHeight),
                           headers: headers, lines: lines, fontSize: m.size, columns: m.columns)
    }
}
