import ConvModel
import XCTest

final class StageViewLayoutTests: XCTestCase {
    static let sizes = [(640, 400), (1920, 1080), (3840, 2160)]

    private func inside(_ r: Rect, _ frame: Rect) -> Bool {
        r.isEmpty || (r.minX >= frame.minX - 1e-9 && r.minY >= frame.minY - 1e-9
            && r.maxX <= frame.maxX + 1e-9 && r.maxY <= frame.maxY + 1e-9)
    }

    private func overlaps(_ a: Rect, _ b: Rect) -> Bool { !a.intersection(b).isEmpty }

    func testEveryStageViewFitsItsAreaAtEverySize() {
        let source = makeNetworkSource()
        for (w, h) in Self.sizes {
            let s = makeNetworkState(width: w, height: h, source: source)
            let layout = FrameLayout(state: s)
            XCTAssertTrue(inside(layout.stageArea, layout.bounds))
            XCTAssertLessThanOrEqual(layout.stageArea.maxY, layout.strip.frame.minY, "\(w)×\(h): the view stays above the strip")
            for stage in 1..<NetStages.names.count {
                let v = layout.stageView(stage, pass: s.network!.pass)
                let name = "\(NetStages.names[stage]) at \(w)×\(h)"
                for r in v.allRects { XCTAssertTrue(inside(r, v.frame), "\(name): \(r) leaves \(v.frame)") }
                XCTAssertGreaterThan(v.input.width, 27, "\(name): the input has a pixel a cell")
                let tiles = v.maps + v.kernels + v.rows + [v.input, v.bars]
                for i in tiles.indices {
                    for j in tiles.indices where j > i { XCTAssertFalse(overlaps(tiles[i], tiles[j]), "\(name): \(i) and \(j) overlap") }
                }
                switch stage {
                case NetStages.conv1, NetStages.relu1, NetStages.pool1:
                    XCTAssertEqual(v.maps.count, 8, name)
                    XCTAssertTrue(v.kernels.isEmpty, name)
                case NetStages.conv2, NetStages.relu2, NetStages.pool2:
                    XCTAssertEqual(v.maps.count, 16, name)
                    XCTAssertEqual(v.kernels.count, 8, "\(name): the 3×3×8 kernel")
                    XCTAssertTrue(v.kernels.allSatisfy { $0.width >= 9 }, "\(name): a kernel grid of at least 3 px a weight")
                case NetStages.flatten:
                    XCTAssertEqual(v.count, 400)
                    XCTAssertGreaterThanOrEqual(v.bars.width, 400, "\(name): at least a pixel a value")
                default:
                    XCTAssertEqual(v.rows.count, 10, name)
                    XCTAssertGreaterThan(v.labelWidth, 0, name)
                }
                // A map's cells are whole pixels once a cell gets one, so every cell is the same size.
                if let m = v.maps.first, m.width >= Double(v.mapSide) {
                    XCTAssertEqual(m.width.truncatingRemainder(dividingBy: Double(v.mapSide)), 0, name)
                }
            }
        }
    }

    func testHitTestingFindsEachValue() {
        let s = makeNetworkState(width: 1920, height: 1080)
        let layout = FrameLayout(state: s), pass = s.network!.pass
        let pool1 = layout.stageView(NetStages.pool1, pass: pass)
        let r = pool1.maps[7], cell = r.width / 13
        XCTAssertEqual(pool1.cell(atX: r.x + cell * 12.5, y: r.y + cell * 0.5),
                       StageCell(stage: NetStages.pool1, channel: 7, row: 0, col: 12))
        XCTAssertNil(pool1.cell(atX: pool1.title.midX, y: pool1.title.midY))
        let flat = layout.stageView(NetStages.flatten, pass: pass)
        let bar = flat.bars.width / 400
        XCTAssertEqual(flat.cell(atX: flat.bars.x + bar * 137.5, y: flat.bars.midY)?.row, 137)
        let soft = layout.stageView(NetStages.softmax, pass: pass)
        XCTAssertEqual(soft.cell(atX: soft.rows[7].midX, y: soft.rows[7].midY)?.row, 7)
    }

    func testStripStagesAreHitWhereTheyAreAndNotBetween() {
        let s = makeNetworkState()
        let layout = FrameLayout(state: s)
        for (i, box) in layout.strip.boxes.enumerated() {
            XCTAssertEqual(layout.stripStage(atX: box.minX + 1, y: box.minY + 1), i)
            XCTAssertEqual(layout.stripStage(atX: box.maxX - 1, y: box.maxY - 1), i)
            if i + 1 < layout.strip.boxes.count {
                XCTAssertNil(layout.stripStage(atX: (box.maxX + layout.strip.boxes[i + 1].minX) / 2, y: box.midY), "the arrow")
            }
        }
        XCTAssertNil(layout.stripStage(atX: layout.strip.boxes[3].midX, y: layout.strip.bracket.midY), "the bracket")
        XCTAssertGreaterThan(layout.strip.frame.height, FrameLayout(width: 1280, height: 800).strip.frame.height,
                             "network mode's strip has room for the thumbnails")
    }
}
