import XCTest
@testable import ConvModel

/// Area-average shrinking. The expected numbers are worked out by hand in the comments.
final class AreaShrinkTests: XCTestCase {

    func testFourByFourToTwoByTwoAveragesEachQuarter() {
        let grid = Grid(rows: [[1, 2, 3, 4],
                               [5, 6, 7, 8],
                               [9, 10, 11, 12],
                               [13, 14, 15, 16]])
        // (1+2+5+6)/4 = 3.5, (3+4+7+8)/4 = 5.5, (9+10+13+14)/4 = 11.5, (11+12+15+16)/4 = 13.5
        assertRows(grid.shrunk(toMaxSide: 2), [[3.5, 5.5], [11.5, 13.5]])
    }

    func testThreeByThreeToTwoByTwoCountsFractionalCoverage() {
        // Each output cell covers 1.5 × 1.5 input cells. Along one axis output 0 takes 1 of
        // input 0 and 0.5 of input 1 (weights 2/3, 1/3); output 1 takes 1/3 of input 1 and
        // 2/3 of input 2. So out(0,0) = (4·a00 + 2·a01 + 2·a10 + 1·a11) / 9:
        //   (4·1 + 2·2 + 2·4 + 5) / 9 = 21/9,   out(0,1) = (2·2 + 4·3 + 5 + 2·6) / 9 = 33/9,
        //   out(1,0) = (2·4 + 5 + 4·7 + 2·8) / 9 = 57/9, out(1,1) = (5 + 2·6 + 2·8 + 4·9) / 9 = 69/9.
        let grid = Grid(rows: [[1, 2, 3],
                               [4, 5, 6],
                               [7, 8, 9]])
        assertRows(grid.shrunk(toMaxSide: 2), [[21.0 / 9, 33.0 / 9], [57.0 / 9, 69.0 / 9]])
    }

    func testFiveToTwoInOneRow() {
        // 5×1 → 2×1 (the height stays 1): each output covers 2.5 inputs.
        // out0 = (1 + 2 + 0.5·3)/2.5 = 1.8, out1 = (0.5·3 + 4 + 5)/2.5 = 4.2
        let grid = Grid(rows: [[1, 2, 3, 4, 5]])
        assertRows(grid.shrunk(toMaxSide: 2), [[1.8, 4.2]])
    }

    func testWideGridKeepsItsAspectRatio() {
        // 8×4 → 4×2: each output is a 2×2 block mean.
        let grid = Grid(rows: [[0, 0, 4, 4, 8, 8, 1, 3],
                               [0, 0, 4, 4, 8, 8, 5, 7],
                               [2, 2, 2, 2, 2, 2, 2, 2],
                               [6, 6, 6, 6, 6, 6, 6, 6]])
        assertRows(grid.shrunk(toMaxSide: 4), [[0, 4, 8, 4], [4, 4, 4, 4]])
    }

    func testOutputSizes() {
        // (width, height, maxSide) → (width, height): the longest side becomes maxSide, the
        // other is scaled and rounded to nearest (7·4/3 → 3·4/7 = 1.71 → 2), at least 1.
        let cases: [(Int, Int, Int, Int, Int)] = [
            (100, 50, 10, 10, 5),
            (50, 100, 10, 5, 10),
            (7, 3, 4, 4, 2),
            (3, 7, 4, 2, 4),
            (1, 100, 10, 1, 10),
            (100, 1, 10, 10, 1),
            (30, 20, 1, 1, 1),
            (33, 32, 32, 32, 31),
        ]
        for (w, h, maxSide, ow, oh) in cases {
            let out = Grid(width: w, height: h).shrunk(toMaxSide: maxSide)
            XCTAssertEqual(out.width, ow, "\(w)×\(h) → max \(maxSide)")
            XCTAssertEqual(out.height, oh, "\(w)×\(h) → max \(maxSide)")
        }
    }

    func testThinColumnAveragesRuns() {
        // 1×4 → 1×2: (1+3)/2 = 2, (5+7)/2 = 6.
        assertRows(Grid(rows: [[1], [3], [5], [7]]).shrunk(toMaxSide: 2), [[2], [6]])
    }

    func testMaxSideOneGivesTheMean() {
        // (1+2+3+4+5+6)/6 = 3.5
        assertRows(Grid(rows: [[1, 2, 3], [4, 5, 6]]).shrunk(toMaxSide: 1), [[3.5]])
    }

    func testSmallEnoughGridIsUnchanged() {
        let grid = Grid(rows: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])
        XCTAssertEqual(grid.shrunk(toMaxSide: 3), grid)
        XCTAssertEqual(grid.shrunk(toMaxSide: 1000), grid)
        XCTAssertEqual(Grid(width: 0, height: 0).shrunk(toMaxSide: 4), Grid(width: 0, height: 0))
    }

    /// Property: every output cell covers the same area, so the mean of the image is kept;
    /// and an average never leaves the input's range. Over many random grids and sizes.
    func testMeanIsPreservedAndValuesStayInRange() {
        var rng = SplitMix64(seed: 0x5EED)
        for _ in 0..<300 {
            let w = Int(rng.next() % 60) + 1
            let h = Int(rng.next() % 60) + 1
            let maxSide = Int(rng.next() % 20) + 1
            let values = (0..<(w * h)).map { _ in Float(rng.next() % 10_000) / 10_000 }
            let grid = Grid(width: w, height: h, values: values)
            let out = grid.shrunk(toMaxSide: maxSide)
            XCTAssertLessThanOrEqual(max(out.width, out.height), maxSide)
            XCTAssertGreaterThanOrEqual(min(out.width, out.height), 1)
            if max(w, h) <= maxSide { XCTAssertEqual(out, grid); continue }
            XCTAssertEqual(mean(out), mean(grid), accuracy: 1e-5, "\(w)×\(h) → max \(maxSide)")
            XCTAssertGreaterThanOrEqual(out.minValue, grid.minValue - 1e-6)
            XCTAssertLessThanOrEqual(out.maxValue, grid.maxValue + 1e-6)
        }
    }

    /// Property: a constant image shrinks to the same constant.
    func testConstantStaysConstant() {
        let out = Grid(width: 37, height: 23, repeating: 0.3).shrunk(toMaxSide: 10)
        XCTAssertEqual(out.width, 10)
        XCTAssertEqual(out.height, 6)  // 23·10/37 = 6.2
        for v in out.values { XCTAssertEqual(v, 0.3, accuracy: 1e-6) }
    }

    // MARK: helpers

    private func mean(_ grid: Grid) -> Double {
        grid.values.reduce(0) { $0 + Double($1) } / Double(grid.count)
    }

    private func assertRows(_ grid: Grid, _ expected: [[Float]],
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(grid.height, expected.count, "height", file: file, line: line)
        XCTAssertEqual(grid.width, expected.first?.count ?? 0, "width", file: file, line: line)
        guard grid.height == expected.count, grid.width == expected.first?.count ?? 0 else { return }
        for (r, row) in expected.enumerated() {
            for (c, want) in row.enumerated() {
                XCTAssertEqual(grid[r, c], want, accuracy: 1e-5, "cell (\(r), \(c))", file: file, line: line)
            }
        }
    }
}
