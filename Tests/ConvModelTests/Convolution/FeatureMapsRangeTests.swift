import XCTest
@testable import ConvModel

/// The stored conv range is the true smallest and largest value, whatever the map's length.
final class FeatureMapsRangeTests: XCTestCase {
    func testRangeMatchesAPlainScanForEveryLength() {
        var rng = SplitMix64(seed: 0xA11CE)
        for n in 1...40 {
            let values = (0..<n).map { _ in rng.float(-5, 5) }
            let (lo, hi) = FeatureMaps.range(of: Grid(width: n, height: 1, values: values))
            XCTAssertEqual(lo, values.min()!, "length \(n)")
            XCTAssertEqual(hi, values.max()!, "length \(n)")
        }
    }

    func testExtremesInTheTailAreSeen() {
        // 8 lanes cover the first 16 values; the extremes sit in the 3-value tail.
        var values = [Float](repeating: 0.5, count: 19)
        values[17] = -2
        values[18] = 7
        let (lo, hi) = FeatureMaps.range(of: Grid(width: 19, height: 1, values: values))
        XCTAssertEqual(lo, -2)
        XCTAssertEqual(hi, 7)
    }

    func testMapsKeepTheirConvRange() {
        let maps = FeatureMaps(input: BuiltinImages.named("face")!.grid,
                               kernel: Kernel.preset(named: "edge_v")!, settings: ConvSettings())
        XCTAssertEqual(maps.convMin, maps.conv.values.min()!)
        XCTAssertEqual(maps.convMax, maps.conv.values.max()!)
        XCTAssertEqual(maps.reluMax, 3)   // a white eye's left edge against black: 1+1+1
    }
}
