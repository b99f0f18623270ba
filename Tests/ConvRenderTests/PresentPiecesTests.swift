import ConvModel
@testable import ConvRender
import XCTest

/// Which boxes a window copies to the screen for a frame's damaged rectangles.
final class PresentPiecesTests: XCTestCase {
    private func box(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> Rect { Rect(x: x, y: y, width: w, height: h) }

    func testNoRectanglesNoPieces() {
        XCTAssertEqual(FrameDamage.presentPieces([], maxPieces: 16), [])
    }

    func testFewSpreadRectanglesAreCopiedAsTheyAre() {
        let rects = [box(0, 0, 10, 10), box(1000, 0, 10, 10), box(0, 900, 20, 5)]
        XCTAssertEqual(FrameDamage.presentPieces(rects, maxPieces: 16), rects)
    }

    /// Two 10×10 side by side with a 2-pixel gap: their box (22×10 = 220) is within a quarter of
    /// their 200 pixels, so one copy.
    func testNeighboursAreCopiedAsOneBox() {
        XCTAssertEqual(FrameDamage.presentPieces([box(0, 0, 10, 10), box(12, 0, 10, 10)], maxPieces: 16), [box(0, 0, 22, 10)])
    }

    /// Seventeen 10×10 rectangles: sixteen on a 4K-wide grid 200 pixels apart, and one 2 pixels
    /// right of the first. One pair too many, so the nearest two are joined (22×10) and the other
    /// fifteen stay: 1,720 pixels copied, where one box around them all is 1,510×310 = 468,100.
    func testOnePairTooManyJoinsTheNearestTwo() {
        let grid = (0..<16).map { i in box(Double(i % 8) * 200, Double(i / 8) * 300, 10, 10) }
        let rects = grid + [box(12, 0, 10, 10)]
        let pieces = FrameDamage.presentPieces(rects, maxPieces: 16)
        XCTAssertEqual(pieces.count, 16)
        XCTAssertTrue(pieces.contains(box(0, 0, 22, 10)))
        XCTAssertEqual(Set(pieces.filter { $0 != box(0, 0, 22, 10) }.map { "\($0)" }), Set(grid.dropFirst().map { "\($0)" }))
        XCTAssertEqual(pieces.reduce(0) { $0 + $1.width * $1.height }, 1720)
    }

    /// Property: for random rectangles at 4K, every rectangle lies inside a piece, there are no
    /// more pieces than allowed, and no piece reaches past the box around them all.
    func testPiecesCoverEveryRectangleWithinTheLimit() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<300 {
            let n = 1 + rng.below(40)
            let rects = (0..<n).map { _ in
                box(Double(rng.below(3700)), Double(rng.below(2000)), Double(1 + rng.below(140)), Double(1 + rng.below(160)))
            }
            let limit = 1 + rng.below(20)
            let pieces = FrameDamage.presentPieces(rects, maxPieces: limit)
            XCTAssertLessThanOrEqual(pieces.count, limit)
            for r in rects {
                XCTAssertTrue(pieces.contains { $0.intersection(r) == r }, "\(r) is in no piece of \(pieces)")
            }
            let bounding = Rect.bounding(rects)
            XCTAssertTrue(pieces.allSatisfy { bounding.intersection($0) == $0 })
        }
    }
}
