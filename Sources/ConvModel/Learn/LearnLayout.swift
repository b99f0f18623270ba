/// Where the learn view puts things, from the window size and UI scale alone (the same sizing
/// rules as `FrameLayout`: its unit, fonts, margin, gap and status line).
///
/// Left: conv1's 8 filters in a row (or two rows of 4 where that makes them larger), and under them conv2's 16 filters in a 4×4 grid, each
/// drawn as its 8 tiles of 3×3 (one per conv1 map it reads, in channel order, 2 rows of 4). Right:
/// the lines of figures, then the loss plot over the accuracy plot. Along the bottom: the keys.
public struct LearnLayout: Equatable, Sendable {
    public let frame: FrameLayout
    public var bounds: Rect { Rect(x: 0, y: 0, width: frame.width, height: frame.height) }
    public var fonts: FontSizes { frame.fonts }
    public var status: Rect { frame.status }
    public let conv1Title: Rect
    /// conv1's filters, one 3×3 tile each.
    public let conv1Tiles: [Rect]
    public let conv2Title: Rect
    /// conv2's filters: for each of the 16, its 8 tiles (one per input channel).
    public let conv2Tiles: [[Rect]]
    /// One rectangle per line of figures (fewer than `figureLines` in a short window).
    public let figures: [Rect]
    /// Figures share a line in pairs when the column is wide enough.
    public let figureColumns: Int
    public let lossPlot: PlotLayout
    public let accuracyPlot: PlotLayout
    /// The key legend, `keyLines` lines high.
    public let keys: Rect
    public let keyLines: Int

    /// Lines of figures: the notice about the sample (when shown), then the figures.
    public static func figureLines(notice: Bool, columns: Int) -> Int {
        (notice ? 1 : 0) + (LearnText.figureCount + columns - 1) / columns
    }

