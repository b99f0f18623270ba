import ConvModel
import XCTest

/// A large input starts at the speed that scans it in about a minute; the status line says how long.
final class ClockDefaultsTests: XCTestCase {
    func testDefaultSpeedScansInAboutAMinute() {
        XCTAssertEqual(Clock.defaultSpeed(positions: 484), Clock.defaultSpeed, "a built-in picture keeps 8/s")
        XCTAssertEqual(Clock.defaultSpeed(positions: 0), Clock.defaultSpeed)
        // 510×510 (a 512² photo, valid 3×3): 260 100 positions, 4096/s → 63.5 s.
        XCTAssertEqual(Clock.defaultSpeed(positions: 510 * 510), 4096)
        for side in [40, 64, 100, 200, 512, 1000, 2048, 4094] {
            let n = side * side
            let s = Clock.defaultSpeed(positions: n)
            XCTAssertEqual(s, s.rounded(), "a whole power of two")
            XCTAssertEqual(Double(Int(s)).nonzeroBitCount(), 1, "\(s) is a power of two")
            XCTAssertLessThanOrEqual(s, Clock.maxSpeed)
            let seconds = Double(n) / s
            if s > Clock.defaultSpeed { XCTAssertTrue((42...85).contains(seconds), "\(side)²: \(seconds) s at \(s)/s") }
        }
    }

    func testScanTimeText() {
        XCTAssertEqual(Clock.scanTimeText(positions: 484, speed: 8), "1 min")
        XCTAssertEqual(Clock.scanTimeText(positions: 484, speed: 16), "30 s")
        XCTAssertEqual(Clock.scanTimeText(positions: 484, speed: 4096), "< 1 s")
        XCTAssertEqual(Clock.scanTimeText(positions: 260_100, speed: 8), "9 h")
        XCTAssertEqual(Clock.scanTimeText(positions: 260_100, speed: 4096), "1 min")
    }
}

private extension Double {
    func nonzeroBitCount() -> Int { Int(self).nonzeroBitCount }
}
