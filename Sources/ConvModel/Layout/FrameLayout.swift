/// Where everything goes in one frame, from the window size and the UI scale alone.
///
///     let layout = FrameLayout(width: 1920, height: 1080, scale: 1)
///     layout.panels[1].image      // the conv panel's image area, in window pixels
///
/// From top to bottom: the status line; the tour's caption band, while a caption shows; the three panels (a title band over an image area each);
/// a thin timeline of the scan; the detail band (kernel ⊙ patch = products under the input panel,
/// the written-out sum under the conv panel, the colour legend under the pool panel); and the
/// architecture strip.
///
/// Every length is a multiple of `unit`, the size of one design pixel. The design is made for a
/// 1280×800 window at scale 1; larger windows grow it in proportion, so a 4K frame looks like a
/// 1080p frame, only sharper. Smaller windows never shrink the text: the bands get more compact
/// and the panels give up the room. No text is below 12 px at scale 1.
///
/// The smallest frame is `minimumWidth`×`minimumHeight`: from there up, nothing overlaps and
/// nothing is cut at any scale, because a scale too large for the frame is reduced to the
/// largest that fits (scale 3 in a 1280×800 window draws at 2.5).
public struct FrameLayout: Equatable, Sendable {
    /// The window the design is made for, at scale 1.
    public static let referenceWidth = 1280.0
    public static let referenceHeight = 800.0
    /// The smallest window, `render` and `record` frame; the window's size hints say the same.
    public static let minimumWidth = 480
    public static let minimumHeight = 320

    public let width: Double
    public let height: Double
    /// The UI scale in effect (1 at 96 dpi): the one asked for, or less in a frame too small for it.
    public let scale: Double
    /// Window pixels per design pixel: the scale, grown with the window beyond the reference size.
    public let unit: Double
    /// 0 for the most compact layout (short windows), 1 for the roomy one.
    public let roominess: Double
    public let fonts: FontSizes
    /// Space around the frame's content.
    public let margin: Double
    /// Space between panels and between bands.
    public let gap: Double
    public let status: Rect
    /// The tour's caption band, under the status line and over the panels; nil without a caption.
    public let caption: CaptionLayout?
    /// The band holding the three panels, titles included.
    public let panelBand: Rect
    /// Input, conv and pool, left to right.
    public let panels: [PanelLayout]
    public let timeline: Rect
    public let detail: DetailLayout
    public let strip: StripLayout