    public init(width: Int, height: Int, scale: Double = 1, filters1: Int = 8, filters2: Int = 16, notice: Bool = false) {
        let f = FrameLayout(width: width, height: height, scale: scale)
        frame = f
        let u = f.unit, m = f.margin, g = f.gap
        let content = Rect(x: m, y: f.status.maxY + g, width: f.width - 2 * m, height: 0)
        let lineHeight = (f.fonts.small * 1.55).rounded()
        keyLines = content.width < 1000 * f.scale ? 2 : 1
        let keysHeight = lineHeight * Double(keyLines)
        keys = Rect(x: m, y: f.height - m - keysHeight, width: content.width, height: keysHeight)
        let top = content.minY, bottom = keys.minY - g
        let height = max(0, bottom - top)

        // Left column: filters. Right column: figures and plots.
        let leftWidth = (content.width * 0.55).rounded(.down)
        let right = Rect(x: m + leftWidth + g, y: top, width: max(0, content.width - leftWidth - g), height: height)
        let titleHeight = (f.fonts.title * 1.6).rounded()

        // conv1: f1 tiles of 3 cells with one cell between, in one row or two, whichever makes
        // the cells larger while taking at most 40 % of the column's height.
        let filterRoom = max(0, height - 2 * titleHeight - g) * 0.4
        func conv1Cell(rows: Int) -> Double {
            let across = (filters1 + rows - 1) / rows
            return min((leftWidth / Double(4 * across - 1)).rounded(.down), (filterRoom / Double(4 * rows - 1)).rounded(.down))
        }
        let rows1 = conv1Cell(rows: 2) > conv1Cell(rows: 1) ? 2 : 1
        let c1 = max(1, conv1Cell(rows: rows1))
        let across1 = (filters1 + rows1 - 1) / rows1
        let title1 = Rect(x: m, y: top, width: leftWidth, height: titleHeight)
        conv1Title = title1
        let row1Width = c1 * Double(4 * across1 - 1)
        let x1 = m + ((leftWidth - row1Width) / 2).rounded(.down)
        conv1Tiles = (0..<filters1).map { i in
            Rect(x: x1 + Double(4 * (i % across1)) * c1, y: title1.maxY + Double(4 * (i / across1)) * c1, width: 3 * c1, height: 3 * c1)
        }
        let title2 = Rect(x: m, y: title1.maxY + Double(4 * rows1 - 1) * c1 + g, width: leftWidth, height: titleHeight)
        conv2Title = title2

        // conv2: 4 filters across, each 4 tiles wide and (f1 / 4) high; tiles one third of a
        // cell apart (at least a pixel), filters two cells apart.
        let across = 4, tilesAcross = 4, tilesDown = (filters1 + tilesAcross - 1) / tilesAcross
        let down = (filters2 + across - 1) / across
        let room = Rect(x: m, y: title2.maxY, width: leftWidth, height: max(0, bottom - title2.maxY))
        // Width in cells: across · (3·tilesAcross + (tilesAcross − 1)/3) + (across − 1)·2, likewise down.
        let cellsWide = Double(across) * (3 * Double(tilesAcross) + Double(tilesAcross - 1) / 3) + Double(across - 1) * 2
        let cellsHigh = Double(down) * (3 * Double(tilesDown) + Double(tilesDown - 1) / 3) + Double(down - 1) * 2
        let c2 = max(1, min((room.width / cellsWide).rounded(.down), (room.height / cellsHigh).rounded(.down), c1))
        let tileGap = max(1, (c2 / 3).rounded()), filterGap = 2 * c2
        let filterWidth = Double(tilesAcross) * 3 * c2 + Double(tilesAcross - 1) * tileGap
        let filterHeight = Double(tilesDown) * 3 * c2 + Double(tilesDown - 1) * tileGap
        let gridWidth = Double(across) * filterWidth + Double(across - 1) * filterGap
        let x2 = m + ((leftWidth - gridWidth) / 2).rounded(.down)
        conv2Tiles = (0..<filters2).map { k in
            let fx = x2 + Double(k % across) * (filterWidth + filterGap)
            let fy = room.minY + Double(k / across) * (filterHeight + filterGap)
            return (0..<filters1).map { c in
                Rect(x: fx + Double(c % tilesAcross) * (3 * c2 + tileGap), y: fy + Double(c / tilesAcross) * (3 * c2 + tileGap),
                     width: 3 * c2, height: 3 * c2)
            }
        }

        // Right column: the figures, then two plots sharing what is left.
        figureColumns = right.width >= 520 * u ? 2 : 1
        // In a short window the figures give up their last lines (the least needed) before the
        // plots shrink below a title and three lines of labels each.
        let smallestPlot = (f.fonts.body * 1.6).rounded() + 3 * (f.fonts.small * 1.5).rounded()
        let fitting = Int(((height - 2 * smallestPlot - 2 * g) / lineHeight).rounded(.down))
        let lines = max(1, min(LearnLayout.figureLines(notice: notice, columns: figureColumns), fitting))
        figures = (0..<lines).map { i in
            Rect(x: right.minX, y: right.minY + Double(i) * lineHeight, width: right.width, height: lineHeight)
        }
        let plotsTop = right.minY + Double(lines) * lineHeight + g
        let plotHeight = max(0, ((bottom - plotsTop - g) / 2).rounded(.down))
        lossPlot = PlotLayout(Rect(x: right.minX, y: plotsTop, width: right.width, height: plotHeight), fonts: f.fonts)
        accuracyPlot = PlotLayout(Rect(x: right.minX, y: plotsTop + plotHeight + g, width: right.width, height: plotHeight),
                                  fonts: f.fonts)
    }
}

/// One plot: a title line, the data area, the y axis's numbers to its left and the x axis's
/// numbers and name below it.
public struct PlotLayout: Equatable, Sendable {
    public let frame: Rect
    public let title: Rect
    /// Where the data is drawn.
    public let area: Rect
    /// The row of x tick labels, under the area.
    public let xLabels: Rect
    /// The column of y tick labels, left of the area.
    public let yLabels: Rect

    public init(_ frame: Rect, fonts: FontSizes) {
        self.frame = frame
        let titleHeight = (fonts.body * 1.6).rounded()
        let labelHeight = (fonts.small * 1.5).rounded()
        // "100 %" or "2.5" in the small font, with a little air.
        let labelWidth = (fonts.small * 3.4).rounded()
        title = Rect(x: frame.minX, y: frame.minY, width: frame.width, height: titleHeight)
        let areaTop = title.maxY + (fonts.small * 0.6).rounded()
        area = Rect(x: frame.minX + labelWidth, y: areaTop, width: frame.width - labelWidth - (fonts.small * 1.5).rounded(),
                    height: frame.maxY - labelHeight - areaTop)
        xLabels = Rect(x: frame.minX, y: area.maxY, width: frame.width, height: labelHeight)
        yLabels = Rect(x: frame.minX, y: area.minY, width: labelWidth, height: area.height)
    }
}
