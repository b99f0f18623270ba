/// Where the learn view puts things, in the area the panels leave (as a stage view does): a title
/// band; the first-layer filters large on the left; the second-layer filters in the middle, each
/// as its 3×3 slices over the f1 maps of pool1 side by side (4 across, 2 down for 8); on the right
/// the curves of loss and accuracy over the facts of the run; the controls along the foot.
public struct LearnViewLayout: Equatable, Sendable {
    public let frame: Rect
    public let title: Rect
    public let controls: Rect
    public let conv1Title: Rect
    public let conv1: [Rect]
    public let conv2Title: Rect
    /// One tile per conv2 filter, `slicesAcross`×`slicesDown` slices of 3×3 each.
    public let conv2: [Rect]
    public let slicesAcross: Int
    public let slicesDown: Int
    public let plot: Rect
    public let facts: Rect

    public init(frame: Rect, filters1: Int, filters2: Int, fonts: FontSizes, gap: Double) {
        self.frame = frame
        let titleHeight = (fonts.title * 1.9).rounded(), controlsHeight = (fonts.body * 1.9).rounded()
        let labelHeight = (fonts.small * 1.6).rounded()
        title = Rect(x: frame.x, y: frame.y, width: frame.width, height: titleHeight)
        controls = Rect(x: frame.x, y: frame.maxY - controlsHeight, width: frame.width, height: controlsHeight)
        let bodyTop = title.maxY, bodyHeight = max(0, controls.minY - bodyTop - gap / 2)
        let leftWidth = (frame.width * 0.27).rounded(.down), middleWidth = (frame.width * 0.37).rounded(.down)
        let left = Rect(x: frame.x, y: bodyTop, width: leftWidth, height: bodyHeight)
        let middle = Rect(x: left.maxX + gap, y: bodyTop, width: middleWidth - gap, height: bodyHeight)
        let right = Rect(x: middle.maxX + 2 * gap, y: bodyTop, width: max(0, frame.maxX - middle.maxX - 2 * gap), height: bodyHeight)

        conv1Title = Rect(x: left.x, y: left.y, width: left.width, height: labelHeight)
        let conv1Area = Rect(x: left.x, y: conv1Title.maxY, width: left.width, height: max(0, left.height - labelHeight))
        conv1 = StageViewLayout.smallMultiples(filters1, side: 3, in: conv1Area, labelHeight: 0, gap: gap / 2).0

        slicesAcross = min(4, max(1, filters1))
        slicesDown = (filters1 + slicesAcross - 1) / slicesAcross
        conv2Title = Rect(x: middle.x, y: middle.y, width: middle.width, height: labelHeight)
        let conv2Area = Rect(x: middle.x, y: conv2Title.maxY, width: middle.width, height: max(0, middle.height - labelHeight))
        conv2 = LearnViewLayout.tiles(filters2, aspect: Double(3 * slicesAcross) / Double(3 * slicesDown), in: conv2Area,
                                      gap: gap / 2)

        let plotHeight = (right.height * 0.58).rounded(.down)
        plot = Rect(x: right.x, y: right.y + labelHeight, width: right.width, height: max(0, plotHeight - labelHeight))
        facts = Rect(x: right.x, y: right.y + plotHeight + gap / 2, width: right.width,
                     height: max(0, right.height - plotHeight - gap / 2))
    }

    /// `n` tiles of the given width-to-height ratio in the columns that make them largest.
    static func tiles(_ n: Int, aspect: Double, in area: Rect, gap: Double) -> [Rect] {
        guard n > 0, aspect > 0 else { return [] }
        var best = (width: 0.0, columns: 1)
        for columns in 1...n {
            let rows = (n + columns - 1) / columns
            let w = (area.width - Double(columns - 1) * gap) / Double(columns)
            let h = (area.height - Double(rows - 1) * gap) / Double(rows)
            let width = min(w, h * aspect)
            if width > best.width { best = (width, columns) }
        }
        let w = max(0, best.width).rounded(.down), h = (w / aspect).rounded(.down), columns = best.columns
        let rows = (n + columns - 1) / columns
        let x0 = area.x + ((area.width - Double(columns) * w - Double(columns - 1) * gap) / 2).rounded(.down)
        let y0 = area.y + ((area.height - Double(rows) * h - Double(rows - 1) * gap) / 2).rounded(.down)
        return (0..<n).map { Rect(x: x0 + Double($0 % columns) * (w + gap), y: y0 + Double($0 / columns) * (h + gap), width: w, height: h) }
    }

    public var allRects: [Rect] { [title, controls, conv1Title, conv2Title, plot, facts] + conv1 + conv2 }
}

extension FrameLayout {
    /// The learn view's layout for a network of these filter counts.
    public func learnView(filters1: Int, filters2: Int) -> LearnViewLayout {
        LearnViewLayout(frame: stageArea, filters1: filters1, filters2: filters2, fonts: fonts, gap: gap)
    }
}