    /// The layout of a window, with a band for `caption` when one is given, tall enough for the
    /// longest of `caption` and `captionRoom` (the other captions of a tour, so the band keeps its
    /// height from one to the next). Without a caption the panels have the band's room.
    ///
    /// `tallStrip` (network mode) gives the strip room for a thumbnail of each stage's values.
    /// `captionOverDetail` (a stage view or the tour's learn view, which take the detail band's
    /// place too) lets the caption count the detail band as room it may share.
    public init(width: Int, height: Int, scale: Double = 1, caption: Caption? = nil, captionRoom: [Caption] = [],
                tallStrip: Bool = false, captionOverDetail: Bool = false) {
        let w = Double(max(0, width)), h = Double(max(0, height))
        let asked = scale.isFinite && scale > 0 ? scale : 1
        let room = min(w / Double(FrameLayout.minimumWidth), h / Double(FrameLayout.minimumHeight))
        let s = min(asked, max(1, room))
        let fit = min(w / s / FrameLayout.referenceWidth, h / s / FrameLayout.referenceHeight)
        let u = s * max(1, fit)
        let t = min(max((h / u - 440) / (760 - 440), 0), 1)
        /// A length in window pixels: `compact` design pixels in a short window, `roomy` in a tall one.
        func len(_ compact: Double, _ roomy: Double) -> Double { (compact + (roomy - compact) * t) * u }

        self.width = w
        self.height = h
        self.scale = s
        self.unit = u
        self.roominess = t
        fonts = FontSizes(status: len(12.5, 14), title: len(13, 16), body: len(12, 13.5), small: len(12, 12.5),
                          minCell: 11 * s, maxCell: 16 * u)
        // Every edge falls on a whole pixel: crisp lines, and clips Cairo can apply without a mask.
        margin = len(8, 16).rounded()
        gap = len(8, 14).rounded()

        let statusHeight = len(24, 34).rounded()
        let titleHeight = len(22, 30).rounded()
        let timelineHeight = len(4, 6).rounded()
        let timelineGap = len(6, 10).rounded()
        let detailBase = len(84, 132).rounded()
        let stripHeight = (tallStrip ? len(104, 168) : len(54, 78)).rounded()

        let contentWidth = w - 2 * margin
        let panelWidth = max(0, ((contentWidth - 2 * gap) / 3).rounded(.down))
        status = Rect(x: margin, y: margin, width: contentWidth, height: statusHeight)

        let fixed = 2 * margin + statusHeight + gap + titleHeight + 2 * timelineGap + timelineHeight
            + detailBase + gap + stripHeight
        // The caption band takes what its lines need, but never more than 60 % of the panels' room
        // (with at least one line): in a small window the panels shrink a lot, the text not at all.
        var band: (metrics: CaptionLayout.Metrics, lines: Int)?
        if let caption {
            let titleSize = len(14, 17), textSize = len(12.5, 15)
            let shown = [caption] + captionRoom
            let m = CaptionLayout.Metrics(width: contentWidth, titleSize: titleSize, textSize: textSize,
                                          padX: len(12, 16).rounded(), padY: len(6, 9).rounded(),
                                          titleHeight: shown.contains { !$0.title.isEmpty } ? (titleSize * 1.45).rounded() : 0,
                                          lineHeight: textSize * 1.4)
            let needed = shown.map { CaptionLayout.estimatedLines($0.text, width: m.textWidth, size: textSize) }.max() ?? 1
            let room = m.lines(fittingHeight: max(0, h - fixed + (captionOverDetail ? detailBase : 0)) * 0.6 - gap)
            band = (m, max(1, min(needed, room, 5)))
        }
        let captionRoomTaken = band.map { [gap] in $0.metrics.height(lines: $0.lines) + gap } ?? 0
        let imageRoom = max(0, h - fixed - captionRoomTaken)
        // Square grids want a square image area; room beyond that first enlarges the detail band,
        // then is shared above and below everything under the status line.
        let slack = max(0, imageRoom - panelWidth)
        let detailHeight = detailBase + min(slack, detailBase * 0.5).rounded(.down)
        let spare = slack - (detailHeight - detailBase)
        let imageHeight = imageRoom - slack

        let groupTop = status.maxY + gap + (spare / 2).rounded(.down)
        self.caption = band.map { [margin] in $0.metrics.layout(x: margin, y: groupTop, lines: $0.lines) }
        let bandTop = groupTop + captionRoomTaken
        panelBand = Rect(x: margin, y: bandTop, width: contentWidth, height: titleHeight + imageHeight)
        let m = margin, g = gap
        let leftover = max(0, contentWidth - 3 * panelWidth - 2 * gap)
        panels = PanelKind.allCases.map { kind in
            let x = m + Double(kind.rawValue) * (panelWidth + g) + (leftover / 2).rounded(.down)
            let frame = Rect(x: x, y: bandTop, width: panelWidth, height: titleHeight + imageHeight)
            return PanelLayout(kind: kind, frame: frame,
                               title: Rect(x: x, y: bandTop, width: panelWidth, height: titleHeight),
                               image: Rect(x: x, y: bandTop + titleHeight, width: panelWidth, height: imageHeight))
        }

        timeline = Rect(x: margin, y: panelBand.maxY + timelineGap, width: contentWidth, height: timelineHeight)
        // Everything below the status line stays together; in a tall window the group is centred.
        let detailTop = timeline.maxY + timelineGap
        let stripTop = detailTop + detailHeight + gap
        detail = DetailLayout(frame: Rect(x: margin, y: detailTop, width: contentWidth, height: detailHeight),
                              columns: panels.map(\.frame), labelHeight: len(20, 26).rounded(),
                              operatorWidth: len(18, 28).rounded(), captionHeight: (fonts.small * 1.45).rounded())
        strip = StripLayout(frame: Rect(x: margin, y: stripTop, width: contentWidth, height: stripHeight),
                            bracketHeight: len(16, 22).rounded(), arrowWidth: len(10, 18).rounded(),
                            count: ArchitectureStrip.stageCount)
    }

    public func panel(_ kind: PanelKind) -> PanelLayout { panels[kind.rawValue] }

    /// The whole frame.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }
}

/// Text sizes in pixels.
public struct FontSizes: Equatable, Sendable {
    public let status: Double
    public let title: Double
    public let body: Double
    public let small: Double
    /// Numbers inside cells are drawn only when they can be at least this large.
    public let minCell: Double
    /// …and never larger than this.
    public let maxCell: Double
}

/// One panel: its title band and the image area below it.
public struct PanelLayout: Equatable, Sendable {
    public let kind: PanelKind
    public let frame: Rect
    public let title: Rect
    public let image: Rect
}

