import ConvModel
import XCTest

final class LearnTextTests: XCTestCase {
    func testGroupedThousands() {
        XCTAssertEqual(LearnText.grouped(0), "0")
        XCTAssertEqual(LearnText.grouped(999), "999")
        XCTAssertEqual(LearnText.grouped(1000), "1,000")
        XCTAssertEqual(LearnText.grouped(64000), "64,000")
        XCTAssertEqual(LearnText.grouped(1_234_567), "1,234,567")
    }

    func testCompactTicksAndPercent() {
        XCTAssertEqual(LearnText.compact(500), "500")
        XCTAssertEqual(LearnText.compact(20000), "20k")
        XCTAssertEqual(LearnText.compact(2500), "2.5k")
        XCTAssertEqual(LearnText.compact(1_500_000), "1.5M")
        XCTAssertEqual(LearnText.percent(0.8414), "84.1 %")
        XCTAssertEqual(LearnText.percent(1), "100 %")
    }
}
