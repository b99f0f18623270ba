import XCTest
import ConvModel

/// `KeyRepeat`: a held key's auto-repeat is told from new presses and thinned to one per slice.
final class KeyRepeatTests: XCTestCase {
    func testAHeldKeyRepeatsOncePerSlice() {
        var k = KeyRepeat()
        XCTAssertEqual(k.pressed(39, busy: false), .press)
        // 30 repeats arrive within one slice: one is handled, 29 dropped.
        XCTAssertEqual(k.pressed(39, busy: false), .repeatHandled)
        for _ in 0..<29 { XCTAssertEqual(k.pressed(39, busy: false), .repeatDropped) }
        XCTAssertEqual(k.dropped, 29)
        k.newSlice()
        XCTAssertEqual(k.pressed(39, busy: false), .repeatHandled)
    }

    func testReleaseMakesTheNextPressNew() {
        var k = KeyRepeat()
        XCTAssertEqual(k.pressed(39, busy: false), .press)
        k.released(39)
        XCTAssertEqual(k.pressed(39, busy: false), .press)
        XCTAssertEqual(k.held, [39])
    }

    func testOtherKeysAreNotRepeatsAndBusyDropsRepeatsOnly() {
        var k = KeyRepeat()
        XCTAssertEqual(k.pressed(39, busy: true), .press)
        XCTAssertEqual(k.pressed(40, busy: true), .press)
        XCTAssertEqual(k.pressed(39, busy: true), .repeatDropped)
        XCTAssertEqual(k.pressed(39, busy: false), .repeatHandled)
    }
}
