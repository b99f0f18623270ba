import ConvModel
import XCTest

/// The learn view's rectangles: inside the frame, apart from each other, whole pixels, at every
/// size from the smallest window to 4K and at UI scales 1 to 3.
final class LearnLayoutTests: XCTestCase {
    static let cases: [(width: Int, height: Int, scale: Double)] = [
        (480, 320, 1), (640, 400, 1), (1280, 800, 1), (1920, 1080, 1), (3840, 2160, 1),
        (1280, 800, 2), (1920, 1080, 2), (3840, 2160, 3),
    ]

    func testEverythingIsInsideAndApart() {
        for c in Self.cases {
            for notice in [false, true] {
                let l = LearnLayout(width: c.width, height: c.height, scale: c.scale, notice: notice)
                let what = "\(c.width)×\(c.height) scale \(c.scale) notice \(notice)"
                let tiles = l.conv1Tiles + l.conv2Tiles.joined()
                var named: [(String, Rect)] = [("status", l.status), ("keys", l.keys), ("conv1 title", l.conv1Title),
                                               ("conv2 title", l.conv2Title), ("loss", l.lossPlot.frame), ("accuracy", l.accuracyPlot.frame)]
                named += l.figures.enumerated().map { ("figure \($0)", $1) }
                named += tiles.enumerated().map { ("tile \($0)", $1) }
                for (name, r) in named {
                    XCTAssertFalse(r.isEmpty, "\(what): \(name) is empty")
                    XCTAssertTrue(l.bounds.contains(r), "\(what): \(name) \(r) leaves the frame")
                }
                for (i, a) in named.enumerated() {
                    for b in named[(i + 1)...] {
                        XCTAssertTrue(a.1.intersection(b.1).isEmpty, "\(what): \(a.0) \(a.1) overlaps \(b.0) \(b.1)")
                    }
                }
                // A tile is 3 whole cells square, on whole pixels, so cells are crisp.
                for t in tiles {
                    XCTAssertEqual(t.width, t.height)
                    XCTAssertEqual(t.width.truncatingRemainder(dividingBy: 3), 0, "\(what): \(t)")
                    XCTAssertEqual(t.x, t.x.rounded(), "\(what)")
                    XCTAssertEqual(t.y, t.y.rounded(), "\(what)")
                }
                XCTAssertGreaterThanOrEqual(l.conv1Tiles[0].width, l.conv2Tiles[0][0].width, "\(what): conv1 drawn no smaller than conv2")
                XCTAssertLessThanOrEqual(l.figures.count, LearnLayout.figureLines(notice: notice, columns: l.figureColumns))
                if Double(c.height) / c.scale >= 700 { XCTAssertEqual(l.figures.count, LearnLayout.figureLines(notice: notice, columns: l.figureColumns), "\(what)") }
                for plot in [l.lossPlot, l.accuracyPlot] {
                    XCTAssertTrue(plot.frame.contains(plot.area), "\(what)")
                    XCTAssertTrue(plot.frame.contains(plot.title) && plot.frame.contains(plot.xLabels), "\(what)")
                    XCTAssertGreaterThan(plot.area.height, 0, "\(what): the plot has room for data")
                }
            }
        }
    }

    /// Each of conv2's filters keeps its 8 tiles together: 2 rows of 4 in channel order, apart
    /// from the next filter by more than the tiles are apart from each other.
    func testConv2FiltersAreTwoRowsOfFourInChannelOrder() {
        let l = LearnLayout(width: 1920, height: 1080)
        XCTAssertEqual(l.conv2Tiles.count, 16)
        for filter in l.conv2Tiles {
            XCTAssertEqual(filter.count, 8)
            for c in 1..<4 { XCTAssertGreaterThan(filter[c].minX, filter[c - 1].maxX); XCTAssertEqual(filter[c].y, filter[0].y) }
            for c in 4..<8 { XCTAssertEqual(filter[c].x, filter[c - 4].x); XCTAssertGreaterThan(filter[c].minY, filter[c - 4].maxY) }
        }
        let tileGap = l.conv2Tiles[0][1].minX - l.conv2Tiles[0][0].maxX
        let filterGap = l.conv2Tiles[1][0].minX - l.conv2Tiles[0][3].maxX
        XCTAssertGreaterThan(filterGap, tileGap)
    }

    func testWideColumnsPairTheFigures() {
        XCTAssertEqual(LearnLayout(width: 1920, height: 1080).figureColumns, 2)
        XCTAssertEqual(LearnLayout(width: 640, height: 400).figureColumns, 1)
        XCTAssertEqual(LearnLayout.figureLines(notice: true, columns: 2), 1 + 4)
        XCTAssertEqual(LearnLayout.figureLines(notice: false, columns: 1), LearnText.figureCount)
    }
}
