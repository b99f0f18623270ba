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

final class LearnKeyMapTests: XCTestCase {
    /// Every key the legend names does what the legend says.
    func testTheLegendsKeysAreBound() {
        XCTAssertEqual(LearnKeyMap.command(for: "space"), .session(.togglePause))
        XCTAssertEqual(LearnKeyMap.command(for: "period"), .session(.stepOnce))
        XCTAssertEqual(LearnKeyMap.command(for: "bracketleft"), .session(.slower))
        XCTAssertEqual(LearnKeyMap.command(for: "bracketright"), .session(.faster))
        XCTAssertEqual(LearnKeyMap.command(for: "minus"), .session(.learningRateDown))
        XCTAssertEqual(LearnKeyMap.command(for: "plus"), .session(.learningRateUp))
        XCTAssertEqual(LearnKeyMap.command(for: "g"), .toggleGradients)
        XCTAssertEqual(LearnKeyMap.command(for: "r"), .session(.reset))
        XCTAssertEqual(LearnKeyMap.command(for: "End"), .restartFromNetwork)
        XCTAssertEqual(LearnKeyMap.command(for: "s"), .saveWeights)
        XCTAssertEqual(LearnKeyMap.command(for: LearnKeyMap.enterKey), .leave)
        XCTAssertEqual(LearnKeyMap.command(for: "Escape"), .leave)
        XCTAssertNil(LearnKeyMap.command(for: "f"))
        XCTAssertEqual(LearnView.keys.map(\.key), ["Space", ".", "[ ]", "− +", "g", "r", "End", "s", LearnKeyMap.enterKey])
    }
}