/// The band between the timeline and the strip, in three columns under the three panels.
///
/// Under the input: three k×k grids, kernel × patch = products, with a label band above them and
/// a caption line below (how the kernel is applied). Under the conv panel: the written-out sum.
/// Under the pool panel: the legend.
public struct DetailLayout: Equatable, Sendable {
    public let frame: Rect
    /// Height of the label band above the three grids.
    public let labelHeight: Double
    public let kernel: Rect
    /// The slot of the × between kernel and patch.
    public let times: Rect
    public let patch: Rect
    /// The slot of the = between patch and products.
    public let equals: Rect
    public let products: Rect
    /// The line under the three grids, as wide as the input column.
    public let caption: Rect
    public let sum: Rect
    public let legend: Rect

    init(frame: Rect, columns: [Rect], labelHeight: Double, operatorWidth: Double, captionHeight: Double) {
        self.frame = frame
        self.labelHeight = labelHeight
        let first = columns[0]
        let side = max(0, min(frame.height - labelHeight - captionHeight,
                              (first.width - 2 * operatorWidth) / 3).rounded(.down))
        let trio = 3 * side + 2 * operatorWidth
        let x0 = first.x + max(0, (first.width - trio) / 2).rounded(.down)
        let top = frame.y + labelHeight
        kernel = Rect(x: x0, y: top, width: side, height: side)
        times = Rect(x: kernel.maxX, y: top, width: operatorWidth, height: side)
        patch = Rect(x: times.maxX, y: top, width: side, height: side)
        equals = Rect(x: patch.maxX, y: top, width: operatorWidth, height: side)
        products = Rect(x: equals.maxX, y: top, width: side, height: side)
        caption = Rect(x: first.x, y: top + side, width: first.width,
                       height: max(0, min(captionHeight, frame.maxY - top - side)))
        sum = Rect(x: columns[1].x, y: frame.y, width: columns[1].width, height: frame.height)
        legend = Rect(x: columns[2].x, y: frame.y, width: columns[2].width, height: frame.height)
    }
}

/// The architecture strip: a band for the bracket over the stages shown in the panels, then one
/// box per stage with room for an arrow between neighbours.
public struct StripLayout: Equatable, Sendable {
    public let frame: Rect
    public let bracket: Rect
    public let boxes: [Rect]

    public let arrowWidth: Double

    init(frame: Rect, bracketHeight: Double, arrowWidth: Double, count: Int) {
        self.frame = frame
        self.arrowWidth = arrowWidth
        bracket = Rect(x: frame.x, y: frame.y, width: frame.width, height: bracketHeight)
        let top = frame.y + bracketHeight
        let boxWidth = max(0, (frame.width - Double(count - 1) * arrowWidth) / Double(count))
        boxes = (0..<count).map { i in
            let x0 = (frame.x + Double(i) * (boxWidth + arrowWidth)).rounded()
            let x1 = (frame.x + Double(i) * (boxWidth + arrowWidth) + boxWidth).rounded()
            return Rect(x: x0, y: top, width: x1 - x0, height: frame.height - bracketHeight)
        }
    }

    /// Boxes as wide as `minimumWidths` asks where it asks for more than an equal share, the rest
    /// sharing what is left equally; all scaled down alike when even the minimums do not fit.
    public func boxes(minimumWidths: [Double]) -> [Rect] {
        let n = minimumWidths.count
        guard n > 0, let first = boxes.first else { return [] }
        let total = max(0, frame.width - Double(n - 1) * arrowWidth)
        let needed = minimumWidths.map { max(0, $0) }
        var widths: [Double]
        let sum = needed.reduce(0, +)
        if sum >= total {
            widths = needed.map { sum > 0 ? $0 * total / sum : total / Double(n) }
        } else {
            // Raise a common level until the boxes below it, lifted to it, use up the room.
            var level = total / Double(n)
            for _ in 0..<n {
                let wide = needed.filter { $0 > level }
                if wide.count == n { break }
                let next = (total - wide.reduce(0, +)) / Double(n - wide.count)
                if abs(next - level) < 1e-9 { break }
                level = next
            }
            widths = needed.map { max($0, level) }
        }
        var x = frame.x, out: [Rect] = []
        for w in widths {
            let x0 = x.rounded(), x1 = (x + w).rounded()
            out.append(Rect(x: x0, y: first.y, width: x1 - x0, height: first.height))
            x += w + arrowWidth
        }
        return out
    }
}
