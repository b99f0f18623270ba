import ConvNet

/// Where everything of one stage view goes: the view that replaces the three panels when a stage
/// of the strip is opened in network mode.
///
/// A title band on top; the input on the left (where the receptive field of the value under the
/// pointer is outlined); on the right every map of the stage as small multiples, or for a vector
/// stage its values as bars: the 400 flattened values in one band, the 10 logits and the 10
/// probabilities as one labelled row per class. For conv2, ReLU2 and pool2 a column on the far
/// right holds the 3×3×f1 kernel of the filter under the pointer. An info line at the foot says
/// what the pointer is on.
public struct StageViewLayout: Equatable, Sendable {
    public let stage: Int
    public let frame: Rect
    public let title: Rect
    public let info: Rect
    public let input: Rect
    public let inputLabel: Rect
    /// One square per channel (map stages), each with its label band above.
    public let maps: [Rect]
    public let mapLabels: [Rect]
    /// Cells per side of each map.
    public let mapSide: Int
    /// The heading over the kernel column, and one 3×3 grid per input channel (conv2 family).
    public let kernelTitle: Rect
    public let kernels: [Rect]
    /// The bar band of the flattened values.
    public let bars: Rect
    /// One row per class (dense and softmax), with the class name in its first `labelWidth`.
    public let rows: [Rect]
    public let labelWidth: Double
    /// How many values a vector stage has (0 for map stages).
    public let count: Int

    public init(frame: Rect, stage: Int, channels: Int, side: Int, filters1: Int, fonts: FontSizes, gap: Double) {
        self.stage = stage
        self.frame = frame
        let titleHeight = (fonts.title * 1.9).rounded(), infoHeight = (fonts.body * 1.9).rounded()
        let labelHeight = (fonts.small * 1.6).rounded()
        title = Rect(x: frame.x, y: frame.y, width: frame.width, height: titleHeight)
        let body = Rect(x: frame.x, y: title.maxY, width: frame.width, height: max(0, frame.height - titleHeight - infoHeight))
        info = Rect(x: frame.x, y: body.maxY, width: frame.width, height: infoHeight)

        // Whole pixels per input pixel, so the receptive field's outline falls on pixel edges.
        let room = max(0, min(body.height - labelHeight, body.width * 0.22)), n = Double(NetShape.side)
        let inputSide = room >= n ? (room / n).rounded(.down) * n : room.rounded(.down)
        inputLabel = Rect(x: body.x, y: body.y, width: inputSide, height: labelHeight)
        input = Rect(x: body.x, y: body.y + labelHeight, width: inputSide, height: inputSide)
        let restX = input.maxX + 2 * gap
        let rest = Rect(x: restX, y: body.y, width: max(0, body.maxX - restX), height: body.height)

        var maps: [Rect] = [], labels: [Rect] = [], kernels: [Rect] = []
        var kernelTitle = Rect.zero, bars = Rect.zero, rows: [Rect] = [], labelWidth = 0.0
        if NetStages.isMap(stage) {
            count = 0
            mapSide = side
            let hasKernel = [NetStages.conv2, NetStages.relu2, NetStages.pool2].contains(stage)
            let kernelWidth = hasKernel ? (rest.width * 0.24).rounded(.down) : 0
            let area = Rect(x: rest.x, y: rest.y, width: max(0, rest.width - (hasKernel ? kernelWidth + 2 * gap : 0)),
                            height: rest.height)
            (maps, labels) = StageViewLayout.smallMultiples(channels, side: side, in: area, labelHeight: labelHeight, gap: gap)
            if hasKernel {
                let column = Rect(x: rest.maxX - kernelWidth, y: rest.y, width: kernelWidth, height: rest.height)
                kernelTitle = Rect(x: column.x, y: column.y, width: column.width, height: labelHeight)
                kernels = StageViewLayout.kernelGrids(filters1, in: Rect(x: column.x, y: kernelTitle.maxY + gap / 2,
                                                                          width: column.width,
                                                                          height: max(0, column.height - labelHeight - gap / 2)),
                                                      gap: gap / 2)
            }
        } else {
            count = side
            mapSide = 0
            if stage == NetStages.flatten {
                bars = Rect(x: rest.x, y: rest.y + labelHeight, width: rest.width,
                            height: max(0, min(rest.height - 2 * labelHeight, rest.height * 0.6)).rounded(.down))
            } else {
                labelWidth = min(rest.width * 0.3, fonts.body * 9).rounded()
                let rowHeight = (rest.height / Double(max(1, side))).rounded(.down)
                let top = rest.y + ((rest.height - rowHeight * Double(side)) / 2).rounded(.down)
                rows = (0..<side).map { Rect(x: rest.x, y: top + Double($0) * rowHeight, width: rest.width, height: rowHeight) }
            }
        }
        self.maps = maps
        self.mapLabels = labels
        self.kernelTitle = kernelTitle
        self.kernels = kernels
        self.bars = bars
        self.rows = rows
        self.labelWidth = labelWidth
    }

