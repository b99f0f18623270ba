import XCTest
import ConvModel

final class BlankCanvasTests: XCTestCase {
    func testParsesASize() throws {
        let c = try XCTUnwrap(BlankCanvas.parse("blank:24x24"))
        XCTAssertEqual(c.name, "blank:24x24")
        XCTAssertEqual(c.grid, Grid(width: 24, height: 24))
        let wide = try XCTUnwrap(BlankCanvas.parse("blank:32×16"))
        XCTAssertEqual(wide.grid.width, 32)
        XCTAssertEqual(wide.grid.height, 16)
        XCTAssertEqual(wide.name, "blank:32x16")
        XCTAssertEqual(try BlankCanvas.parse("blank:1X512")?.grid.height, 512)
    }

    func testOtherSpecsAreNotBlankCanvases() throws {
        XCTAssertNil(try BlankCanvas.parse("face"))
        XCTAssertNil(try BlankCanvas.parse("blank.pgm"))
        XCTAssertNil(try BlankCanvas.parse(""))
    }

    /// Each bad size gets its own one-line reason that quotes the spec.
    func testBadSizes() {
        let cases: [(String, String)] = [
            ("blank:0x5", "0"), ("blank:5x0", "0"), ("blank:513x10", "512"), ("blank:10x100000", "512"),
            ("blank:99999999999999999999x2", "512"), ("blank:axb", "not a whole number"),
            ("blank:-3x4", "not a whole number"), ("blank:2.5x4", "not a whole number"),
            ("blank:24", "WxH"), ("blank:", "WxH"), ("blank:24x", "not a whole number"),
            ("blank:1x2x3", "WxH"), ("blank:4\nx4", "not a whole number"),
        ]
        for (spec, reason) in cases {
            XCTAssertThrowsError(try BlankCanvas.parse(spec), spec) { error in
                guard case .badSize = error as? BlankCanvasError else { return XCTFail("\(error)") }
                let text = "\(error)"
                XCTAssertTrue(text.contains(reason), "\(spec): \(text)")
                XCTAssertTrue(text.hasPrefix("blank canvas \""), text)
                XCTAssertFalse(text.contains("\n"), text)
            }
        }
    }
}