    /// `n` squares of `side` cells in the columns that make them largest (whole pixels per cell
    /// when a cell gets at least one), centred in `area`, each under a label band.
    public static func smallMultiples(_ n: Int, side: Int, in area: Rect, labelHeight: Double, gap: Double) -> ([Rect], [Rect]) {
        guard n > 0, side > 0 else { return ([], []) }
        var best = (tile: 0.0, columns: 1)
        for columns in 1...n {
            let rowsNeeded = (n + columns - 1) / columns
            let w = (area.width - Double(columns - 1) * gap) / Double(columns)
            let h = (area.height - Double(rowsNeeded) * labelHeight - Double(rowsNeeded - 1) * gap) / Double(rowsNeeded)
            let tile = min(w, h)
            if tile > best.tile { best = (tile, columns) }
        }
        var tile = max(0, best.tile)
        tile = tile >= Double(side) ? (tile / Double(side)).rounded(.down) * Double(side) : tile.rounded(.down)
        let columns = best.columns, rowsNeeded = (n + columns - 1) / columns
        let blockWidth = Double(columns) * tile + Double(columns - 1) * gap
        let blockHeight = Double(rowsNeeded) * (tile + labelHeight) + Double(rowsNeeded - 1) * gap
        let x0 = area.x + ((area.width - blockWidth) / 2).rounded(.down)
        let y0 = area.y + ((area.height - blockHeight) / 2).rounded(.down)
        var maps: [Rect] = [], labels: [Rect] = []
        for i in 0..<n {
            let x = x0 + Double(i % columns) * (tile + gap), y = y0 + Double(i / columns) * (tile + labelHeight + gap)
            labels.append(Rect(x: x, y: y, width: tile, height: labelHeight))
            maps.append(Rect(x: x, y: y + labelHeight, width: tile, height: tile))
        }
        return (maps, labels)
    }

    /// `n` square 3×3 grids in two columns (one when `n` is 1), top-aligned in `area`.
    static func kernelGrids(_ n: Int, in area: Rect, gap: Double) -> [Rect] {
        guard n > 0 else { return [] }
        let columns = n > 1 ? 2 : 1, rowsNeeded = (n + columns - 1) / columns
        let w = (area.width - Double(columns - 1) * gap) / Double(columns)
        let h = (area.height - Double(rowsNeeded - 1) * gap) / Double(rowsNeeded)
        var side = max(0, min(w, h))
        side = side >= 3 ? (side / 3).rounded(.down) * 3 : 0
        let blockWidth = Double(columns) * side + Double(columns - 1) * gap
        let x0 = area.x + ((area.width - blockWidth) / 2).rounded(.down)
        return (0..<n).map { i in
            Rect(x: x0 + Double(i % columns) * (side + gap), y: area.y + Double(i / columns) * (side + gap),
                 width: side, height: side)
        }
    }

    /// The value under a window point: a map cell, a flattened value's bar, or a class row.
    public func cell(atX x: Double, y: Double) -> StageCell? {
        if let c = maps.firstIndex(where: { $0.contains(x: x, y: y) }), mapSide > 0 {
            let r = maps[c], cellSize = r.width / Double(mapSide)
            guard cellSize > 0 else { return nil }
            let col = min(Int((x - r.x) / cellSize), mapSide - 1), row = min(Int((y - r.y) / cellSize), mapSide - 1)
            return StageCell(stage: stage, channel: c, row: row, col: col)
        }
        if !bars.isEmpty, bars.contains(x: x, y: y), count > 0 {
            let i = min(Int((x - bars.x) / bars.width * Double(count)), count - 1)
            return StageCell(stage: stage, channel: 0, row: i, col: 0)
        }
        if let j = rows.firstIndex(where: { $0.contains(x: x, y: y) }) {
            return StageCell(stage: stage, channel: 0, row: j, col: 0)
        }
        return nil
    }

    /// Every rectangle of the view, for tests that check nothing leaves the frame.
    public var allRects: [Rect] {
        [title, info, input, inputLabel, kernelTitle, bars] + maps + mapLabels + kernels + rows
    }
}
